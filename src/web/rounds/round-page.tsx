import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { localise } from '../../domain/one-on-one/template';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { LoadMore } from '../components/load-more';
import { Page } from '../components/page';
import { dayFormatter } from '../format';
import { roundKeys, roundsApi, STATUS_ORDER, type RoundDetail } from './api';
import { StatusBar } from './status-bar';
import './rounds.css';

const PAGE = 25;

/** One round for HR: totals and counts per department or manager. Statuses only, no content. */
export function RoundPage() {
  const { id = '' } = useParams();
  const round = useQuery({ queryKey: roundKeys.round(id), queryFn: () => roundsApi.get(id) });
  if (round.isPending) return <Loading />;
  if (!round.data) return <LoadError error={round.error} retry={() => void round.refetch()} />;
  return <RoundView round={round.data} />;
}

function scopeText(r: RoundDetail, t: (k: string) => string): string {
  const s = r.scope;
  if (s.type === 'all') return t('round.scope.all');
  if (s.type === 'department')
    return t(s.includeSubunits ? 'round.scope.departmentWithSub' : 'round.scope.department');
  return t(s.wholeOrganisation ? 'round.scope.managerWhole' : 'round.scope.manager');
}

function RoundView({ round }: { round: RoundDetail }) {
  const { t, i18n } = useTranslation('rounds');
  const errorText = useErrorText();
  const [by, setBy] = useState<'department' | 'manager'>('department');
  const fmt = dayFormatter(i18n.language).long;
  // Paged like every long list of the app: the first groups, then "show more" (LoadMore).
  const progress = useInfiniteQuery({
    queryKey: roundKeys.progress(round.id, by),
    queryFn: ({ pageParam }) => roundsApi.progress(round.id, by, PAGE, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const shown = pages.reduce((n, p) => n + p.rows.length, 0);
      return shown < last.groups && last.rows.length > 0 ? shown : undefined;
    },
  });
  const client = useQueryClient();
  const remind = useMutation({ mutationFn: () => roundsApi.remind(round.id) });
  const newcomers = useMutation({
    mutationFn: () => roundsApi.includeNewcomers(round.id),
    onSuccess: () => client.invalidateQueries({ queryKey: roundKeys.all }),
  });
  const close = useMutation({
    mutationFn: (closed: boolean) => roundsApi.setClosed(round.id, closed),
    onSuccess: () => client.invalidateQueries({ queryKey: roundKeys.all }),
  });
  const groups = progress.data?.pages[0]?.groups ?? 0;
  const rows = progress.data?.pages.flatMap((p) => p.rows) ?? [];

  return (
    <Page
      title={round.name}
      intro={t(`kind.${round.kind}`)}
      actions={
        <Link to="/rounds" className="button button--ghost">
          {t('round.back')}
        </Link>
      }
    >
      <ul className="round-facts">
        <li>{t('round.period', { start: fmt(round.periodStart), end: fmt(round.periodEnd) })}</li>
        <li>{t('round.deadline', { date: fmt(round.deadline) })}</li>
        <li>{scopeText(round, t)}</li>
        {round.salaryFirst && round.salaryRoundName ? (
          <li>
            {t(`round.salaryFirst.${round.salaryFirst.rule}`, { name: round.salaryRoundName })}
          </li>
        ) : null}
        {round.template ? (
          <li>
            {t('round.template', {
              name: localise(round.template.name, i18n.language),
              version: round.template.version,
            })}
          </li>
        ) : null}
      </ul>
      <p className="muted">{t('round.privacy')}</p>

      <section className="section card" aria-labelledby="totals-heading">
        <h2 id="totals-heading">
          {t('round.totals')}: {round.counts.total}
        </h2>
        <StatusBar counts={round.counts} />
        {round.closed ? (
          <Alert kind="info">
            <p>{t('round.closedNote')}</p>
          </Alert>
        ) : null}
        <div className="form__actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={close.isPending}
            onClick={() => close.mutate(!round.closed)}
          >
            {round.closed ? t('round.reopen') : t('round.close')}
          </button>
        </div>
        {close.error ? (
          <Alert>
            <p>{errorText(close.error)}</p>
          </Alert>
        ) : null}
        {!round.closed ? (
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={remind.isPending}
              onClick={() => remind.mutate()}
            >
              {remind.isPending ? t('round.reminding') : t('round.remind')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              disabled={newcomers.isPending}
              onClick={() => newcomers.mutate()}
            >
              {newcomers.isPending ? t('round.includingNewcomers') : t('round.includeNewcomers')}
            </button>
          </div>
        ) : null}
        {newcomers.data ? (
          <Alert kind="success">
            <p>{t('round.newcomersIncluded', { count: newcomers.data.created })}</p>
            {newcomers.data.skipped.total > 0 ? (
              <p>{t('round.newcomersSkipped', { count: newcomers.data.skipped.total })}</p>
            ) : null}
          </Alert>
        ) : null}
        {newcomers.error ? (
          <Alert>
            <p>{errorText(newcomers.error)}</p>
          </Alert>
        ) : null}
        {remind.data ? (
          <Alert kind="success">
            <p>{t('round.reminded', { count: remind.data.mailed })}</p>
          </Alert>
        ) : null}
        {remind.error ? (
          <Alert>
            <p>{errorText(remind.error)}</p>
          </Alert>
        ) : null}
      </section>

      <section className="section" aria-labelledby="groups-heading">
        <h2 id="groups-heading">
          {by === 'department' ? t('round.byDepartment') : t('round.byManager')}
        </h2>
        <div className="segmented" role="group" aria-label={t('round.groupBy')}>
          {(['department', 'manager'] as const).map((b) => (
            <button
              key={b}
              type="button"
              className={`button button--small ${by === b ? '' : 'button--ghost'}`}
              aria-pressed={by === b}
              onClick={() => {
                setBy(b);
              }}
            >
              {b === 'department' ? t('round.byDepartment') : t('round.byManager')}
            </button>
          ))}
        </div>
        {progress.isPending ? (
          <Loading />
        ) : progress.error ? (
          <LoadError error={progress.error} retry={() => void progress.refetch()} />
        ) : groups === 0 ? (
          <p className="empty">{t('round.empty')}</p>
        ) : (
          <table className="table table--stack table--compact round-table">
            <thead>
              <tr>
                <th scope="col">
                  {by === 'department' ? t('round.department') : t('round.manager')}
                </th>
                {STATUS_ORDER.map((s) => (
                  <th scope="col" key={s} className="num">
                    {t(`status.${s}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('round.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id ?? 'none'}>
                  <th scope="row" className="table__primary">
                    {row.name ?? t('round.noDepartment')}
                  </th>
                  {STATUS_ORDER.map((s) => (
                    <td key={s} className="num" data-label={t(`status.${s}`)}>
                      {row.counts[s]}
                    </td>
                  ))}
                  <td className="num" data-label={t('round.total')}>
                    {row.counts.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMore list={progress} label={t('list.more')} />
      </section>
    </Page>
  );
}
