import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/feedback';
import { NoAccess } from '../components/no-access';
import { Page } from '../components/page';
import { useFormat, useMe } from '../session';
import { goalKeys, goalsApi } from './goals-api';
import { LoadMore } from '../components/load-more';

/** Every salary outcome of the organisation, for the people granted the 'salary' role. */
export function SalaryOutcomesPage() {
  const { t } = useTranslation('goals');
  const me = useMe();
  const fmt = useFormat();
  const allowed = me.data?.can.readSalaryOutcomes ?? false;
  const list = useInfiniteQuery({
    queryKey: [...goalKeys.all, 'salary-list'],
    queryFn: ({ pageParam }) => goalsApi.salaryOutcomes(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: allowed,
  });
  if (me.data && !allowed) return <NoAccess need="salary" />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('salary.listTitle')} intro={t('salary.hidden')}>
      {list.isPending ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p>{t('salary.listEmpty')}</p> : null}
      {items.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('salary.column.employee')}</th>
              <th scope="col">{t('salary.column.outcome')}</th>
              <th scope="col">{t('salary.column.effective')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.conversationId}>
                <th scope="row">{o.employeeName}</th>
                <td>
                  {t(`salary.changeKind.${o.changeKind}`)}:{' '}
                  {t(`salary.value.${o.changeKind}`, { amount: o.amount, currency: o.currency })}
                </td>
                <td>{fmt.day(o.effectiveDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <LoadMore list={list} label={t('salary.more')} />
    </Page>
  );
}
