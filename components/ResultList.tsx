// The result list: a listbox that renders only the rows in view (plus a few), so 10,000 sign-ins cost
// no more to show than twenty. Rows have one fixed height; the active row's actions float over it.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { SearchResult } from '../lib/search';
import { ResultRow } from './ResultRow';

export const ROW_HEIGHT = 52;
/**
 * Rows rendered above and below the visible ones, so fast scrolling does not show gaps. A new result list
 * (a keystroke) first paints the visible rows alone; the overscan rows follow right after that paint, so
 * the keystroke's frame does not wait for rows nobody sees yet (no scroll can come in between).
 */
const OVERSCAN = 4;
/** Used until the list has a measured height (and in DOM emulations that do no layout). */
const FALLBACK_HEIGHT = 8 * ROW_HEIGHT;

export interface ResultListProps {
  id: string;
  results: readonly SearchResult[];
  active: number;
  optionId: (result: SearchResult) => string;
  canRoute: (result: SearchResult) => boolean;
  /** Whether the result's account has a live console session. */
  signedIn?: (result: SearchResult) => boolean;
  onHover: (position: number) => void;
  onChoose: (position: number, newTab: boolean) => void;
  /** Tells the model how many rows fit, for PageUp/PageDown. */
  onPageSize?: (rows: number) => void;
  /** Buttons for the active row, drawn over its right end (outside the listbox: options hold no controls). */
  actions?: ComponentChildren;
}

export function ResultList(props: ResultListProps) {
  const { results, active } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const h = el.clientHeight || FALLBACK_HEIGHT;
      setHeight(h);
      props.onPageSize?.(Math.max(1, Math.floor(h / ROW_HEIGHT)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The active row shows its names whole and may be drawn taller than the others (over the next row).
  const [activeHeight, setActiveHeight] = useState(ROW_HEIGHT);
  useLayoutEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>('.row--active');
    // Rounded up: offsetHeight rounds to the nearest pixel, and half a pixel short clips the last line.
    setActiveHeight(Math.max(ROW_HEIGHT, Math.ceil(row?.getBoundingClientRect().height ?? 0)));
  }, [active, results]);

  // Keep the active row, all of it, in view.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || active < 0) return;
    const top = active * ROW_HEIGHT;
    let next = el.scrollTop;
    if (top < next) next = top;
    else if (top + activeHeight > next + height) next = top + activeHeight - height;
    if (next !== el.scrollTop) el.scrollTop = next;
    setScrollTop(next);
  }, [active, results, height, activeHeight]);

  // When the window is shorter than the popup (200% zoom caps the popup window), the page scrolls too.
  useLayoutEffect(() => {
    const row = active >= 0 ? scroller.current?.querySelector(`[aria-posinset="${active + 1}"]`) : null;
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [active, results]);

  // The result list whose overscan rows are in: set after the browser painted it (useEffect runs after paint).
  const [overscanned, setOverscanned] = useState<readonly SearchResult[] | undefined>(undefined);
  useEffect(() => setOverscanned(results), [results]);
  const overscan = overscanned === results ? OVERSCAN : 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const last = Math.min(results.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + overscan);
  const positions: number[] = [];
  // The active row is always rendered so aria-activedescendant never points at nothing.
  if (active >= 0 && active < first) positions.push(active);
  for (let i = first; i < last; i++) positions.push(i);
  if (active >= last) positions.push(active);

  const activeResult = results[active];
  return (
    <div class="results" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div
        id={props.id}
        role="listbox"
        tabIndex={-1}
        class="results__list"
        aria-label={t('popupResultsLabel')}
        aria-activedescendant={activeResult ? props.optionId(activeResult) : undefined}
        style={{ height: `${results.length * ROW_HEIGHT + activeHeight - ROW_HEIGHT}px` }}
      >
        {positions.map((i) => {
          const result = results[i]!;
          return (
            <ResultRow
              key={result.entry.index}
              id={props.optionId(result)}
              entry={result.entry}
              highlights={result.highlights}
              position={i}
              size={results.length}
              top={i * ROW_HEIGHT}
              active={i === active}
              routable={props.canRoute(result)}
              signedIn={props.signedIn?.(result) ?? false}
              onHover={props.onHover}
              onChoose={props.onChoose}
            />
          );
        })}
      </div>
      {activeResult && props.actions ? (
        <div class="row-actions" style={{ top: `${active * ROW_HEIGHT}px` }}>
          {props.actions}
        </div>
      ) : null}
    </div>
  );
}
