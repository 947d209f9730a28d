// The popup's search box: a combobox that keeps focus while the arrow keys move through the results.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

export interface SearchBoxProps {
  value: string;
  listId: string;
  /** DOM id of the active option, if any. */
  activeId?: string | undefined;
  expanded: boolean;
  /** Changes when the text should be selected (after a save), so the next keystroke starts a new search. */
  selectToken?: number;
  onInput: (value: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

export function SearchBox({
  value,
  listId,
  activeId,
  expanded,
  selectToken = 0,
  onInput,
  onKeyDown,
}: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (selectToken) input.current?.select();
  }, [selectToken]);
  return (
    <input
      ref={input}
      class="search"
      type="text"
      role="combobox"
      enterKeyHint="go"
      aria-label={t('popupSearchLabel')}
      aria-autocomplete="list"
      aria-expanded={expanded}
      aria-controls={listId}
      aria-activedescendant={activeId}
      placeholder={t('popupSearchPlaceholder')}
      autocomplete="off"
      spellcheck={false}
      value={value}
      onInput={(e) => onInput(e.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  );
}
