import { useTranslation } from 'react-i18next';
import type { ConversationItem } from './api';

/**
 * Seed 004: the round wants the salary conversation held before this development
 * conversation (required, or only recommended), and whether it has been.
 */
export function SalaryFirstNote({
  order,
}: {
  order: NonNullable<ConversationItem['salaryFirst']>;
}) {
  const { t } = useTranslation('conversations');
  return (
    <span className={`conv-order conv-order--${order.held ? 'done' : order.rule}`}>
      {order.held ? t('salaryFirst.held') : t(`salaryFirst.${order.rule}`)}
    </span>
  );
}
