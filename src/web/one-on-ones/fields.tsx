import type { ReactNode } from 'react';
import { errorId } from '../form-errors';

type Option<V extends string> = { value: V; label: ReactNode; hint?: ReactNode };

type RadioGroupProps<V extends string> = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  value: V;
  options: Option<V>[];
  onChange: (value: V) => void;
  error?: string | undefined;
  /** Options side by side where there is room (short labels); `pairs` puts two on a row. */
  inline?: boolean | 'pairs';
};

/** A set of radio buttons in a fieldset, with its error tied to the group. */
export function RadioGroup<V extends string>({
  name,
  legend,
  hint,
  value,
  options,
  onChange,
  error,
  inline = false,
}: RadioGroupProps<V>) {
  const hintId = hint ? `${name}-hint` : undefined;
  const described = [error ? errorId(name) : undefined, hintId].filter(Boolean).join(' ');
  return (
    <fieldset
      className={error ? 'fieldset field--invalid' : 'fieldset'}
      aria-describedby={described || undefined}
      id={name}
      tabIndex={error ? -1 : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div
        className={
          inline === 'pairs'
            ? 'choices choices--pairs'
            : inline
              ? 'choices choices--inline'
              : 'choices'
        }
      >
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span className="choice__text">
              <span className="choice__label">{o.label}</span>
              {o.hint ? <span className="choice__hint">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={errorId(name)}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
