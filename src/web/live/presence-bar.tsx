import { useTranslation } from 'react-i18next';
import type { LiveState } from './use-live-meeting';

/** Who else is in the meeting right now, and whether this device is live. */
export function PresenceBar({ state, otherName }: { state: LiveState; otherName: string }) {
  const { t } = useTranslation('live');
  if (state.mode === 'fallback')
    return (
      <p className="presence presence--fallback" role="status">
        {t('fallback')}
      </p>
    );
  const here = state.others.length > 0;
  return (
    <p className={`presence presence--${state.status}`} role="status" aria-live="polite">
      <span className="presence__dot" aria-hidden="true" />
      {state.status === 'live'
        ? here
          ? t('otherHere', { name: otherName })
          : t('otherAway', { name: otherName })
        : state.status === 'denied'
          ? t('denied')
          : t('offline')}
    </p>
  );
}
