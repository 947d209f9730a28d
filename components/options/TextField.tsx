// One labelled box with its hint or its validation message right below it, tied together for screen
// readers (aria-describedby, aria-invalid).
import type { Ref } from 'preact';
import { KeepWhole } from './KeepWhole';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  inputMode?: 'text' | 'numeric' | 'email';
  inputRef?: Ref<HTMLInputElement>;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, error, hint, multiline } = props;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const common = {
    id,
    class: `field__input${multiline ? ' field__input--multiline' : ''}`,
    value,
    placeholder: props.placeholder,
    spellcheck: false,
    autocomplete: 'off',
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    onBlur: props.onBlur,
  };
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onInput={(e) => props.onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          ref={props.inputRef}
          type="text"
          inputMode={props.inputMode}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
      {error ? (
        <p id={`${id}-error`} class="field__error">
          <KeepWhole text={error} />
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
