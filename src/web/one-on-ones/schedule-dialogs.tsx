import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, useErrorText } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { oneOnOneApi, oneOnOneKeys, type Meeting, type Series } from '../meetings/api';
import { FormDialog } from '../components/form-dialog';

type Props = { meeting: Meeting; onClose: () => void; onDone?: (m: Meeting) => void };

/** Moving one meeting to another day or time, with an optional reason; it stays in the history. */
export function MoveMeetingDialog({ meeting, onClose, onDone }: Props) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [date, setDate] = useState(meeting.localDate);
  const [time, setTime] = useState(meeting.localTime);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const move = useMutation({
    mutationFn: () => oneOnOneApi.move(meeting.id, { date, time, reason: reason.trim() || null }),
    onSuccess: async (m) => {
      await client.invalidateQueries({ queryKey: oneOnOneKeys.all });
      onDone?.(m);
      onClose();
    },
  });
  return (
    <FormDialog
      open
      title={t('schedule.moveTitle')}
      submitLabel={t('schedule.moveSubmit')}
      busy={move.isPending}
      onClose={onClose}
      onSubmit={() => {
        if (!date || !time) return setMissing(true);
        move.mutate();
      }}
    >
      <p className="muted small">
        {t('schedule.moveIntro', { zone: meeting.timeZone.replace(/_/g, ' ') })}
      </p>
      {move.error ? (
        <Alert>
          <p>{errorText(move.error)}</p>
        </Alert>
      ) : null}
      <div className="form__grid">
        <TextField
          id="move-date"
          type="date"
          label={t('schedule.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={missing && !date ? t('form.required') : undefined}
        />
        <TextField
          id="move-time"
          type="time"
          step={300}
          label={t('schedule.time')}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          error={missing && !time ? t('form.required') : undefined}
        />
      </div>
      <Field id="move-reason" label={t('schedule.reasonOptional')} hint={t('schedule.reasonKept')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Cancelling one meeting; the reason is required and stays in the history. */
export function CancelMeetingDialog({ meeting, onClose, onDone }: Props) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const cancel = useMutation({
    mutationFn: () => oneOnOneApi.cancel(meeting.id, reason.trim()),
    onSuccess: async (m) => {
      await client.invalidateQueries({ queryKey: oneOnOneKeys.all });
      onDone?.(m);
      onClose();
    },
  });
  return (
    <FormDialog
      open
      danger
      title={t('schedule.cancelTitle')}
      submitLabel={t('schedule.cancelSubmit')}
      busy={cancel.isPending}
      onClose={onClose}
      onSubmit={() => {
        if (!reason.trim()) return setMissing(true);
        cancel.mutate();
      }}
    >
      <p className="muted small">{t('schedule.cancelIntro')}</p>
      {cancel.error ? (
        <Alert>
          <p>{errorText(cancel.error)}</p>
        </Alert>
      ) : null}
      <Field
        id="cancel-reason"
        label={t('schedule.reason')}
        hint={t('schedule.reasonKept')}
        error={missing && !reason.trim() ? t('schedule.reasonRequired') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Ending a whole series: later meetings are cancelled, the history stays. */
export function EndSeriesDialog({ series, onClose }: { series: Series; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const end = useMutation({
    mutationFn: () => oneOnOneApi.endSeries(series.id, reason.trim()),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: oneOnOneKeys.all });
      onClose();
    },
  });
  return (
    <FormDialog
      open
      danger
      title={t('series.endTitle', { name: series.employee.name })}
      submitLabel={t('series.endSubmit')}
      busy={end.isPending}
      onClose={onClose}
      onSubmit={() => {
        if (!reason.trim()) return setMissing(true);
        end.mutate();
      }}
    >
      <p>{t('series.endIntro')}</p>
      {end.error ? (
        <Alert>
          <p>{errorText(end.error)}</p>
        </Alert>
      ) : null}
      <Field
        id="end-reason"
        label={t('schedule.reason')}
        hint={t('schedule.reasonKept')}
        error={missing && !reason.trim() ? t('schedule.reasonRequired') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
