import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { http } from '../api';
import { conversationKeys } from './keys';

/**
 * The homes' small "development conversations" card: how many to book and how many are booked,
 * from one light count, and the way to the list. Shows nothing until the count is in.
 */
export function ConversationsCard() {
  // Its few texts live in the home catalog, so the home page loads no other catalog for it.
  const { t } = useTranslation('home');
  const summary = useQuery({
    queryKey: conversationKeys.summary,
    // Called directly (not through conversationApi) so the home chunk stays small.
    queryFn: () => http.get<{ toBook: number; upcoming: number }>('/api/conversations/summary'),
    staleTime: 60_000,
  });
  if (!summary.data) return null;
  const { toBook, upcoming } = summary.data;
  return (
    <section className="card" aria-labelledby="conversations-card">
      <h2 id="conversations-card">{t('conversations.title')}</h2>
      <p>
        {toBook > 0 ? t('conversations.toBook', { count: toBook }) : null}
        {toBook > 0 && upcoming > 0 ? ' · ' : null}
        {upcoming > 0 ? t('conversations.upcoming', { count: upcoming }) : null}
        {toBook === 0 && upcoming === 0 ? t('conversations.none') : null}
      </p>
      <p>
        <Link to="/conversations">{t('conversations.open')}</Link>
      </p>
    </section>
  );
}
