import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { useFormat } from '../session';
import { statisticsApi, statisticsKeys, type Statistics, type StatisticsFilters } from './api';
import { CompetenceNeedsSection } from './competence-needs';
import { StatisticsTable } from './statistics-table';
import './statistics.css';

const CadenceChart = lazy(async () => ({
  default: (await import('./statistics-chart')).CadenceChart,
}));
/** Days after a quarter before its wellbeing figures are fixed (domain/statistics/periods). */
const GRACE_DAYS = 7;

function useFilters(): [StatisticsFilters, (f: StatisticsFilters) => string] {
  const [params] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const weeks = Number(params.get('weeks'));
  const filters = {
    period: get('period'),
    weeks: Number.isInteger(weeks) && weeks >= 1 && weeks <= 52 ? weeks : undefined,
    round: get('round'),
    department: get('department'),
    manager: get('manager'),
  };
  const href = (f: StatisticsFilters) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...f }))
      if (v !== undefined && v !== '') next.set(k, String(v));
    const s = next.toString();
    return s ? `?${s}` : '?';
  };
  return [filters, href];
}

/** HR statistics: 1:1s, conversations and protected wellbeing per unit and manager. */
export function StatisticsPage() {
  const [filters, href] = useFilters();
  const stats = useQuery({
    queryKey: statisticsKeys.page(filters),
    queryFn: () => statisticsApi.get(filters),
    placeholderData: keepPreviousData,
  });
  if (stats.isPending) return <Loading />;
  if (stats.error) return <LoadError error={stats.error} retry={() => void stats.refetch()} />;
  return <StatisticsView data={stats.data} filters={filters} href={href} />;
}

type ViewProps = {
  data: Statistics;
  filters: StatisticsFilters;
  href: (f: StatisticsFilters) => string;
};

function StatisticsView({ data, filters, href }: ViewProps) {
  const { t } = useTranslation('statistics');
  const fmt = useFormat();
  const quarterName = (key: string, current = false) => {
    const [year, q] = key.split('-Q');
    return t(current ? 'currentQuarter' : 'quarter', { year, quarter: q });
  };
  const unitRows = data.departments;
  const bars = unitRows
    .filter((r) => (unitRows.length > 1 ? r.level === unitRows[unitRows.length - 1]!.level : true))
    .map((r) => ({ name: r.name ?? '', held: r.held, missed: r.planned - r.held }));
  const wellbeingKey = data.wellbeingPeriod.key;

  return (
    <Page title={t('title')} intro={t('intro')}>
      <Filters data={data} filters={filters} href={href} quarterName={quarterName} />
      <p className="muted small">
        {t('periodNote', {
          from: fmt.date(data.period.from),
          to: fmt.date(data.period.to),
          asOf: fmt.dateTime(data.asOf),
          recentFrom: fmt.date(data.recentFrom),
        })}{' '}
        {t('annualNote')}
      </p>
      <p>
        <a className="button button--secondary" href={statisticsApi.csvHref(filters)} download>
          {t('export')}
        </a>
      </p>

      <section className="section" aria-labelledby="stats-total">
        <h2 id="stats-total">{t('sections.total')}</h2>
        <StatisticsTable
          caption={t('sections.total')}
          rows={[data.total]}
          weeks={data.weeks}
          drill={() => null}
          drillLabel={() => ''}
        />
      </section>

      <section className="section" aria-labelledby="stats-wellbeing">
        <h2 id="stats-wellbeing">{t('wellbeing.title')}</h2>
        {wellbeingKey !== data.period.key ? (
          <p>
            {t('wellbeing.earlier', {
              chosen: quarterName(data.period.key),
              date: fmt.date(
                new Date(Date.parse(`${data.period.to}T12:00:00Z`) + (GRACE_DAYS + 1) * 86_400_000),
              ),
              period: quarterName(wellbeingKey),
            })}
          </p>
        ) : null}
        <p className="muted small">
          {t('wellbeing.note', { period: quarterName(wellbeingKey), days: GRACE_DAYS })}
        </p>
        <p className="muted small">{t('wellbeing.scale')}</p>
      </section>

      <section className="section" aria-labelledby="stats-units">
        <h2 id="stats-units">{t('sections.departments')}</h2>
        <Trail path={data.departmentPath} to={(id) => href({ department: id })} />
        {bars.length > 0 ? (
          <figure className="stats__figure">
            <figcaption>{t('chart.title')}</figcaption>
            <div className="stats__chart" role="img" aria-label={t('chart.title')}>
              <Suspense fallback={<p className="muted">{t('chart.loading')}</p>}>
                <CadenceChart bars={bars} held={t('chart.held')} missed={t('chart.missed')} />
              </Suspense>
            </div>
            <p className="muted small">{t('chart.tableNote')}</p>
          </figure>
        ) : null}
        <StatisticsTable
          caption={t('sections.departments')}
          rows={unitRows}
          weeks={data.weeks}
          drill={(r) =>
            r.hasChildren && r.id && r.id !== filters.department ? href({ department: r.id }) : null
          }
          drillLabel={(r) => t('drill.department', { name: r.name })}
        />
      </section>

      <section className="section" aria-labelledby="stats-managers">
        <h2 id="stats-managers">{t('sections.managers')}</h2>
        <Trail path={data.managerPath} to={(id) => href({ manager: id })} />
        <StatisticsTable
          caption={t('sections.managers')}
          rows={data.managers}
          weeks={data.weeks}
          drill={(r) =>
            r.kind === 'organisation' && r.level > 0 && r.id ? href({ manager: r.id }) : null
          }
          drillLabel={(r) => t('drill.manager', { name: r.name })}
        />
      </section>

      <CompetenceNeedsSection initialUnit={filters.department} />
    </Page>
  );
}

/** Where in the tree the table is: links back up to the top. */
function Trail({ path, to }: { path: { id: string; name: string }[]; to: (id: string) => string }) {
  const { t } = useTranslation('statistics');
  if (path.length <= 1) return null;
  return (
    <nav aria-label={t('path.label')}>
      <ol className="stats__path">
        {path.map((p, i) =>
          i < path.length - 1 ? (
            <li key={p.id}>
              <Link to={to(p.id)}>{p.name}</Link>
            </li>
          ) : (
            <li key={p.id} aria-current="location">
              {p.name}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

type FiltersProps = ViewProps & { quarterName: (key: string, current?: boolean) => string };

function Filters({ data, href, quarterName }: FiltersProps) {
  const { t } = useTranslation('statistics');
  const [, setParams] = useSearchParams();
  const [weeks, setWeeks] = useState(String(data.weeks));
  const go = (f: StatisticsFilters) => setParams(new URLSearchParams(href(f).slice(1)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(weeks);
    if (Number.isInteger(n) && n >= 1 && n <= 52) go({ weeks: n });
  };
  return (
    <form className="stats__filters" onSubmit={submit} aria-label={t('filters.title')}>
      <div className="field">
        <label htmlFor="stats-period">{t('filters.period')}</label>
        <select
          id="stats-period"
          value={data.period.key}
          onChange={(e) => go({ period: e.target.value })}
        >
          {data.periods.map((p, i) => (
            <option key={p.key} value={p.key}>
              {quarterName(p.key, i === 0)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stats-round">{t('filters.round')}</label>
        <select
          id="stats-round"
          value={data.roundId ?? ''}
          disabled={data.rounds.length === 0}
          onChange={(e) => go({ round: e.target.value })}
        >
          {data.rounds.length === 0 ? <option value="">{t('filters.noRounds')}</option> : null}
          {data.rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stats-weeks">{t('filters.weeks')}</label>
        <input
          id="stats-weeks"
          type="number"
          inputMode="numeric"
          min={1}
          max={52}
          value={weeks}
          onChange={(e) => setWeeks(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t('filters.apply')}
      </button>
    </form>
  );
}
