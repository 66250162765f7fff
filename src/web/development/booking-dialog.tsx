import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, useErrorText } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { useMe } from '../session';
import {
  OWN_CONVERSATION_KINDS,
  type OwnConversationKind,
} from '../../domain/development/conversation';
import { FormDialog } from '../components/form-dialog';
import {
  conversationApi,
  conversationKeys,
  type BookingInput,
  type ConversationPage,
  type PlaceKind,
} from './api';

const PLACES: PlaceKind[] = ['room', 'video', 'walk_and_talk'];

type Props = {
  /** The conversation to book; null with `own`: a new one the manager books on their own. */
  conversationId: string | null;
  /** The booked meeting, when moving it. */
  current?: ConversationPage['meeting'];
  /** Books the follow-up of this conversation instead, on a proposed date. */
  followUp?: { proposedDate: string };
  /** A new conversation with one of these reports, outside any round (seed 004). */
  own?: { reports: { id: string; name: string }[]; employeeId?: string | null };
  onClose: () => void;
  onDone?: (page: ConversationPage) => void;
};

/** Books (or moves) the time of a conversation in one step: date, time, length and place. */
export function BookingDialog({ conversationId, current, followUp, own, onClose, onDone }: Props) {
  const { t } = useTranslation('conversations');
  const client = useQueryClient();
  const errorText = useErrorText();
  const me = useMe().data;
  const [date, setDate] = useState(current?.localDate ?? followUp?.proposedDate ?? '');
  const [time, setTime] = useState(current?.localTime ?? (followUp ? '10:00' : '09:00'));
  const [minutes, setMinutes] = useState(String(current?.durationMinutes ?? (followUp ? 30 : 60)));
  const [place, setPlace] = useState<PlaceKind>(current?.place.kind ?? 'room');
  const [detail, setDetail] = useState(current?.place.detail ?? '');
  const [missing, setMissing] = useState(false);
  const [employeeId, setEmployeeId] = useState(own?.employeeId ?? own?.reports[0]?.id ?? '');
  const [kind, setKind] = useState<OwnConversationKind>('development');
  const book = useMutation({
    mutationFn: () => {
      const input: BookingInput = {
        date,
        time,
        durationMinutes: Number(minutes) || 60,
        place: { kind: place, detail: detail.trim() || null },
      };
      if (own || !conversationId) return conversationApi.bookOwn(employeeId, kind, input);
      return followUp
        ? conversationApi.bookFollowUp(conversationId, input)
        : conversationApi.book(conversationId, input);
    },
    onSuccess: async (page) => {
      await client.invalidateQueries({ queryKey: conversationKeys.all });
      onDone?.(page);
      onClose();
    },
  });
  const title = own
    ? t('own.title')
    : followUp
      ? t('followUp.book')
      : current
        ? t('booking.moveTitle')
        : t('booking.title');
  return (
    <FormDialog
      open
      title={title}
      submitLabel={current ? t('booking.move') : t('booking.submit')}
      busy={book.isPending}
      onClose={onClose}
      onSubmit={() => {
        if (!date || !time || (own && !employeeId)) return setMissing(true);
        book.mutate();
      }}
    >
      {me ? (
        <p className="muted small">
          {t('booking.timeZoneHint', { timeZone: me.timeZone.replace(/_/g, ' ') })}
        </p>
      ) : null}
      {book.error ? (
        <Alert>
          <p>{errorText(book.error)}</p>
        </Alert>
      ) : null}
      {own ? (
        <>
          <Field
            id="own-employee"
            label={t('own.employee')}
            error={missing && !employeeId ? t('meetings:form.required') : undefined}
          >
            {(control) => (
              <select
                {...control}
                value={employeeId}
                onChange={(e) => setEmployeeId(e.target.value)}
              >
                {own.reports.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="own-kind" label={t('own.kind')} hint={t(`own.hint.${kind}`)}>
            {(control) => (
              <select
                {...control}
                value={kind}
                onChange={(e) => setKind(e.target.value as OwnConversationKind)}
              >
                {OWN_CONVERSATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : null}
      <div className="form__grid">
        <TextField
          id="booking-date"
          type="date"
          label={t('booking.date')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={missing && !date ? t('meetings:form.required') : undefined}
        />
        <TextField
          id="booking-time"
          type="time"
          step={300}
          label={t('booking.time')}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          error={missing && !time ? t('meetings:form.required') : undefined}
        />
        <TextField
          id="booking-minutes"
          type="number"
          min={15}
          max={240}
          step={5}
          label={t('booking.duration')}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <Field id="booking-place" label={t('booking.place')}>
          {(control) => (
            <select
              {...control}
              value={place}
              onChange={(e) => setPlace(e.target.value as PlaceKind)}
            >
              {PLACES.map((p) => (
                <option key={p} value={p}>
                  {t(`oneOnOne:place.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id="booking-place-detail"
          label={t('booking.placeDetail')}
          value={detail}
          maxLength={500}
          onChange={(e) => setDetail(e.target.value)}
        />
      </div>
    </FormDialog>
  );
}
