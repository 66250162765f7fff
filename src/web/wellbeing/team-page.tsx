import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { dayFormatter, intlLocale } from '../format';
import { MEASURES, wellbeingApi, wellbeingKeys, type Measure, type TeamWellbeing } from './api';
import { TeamChart } from './charts';
import './wellbeing.css';

type Item = TeamWellbeing['items'][number];
type Direction = 'up' | 'down' | 'flat';
const ARROW: Record<Direction, string> = { up: '↑', down: '↓', flat: '→' };

/** Good or bad news, for colour only (the word is always there too). */
function tone(m: Measure, d: Direction | null): string {
  if (!d || d === 'flat') return '';
  const better = m === 'workload' ? d === 'down' : d === 'up';
  return better ? 'direction--good' : 'direction--bad';
}

/** The manager's team: each report's latest check-in and which way it moved. */
export function TeamWellbeingPage() {
  const team = useQuery({ queryKey: wellbeingKeys.team(), queryFn: wellbeingApi.team });
  if (team.isPending) return <Loading />;
  if (!team.data) return <LoadError error={team.error} retry={() => void team.refetch()} />;
  return <TeamView items={team.data.items} />;
}

function TeamView({ items }: { items: Item[] }) {
  const { t, i18n } = useTranslation('wellbeing');
  const [showTable, setShowTable] = useState(true);
  const locale = intlLocale(i18n.language);
  const day = dayFormatter(i18n.language);
  const num = new Intl.NumberFormat(locale);
  const names = {
    wellbeing: t('checkIn.short.wellbeing'),
    workload: t('checkIn.short.workload'),
    progress: t('checkIn.short.progress'),
  };
  const answered = items.filter((i) => i.latest);
  const bars = answered.map((i) => ({
    name: i.name,
    wellbeing: i.latest!.wellbeing,
    workload: i.latest!.workload,
    progress: i.latest!.progress,
  }));
  return (
    <Page title={t('team.title')} intro={t('team.intro')}>
      {items.length === 0 ? <p className="empty">{t('team.empty')}</p> : null}
      {bars.length > 0 ? (
        <>
          <div
            className="chart chart--team"
            style={{ height: 90 + 56 * bars.length }}
            role="img"
            aria-label={t('team.chartLabel')}
          >
            <TeamChart rows={bars} names={names} />
          </div>
          <p className="muted small">{t('trend.scaleNote')}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={showTable}
            aria-controls="team-table"
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? t('trend.hideTable') : t('trend.showTable')}
          </button>
        </>
      ) : null}
      {items.length > 0 ? (
        <table
          id="team-table"
          className={showTable || bars.length === 0 ? 'table table--stack' : 'visually-hidden'}
        >
          <thead>
            <tr>
              <th scope="col">{t('team.person')}</th>
              <th scope="col">{t('team.latest')}</th>
              {MEASURES.map((m) => (
                <th key={m} scope="col">
                  {names[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.personId}>
                <th scope="row">
                  {i.seriesId ? (
                    <Link
                      to={`/one-on-ones/series/${i.seriesId}/wellbeing`}
                      aria-label={t('team.open', { name: i.name })}
                    >
                      {i.name}
                    </Link>
                  ) : (
                    i.name
                  )}
                </th>
                <td data-label={t('team.latest')}>
                  {i.latest ? day.medium(i.latest.date) : t('team.none')}
                </td>
                {MEASURES.map((m) => {
                  const d = i.latest?.direction[m] ?? null;
                  return (
                    <td key={m} className={tone(m, d)} data-label={names[m]}>
                      {i.latest ? (
                        <>
                          {d ? <span aria-hidden="true">{ARROW[d]} </span> : null}
                          {d
                            ? t('team.value', {
                                value: num.format(i.latest[m]),
                                direction: t(`team.direction.${d}`),
                              })
                            : num.format(i.latest[m])}
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
