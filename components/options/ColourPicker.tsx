// Picks an account's colour mark: none, one of the palette, or any custom colour.
import { t } from '../../lib/i18n';
import { PALETTE } from '../../lib/options/colours';

export interface ColourPickerProps {
  value: string;
  error?: string | undefined;
  onChange: (colour: string) => void;
}

export function ColourPicker({ value, error, onChange }: ColourPickerProps) {
  const current = value.trim().toLowerCase();
  const custom = current !== '' && !PALETTE.some((c) => c.value === current);
  return (
    <fieldset class="field colours" aria-describedby={error ? 'edit-colour-error' : undefined}>
      <legend class="field__label">{t('optionsColour')}</legend>
      <div class="colours__row">
        <label class="swatch swatch--none" title={t('colourNone')}>
          <input
            type="radio"
            name="colour"
            checked={current === ''}
            aria-label={t('colourNone')}
            onChange={() => onChange('')}
          />
        </label>
        {PALETTE.map((c) => (
          <label key={c.value} class="swatch" style={{ '--swatch': c.value }} title={t(c.name)}>
            <input
              type="radio"
              name="colour"
              checked={current === c.value}
              aria-label={t(c.name)}
              onChange={() => onChange(c.value)}
            />
          </label>
        ))}
        <label class={`swatch swatch--custom${custom ? ' swatch--checked' : ''}`} title={t('colourCustom')}>
          <input
            type="color"
            value={/^#[0-9a-f]{6}$/.test(current) ? current : '#888888'}
            aria-label={t('colourCustom')}
            onInput={(e) => onChange(e.currentTarget.value)}
          />
        </label>
      </div>
      {error ? (
        <p id="edit-colour-error" class="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
