import { useTranslation } from 'react-i18next';
import { statusHint, statusLabel } from './labels';

/** A mail's delivery status as a coloured badge, with its explanation as a tooltip. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('mailbox');
  return (
    <span
      className={`badge mail-status mail-status--${status}`}
      title={statusHint(t, status) ?? ''}
    >
      {statusLabel(t, status)}
    </span>
  );
}
