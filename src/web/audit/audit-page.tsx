import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SealingStatusSchema } from '../../contracts/sealing';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUDIT_KINDS, isAuditKind } from '../../domain/audit';
import { api, http, type AuditEvent, type AuditQuery } from '../api';
import { LoadError, Loading } from '../components/feedback';
import { NoAccess } from '../components/no-access';
import { Page } from '../components/page';
import { PersonPicker } from '../components/person-picker';
import { useFormat, useMe } from '../session';
import './audit.css';
import { LoadMore } from '../components/load-more';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters, as in the page's address (so a filtered view can be linked and reloaded). */
function useAuditFilters(): [AuditQuery, (q: AuditQuery) => void] {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) || undefined;
  const kind = get('kind');
  const filters: AuditQuery = {
    person: get('person'),
    kind: kind && isAuditKind(kind) ? kind : undefined,
    from: DAY.test(get('from') ?? '') ? get('from') : undefined,
    to: DAY.test(get('to') ?? '') ? get('to') : undefined,
  };
  const set = (q: AuditQuery) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) next.set(k, v);
    setParams(next);
  };
  return [filters, set];
}

/** How many people still have plain private notes (decision 018): counts, never names. */
function SealingStatus() {
  const { t } = useTranslation('audit');
  const status = useQuery({
    queryKey: ['admin', 'sealing'],
    queryFn: () => http.get<z.infer<typeof SealingStatusSchema>>('/api/admin/sealing'),
  });
  if (!status.data) return null;
  return (
    <section className="card" aria-labelledby="sealing-title">
      <h2 id="sealing-title">{t('sealing.title')}</h2>
      <p>
        {t('sealing.status', {
          unsealed: status.data.peopleWithUnsealedNotes,
          vaults: status.data.peopleWithVault,
        })}
      </p>
      <p className="field__hint">{t('sealing.explain')}</p>
    </section>
  );
}

/** The audit log, for administrators: who did what and when, never what was said. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const me = useMe();
  const allowed = me.data?.can.readAudit ?? false;
  const [filters, setFilters] = useAuditFilters();
  const list = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api.audit({ ...filters, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A log is read for what just happened: never from a cache.
    staleTime: 0,
    enabled: allowed,
  });
  if (me.data && !allowed) return <NoAccess />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('title')} intro={t('intro')}>
      <SealingStatus />
      <AuditFilters key={JSON.stringify(filters)} filters={filters} onApply={setFilters} />
      <p>
        <a className="button button--secondary" href={api.auditExportUrl(filters)} download>
          {t('filters.export')}
        </a>
      </p>
      {list.isPending ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p>{t('table.none')}</p> : null}
      {items.length ? <AuditTable items={items} /> : null}
      <p className="muted small" role="status">
        {list.data ? t('table.count', { count: items.length }) : ''}
      </p>
      <LoadMore list={list} label={t('table.more')} />
    </Page>
  );
}

function AuditFilters({
  filters,
  onApply,
}: {
  filters: AuditQuery;
  onApply: (q: AuditQuery) => void;
}) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState(filters);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  // Kinds sorted by their label in this language.
  const kinds = [...AUDIT_KINDS]
    .map((k) => ({ k, label: t(`kind.${k}`) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <form className="audit__filters" onSubmit={submit} aria-label={t('filters.legend')}>
      <div className="audit__person">
        <PersonPicker
          id="audit-person"
          label={t('filters.person')}
          value={draft.person ?? null}
          onChange={(id) => setDraft((d) => ({ ...d, person: id ?? undefined }))}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-kind">{t('filters.kind')}</label>
        <select
          id="audit-kind"
          value={draft.kind ?? ''}
          onChange={(e) =>
            setDraft((d) => ({
              ...d,
              kind: isAuditKind(e.target.value) ? e.target.value : undefined,
            }))
          }
        >
          <option value="">{t('filters.allKinds')}</option>
          {kinds.map(({ k, label }) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('filters.from')}</label>
        <input
          id="audit-from"
          type="date"
          value={draft.from ?? ''}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value || undefined }))}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('filters.to')}</label>
        <input
          id="audit-to"
          type="date"
          value={draft.to ?? ''}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value || undefined }))}
        />
      </div>
      <div className="audit__actions">
        <button type="submit" className="button">
          {t('filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onApply({})}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}

function AuditTable({ items }: { items: AuditEvent[] }) {
  const { t } = useTranslation('audit');
  const fmt = useFormat();
  return (
    <div className="audit__scroll">
      <table className="table audit__table">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.time')}</th>
            <th scope="col">{t('table.event')}</th>
            <th scope="col">{t('table.by')}</th>
            <th scope="col">{t('table.concerning')}</th>
            <th scope="col">{t('table.address')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
              </td>
              <th scope="row">
                {t(`kind.${e.kind}`, { defaultValue: e.kind })}
                <Details kind={e.kind} details={e.details} />
              </th>
              <td>{e.actor ? (e.actor.name ?? t('table.unknownPerson')) : t('table.system')}</td>
              <td>
                {e.subject.type === 'person'
                  ? (e.subject.name ?? t('table.unknownPerson'))
                  : t(`subject.${e.subject.type}`, { defaultValue: e.subject.type })}
              </td>
              <td className="audit__ip">{e.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const RETENTION_COUNT_KEYS = [
  'erased',
  'notes',
  'checkIns',
  'development',
  'salary',
  'private',
  'audit',
] as const;

/** The small facts of an event, in words (which role, which fields, why it failed). */
function Details({ kind, details }: { kind: string; details: Record<string, unknown> }) {
  const { t } = useTranslation('audit');
  const parts: string[] = [];
  // What the retention job cleared, per kind (decision 024): counts only.
  if (kind === 'retention.applied') {
    for (const k of RETENTION_COUNT_KEYS) {
      const n = details[k];
      if (typeof n === 'number' && n > 0) parts.push(t(`detail.retention.${k}`, { count: n }));
    }
  }
  const text = (k: string) => (typeof details[k] === 'string' ? details[k] : null);
  const role = text('role');
  if (role) parts.push(t('detail.role', { role: t(`role.${role}`, { defaultValue: role }) }));
  if (Array.isArray(details.fields) && details.fields.length)
    parts.push(t('detail.fields', { fields: details.fields.join(', ') }));
  for (const k of ['reason', 'device', 'by', 'how', 'source'] as const) {
    const v = text(k);
    if (v) parts.push(t(`detail.${k}.${v}`, { defaultValue: v }));
  }
  if (typeof details.provider === 'string')
    parts.push(t('detail.provider', { provider: details.provider }));
  if (typeof details.rows === 'number') parts.push(t('detail.rows', { rows: details.rows }));
  else if (typeof details.count === 'number')
    parts.push(t('detail.count', { count: details.count }));
  if (parts.length === 0) return null;
  return <span className="audit__details">{parts.join(' · ')}</span>;
}
