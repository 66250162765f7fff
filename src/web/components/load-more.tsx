import { useTranslation } from 'react-i18next';

/** The part of a paged (infinite) query that a "more" button needs. */
export type PagedList = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/** "Show more" under a paged list: there only while more pages exist, busy while loading. */
export function LoadMore({ list, label }: { list: PagedList; label: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <p className="center">
      <button
        type="button"
        className="button button--secondary"
        disabled={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        {list.isFetchingNextPage ? t('common:loading') : label}
      </button>
    </p>
  );
}
