import { useTranslation } from 'react-i18next';
import type { TemplateQuestion, TemplateSection } from '../../domain/development/template';
import { TextField } from '../components/field';
import { errorAt, LocalisedInput, withText, type PathErrors } from './localised-input';
import { QuestionEditor } from './question-editor';

/** Moves item `i` of a list by `delta`, returning a new list. */
export function moved<T>(list: T[], i: number, delta: -1 | 1): T[] {
  const next = [...list];
  const j = i + delta;
  if (j < 0 || j >= next.length) return next;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** A key not yet used in the template, e.g. question_7. */
export function freshKey(prefix: string, used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

type SectionEditorProps = {
  index: number;
  section: TemplateSection;
  lang: string;
  errors: PathErrors;
  usedQuestionKeys: Set<string>;
  count: number;
  onChange: (s: TemplateSection) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
};

/** One section (an agenda point of the meeting) with its questions. */
export function SectionEditor(props: SectionEditorProps) {
  const {
    index,
    section: s,
    lang,
    errors,
    usedQuestionKeys,
    count,
    onChange,
    onRemove,
    onMove,
  } = props;
  const { t } = useTranslation('rounds');
  const path = `sections.${index}`;
  const headingId = `section-${index}-heading`;
  const setQuestion = (qi: number, q: TemplateQuestion | null) => {
    const questions = [...s.questions];
    if (q) questions[qi] = q;
    else questions.splice(qi, 1);
    onChange({ ...s, questions });
  };
  return (
    <section className="template-editor__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('editor.section', { n: index + 1 })}</h3>
      <LocalisedInput
        id={`section-${index}-title`}
        label={t('editor.sectionTitle')}
        value={s.title}
        lang={lang}
        error={errorAt(errors, `${path}.title`, lang)}
        onChange={(title) => onChange({ ...s, title })}
      />
      <LocalisedInput
        id={`section-${index}-intro`}
        label={t('editor.intro')}
        value={s.intro}
        lang={lang}
        multiline
        error={errorAt(errors, `${path}.intro`, lang)}
        onChange={(intro) => onChange({ ...s, intro })}
      />
      <TextField
        id={`section-${index}-key`}
        label={t('editor.key')}
        hint={t('editor.keyHint')}
        value={s.key}
        error={errorAt(errors, `${path}.key`)}
        onChange={(e) => onChange({ ...s, key: e.target.value })}
      />
      {s.questions.map((q, qi) => (
        <QuestionEditor
          key={qi}
          path={`${path}.questions.${qi}`}
          n={qi + 1}
          question={q}
          lang={lang}
          errors={errors}
          first={qi === 0}
          last={qi === s.questions.length - 1}
          onChange={(next) => setQuestion(qi, next)}
          onRemove={() => setQuestion(qi, null)}
          onMove={(d) => onChange({ ...s, questions: moved(s.questions, qi, d) })}
        />
      ))}
      <div className="template-editor__row">
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() =>
            onChange({
              ...s,
              questions: [
                ...s.questions,
                {
                  key: freshKey('question', usedQuestionKeys),
                  text: withText(undefined, lang, ''),
                  preparedBy: 'both',
                  answer: { type: 'text' },
                },
              ],
            })
          }
        >
          {t('editor.addQuestion')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          {t('editor.moveUp')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          {t('editor.moveDown')}
        </button>
        {count > 1 ? (
          <button
            type="button"
            className="button button--small button--ghost button--danger-text"
            onClick={onRemove}
          >
            {t('editor.removeSection', { n: index + 1 })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
