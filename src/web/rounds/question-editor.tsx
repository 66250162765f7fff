import { useTranslation } from 'react-i18next';
import {
  ANSWER_TYPES,
  PREPARERS,
  type AnswerSpec,
  type TemplateQuestion,
} from '../../domain/development/template';
import { Field, TextField } from '../components/field';
import { errorAt, LocalisedInput, withText, type PathErrors } from './localised-input';

/** A fresh answer of `type`, keeping options or labels the question already had. */
function answerOf(type: AnswerSpec['type'], prev: AnswerSpec): AnswerSpec {
  if (type === 'scale')
    return {
      type,
      labels:
        prev.type === 'scale'
          ? prev.labels
          : [{ en: '1' }, { en: '2' }, { en: '3' }, { en: '4' }, { en: '5' }],
    };
  if (type === 'single' || type === 'multiple')
    return {
      type,
      options:
        prev.type === 'single' || prev.type === 'multiple'
          ? prev.options
          : [
              { key: 'option_1', label: { en: 'Option 1' } },
              { key: 'option_2', label: { en: 'Option 2' } },
            ],
    };
  return { type };
}

type QuestionEditorProps = {
  path: string;
  n: number;
  question: TemplateQuestion;
  lang: string;
  errors: PathErrors;
  onChange: (q: TemplateQuestion) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
  first: boolean;
  last: boolean;
};

/** Edits one question: key, texts, who prepares it, answer type with labels or options. */
export function QuestionEditor({
  path,
  n,
  question: q,
  lang,
  errors,
  onChange,
  onRemove,
  onMove,
  first,
  last,
}: QuestionEditorProps) {
  const { t } = useTranslation('rounds');
  const id = path.replace(/\./g, '-');
  const a = q.answer;
  return (
    <fieldset className="template-editor__question">
      <legend>{t('editor.question', { n })}</legend>
      <LocalisedInput
        id={`${id}-text`}
        label={t('editor.questionText')}
        value={q.text}
        lang={lang}
        multiline
        error={errorAt(errors, `${path}.text`, lang)}
        onChange={(text) => onChange({ ...q, text })}
      />
      <LocalisedInput
        id={`${id}-help`}
        label={t('editor.help')}
        value={q.help}
        lang={lang}
        error={errorAt(errors, `${path}.help`, lang)}
        onChange={(help) => onChange({ ...q, help })}
      />
      <div className="template-editor__pair">
        <TextField
          id={`${id}-key`}
          label={t('editor.key')}
          hint={t('editor.keyHint')}
          value={q.key}
          error={errorAt(errors, `${path}.key`)}
          onChange={(e) => onChange({ ...q, key: e.target.value })}
        />
        <Field
          id={`${id}-by`}
          label={t('editor.preparedBy')}
          error={errorAt(errors, `${path}.preparedBy`)}
        >
          {(c) => (
            <select
              {...c}
              value={q.preparedBy}
              onChange={(e) =>
                onChange({ ...q, preparedBy: e.target.value as TemplateQuestion['preparedBy'] })
              }
            >
              {PREPARERS.map((p) => (
                <option key={p} value={p}>
                  {t(`editor.preparer.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-type`}
          label={t('editor.answerType')}
          error={errorAt(errors, `${path}.answer.type`)}
        >
          {(c) => (
            <select
              {...c}
              value={a.type}
              onChange={(e) =>
                onChange({ ...q, answer: answerOf(e.target.value as AnswerSpec['type'], a) })
              }
            >
              {ANSWER_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`editor.type.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {a.type === 'scale'
        ? a.labels.map((label, i) => (
            <LocalisedInput
              key={i}
              id={`${id}-label-${i}`}
              label={t('editor.scaleLabel', { n: i + 1 })}
              value={label}
              lang={lang}
              error={
                errorAt(errors, `${path}.answer.labels.${i}`, lang) ??
                errorAt(errors, `${path}.answer.labels`)
              }
              onChange={(v) => {
                const labels = [...a.labels] as typeof a.labels;
                labels[i] = v;
                onChange({ ...q, answer: { ...a, labels } });
              }}
            />
          ))
        : null}
      {a.type === 'single' || a.type === 'multiple' ? (
        <div>
          {errorAt(errors, `${path}.answer.options`) ? (
            <p className="field__error">{errorAt(errors, `${path}.answer.options`)}</p>
          ) : null}
          {a.options.map((o, i) => {
            const set = (next: typeof o | null) => {
              const options = [...a.options];
              if (next) options[i] = next;
              else options.splice(i, 1);
              onChange({ ...q, answer: { ...a, options } });
            };
            return (
              <div className="template-editor__pair" key={i}>
                <LocalisedInput
                  id={`${id}-option-${i}`}
                  label={t('editor.option', { n: i + 1 })}
                  value={o.label}
                  lang={lang}
                  error={errorAt(errors, `${path}.answer.options.${i}.label`, lang)}
                  onChange={(label) => set({ ...o, label })}
                />
                <TextField
                  id={`${id}-option-${i}-key`}
                  label={t('editor.key')}
                  value={o.key}
                  error={errorAt(errors, `${path}.answer.options.${i}.key`)}
                  onChange={(e) => set({ ...o, key: e.target.value })}
                />
                {a.options.length > 2 ? (
                  <button
                    type="button"
                    className="button button--small button--ghost button--danger-text"
                    onClick={() => set(null)}
                  >
                    {t('editor.removeOption', { n: i + 1 })}
                  </button>
                ) : null}
              </div>
            );
          })}
          {a.options.length < 20 ? (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() =>
                onChange({
                  ...q,
                  answer: {
                    ...a,
                    options: [
                      ...a.options,
                      {
                        key: `option_${a.options.length + 1}`,
                        label: withText(undefined, lang, `${a.options.length + 1}`),
                      },
                    ],
                  },
                })
              }
            >
              {t('editor.addOption')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="template-editor__row">
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={first}
          onClick={() => onMove(-1)}
        >
          {t('editor.moveUp')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={last}
          onClick={() => onMove(1)}
        >
          {t('editor.moveDown')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost button--danger-text"
          onClick={onRemove}
        >
          {t('editor.removeQuestion', { n })}
        </button>
      </div>
    </fieldset>
  );
}
