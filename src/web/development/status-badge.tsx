import { useTranslation } from 'react-i18next';
import type { ConversationItem } from './api';

/** Where a conversation stands: not booked, booked, held, closed, signed. */
export function StatusBadge({ status }: { status: ConversationItem['status'] }) {
  const { t } = useTranslation('conversations');
  return (
    <span className={`badge conv-status conv-status--${status}`}>{t(`status.${status}`)}</span>
  );
}
