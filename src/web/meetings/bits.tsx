/** Small pieces the 1:1 pages share: place, status, "when". */
import { useTranslation } from 'react-i18next';
import type { Meeting } from './api';
import { useMeetingFormat, useNow } from './hooks';

/** True when a text is a web address we may link to. */
function isLink(text: string): boolean {
  return /^https:\/\/\S+$/i.test(text.trim());
}

/** Where the pair meets: the kind, and the room or the video link when given. */
export function PlaceText({ place }: { place: Meeting['place'] }) {
  const { t } = useTranslation('meetings');
  const kind = t(`oneOnOne:place.${place.kind}`);
  const detail = place.detail?.trim();
  if (!detail) return <>{kind}</>;
  if (place.kind === 'video' && isLink(detail))
    return (
      <>
        {kind}:{' '}
        <a href={detail} target="_blank" rel="noreferrer noopener">
          {t('meeting.joinVideo')}
        </a>
      </>
    );
  return <>{t('meeting.placeWithDetail', { kind, detail })}</>;
}

/** A meeting's state. A planned meeting whose time has passed is "not finished". */
export function StatusBadge({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const open = meeting.status === 'planned' || meeting.status === 'moved';
  const now = useNow();
  const fmt = useMeetingFormat();
  if (meeting.phase === 'in_progress')
    return <span className="badge status-badge status-badge--live">{t('live:inProgress')}</span>;
  // Held on another day than planned (early, or started late): the day it really took place.
  if (meeting.status === 'held' && meeting.heldOn && meeting.heldOn !== meeting.localDate)
    return (
      <span className="badge status-badge status-badge--held">
        {t('live:heldOn', { date: fmt.plainShort(meeting.heldOn) })}
      </span>
    );
  const past = open && Date.parse(meeting.endsAt) < now;
  const label = past ? t('status.notFinished') : t(`oneOnOne:status.${meeting.status}`);
  return (
    <span className={`badge status-badge status-badge--${past ? 'late' : meeting.status}`}>
      {label}
    </span>
  );
}

/** "tisdag 1 december 2026, 09:00 · om 10 dagar" */
export function When({ at, relative = true }: { at: string; relative?: boolean }) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  return (
    <>
      <time dateTime={at}>
        {t('when.dateTime', { date: fmt.longDate(at), time: fmt.time(at) })}
      </time>
      {relative ? <span className="muted"> · {fmt.relative(at)}</span> : null}
    </>
  );
}

/** First name, for short phrases ("Erik's topic"). */
export function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/** A small padlock, for "only you can see this". */
export function LockIcon() {
  return (
    <svg
      className="lock-icon"
      aria-hidden="true"
      width="14"
      height="14"
      viewBox="0 0 16 16"
      fill="currentColor"
    >
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1.5 1.5 0 0 0-1.5 1.5v5A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-5A1.5 1.5 0 0 0 12 7h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
    </svg>
  );
}
