/** Inputs and read-only display of preparation answers, by answer type. */
import { useTranslation } from 'react-i18next';
import { localise } from '../../domain/one-on-one/template';
import { errorId } from '../form-errors';
import { formatter } from '../format';
import type { AnswerValue, TemplateQuestion } from './api';

/** A calendar date ("2027-02-22") written the reader's way, without any time zone shift. */
export function useLocalDate() {
  const { i18n } = useTranslation();
  const fmt = formatter(i18n.language, 'UTC');
  return (date: string) => fmt.date(`${date}T12:00:00Z`);
}

/** A localised template text in the reader's language. */
export function useLocalise() {
  const { i18n } = useTranslation();
  return (text: Parameters<typeof localise>[0]) => localise(text, i18n.language);
}

/** One answer as text: the scale step with its label, yes/no, the chosen options. */
export function AnswerText({ q, value }: { q: TemplateQuestion; value: AnswerValue | undefined }) {
  const { t } = useTranslation('conversations');
  const l = useLocalise();
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0))
    return <span className="muted">{t('prep.noAnswer')}</span>;
  const a = q.answer;
  if (a.type === 'scale' && typeof value === 'number')
    return <>{`${value} – ${l(a.labels[value - 1])}`}</>;
  if (a.type === 'yes_no') return <>{value ? t('prep.yes') : t('prep.no')}</>;
  if (a.type === 'single' || a.type === 'multiple') {
    const keys = Array.isArray(value) ? value : [String(value)];
    return <>{keys.map((k) => l(a.options.find((o) => o.key === k)?.label)).join(', ')}</>;
  }
  return <span className="prep-answer__text">{String(value)}</span>;
}

type InputProps = {
  q: TemplateQuestion;
  value: AnswerValue | null | undefined;
  onChange: (value: AnswerValue | null) => void;
  error?: string | undefined;
  disabled?: boolean;
};

/** The control for one question, chosen by its answer type. */
export function AnswerInput({ q, value, onChange, error, disabled }: InputProps) {
  const { t } = useTranslation('conversations');
  const l = useLocalise();
  const id = `q-${q.key}`;
  const described = [error ? errorId(id) : undefined, q.help ? `${id}-help` : undefined]
    .filter(Boolean)
    .join(' ');
  const a = q.answer;
  const choices: { key: string; label: string; value: AnswerValue }[] =
    a.type === 'scale'
      ? a.labels.map((lab, i) => ({
          key: String(i + 1),
          label: `${i + 1} – ${l(lab)}`,
          value: i + 1,
        }))
      : a.type === 'yes_no'
        ? [
            { key: 'yes', label: t('prep.yes'), value: true },
            { key: 'no', label: t('prep.no'), value: false },
          ]
        : a.type === 'single' || a.type === 'multiple'
          ? a.options.map((o) => ({ key: o.key, label: l(o.label), value: o.key }))
          : [];
  return (
    <div className={error ? 'prep-question field--invalid' : 'prep-question'}>
      {a.type === 'text' ? (
        <>
          <label htmlFor={id} className="prep-question__text">
            {l(q.text)}
          </label>
          {q.help ? (
            <p className="field__hint" id={`${id}-help`}>
              {l(q.help)}
            </p>
          ) : null}
          <textarea
            id={id}
            rows={3}
            maxLength={10_000}
            disabled={disabled}
            value={typeof value === 'string' ? value : ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={described || undefined}
            onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          />
        </>
      ) : (
        <fieldset
          id={id}
          className="fieldset"
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          tabIndex={error ? -1 : undefined}
        >
          <legend className="prep-question__text">{l(q.text)}</legend>
          {q.help ? (
            <p className="field__hint" id={`${id}-help`}>
              {l(q.help)}
            </p>
          ) : null}
          <div className="prep-question__choices">
            {choices.map((c) => {
              const multiple = a.type === 'multiple';
              const list = Array.isArray(value) ? value : [];
              const checked = multiple ? list.includes(c.key) : value === c.value;
              return (
                <label key={c.key} className="choice">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={id}
                    checked={checked}
                    disabled={disabled}
                    onChange={() => {
                      if (!multiple) return onChange(c.value);
                      const next = checked ? list.filter((k) => k !== c.key) : [...list, c.key];
                      onChange(next.length ? next : null);
                    }}
                  />{' '}
                  {c.label}
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      {error ? (
        <p className="field__error" id={errorId(id)}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
