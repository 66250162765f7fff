import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  agendaTime,
  PLANNED_MINUTES_MAX,
  PLANNED_MINUTES_MIN,
} from '../../domain/one-on-one/agenda-time';
import { ApiError } from '../api';
import { useErrorText } from '../components/feedback';
import { oneOnOneApi, oneOnOneKeys, type MeetingDetail, type Point } from '../meetings/api';

/**
 * The agenda's planned minutes against the meeting's length ("35 of 30 min planned"), marked
 * as a warning when more is planned than the meeting has (issue #15). Nothing while no point
 * has minutes.
 */
export function AgendaTimeSummary({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const time = agendaTime(detail.agenda, detail.meeting.durationMinutes);
  if (!time.anyPlanned) return null;
  return (
    <p
      className={time.over ? 'agenda-time agenda-time--over' : 'agenda-time'}
      data-testid="agenda-time"
    >
      <span>{t('agendaTime.total', { planned: time.planned, length: time.meetingMinutes })}</span>
      {time.over ? (
        <span className="agenda-time__over">
          {' · '}
          {t('agendaTime.over', { over: time.planned - time.meetingMinutes })}
        </span>
      ) : null}
    </p>
  );
}

/** A point's planned minutes: a small field while the agenda can be arranged, else a badge. */
export function PlannedMinutes({
  point,
  detail,
  editable,
}: {
  point: Point;
  detail: MeetingDetail;
  editable: boolean;
}) {
  const { t } = useTranslation('meetings');
  if (!editable)
    return point.plannedMinutes !== null ? (
      <span className="badge planned-minutes">
        {t('agendaTime.planned', { minutes: point.plannedMinutes })}
      </span>
    ) : null;
  return <PlannedMinutesField key={point.plannedMinutes ?? ''} point={point} detail={detail} />;
}

function PlannedMinutesField({ point, detail }: { point: Point; detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const stored = point.plannedMinutes === null ? '' : String(point.plannedMinutes);
  const [value, setValue] = useState(stored);
  const save = useMutation({
    mutationFn: (plannedMinutes: number | null) =>
      oneOnOneApi.updatePoint(point.id, { plannedMinutes }),
    onSuccess: (fresh) => client.setQueryData(oneOnOneKeys.meeting(detail.meeting.id), fresh),
  });
  const id = `minutes-${point.id}`;
  function commit() {
    const text = value.trim();
    if (text === stored) return;
    // Sent as typed: the server checks the range and says what is wrong, in the person's language.
    save.mutate(text === '' ? null : Number(text));
  }
  const problem =
    save.error instanceof ApiError
      ? (save.error.fields.find((f) => f.path === 'plannedMinutes')?.message ??
        errorText(save.error))
      : save.error
        ? errorText(save.error)
        : null;
  return (
    <span className="planned-minutes-field">
      <span className="planned-minutes-field__row">
        <label htmlFor={id} className="visually-hidden">
          {t('agendaTime.minutesFor', { title: point.title })}
        </label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={PLANNED_MINUTES_MIN}
          max={PLANNED_MINUTES_MAX}
          value={value}
          placeholder="–"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
        <span aria-hidden="true" className="muted small">
          {t('agendaTime.minutes')}
        </span>
      </span>
      {problem ? (
        <span className="field__error" id={`${id}-error`} role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
