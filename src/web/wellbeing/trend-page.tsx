import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { dayFormatter, intlLocale } from '../format';
import { oneOnOneApi, oneOnOneKeys } from '../meetings/api';
import { MEASURES, wellbeingApi, wellbeingKeys, type Trend } from './api';
import { TrendChart } from './charts';
import './wellbeing.css';

const PERIODS = [3, 6, 12, 24] as const;

/** One pair's check-ins over months: a chart, and the same numbers as a table. */
export function TrendPage() {
  const { id = '' } = useParams();
  const [months, setMonths] = useState<number>(12);
  const series = useQuery({
    queryKey: oneOnOneKeys.series(id),
    queryFn: () => oneOnOneApi.series(id),
  });
  const trend = useQuery({
    queryKey: wellbeingKeys.trend(id, months),
    queryFn: () => wellbeingApi.trend(id, months),
  });
  if (series.isPending || trend.isPending) return <Loading />;
  if (!series.data || !trend.data)
    return <LoadError error={series.error ?? trend.error} retry={() => void trend.refetch()} />;
  return (
    <TrendView
      name={series.data.employee.name}
      trend={trend.data}
      months={months}
      setMonths={setMonths}
    />
  );
}

function TrendView(props: {
  name: string;
  trend: Trend;
  months: number;
  setMonths: (m: number) => void;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const [showTable, setShowTable] = useState(false);
  const locale = intlLocale(i18n.language);
  // Local dates of the meetings, shown the viewer's way (the date is the pair's, not a UTC instant).
  const day = dayFormatter(i18n.language);
  const num = new Intl.NumberFormat(locale);
  const names = {
    wellbeing: t('checkIn.short.wellbeing'),
    workload: t('checkIn.short.workload'),
    progress: t('checkIn.short.progress'),
  };
  const points = props.trend.points.map((p) => ({ ...p, label: day.dayMonth(p.date) }));
  return (
    <Page title={t('trend.title', { name: props.name })} intro={t('trend.intro')}>
      <div className="trend__toolbar">
        <div className="field">
          <label htmlFor="trend-period">{t('trend.period')}</label>
          <select
            id="trend-period"
            value={props.months}
            onChange={(e) => props.setMonths(Number(e.target.value))}
          >
            {PERIODS.map((m) => (
              <option key={m} value={m}>
                {t('trend.months', { months: m })}
              </option>
            ))}
          </select>
        </div>
        {points.length > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={showTable}
            aria-controls="trend-table"
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? t('trend.hideTable') : t('trend.showTable')}
          </button>
        ) : null}
      </div>
      {points.length === 0 ? (
        <p className="empty">{t('trend.empty')}</p>
      ) : (
        <>
          <div className="chart" role="img" aria-label={t('trend.chartLabel')}>
            <TrendChart points={points} names={names} />
          </div>
          <p className="muted small">{t('trend.scaleNote')}</p>
          {/* Always there for screen readers; shown on request for everyone else. */}
          <table
            id="trend-table"
            className={showTable ? 'table table--compact' : 'visually-hidden'}
          >
            <caption className={showTable ? undefined : 'visually-hidden'}>
              {t('trend.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('trend.date')}</th>
                {MEASURES.map((m) => (
                  <th key={m} scope="col">
                    {names[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.trend.points.map((p) => (
                <tr key={p.meetingId}>
                  <th scope="row">
                    <Link to={`/one-on-ones/meetings/${p.meetingId}`}>{day.long(p.date)}</Link>
                  </th>
                  {MEASURES.map((m) => (
                    <td key={m}>{num.format(p[m])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
