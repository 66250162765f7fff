import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { ConversationPage } from './api';
import { useMeetingFormat } from '../meetings/hooks';
import { dateIn } from '../format';

/**
 * Starting a development or salary conversation cannot be undone: it shows both preparations to
 * both and closes them. The dialog says so, names who has not submitted yet, and before the
 * booked day asks to hold it now (the server refuses an early start without that).
 */
export function StartConversationDialog({
  page,
  busy,
  onCancel,
  onConfirm,
}: {
  page: ConversationPage;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (holdNow: boolean) => void;
}) {
  const { t } = useTranslation('live');
  const fmt = useMeetingFormat();
  const meeting = page.meeting;
  const early = meeting ? dateIn(new Date(), meeting.timeZone) < meeting.localDate : false;
  const missing: string[] = [];
  if (!page.preparation.mine?.submittedAt) missing.push(t('youNotSubmitted'));
  if (!page.preparation.otherSubmitted)
    missing.push(t('otherNotSubmitted', { name: page.employee.name }));
  return (
    <ConfirmDialog
      open
      title={t('startConversationTitle')}
      confirmLabel={early ? t('holdNow') : t('startNow')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => onConfirm(early)}
    >
      <p>{t('startConversationReveal')}</p>
      {missing.length ? (
        <ul className="start-missing">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        <p>{t('bothSubmitted')}</p>
      )}
      {early && meeting ? (
        <p>
          <strong>{t('startEarly', { date: fmt.plainShort(meeting.localDate) })}</strong>
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
