import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/feedback';
import { departmentPaths } from '../department-tree';
import { statisticsApi, statisticsKeys, type CompetenceNeeds } from './api';
import { useNumbers } from './statistics-table';

type Need = CompetenceNeeds['areas'][number] | CompetenceNeeds['activities'][number];

/**
 * Competence needs (seed 004): how many people's agreed plans name each competence area and
 * kind of activity, for a unit with its sub-units. Counts only; hidden under 5 (decision 014).
 */
export function CompetenceNeedsSection({ initialUnit }: { initialUnit?: string | undefined }) {
  const { t, i18n } = useTranslation('statistics');
  const [unit, setUnit] = useState(initialUnit ?? '');
  const q = useQuery({
    queryKey: statisticsKeys.needs(unit),
    queryFn: () => statisticsApi.needs(unit),
    placeholderData: keepPreviousData,
  });
  const units = q.data ? departmentPaths(q.data.units, i18n.language) : [];
  const unitName = units.find((u) => u.department.id === unit)?.path ?? t('needs.all');
  return (
    <section className="section" aria-labelledby="stats-needs">
      <h2 id="stats-needs">{t('needs.title')}</h2>
      <p className="muted small">{t('needs.intro')}</p>
      {q.isPending ? <Loading /> : null}
      {q.error ? <LoadError error={q.error} retry={() => void q.refetch()} /> : null}
      {q.data ? (
        <>
          <div className="stats__filters">
            <div className="field">
              <label htmlFor="stats-needs-unit">{t('needs.unit')}</label>
              <select id="stats-needs-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                <option value="">{t('needs.all')}</option>
                {units.map((u) => (
                  <option key={u.department.id} value={u.department.id}>
                    {u.path}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="stats__needs">
            <NeedsTable
              caption={t('needs.caption', { unit: unitName })}
              heading={t('needs.areas')}
              rows={q.data.areas}
              label={(k) => t(`needs.area.${k}`)}
            />
            <NeedsTable
              caption={t('needs.caption', { unit: unitName })}
              heading={t('needs.activities')}
              rows={q.data.activities}
              label={(k) => t(`needs.activity.${k}`)}
            />
          </div>
          <p className="muted small">{t('needs.note')}</p>
        </>
      ) : null}
    </section>
  );
}

function NeedsTable(props: {
  caption: string;
  heading: string;
  rows: Need[];
  label: (key: string) => string;
}) {
  const { t } = useTranslation('statistics');
  const n = useNumbers();
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">{`${props.caption}: ${props.heading}`}</caption>
      <thead>
        <tr>
          <th scope="col">{props.heading}</th>
          <th scope="col" className="num">
            {t('needs.people')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{props.label(r.key)}</th>
            <td className="num">
              {r.people !== null ? (
                n.int(r.people)
              ) : (
                <span className="muted">
                  {r.status === 'overlap' ? t('needs.overlap') : t('needs.hidden')}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
