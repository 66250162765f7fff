import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALE_NAMES, isLocale } from '../../i18n/index';
import { api, type Me } from '../api';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { ConversationsCard } from '../development/conversations-card';
import { EmployeeOneOnOnes } from '../one-on-ones/employee-home';
import { TeamOverview } from '../one-on-ones/team-overview';
import { HrRoundsCard } from '../rounds/hr-rounds-card';
import { departmentPathKey, fetchDepartmentPath } from '../first-page';
import { keys, useDepartments } from '../queries';
import { useFormat, useMe } from '../session';

/** Everyone's start page: its content follows the person's role. */
export function HomePage() {
  const { data: me } = useMe();
  if (!me) return null;
  if (me.home === 'hr') return <HrHome me={me} />;
  if (me.home === 'manager') return <ManagerHome me={me} />;
  return <EmployeeHome me={me} />;
}

function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/** An employee's home: their next 1:1, actions and minutes, then their own details. */
function EmployeeHome({ me }: { me: Me }) {
  const { t } = useTranslation('home');
  const person = useQuery({ queryKey: keys.person(me.id), queryFn: () => api.person(me.id) });
  // The path of the own unit only: the whole tree is thousands of units in a large organisation.
  const unit = useQuery({
    queryKey: departmentPathKey(me.id),
    queryFn: fetchDepartmentPath,
    staleTime: 60_000,
  });
  const p = person.data;
  return (
    <Page title={t('greeting', { name: firstName(me.name) })} intro={t('employee.intro')}>
      <EmployeeOneOnOnes />
      <ConversationsCard />
      <section className="card" aria-labelledby="my-details">
        <h2 id="my-details">{t('employee.details.title')}</h2>
        {person.isPending ? (
          <Loading />
        ) : person.error ? (
          <LoadError error={person.error} retry={() => void person.refetch()} />
        ) : p ? (
          <dl className="details">
            <Detail label={t('employee.details.name')} value={p.name} />
            <Detail label={t('employee.details.email')} value={p.email} />
            <Detail label={t('employee.details.jobTitle')} value={p.jobTitle} />
            <Detail
              label={t('employee.details.department')}
              value={p.departmentId ? unit.data?.join(' › ') : null}
            />
            <Detail label={t('employee.details.employeeNumber')} value={p.employeeNumber} />
            <Detail
              label={t('employee.details.language')}
              value={isLocale(me.locale) ? LOCALE_NAMES[me.locale] : me.locale}
            />
            <Detail label={t('employee.details.timeZone')} value={me.timeZone.replace(/_/g, ' ')} />
          </dl>
        ) : null}
        <p className="muted small">{t('employee.details.wrong')}</p>
        <p>
          <Link to="/settings">{t('employee.details.settings')}</Link>
        </p>
      </section>
    </Page>
  );
}

function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation('home');
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{value || <span className="muted">{t('employee.details.none')}</span>}</dd>
    </div>
  );
}

/** A manager's home: their direct reports and their 1:1s (and the manager's own 1:1, if any). */
function ManagerHome({ me }: { me: Me }) {
  const { t } = useTranslation('home');
  return (
    <Page title={t('greeting', { name: firstName(me.name) })} intro={t('manager.intro')}>
      <TeamOverview />
      <ConversationsCard />
      <EmployeeOneOnOnes compact />
    </Page>
  );
}

/** "My team": the same overview on its own page. */
export function TeamPage() {
  const { t } = useTranslation('home');
  return (
    <Page title={t('team.title')}>
      <TeamOverview />
    </Page>
  );
}

/** HR's home: how the organisation looks, and the ways in to keep it right. */
function HrHome({ me }: { me: Me }) {
  const { t } = useTranslation('home');
  const fmt = useFormat();
  const people = useQuery({
    queryKey: [...keys.people, 'overview'],
    queryFn: () => api.people({ limit: 200 }),
  });
  const departments = useDepartments();
  const count = people.data?.items.length ?? 0;
  const more = !!people.data?.nextCursor;
  const unplaced = people.data?.items.filter((p) => !p.departmentId).length ?? 0;
  const withoutManager = people.data?.items.filter((p) => !p.managerId).length ?? 0;
  return (
    <Page title={t('greeting', { name: firstName(me.name) })} intro={t('hr.intro')}>
      {people.error ? <LoadError error={people.error} retry={() => void people.refetch()} /> : null}
      <section aria-labelledby="overview" className="overview">
        <h2 id="overview" className="visually-hidden">
          {t('hr.overview')}
        </h2>
        <ul className="stats">
          <li className="stat">
            <span className="stat__value">
              {people.isPending ? '–' : more ? `${fmt.number(count)}+` : fmt.number(count)}
            </span>
            <span className="stat__label">{t('hr.stats.people', { count })}</span>
          </li>
          <li className="stat">
            <span className="stat__value">
              {departments.data ? fmt.number(departments.data.items.length) : '–'}
            </span>
            <span className="stat__label">
              {t('hr.stats.departments', { count: departments.data?.items.length ?? 0 })}
            </span>
          </li>
          {more ? null : (
            <>
              <li className="stat">
                <span className="stat__value">
                  {people.isPending ? '–' : fmt.number(withoutManager)}
                </span>
                <span className="stat__label">
                  {t('hr.stats.withoutManager', { count: withoutManager })}
                </span>
              </li>
              <li className="stat">
                <span className="stat__value">{people.isPending ? '–' : fmt.number(unplaced)}</span>
                <span className="stat__label">{t('hr.stats.unplaced', { count: unplaced })}</span>
              </li>
            </>
          )}
        </ul>
      </section>
      <div className="hr-cards">
        <HrRoundsCard
          me={me}
          withoutManager={more || people.isPending ? 0 : withoutManager}
          unplaced={more || people.isPending ? 0 : unplaced}
        />
      </div>
      <section aria-labelledby="shortcuts">
        <h2 id="shortcuts">{t('hr.shortcuts')}</h2>
        <ul className="link-cards">
          <li>
            <Link className="link-card" to="/import">
              <span className="link-card__title">{t('hr.import.title')}</span>
              <span className="link-card__body">{t('hr.import.body')}</span>
            </Link>
          </li>
          <li>
            <Link className="link-card" to="/people">
              <span className="link-card__title">{t('hr.people.title')}</span>
              <span className="link-card__body">{t('hr.people.body')}</span>
            </Link>
          </li>
          <li>
            <Link className="link-card" to="/people/new">
              <span className="link-card__title">{t('hr.add.title')}</span>
              <span className="link-card__body">{t('hr.add.body')}</span>
            </Link>
          </li>
          <li>
            <Link className="link-card" to="/departments">
              <span className="link-card__title">{t('hr.departments.title')}</span>
              <span className="link-card__body">{t('hr.departments.body')}</span>
            </Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
