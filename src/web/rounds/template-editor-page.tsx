import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CONVERSATION_KINDS, type ConversationKind } from '../../domain/development/template';
import { LOCALES, LOCALE_NAMES } from '../../i18n/index';
import { ApiError } from '../api';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Field } from '../components/field';
import { Page } from '../components/page';
import { roundKeys, roundsApi, type ConversationTemplateInput, type TemplateDetail } from './api';
import { errorAt, LocalisedInput, type PathErrors } from './localised-input';
import { freshKey, moved, SectionEditor } from './section-editor';
import './rounds.css';

/** The editor for an existing template (a save adds a version) or a new one. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const template = useQuery({
    queryKey: roundKeys.template(id ?? 'new'),
    queryFn: () => roundsApi.template(id!),
    enabled: !!id,
  });
  if (!id) return <TemplateEditor />;
  if (template.isPending) return <Loading />;
  if (!template.data)
    return <LoadError error={template.error} retry={() => void template.refetch()} />;
  return <TemplateEditor key={template.data.id} template={template.data} />;
}

const blank = (lang: string): ConversationTemplateInput => ({
  kind: 'development',
  name: { [lang]: '' },
  description: null,
  sections: [{ key: 'section_1', title: {}, questions: [] }],
});

/** How many texts of the template are empty in `lang`. */
function missingIn(input: ConversationTemplateInput, lang: string): number {
  let n = 0;
  const check = (v: object | null | undefined, required: boolean) => {
    if ((v || required) && !(v as Record<string, string> | null)?.[lang]) n++;
  };
  check(input.name, true);
  for (const s of input.sections) {
    check(s.title, true);
    for (const q of s.questions) check(q.text, true);
  }
  return n;
}

function TemplateEditor({ template }: { template?: TemplateDetail }) {
  const { t, i18n } = useTranslation('rounds');
  const errorText = useErrorText();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [lang, setLang] = useState(i18n.language);
  const [input, setInput] = useState<ConversationTemplateInput>(() =>
    template
      ? {
          kind: template.kind,
          name: template.name,
          description: template.description,
          sections: template.sections,
        }
      : blank(i18n.language),
  );
  const [errors, setErrors] = useState<PathErrors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!shown) return;
    const form = formRef.current;
    (
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('.alert')
    )?.focus();
  }, [shown]);
  const readOnly = template?.archived ?? false;
  const usedKeys = new Set(input.sections.flatMap((s) => s.questions.map((q) => q.key)));
  const missing = missingIn(input, lang);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = template
        ? await roundsApi.updateTemplate(template.id, {
            ...input,
            baseVersion: template.latest.version,
          })
        : await roundsApi.createTemplate(input);
      setErrors({});
      await client.invalidateQueries({ queryKey: roundKeys.all });
      if (!template) void navigate(`/templates/${saved.id}`, { replace: true });
      else
        setMessage({ kind: 'success', text: t('editor.saved', { version: saved.latest.version }) });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : [];
      setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
      setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
      setShown((n) => n + 1);
    }
  }

  return (
    <Page
      title={template ? t('editor.titleEdit') : t('editor.titleNew')}
      actions={
        <Link to="/templates" className="button button--ghost">
          {t('editor.back')}
        </Link>
      }
    >
      <form
        className="form form--wide template-editor"
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        {message ? (
          <Alert kind={message.kind}>
            <p>{message.text}</p>
          </Alert>
        ) : null}
        {readOnly ? (
          <Alert kind="info">
            <p>{t('editor.archivedNote')}</p>
          </Alert>
        ) : null}
        <fieldset disabled={readOnly} className="fieldset">
          <Field id="tpl-lang" label={t('editor.language')} hint={t('editor.languageHint')}>
            {(c) => (
              <select {...c} value={lang} onChange={(e) => setLang(e.target.value)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {missing > 0 ? (
            <p className="muted" role="status">
              {t('editor.missing', { count: missing })}
            </p>
          ) : null}
          <Field id="tpl-kind" label={t('editor.kind')} error={errorAt(errors, 'kind')}>
            {(c) => (
              <select
                {...c}
                value={input.kind}
                onChange={(e) => setInput({ ...input, kind: e.target.value as ConversationKind })}
              >
                {CONVERSATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <LocalisedInput
            id="tpl-name"
            label={t('editor.name')}
            value={input.name}
            lang={lang}
            error={errorAt(errors, 'name', lang)}
            onChange={(name) => setInput({ ...input, name })}
          />
          <LocalisedInput
            id="tpl-description"
            label={t('editor.description')}
            value={input.description ?? undefined}
            lang={lang}
            multiline
            error={errorAt(errors, 'description', lang)}
            onChange={(d) => setInput({ ...input, description: Object.keys(d).length ? d : null })}
          />
          <h2>{t('editor.sections')}</h2>
          {input.sections.map((s, i) => (
            <SectionEditor
              key={i}
              index={i}
              section={s}
              lang={lang}
              errors={errors}
              usedQuestionKeys={usedKeys}
              count={input.sections.length}
              onChange={(next) =>
                setInput({ ...input, sections: input.sections.map((x, j) => (j === i ? next : x)) })
              }
              onRemove={() =>
                setInput({ ...input, sections: input.sections.filter((_, j) => j !== i) })
              }
              onMove={(d) => setInput({ ...input, sections: moved(input.sections, i, d) })}
            />
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setInput({
                ...input,
                sections: [
                  ...input.sections,
                  {
                    key: freshKey('section', new Set(input.sections.map((s) => s.key))),
                    title: {},
                    questions: [],
                  },
                ],
              })
            }
          >
            {t('editor.addSection')}
          </button>
        </fieldset>
        {!readOnly ? (
          <div className="form__actions template-editor__bar">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('editor.saving') : template ? t('editor.save') : t('editor.create')}
            </button>
            {template ? (
              <span className="muted">
                {t('editor.versionNote', { next: template.latest.version + 1 })}
              </span>
            ) : null}
          </div>
        ) : null}
      </form>
    </Page>
  );
}
