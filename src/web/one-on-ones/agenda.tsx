import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, useErrorText } from '../components/feedback';
import { ConfirmDialog } from '../components/confirm-dialog';
import { InlineAddForm } from '../components/inline-add-form';
import {
  oneOnOneApi,
  oneOnOneKeys,
  type Action,
  type MeetingDetail,
  type Point,
} from '../meetings/api';
import { ActionForm, ActionItem } from './actions';
import { useMeetingFormat } from '../meetings/hooks';
import { SharedNoteEditor } from '../meetings/note-editor';
import { useInstantCheck } from '../components/use-instant-check';
import { LiveNoteEditor } from '../live/live-note-editor';
import { isPendingId, writeOrKeep } from '../live/outbox';
import { useLive } from '../live/use-live-meeting';
import { withReaderTitles } from '../meetings/reader-titles';
import { QuestionBank } from './question-bank';
import { MotivationPanel } from './motivation-panel';
import { AgendaTimeSummary, PlannedMinutes } from './agenda-time';

type AgendaProps = { detail: MeetingDetail; editable: boolean };

/** The agenda in order: template sections with their topics, notes and actions. */
export function Agenda({ detail, editable }: AgendaProps) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const key = oneOnOneKeys.meeting(detail.meeting.id);
  const reorder = useMutation({
    mutationFn: (ids: string[]) => oneOnOneApi.reorder(detail.meeting.id, ids),
    onMutate: async (ids) => {
      // A poll already under way must not land after this change with the old order.
      await client.cancelQueries({ queryKey: key });
      const byId = new Map(detail.agenda.map((p) => [p.id, p]));
      client.setQueryData<MeetingDetail>(key, (old) =>
        old ? { ...old, agenda: ids.map((id) => byId.get(id)!).filter(Boolean) } : old,
      );
    },
    onSuccess: (fresh) => client.setQueryData(key, fresh),
    onError: () => client.invalidateQueries({ queryKey: key }),
  });
  const hasFollowUpSection = detail.agenda.some((p) => p.sectionKind === 'follow_up');
  // Titles as this reader should read them; the cached detail keeps the server's words.
  const points = withReaderTitles(detail, (name) => t('agenda.employeeTopicsFor', { name }));

  function move(index: number, by: -1 | 1, pointId: string) {
    const ids = detail.agenda.map((p) => p.id);
    const target = index + by;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    reorder.mutate(ids);
    // The row moved: keep the keyboard on the same button (or its twin at the ends).
    requestAnimationFrame(() => {
      const same = document.getElementById(`${by < 0 ? 'up' : 'down'}-${pointId}`);
      const other = document.getElementById(`${by < 0 ? 'down' : 'up'}-${pointId}`);
      (same && !(same as HTMLButtonElement).disabled ? same : other)?.focus();
    });
  }

  return (
    <section aria-labelledby="agenda-heading" className="agenda">
      <div className="agenda__head">
        <h2 id="agenda-heading">{t('agenda.title')}</h2>
        <p className="muted small">{detail.template.name}</p>
      </div>
      <AgendaTimeSummary detail={detail} />
      {editable ? <AddPointForm detail={{ ...detail, agenda: points }} /> : null}
      {reorder.error ? (
        <Alert>
          <p>{errorText(reorder.error)}</p>
        </Alert>
      ) : null}
      {!hasFollowUpSection && detail.followUp.length > 0 ? (
        <div className="point point--section">
          <h3 className="point__title">{t('followUp.title')}</h3>
          <FollowUp detail={detail} />
        </div>
      ) : null}
      <ol className="agenda__list">
        {points.map((p, i) => (
          <PointCard
            key={p.id}
            point={p}
            detail={detail}
            editable={editable}
            first={i === 0}
            last={i === detail.agenda.length - 1}
            onMove={(by) => move(i, by, p.id)}
          />
        ))}
      </ol>
      <OtherActions detail={detail} editable={editable} />
    </section>
  );
}

/** Every open action of the pair from earlier meetings, until it is done. */
function FollowUp({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  const names = ownerNames(detail);
  if (detail.followUp.length === 0) return <p className="muted small">{t('followUp.none')}</p>;
  return (
    <ul className="actions" aria-label={t('followUp.title')}>
      {detail.followUp.map((a) => (
        <ActionItem
          key={a.id}
          action={a}
          ownerName={names(a)}
          context={t('followUp.from', { date: fmt.shortDate(a.createdAt) })}
        />
      ))}
    </ul>
  );
}

function ownerNames(detail: MeetingDetail) {
  return (a: Pick<Action, 'ownerId'>) =>
    a.ownerId === detail.series.manager.id
      ? detail.series.manager.name
      : detail.series.employee.name;
}

type PointCardProps = {
  point: Point;
  detail: MeetingDetail;
  editable: boolean;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
};

function PointCard({ point: p, detail, editable: open, first, last, onMove }: PointCardProps) {
  const { t } = useTranslation('meetings');
  const live = useLive();
  // Made offline and not yet sent: shown, but nothing can hang on it until the server has it.
  const editable = open && !isPendingId(p.id);
  const client = useQueryClient();
  const errorText = useErrorText();
  const key = oneOnOneKeys.meeting(detail.meeting.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const me = detail.myRole === 'manager' ? detail.series.manager.id : detail.series.employee.id;
  const mine = p.author?.id === me;
  const tick = useMutation({
    // Offline it runs too: the change is kept on the device (outbox).
    networkMode: 'always',
    mutationFn: (discussed: boolean) =>
      writeOrKeep<MeetingDetail>(
        detail.meeting.id,
        { kind: 'tick', pointId: p.id, discussed },
        'PATCH',
        `/api/one-on-ones/points/${encodeURIComponent(p.id)}`,
        { discussed },
      ),
    // A poll already under way must not land after this change with the old state.
    onMutate: () => client.cancelQueries({ queryKey: key }),
    onSuccess: (fresh) => {
      if (fresh) client.setQueryData(key, fresh);
    },
  });
  const carry = useMutation({
    mutationFn: () => oneOnOneApi.carryOver(p.id),
    onSuccess: () => client.invalidateQueries({ queryKey: oneOnOneKeys.all }),
  });
  const remove = useMutation({
    mutationFn: () => oneOnOneApi.deletePoint(p.id),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const check = useInstantCheck(tick.isPending ? !!tick.variables : p.discussed);
  const discussed = check.checked;
  const actions = detail.actions.filter((a) => a.pointId === p.id);
  const names = ownerNames(detail);
  const carried = p.carriedToMeetingId !== null;
  const canCarry = editable && p.kind === 'topic' && !discussed && !carried && !!detail.nextMeeting;
  const error = tick.error ?? carry.error ?? remove.error;
  const authorLabel =
    p.kind === 'topic' && p.author
      ? mine
        ? t('agenda.yourTopic')
        : p.author.role === 'employee'
          ? t('agenda.employeeTopic')
          : t('agenda.managerTopic')
      : null;
  const classes = [
    'point',
    `point--${p.kind}`,
    p.author?.role === 'employee' ? 'point--employee' : '',
    discussed ? 'point--discussed' : '',
    carried ? 'point--carried' : '',
  ].filter(Boolean);
  const checkboxId = `discussed-${p.id}`;
  const tools = (
    <>
      {adding ? null : (
        <button
          type="button"
          className="button button--small button--ghost"
          data-shortcut="new-action"
          onClick={() => setAdding(true)}
          aria-label={t('labelFor', { action: t('action.addFor'), title: p.title })}
        >
          {t('action.addFor')}
        </button>
      )}
      {canCarry ? (
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={carry.isPending}
          onClick={() => carry.mutate()}
          aria-label={t('labelFor', { action: t('agenda.carryOver'), title: p.title })}
        >
          {t('agenda.carryOver')}
        </button>
      ) : null}
      {mine && p.kind === 'topic' ? (
        <button
          type="button"
          className="button button--small button--ghost button--danger-text"
          onClick={() => setRemoving(true)}
          aria-label={t('labelFor', { action: t('agenda.remove'), title: p.title })}
        >
          {t('agenda.remove')}
        </button>
      ) : null}
    </>
  );
  return (
    <li
      className={classes.join(' ')}
      id={`point-${p.id}`}
      aria-labelledby={`title-${p.id}`}
      // Reached by the keyboard shortcuts (next and previous topic).
      tabIndex={-1}
    >
      <div className="point__head">
        <div className="point__heading">
          {p.kind === 'section' ? (
            <h3 className="point__title" id={`title-${p.id}`}>
              {p.title}
            </h3>
          ) : (
            <h4 className="point__title" id={`title-${p.id}`}>
              {p.title}
            </h4>
          )}
          {authorLabel ? (
            <span className={p.author?.role === 'employee' ? 'badge badge--employee' : 'badge'}>
              {authorLabel}
            </span>
          ) : null}
          {p.carriedFromPointId ? <span className="badge">{t('agenda.carriedFrom')}</span> : null}
          {editable ? null : <PlannedMinutes point={p} detail={detail} editable={false} />}
        </div>
        {editable ? (
          <div className="point__tools">
            <PlannedMinutes point={p} detail={detail} editable />
            <span className="point__check">
              <input
                type="checkbox"
                id={checkboxId}
                checked={discussed}
                disabled={tick.isPending || carried}
                onChange={(e) =>
                  tick.mutate(e.target.checked, { onSettled: check.begin(e.target.checked) })
                }
                aria-describedby={`title-${p.id}`}
              />
              <label htmlFor={checkboxId}>{t('agenda.discussed')}</label>
            </span>
            <button
              type="button"
              id={`up-${p.id}`}
              className="button button--small button--ghost icon-button"
              aria-label={t('agenda.moveUp', { title: p.title })}
              disabled={first}
              onClick={() => onMove(-1)}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              id={`down-${p.id}`}
              className="button button--small button--ghost icon-button"
              aria-label={t('agenda.moveDown', { title: p.title })}
              disabled={last}
              onClick={() => onMove(1)}
            >
              <span aria-hidden="true">↓</span>
            </button>
          </div>
        ) : discussed ? (
          <span className="badge badge--accent">{t('agenda.discussed')}</span>
        ) : null}
      </div>
      {p.prompt ? <p className="point__prompt">{p.prompt}</p> : null}
      {editable && p.kind === 'section' ? <QuestionBank detail={detail} section={p} /> : null}
      {p.sectionKind === 'follow_up' ? <FollowUp detail={detail} /> : null}
      {p.sectionKind === 'motivation' ? <MotivationPanel detail={detail} /> : null}
      {carried ? (
        <p className="point__carried">
          {t('agenda.carriedTo')}{' '}
          <Link to={`/one-on-ones/meetings/${p.carriedToMeetingId}`}>{t('agenda.openNext')}</Link>
        </p>
      ) : live && editable && live.mode === 'live' ? (
        <LiveNoteEditor state={live} point={p} tools={tools} />
      ) : (
        <SharedNoteEditor
          point={p}
          readOnly={!editable || live?.mode === 'pending'}
          tools={editable ? tools : null}
        />
      )}
      {error ? <p className="field__error">{errorText(error)}</p> : null}
      {actions.length > 0 ? (
        <ul className="actions" aria-label={t('action.listFor', { title: p.title })}>
          {actions.map((a) => (
            <ActionItem meetingId={detail.meeting.id} key={a.id} action={a} ownerName={names(a)} />
          ))}
        </ul>
      ) : null}
      {adding ? (
        <ActionForm
          meetingId={detail.meeting.id}
          series={detail.series}
          pointId={p.id}
          autoFocus
          onDone={() => setAdding(false)}
        />
      ) : null}
      <ConfirmDialog
        open={removing}
        title={t('agenda.removeTitle', { title: p.title })}
        confirmLabel={t('agenda.remove')}
        danger
        busy={remove.isPending}
        onCancel={() => setRemoving(false)}
        onConfirm={() => {
          setRemoving(false);
          remove.mutate();
        }}
      >
        <p>{t('agenda.removeBody')}</p>
      </ConfirmDialog>
    </li>
  );
}

/** Actions agreed in this meeting that belong to no point, and a way to add one. */
function OtherActions({ detail, editable }: { detail: MeetingDetail; editable: boolean }) {
  const { t } = useTranslation('meetings');
  const ids = new Set(detail.agenda.map((p) => p.id));
  const loose = detail.actions.filter((a) => !a.pointId || !ids.has(a.pointId));
  const names = ownerNames(detail);
  if (!editable && loose.length === 0) return null;
  return (
    <section className="point point--section" aria-labelledby="other-actions">
      <h3 className="point__title" id="other-actions">
        {t('action.otherTitle')}
      </h3>
      {loose.length ? (
        <ul className="actions">
          {loose.map((a) => (
            <ActionItem meetingId={detail.meeting.id} key={a.id} action={a} ownerName={names(a)} />
          ))}
        </ul>
      ) : null}
      {editable ? <ActionForm meetingId={detail.meeting.id} series={detail.series} /> : null}
    </section>
  );
}

/** Adding a talking point; the employee's go under their own section by default. */
function AddPointForm({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const sections = detail.agenda.filter(
    (p) => p.kind === 'section' && p.sectionKind !== 'follow_up',
  );
  const own = detail.agenda.find((p) => p.sectionKind === 'employee_topics')?.sectionKey ?? '';
  const [sectionKey, setSectionKey] = useState(detail.myRole === 'employee' ? own : '');
  const me = detail.myRole === 'manager' ? detail.series.manager.id : detail.series.employee.id;
  const add = useMutation({
    // Offline it runs too: the change is kept on the device (outbox).
    networkMode: 'always',
    mutationFn: () => {
      const input = { title: title.trim(), sectionKey: sectionKey || null };
      return writeOrKeep<Point>(
        detail.meeting.id,
        { kind: 'addPoint', ...input, authorId: me, role: detail.myRole },
        'POST',
        `/api/one-on-ones/meetings/${encodeURIComponent(detail.meeting.id)}/points`,
        input,
      );
    },
    onSuccess: async () => {
      setAdded(title.trim());
      setTitle('');
      await client.invalidateQueries({ queryKey: oneOnOneKeys.meeting(detail.meeting.id) });
    },
  });
  return (
    <InlineAddForm
      id="new-point"
      className="add-point"
      fieldClassName="add-point__title"
      showLabel
      label={t('agenda.newPoint')}
      submitLabel={t('agenda.add')}
      buttonClassName="button"
      placeholder={t('agenda.newPointPlaceholder')}
      maxLength={500}
      value={title}
      onChange={setTitle}
      onSubmit={() => {
        setAdded(null);
        add.mutate();
      }}
      pending={add.isPending}
      error={add.error}
      status={added ? t('agenda.added', { title: added }) : ''}
    >
      <div className="field">
        <label htmlFor="new-point-section">{t('agenda.under')}</label>
        <select
          id="new-point-section"
          value={sectionKey}
          onChange={(e) => setSectionKey(e.target.value)}
        >
          <option value="">{t('agenda.atEnd')}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.sectionKey ?? ''}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
    </InlineAddForm>
  );
}
