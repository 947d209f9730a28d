// A square button showing one stroked 16 px icon; its name comes from the caller (and shows as a tooltip).
export interface IconButtonProps {
  /** Accessible name, e.g. "Copy the sign-in URL of Prod". */
  label: string;
  /** Tooltip: the short form of the label. */
  title: string;
  /** SVG path data on a 16 × 16 grid, drawn as a 1.5 px stroke. */
  path: string;
  onClick: () => void;
  /** Keep focus where it is on click (the search box keeps the arrow keys). */
  keepFocus?: boolean;
}

const preventFocus = (e: MouseEvent) => e.preventDefault();

export function IconButton({ label, title, path, onClick, keepFocus = false }: IconButtonProps) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={label}
      title={title}
      onMouseDown={keepFocus ? preventFocus : undefined}
      onClick={onClick}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d={path}
          fill="none"
          stroke="currentColor"
          stroke-width="1.5"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
    </button>
  );
}
