// Text with the characters a search matched wrapped in <mark>.

export function Highlighted({ text, ranges }: { text: string; ranges?: readonly number[] | undefined }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const from = Math.max(ranges[i]!, at);
    const to = Math.min(ranges[i + 1]!, text.length);
    if (from >= to) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
