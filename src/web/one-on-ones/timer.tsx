import { useTranslation } from 'react-i18next';
import { clock } from '../format';
import { useNow } from '../meetings/hooks';

/** The running clock against the planned length; over time shows how much. */
export function MeetingTimer({
  startedAt,
  plannedMinutes,
}: {
  startedAt: number;
  plannedMinutes: number;
}) {
  const { t } = useTranslation('meetings');
  const now = useNow(1000);
  const elapsed = Math.max(0, (now - startedAt) / 1000);
  const planned = plannedMinutes * 60;
  const over = elapsed > planned;
  return (
    <div
      className={over ? 'timer timer--over' : 'timer'}
      role="timer"
      aria-label={t('timer.label')}
    >
      <p className="timer__clock">
        <span className="timer__elapsed">{clock(elapsed)}</span>
        <span className="timer__planned"> / {clock(planned)}</span>
      </p>
      <progress
        className="timer__bar"
        max={planned}
        value={Math.min(elapsed, planned)}
        aria-hidden="true"
      />
      <p className="timer__note">
        {over
          ? t('timer.over', { minutes: Math.floor((elapsed - planned) / 60) })
          : t('timer.left', { minutes: Math.ceil((planned - elapsed) / 60) })}
      </p>
    </div>
  );
}
