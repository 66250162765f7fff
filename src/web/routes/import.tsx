import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, type ImportRowProblem, type ImportSummary } from '../api';
import { Alert } from '../components/feedback';
import { Field } from '../components/field';
import { Page } from '../components/page';
import { keys } from '../queries';
import { useFormat } from '../session';
import { useErrorText } from '../components/feedback';

type Outcome =
  | { kind: 'checked'; summary: ImportSummary }
  | { kind: 'applied'; summary: ImportSummary }
  | { kind: 'rows'; message: string; rows: ImportRowProblem[]; badLines: number | null }
  | { kind: 'error'; message: string };

type RowDetails = { rows?: unknown; count?: unknown; truncated?: unknown } | undefined;

/** The row problems the server lists in a 400 body (error.details.rows). */
export function rowProblems(err: unknown): ImportRowProblem[] | null {
  if (!(err instanceof ApiError)) return null;
  const rows = (err.details as RowDetails)?.rows;
  if (!Array.isArray(rows)) return null;
  return rows.filter(
    (r): r is ImportRowProblem =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as ImportRowProblem).line === 'number' &&
      typeof (r as ImportRowProblem).message === 'string',
  );
}

/** How many lines have problems in all, when the server listed only the first ones. */
function truncatedCount(err: unknown): number | null {
  const details = err instanceof ApiError ? (err.details as RowDetails) : undefined;
  return details?.truncated === true && typeof details.count === 'number' ? details.count : null;
}

/** HR imports the organisation from a CSV file: check first, then import. */
export function ImportPage() {
  const { t } = useTranslation('people');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const result = useRef<HTMLDivElement>(null);

  async function run(mode: 'preview' | 'apply') {
    if (!file) {
      setFileError(t('import.chooseFirst'));
      document.getElementById('import-file')?.focus();
      return;
    }
    setBusy(mode);
    setFileError(undefined);
    try {
      const summary = await api.importPeople(mode, file);
      setOutcome({ kind: mode === 'apply' ? 'applied' : 'checked', summary });
      if (mode === 'apply') {
        await Promise.all([
          client.invalidateQueries({ queryKey: keys.people }),
          client.invalidateQueries({ queryKey: keys.departments }),
          client.invalidateQueries({ queryKey: keys.team }),
        ]);
      }
    } catch (err) {
      const rows = rowProblems(err);
      setOutcome(
        rows && rows.length
          ? { kind: 'rows', message: errorText(err), rows, badLines: truncatedCount(err) }
          : { kind: 'error', message: errorText(err) },
      );
    } finally {
      setBusy(null);
      // Move to the answer, so it is read out and seen on a small screen.
      requestAnimationFrame(() => result.current?.focus());
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void run('preview');
  }

  return (
    <Page title={t('import.title')} intro={t('import.intro')}>
      <form className="form card" onSubmit={submit} noValidate>
        <Field
          id="import-file"
          label={t('import.file')}
          hint={t('import.fileHint')}
          error={fileError}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setOutcome(null);
                setFileError(undefined);
              }}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'preview' ? t('import.checking') : t('import.check')}
          </button>
          {outcome?.kind === 'checked' ? (
            <button
              type="button"
              className="button button--accent"
              disabled={busy !== null}
              onClick={() => void run('apply')}
            >
              {busy === 'apply' ? t('import.importing') : t('import.apply')}
            </button>
          ) : null}
        </div>
      </form>

      <div ref={result} tabIndex={-1} className="import-result">
        {outcome ? <OutcomeView outcome={outcome} /> : null}
      </div>

      <ImportGuide />
    </Page>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  if (outcome.kind === 'error') {
    return (
      <Alert>
        <p>{outcome.message}</p>
      </Alert>
    );
  }
  if (outcome.kind === 'rows') {
    return (
      <Alert>
        <p>
          <strong>{outcome.message}</strong>
        </p>
        <p>{t('import.fixAndRetry')}</p>
        {outcome.badLines !== null ? (
          <p>{t('import.truncated', { shown: outcome.rows.length, count: outcome.badLines })}</p>
        ) : null}
        <table className="table table--compact">
          <caption className="visually-hidden">{t('import.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.rows.map((r, i) => (
              <tr key={`${r.line}-${i}`}>
                <th scope="row">{t('import.lineN', { line: r.line })}</th>
                <td>
                  {r.column
                    ? t('import.columnProblem', { column: r.column, message: r.message })
                    : r.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Alert>
    );
  }
  const s = outcome.summary;
  return (
    <Alert kind="success">
      <p>
        <strong>{outcome.kind === 'applied' ? t('import.applied') : t('import.checked')}</strong>
      </p>
      <dl className="summary">
        <div>
          <dt>{t('import.total')}</dt>
          <dd>{fmt.number(s.total)}</dd>
        </div>
        <div>
          <dt>{t('import.created')}</dt>
          <dd>{fmt.number(s.created)}</dd>
        </div>
        <div>
          <dt>{t('import.updated')}</dt>
          <dd>{fmt.number(s.updated)}</dd>
        </div>
        <div>
          <dt>{t('import.unchanged')}</dt>
          <dd>{fmt.number(s.unchanged)}</dd>
        </div>
        <div>
          <dt>{t('import.departmentsCreated')}</dt>
          <dd>{fmt.number(s.departmentsCreated)}</dd>
        </div>
      </dl>
      {outcome.kind === 'checked' ? (
        <p>{t('import.readyToApply')}</p>
      ) : (
        <p>
          <Link to="/people">{t('import.toPeople')}</Link>
        </p>
      )}
    </Alert>
  );
}

const COLUMNS = [
  'email',
  'name',
  'employee_number',
  'job_title',
  'department',
  'manager',
  'locale',
  'time_zone',
  'roles',
] as const;

function ImportGuide() {
  const { t } = useTranslation('people');
  return (
    <section className="section" aria-labelledby="guide">
      <h2 id="guide">{t('import.guide.title')}</h2>
      <p>{t('import.guide.intro')}</p>
      <table className="table table--compact table--stack" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('import.guide.column')}
            </th>
            <th scope="col" role="columnheader">
              {t('import.guide.meaning')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {COLUMNS.map((c) => (
            <tr key={c} role="row">
              <th scope="row" role="rowheader">
                <code>{c}</code>
              </th>
              <td role="cell" data-label={t('import.guide.meaning')}>
                {t(`import.guide.columns.${c}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('import.guide.example')}</p>
      <pre className="code">
        {`email,name,employee_number,job_title,department,manager\nanna@example.se,Anna Svensson,1001,${t('import.guide.sampleTitle')},${t('import.guide.sampleDepartment')},\nbo@example.se,Bo Ek,1002,${t('import.guide.sampleTitle2')},${t('import.guide.sampleDepartment')},1001`}
      </pre>
    </section>
  );
}
