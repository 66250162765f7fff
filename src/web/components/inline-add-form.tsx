import { Alert, useErrorText } from './feedback';

/**
 * A one-line "add" form: a text field with a label for screen readers, a small submit button,
 * and the error of the last attempt. Blank text is not submitted.
 */
export function InlineAddForm(props: {
  id: string;
  label: string;
  /** The button's text (default: the label). */
  submitLabel?: string;
  placeholder: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
}) {
  const errorText = useErrorText();
  return (
    <>
      <form
        className="goal-progress__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (props.value.trim()) props.onSubmit();
        }}
      >
        <label htmlFor={props.id} className="visually-hidden">
          {props.label}
        </label>
        <input
          id={props.id}
          type="text"
          value={props.value}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={props.pending}>
          {props.submitLabel ?? props.label}
        </button>
      </form>
      {props.error ? (
        <Alert>
          <p>{errorText(props.error)}</p>
        </Alert>
      ) : null}
    </>
  );
}
