import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { oneOnOneApi, oneOnOneKeys, type MeetingDetail } from '../meetings/api';
import { Agenda } from './agenda';
import { flushAll, useUnsavedWarning } from '../components/autosave';
import { PlaceText, StatusBadge, When } from '../meetings/bits';
import { PrivateNotePanel } from '../meetings/note-editor';
import { CancelMeetingDialog, MoveMeetingDialog } from './schedule-dialogs';
import { ReasonText } from './series-page';
import { MeetingTimer } from './timer';
import { LiveContext, useLiveMeeting, type LiveState } from '../live/use-live-meeting';
import { applyOutbox } from '../live/overlay';
import { setOutboxPerson, useOutbox } from '../live/outbox';
import {
  OfflineRefusals,
  PhoneFocus,
  StartMeetingButton,
  UndoFinish,
  useStartMeeting,
} from '../live/meeting-live';
import { PresenceBar } from '../live/presence-bar';
import { wellbeingKeys } from '../wellbeing/api';
import { CheckInPanel } from '../wellbeing/check-in-panel';
import { WorkloadPrompt } from './workload-prompt';
import { GoalsPanel } from './goals-panel';
import { TrapsGuide } from './traps-guide';
import { MeetingShortcuts } from './meeting-shortcuts';
import { RemindersPanel } from './reminders-panel';
import { loadMeetingPage } from '../first-page';
import '../meetings/meetings.css';

/** One 1:1: agenda, follow-up, shared and private notes, actions, timer and finishing. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  // Read by the poll below; set once the live channel of this page is known.
  const liveNow = useRef(false);
  const detail = useQuery({
    queryKey: oneOnOneKeys.meeting(id),
    // Opened anew: the whole page in one request, which fills the panels' queries too; a
    // refresh of the meeting alone after that.
    queryFn: () =>
      client.getQueryData(oneOnOneKeys.privateNote(id)) === undefined
        ? loadMeetingPage(client, id).then((page) => page.meeting)
        : oneOnOneApi.meeting(id),
    // Live, changes arrive as they happen; without a live channel, look every 10 seconds.
    refetchInterval: (q) => {
      const status = q.state.data?.meeting.status;
      return (status === 'planned' || status === 'moved') && !liveNow.current ? 10_000 : false;
    },
  });
  const status = detail.data?.meeting.status;
  const live = useLiveMeeting(id, status === 'planned' || status === 'moved');
  const isLive = live.status === 'live';
  useEffect(() => {
    liveNow.current = isLive;
  }, [isLive]);
  const me =
    detail.data?.myRole === 'manager' ? detail.data.series.manager : detail.data?.series.employee;
  if (me) setOutboxPerson(me.id);
  const { pending } = useOutbox(id);
  // A kept change reached the server: show the meeting as the server now has it.
  const sent = useRef(pending.length);
  const { refetch } = detail;
  useEffect(() => {
    if (pending.length < sent.current) {
      void refetch();
      void client.invalidateQueries({ queryKey: wellbeingKeys.checkIn(id) });
    }
    sent.current = pending.length;
  }, [pending.length, refetch, client, id]);
  useUnsavedWarning();
  if (detail.isPending) return <Loading />;
  // A failed refresh keeps the page (and whatever is being typed) as it is.
  if (!detail.data) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  // What was done offline and is not sent yet shows as done.
  const shown = applyOutbox(detail.data, pending);
  const offsetMs =
    live.status === 'live'
      ? live.clockOffsetMs
      : Date.parse(detail.data.serverTime) - detail.dataUpdatedAt;
  return (
    <LiveContext.Provider value={live}>
      <Meeting key={id} detail={shown} live={live} clockOffsetMs={offsetMs} />
    </LiveContext.Provider>
  );
}

function Meeting({
  detail,
  live,
  clockOffsetMs,
}: {
  detail: MeetingDetail;
  live: LiveState;
  clockOffsetMs: number;
}) {
  const { t } = useTranslation('meetings');
  const location = useLocation();
  const { meeting, series } = detail;
  const other = detail.myRole === 'manager' ? series.employee : series.manager;
  // Whoever may finish the meeting runs it: it starts on their arrival; the other waits.
  const runs = detail.can.finish;
  const open = meeting.status === 'planned' || meeting.status === 'moved';
  const start = useStartMeeting(meeting.id);
  const wantsStart = (location.state as { start?: boolean } | null)?.start === true;
  const notStarted = meeting.phase === 'planned';
  const { mutate: startNow, isIdle } = start;
  // "Start" on the home page lands here and starts the meeting once.
  useEffect(() => {
    if (wantsStart && runs && notStarted && isIdle) startNow();
  }, [wantsStart, runs, notStarted, isIdle, startNow]);
  const startedAt =
    meeting.startedAt !== null ? Date.parse(meeting.startedAt) - clockOffsetMs : null;

  return (
    <Page
      title={t('meeting.title', { name: other.name })}
      intro={<When at={meeting.startsAt} />}
      actions={
        open ? (
          <>
            {notStarted ? <StartMeetingButton start={start} primary /> : null}
            {detail.can.schedule || detail.can.finish ? (
              <ManagerTools detail={detail} live={live} />
            ) : null}
          </>
        ) : null
      }
    >
      <div className="meeting-meta">
        <StatusBadge meeting={meeting} />
        <span>{t('oneOnOne:duration', { minutes: meeting.durationMinutes })}</span>
        <span>
          <PlaceText place={meeting.place} />
        </span>
        <Link to={`/one-on-ones/series/${series.id}`}>{t('meeting.seriesLink')}</Link>
        <a className="narrow-only" href="#private-notes">
          {t('meeting.toPrivate')}
        </a>
        {meeting.status === 'cancelled' ? null : <MeetingShortcuts editable={open} />}
      </div>
      {open ? <PresenceBar state={live} otherName={other.name} /> : null}
      <MeetingNotices detail={detail} />
      <OfflineRefusals meetingId={meeting.id} />
      {open && startedAt !== null ? (
        <MeetingTimer startedAt={startedAt} plannedMinutes={meeting.durationMinutes} />
      ) : null}
      {open ? <PhoneFocus detail={detail} /> : null}
      {!runs && open && notStarted ? (
        <Alert kind="info">
          <p>{t('meeting.employeePrompt', { name: series.manager.name })}</p>
        </Alert>
      ) : null}
      <CheckInPanel detail={detail} />
      <WorkloadPrompt detail={detail} />
      <div className="meeting-layout">
        <div className="meeting-main">
          {meeting.status === 'cancelled' ? null : <Agenda detail={detail} editable={open} />}
        </div>
        <aside className="meeting-side" aria-label={t('meeting.side')}>
          {detail.can.coach && open ? <TrapsGuide /> : null}
          {detail.can.remind && meeting.status !== 'cancelled' ? (
            <RemindersPanel detail={detail} />
          ) : null}
          <PrivateNotePanel
            meetingId={meeting.id}
            otherName={other.name}
            readOnly={meeting.status === 'cancelled'}
          />
          <GoalsPanel otherPersonId={other.id} />
          {detail.nextMeeting ? (
            <section className="card next-meeting" aria-labelledby="next-heading">
              <h2 id="next-heading">{t('meeting.next')}</h2>
              <p>
                <Link to={`/one-on-ones/meetings/${detail.nextMeeting.id}`}>
                  <When at={detail.nextMeeting.startsAt} />
                </Link>
              </p>
            </section>
          ) : null}
        </aside>
      </div>
    </Page>
  );
}

function MeetingNotices({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const { meeting } = detail;
  if (meeting.status === 'held')
    return (
      <Alert kind="info">
        <p>
          {t('meeting.held')}{' '}
          {detail.minutes.available ? (
            <Link to={`/one-on-ones/meetings/${meeting.id}/minutes`}>
              {t('meeting.openMinutes')}
            </Link>
          ) : null}
        </p>
        {detail.can.finish ? <UndoFinish detail={detail} /> : null}
      </Alert>
    );
  if (meeting.status === 'cancelled')
    return (
      <Alert kind="info">
        <p>
          {t('meeting.cancelled')}{' '}
          {meeting.statusReason ??
            (meeting.statusReasonCode ? <ReasonText code={meeting.statusReasonCode} /> : null)}
        </p>
      </Alert>
    );
  return null;
}

/** Move, cancel and finish: the manager runs the meeting. */
function ManagerTools({ detail, live }: { detail: MeetingDetail; live: LiveState }) {
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  const client = useQueryClient();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<'move' | 'cancel' | 'finish' | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const finish = useMutation({
    mutationFn: async () => {
      // Every note typed so far goes to the server before the minutes are built from them.
      if (!(await flushAll())) throw new Error('unsaved');
      if (live.live && !(await live.live.whenSaved())) throw new Error('unsaved');
      return oneOnOneApi.finish(detail.meeting.id);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: oneOnOneKeys.all });
      void navigate(`/one-on-ones/meetings/${detail.meeting.id}/minutes`, {
        state: { flash: 'finished' },
      });
    },
    onError: (err) => {
      setDialog(null);
      if (err instanceof Error && err.message === 'unsaved') setUnsaved(true);
    },
  });
  return (
    <>
      {detail.can.schedule ? (
        <>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDialog('move')}
          >
            {t('schedule.move')}
          </button>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => setDialog('cancel')}
          >
            {t('schedule.cancel')}
          </button>
        </>
      ) : null}
      {detail.can.finish ? (
        <button
          type="button"
          className={detail.meeting.phase === 'planned' ? 'button button--secondary' : 'button'}
          onClick={() => {
            setUnsaved(false);
            setDialog('finish');
          }}
        >
          {t('meeting.finish')}
        </button>
      ) : null}
      {unsaved ? (
        <Alert focus>
          <p>{t('meeting.unsaved')}</p>
        </Alert>
      ) : null}
      {finish.error && !unsaved ? (
        <Alert focus>
          <p>{errorText(finish.error)}</p>
        </Alert>
      ) : null}
      {dialog === 'move' ? (
        <MoveMeetingDialog meeting={detail.meeting} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'cancel' ? (
        <CancelMeetingDialog meeting={detail.meeting} onClose={() => setDialog(null)} />
      ) : null}
      <ConfirmDialog
        open={dialog === 'finish'}
        title={t('meeting.finishTitle')}
        confirmLabel={t('meeting.finishConfirm')}
        busy={finish.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => finish.mutate()}
      >
        <p>{t('meeting.finishBody', { name: detail.series.employee.name })}</p>
      </ConfirmDialog>
    </>
  );
}
