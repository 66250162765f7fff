import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clock } from './format';
import { useNow } from './hooks';

const key = (meetingId: string) => `samtal.meeting-started.${meetingId}`;

function read(meetingId: string): number | null {
  try {
    const v = Number(localStorage.getItem(key(meetingId)));
    return Number.isFinite(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

/**
 * When the manager started the meeting, kept in this browser (a reload keeps the clock going).
 * The server has no "started" state: the timer is a help for the person running the meeting.
 */
export function useMeetingStart(meetingId: string) {
  const [startedAt, setStartedAt] = useState(() => read(meetingId));
  return {
    startedAt,
    start() {
      const now = Date.now();
      try {
        localStorage.setItem(key(meetingId), String(now));
      } catch {
        // the clock still runs for this page
      }
      setStartedAt(now);
    },
    clear() {
      try {
        localStorage.removeItem(key(meetingId));
      } catch {
        // nothing kept
      }
      setStartedAt(null);
    },
  };
}

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
