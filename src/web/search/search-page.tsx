import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchResult } from '../../contracts/search';
import { SEARCH_KINDS, type SearchKind } from '../../domain/search/search';
import { api } from '../api';
import { LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { formatter } from '../format';
import { useMe } from '../session';

/** Where a found thing lives in the app. */
function placeOf(r: SearchResult): string {
  if (r.kind === 'minutes') return `/one-on-ones/meetings/${r.meetingId}/minutes`;
  if (r.conversationId) return `/conversations/${r.conversationId}`;
  return `/one-on-ones/meetings/${r.meetingId}`;
}

/** Found text as text, the found words in <mark>: never as markup. */
function Marked({ segments }: { segments: SearchResult['title'] }) {
  return <>{(segments ?? []).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

/** The results of a search, grouped by what was found, best first within each group. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  return (
    <Page title={t('search.title')} intro={q ? t('search.for', { q }) : t('search.intro')}>
      {q ? <Results q={q} /> : null}
    </Page>
  );
}

function Results({ q }: { q: string }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const found = useQuery({ queryKey: ['search', q], queryFn: () => api.search(q) });
  if (found.isPending) return <Loading />;
  if (found.error) return <LoadError error={found.error} retry={() => void found.refetch()} />;
  const { items, more } = found.data;
  if (items.length === 0) return <p className="empty">{t('search.empty', { q })}</p>;
  const f = formatter(i18n.language, me?.timeZone);
  const groups = SEARCH_KINDS.map((kind) => [kind, items.filter((i) => i.kind === kind)] as const);
  return (
    <div className="search-results">
      {more ? <p className="muted">{t('search.more', { count: items.length })}</p> : null}
      {groups.map(([kind, list]) =>
        list.length === 0 ? null : (
          <section key={kind} className="search-results__group" aria-labelledby={`found-${kind}`}>
            <h2 id={`found-${kind}`}>
              {t(`search.kinds.${kind satisfies SearchKind}`, { count: list.length })}
            </h2>
            <ul className="search-results__list">
              {list.map((r) => (
                <li key={`${r.kind}-${r.id}`} className="search-result">
                  <Link to={placeOf(r)} className="search-result__title">
                    {r.title ? <Marked segments={r.title} /> : t(`search.untitled.${r.kind}`)}
                  </Link>
                  {r.snippet ? (
                    <p className="search-result__snippet">
                      <Marked segments={r.snippet} />
                    </p>
                  ) : null}
                  <p className="search-result__meta muted">
                    {t('search.with', { name: r.with.name, date: f.date(r.at) })}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
    </div>
  );
}
