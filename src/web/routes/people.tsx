import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { useDebounced } from '../components/use-debounced';
import { keys, useDepartmentPaths } from '../queries';
import { LoadMore } from '../components/load-more';

const PAGE_SIZE = 25;

/** HR's people register: search, filter by department, include deactivated, load more. */
export function PeoplePage() {
  const { t } = useTranslation('people');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const query = useDebounced(search.trim(), 300);
  const departmentId = params.get('department') ?? '';
  const includeInactive = params.get('inactive') === '1';
  const { paths } = useDepartmentPaths();

  const urlQuery = params.get('q') ?? '';

  // Build on the address as it is now, not on this render's copy: the search box and a
  // filter may change it within the same moment, and neither may undo the other.
  const setParam = (name: string, value: string | null) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  // Filters live in the address, so "back" from a person returns to the same list.
  useEffect(() => {
    if (urlQuery === query) return;
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        if (query) next.set('q', query);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [query, urlQuery, setParams]);

  const list = useInfiniteQuery({
    queryKey: [...keys.people, 'list', { query, departmentId, includeInactive }],
    queryFn: ({ pageParam }) =>
      api.people({
        search: query,
        departmentId: departmentId || undefined,
        includeInactive,
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const people = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title={t('list.title')}
      actions={
        <>
          <Link className="button" to="/people/new">
            {t('list.add')}
          </Link>
          <Link className="button button--secondary" to="/import">
            {t('list.import')}
          </Link>
        </>
      }
    >
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="people-search">{t('list.search')}</label>
          <input
            id="people-search"
            type="search"
            value={search}
            placeholder={t('list.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="people-department">{t('list.department')}</label>
          <select
            id="people-department"
            value={departmentId}
            onChange={(e) => setParam('department', e.target.value)}
          >
            <option value="">{t('list.allDepartments')}</option>
            {paths.map((p) => (
              <option key={p.department.id} value={p.department.id}>
                {p.path}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input
            id="people-inactive"
            type="checkbox"
            checked={includeInactive}
            onChange={(e) => setParam('inactive', e.target.checked ? '1' : null)}
          />
          <label htmlFor="people-inactive">{t('list.showInactive')}</label>
        </div>
      </form>

      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : people.length === 0 ? (
        <p className="empty">{query || departmentId ? t('list.noMatches') : t('list.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {list.hasNextPage
              ? t('list.showingMore', { count: people.length })
              : t('list.showing', { count: people.length })}
          </p>
          {/* Explicit roles: the phone layout restyles the table as blocks, which drops them. */}
          <table className="table table--stack" role="table">
            <caption className="visually-hidden">{t('list.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t('field.name')}
                </th>
                <th scope="col" role="columnheader">
                  {t('field.jobTitle')}
                </th>
                <th scope="col" role="columnheader">
                  {t('field.department')}
                </th>
                <th scope="col" role="columnheader">
                  {t('field.manager')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {people.map((p) => (
                <tr key={p.id} role="row" className={p.active ? undefined : 'is-inactive'}>
                  <td role="cell" data-label={t('field.name')}>
                    <Link to={`/people/${p.id}`} className="table__primary">
                      {p.name}
                    </Link>
                    {p.active ? null : <span className="badge">{t('list.deactivated')}</span>}
                    <span className="table__sub">{p.email}</span>
                  </td>
                  <td role="cell" data-label={t('field.jobTitle')}>
                    {p.jobTitle ?? '–'}
                  </td>
                  <td role="cell" data-label={t('field.department')}>
                    {p.departmentName ?? '–'}
                  </td>
                  <td role="cell" data-label={t('field.manager')}>
                    {p.managerName ?? '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore list={list} label={t('list.loadMore')} />
        </>
      )}
    </Page>
  );
}
