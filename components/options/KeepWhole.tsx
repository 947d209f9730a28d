// Text in which account IDs and emails stay on one line: a browser breaks "1234-5678-9012" after any dash,
// and half an ID on each line reads as two numbers. Each one wraps as a unit (and breaks only if it alone is
// wider than the line).
const WHOLE = /(\d{4}-\d{4}-\d{4}|\S+@\S+)/;

export function KeepWhole({ text }: { text: string }) {
  const parts = text.split(WHOLE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} class="whole">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
