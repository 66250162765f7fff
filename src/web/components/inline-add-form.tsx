import type { ReactNode } from 'react';
import { Alert, useErrorText } from './feedback';

/**
 * The one "add an item" form of the web app (issue #17): a text field, optional further fields
 * of the item (`children`, e.g. the section a topic goes under), a submit button, what the last
 * add did (read out by screen readers) and the error of the last attempt. Blank text is not
 * submitted; the button waits while the add runs. Where it stands sets only its layout
 * (`className`) and its button's look.
 */
export function InlineAddForm(props: {
  id: string;
  label: string;
  /** Show the label above the field (default: for screen readers only; the placeholder says it). */
  showLabel?: boolean;
  /** The button's text (default: the label). */
  submitLabel?: string;
  placeholder?: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  /** What the last add did ("Added …"), or '' — shown when given. */
  status?: string;
  /** More fields of the item, between the text and the button. */
  children?: ReactNode;
  /** The layout where it stands (default: field and button on one line). */
  className?: string;
  /** The button's classes (default: a small button). */
  buttonClassName?: string;
  /** The text field's wrapper, for layouts that place it. */
  fieldClassName?: string;
  /** The on-screen keyboard's enter key, on phones. */
  enterKeyHint?: 'done' | 'enter' | 'send';
}) {
  const errorText = useErrorText();
  const fieldClass = ['field', 'inline-add__field', props.fieldClassName].filter(Boolean).join(' ');
  return (
    <>
      <form
        className={props.className ?? 'inline-add'}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (props.value.trim()) props.onSubmit();
        }}
      >
        <div className={fieldClass}>
          <label htmlFor={props.id} className={props.showLabel ? undefined : 'visually-hidden'}>
            {props.label}
          </label>
          <input
            id={props.id}
            type="text"
            value={props.value}
            maxLength={props.maxLength}
            placeholder={props.placeholder}
            enterKeyHint={props.enterKeyHint}
            onChange={(e) => props.onChange(e.target.value)}
          />
        </div>
        {props.children}
        <button
          type="submit"
          className={props.buttonClassName ?? 'button button--small'}
          disabled={props.pending || !props.value.trim()}
        >
          {props.submitLabel ?? props.label}
        </button>
        {props.status !== undefined ? (
          <p className="status inline-add__status" role="status">
            {props.status}
          </p>
        ) : null}
      </form>
      {props.error ? (
        <Alert>
          <p>{errorText(props.error)}</p>
        </Alert>
      ) : null}
    </>
  );
}
