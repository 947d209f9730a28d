// The number of results, for screen readers only, in a polite live region. It is written once the person
// stops typing for a moment, so a reader hears "3 results" and not a count after every keystroke.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';

/** How long typing must pause before the count is announced. */
export const ANNOUNCE_AFTER_MS = 500;

export function ResultCount({ count, query }: { count: number | null; query: string }) {
  const [said, setSaid] = useState('');
  useEffect(() => {
    // Nothing is said while the list is still loading, nor for the list the popup opens with.
    if (count === null || query === '') {
      setSaid('');
      return;
    }
    const timer = setTimeout(() => {
      setSaid(count === 1 ? t('popupResultCountOne') : t('popupResultCount', count));
    }, ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [count, query]);
  return (
    <p class="visually-hidden" aria-live="polite" aria-atomic="true">
      {said}
    </p>
  );
}
