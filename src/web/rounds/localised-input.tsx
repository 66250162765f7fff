import type { LocalisedText } from '../../domain/development/template';
import { Field, TextField } from '../components/field';

/** Sets one language of a text; an emptied language is removed, so it falls back. */
export function withText(
  text: LocalisedText | undefined,
  lang: string,
  value: string,
): LocalisedText {
  const next: Record<string, string> = { ...(text ?? {}) };
  if (value) next[lang] = value;
  else delete next[lang];
  return next;
}

/** The errors of a form, by the full path the server names ("sections.0.questions.1.key"). */
export type PathErrors = Record<string, string>;
export const errorAt = (errors: PathErrors, path: string, lang?: string) =>
  errors[path] ?? (lang ? errors[`${path}.${lang}`] : undefined);

type LocalisedInputProps = {
  id: string;
  label: string;
  value: LocalisedText | undefined;
  lang: string;
  onChange: (v: LocalisedText) => void;
  error?: string | undefined;
  multiline?: boolean;
};

/** One text of the template in the language being written; the English text as a hint. */
export function LocalisedInput({
  id,
  label,
  value,
  lang,
  onChange,
  error,
  multiline,
}: LocalisedInputProps) {
  const current = (value as Record<string, string> | undefined)?.[lang] ?? '';
  const english = lang !== 'en' ? (value as Record<string, string> | undefined)?.en : undefined;
  const hint = english && !current ? `EN: ${english}` : undefined;
  if (multiline)
    return (
      <Field id={id} label={label} hint={hint} error={error}>
        {(c) => (
          <textarea
            {...c}
            rows={2}
            lang={lang}
            value={current}
            maxLength={500}
            onChange={(e) => onChange(withText(value, lang, e.target.value))}
          />
        )}
      </Field>
    );
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      error={error}
      lang={lang}
      value={current}
      maxLength={500}
      onChange={(e) => onChange(withText(value, lang, e.target.value))}
    />
  );
}
