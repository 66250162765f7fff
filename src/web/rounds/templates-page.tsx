import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localise } from '../../domain/one-on-one/template';
import { ApiError } from '../api';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { roundKeys, roundsApi, type TemplateSummary } from './api';
import './rounds.css';

type Notice = { kind: 'success' | 'error'; text: string; problems?: string[] };

/** HR's conversation templates: edit, copy, export, archive; import a file; start a new one. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation('rounds');
  const errorText = useErrorText();
  const client = useQueryClient();
  const [archived, setArchived] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useQuery({
    queryKey: roundKeys.templates(archived),
    queryFn: () => roundsApi.templates(archived),
  });
  const name = (x: { name: TemplateSummary['name'] }) => localise(x.name, i18n.language);
  const done = async (text: string) => {
    setNotice({ kind: 'success', text });
    await client.invalidateQueries({ queryKey: roundKeys.all });
  };
  const failed = (err: unknown) =>
    setNotice({
      kind: 'error',
      text: errorText(err),
      problems: err instanceof ApiError ? err.fields.map((f) => `${f.path}: ${f.message}`) : [],
    });
  const copy = useMutation({
    mutationFn: roundsApi.copyTemplate,
    onSuccess: (c) => done(t('templates.copied', { name: name(c) })),
    onError: failed,
  });
  const archive = useMutation({
    mutationFn: (x: { id: string; archived: boolean }) =>
      roundsApi.archiveTemplate(x.id, x.archived),
    onSuccess: () => client.invalidateQueries({ queryKey: roundKeys.all }),
    onError: failed,
  });

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setNotice({ kind: 'error', text: t('templates.notJson') });
    }
    try {
      const created = await roundsApi.importTemplate(parsed);
      await done(t('templates.imported', { name: name(created) }));
    } catch (err) {
      failed(err);
    }
  }

  return (
    <Page
      title={t('templates.title')}
      intro={t('templates.intro')}
      actions={
        <>
          <Link className="button" to="/templates/new">
            {t('templates.new')}
          </Link>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => fileInput.current?.click()}
          >
            {t('templates.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            aria-label={t('templates.import')}
            tabIndex={-1}
            onChange={(e) => void importFile(e)}
          />
        </>
      }
    >
      {notice ? (
        <Alert kind={notice.kind} focus>
          <p>{notice.text}</p>
          {notice.problems?.length ? (
            <ul>
              {notice.problems.map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {archived ? <h2>{t('templates.archived')}</h2> : null}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t('templates.empty')}</p>
      ) : (
        <ul className="templates-list">
          {list.data.items.map((x) => (
            <li key={x.id} className="card templates-list__item">
              <h3 className="templates-list__name" id={`tpl-${x.id}`}>
                {archived ? name(x) : <Link to={`/templates/${x.id}`}>{name(x)}</Link>}
              </h3>
              <p className="muted">
                {t(`kind.${x.kind}`)} · {t('templates.version', { version: x.latest.version })}
                {x.builtinKey ? (
                  <>
                    {' '}
                    · <span className="badge">{t('templates.builtin')}</span>
                  </>
                ) : null}
              </p>
              {x.description ? <p>{localise(x.description, i18n.language)}</p> : null}
              <div className="template-editor__row" role="group" aria-labelledby={`tpl-${x.id}`}>
                {!archived ? (
                  <Link
                    className="button button--small button--secondary"
                    to={`/templates/${x.id}`}
                  >
                    {t('templates.edit')}
                  </Link>
                ) : null}
                <button
                  type="button"
                  className="button button--small button--ghost"
                  disabled={copy.isPending}
                  onClick={() => copy.mutate(x.id)}
                >
                  {t('templates.copy')}
                </button>
                <a
                  className="button button--small button--ghost"
                  href={roundsApi.exportUrl(x.id)}
                  download
                >
                  {t('templates.export')}
                </a>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => archive.mutate({ id: x.id, archived: !archived })}
                >
                  {archived ? t('templates.restore') : t('templates.archive')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--link" onClick={() => setArchived(!archived)}>
        {archived ? t('templates.showActive') : t('templates.showArchived')}
      </button>
    </Page>
  );
}
