import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { oneOnOneApi, oneOnOneKeys, type MeetingDetail } from './api';
import { Agenda } from './agenda';
import { flushAll, useUnsavedWarning } from './autosave';
import { PlaceText, StatusBadge, When } from './bits';
import { PrivateNotePanel } from './note-editor';
import { CancelMeetingDialog, MoveMeetingDialog } from './schedule-dialogs';
import { ReasonText } from './series-page';
import { MeetingTimer, useMeetingStart } from './timer';
import { CheckInPanel } from '../wellbeing/check-in-panel';
import { GoalsPanel } from './goals-panel';
import { loadMeetingPage } from '../first-page';
import './meetings.css';

/** One 1:1: agenda, follow-up, shared and private notes, actions, timer and finishing. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: oneOnOneKeys.meeting(id),
    // Opened anew: the whole page in one request, which fills the panels' queries too; a
    // refresh of the meeting alone after that.
    queryFn: () =>
      client.getQueryData(oneOnOneKeys.privateNote(id)) === undefined
        ? loadMeetingPage(client, id).then((page) => page.meeting)
        : oneOnOneApi.meeting(id),
    // The other person may be writing too: look for their changes while the meeting is open.
    refetchInterval: (q) => {
      const status = q.state.data?.meeting.status;
      return status === 'planned' || status === 'moved' ? 10_000 : false;
    },
  });
  useUnsavedWarning();
  if (detail.isPending) return <Loading />;
  // A failed refresh keeps the page (and whatever is being typed) as it is.
  if (!detail.data) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  return <Meeting key={id} detail={detail.data} />;
}

function Meeting({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const location = useLocation();
  const { meeting, series } = detail;
  const manager = detail.myRole === 'manager';
  const other = manager ? series.employee : series.manager;
  const open = meeting.status === 'planned' || meeting.status === 'moved';
  const clock = useMeetingStart(meeting.id);
  const wantsStart = (location.state as { start?: boolean } | null)?.start === true;
  const { startedAt, start } = clock;
  // "Start" on the home page lands here and starts the clock once.
  useEffect(() => {
    if (wantsStart && manager && open && startedAt === null) start();
  }, [wantsStart, manager, open, startedAt, start]);

  return (
    <Page
      title={t('meeting.title', { name: other.name })}
      intro={<When at={meeting.startsAt} />}
      actions={manager && open ? <ManagerTools detail={detail} clock={clock} /> : null}
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
      </div>
      <MeetingNotices detail={detail} />
      {manager && open && clock.startedAt !== null ? (
        <MeetingTimer startedAt={clock.startedAt} plannedMinutes={meeting.durationMinutes} />
      ) : null}
      {!manager && open ? (
        <Alert kind="info">
          <p>{t('meeting.employeePrompt', { name: series.manager.name })}</p>
        </Alert>
      ) : null}
      <CheckInPanel detail={detail} />
      <div className="meeting-layout">
        <div className="meeting-main">
          {meeting.status === 'cancelled' ? null : <Agenda detail={detail} editable={open} />}
        </div>
        <aside className="meeting-side" aria-label={t('meeting.side')}>
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

type Clock = ReturnType<typeof useMeetingStart>;

/** Start (the clock), move, cancel and finish: the manager runs the meeting. */
function ManagerTools({ detail, clock }: { detail: MeetingDetail; clock: Clock }) {
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
      return oneOnOneApi.finish(detail.meeting.id);
    },
    onSuccess: async () => {
      clock.clear();
      await client.invalidateQueries({ queryKey: oneOnOneKeys.all });
      navigate(`/one-on-ones/meetings/${detail.meeting.id}/minutes`, {
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
      {clock.startedAt === null ? (
        <button type="button" className="button" onClick={clock.start}>
          {t('meeting.start')}
        </button>
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => setDialog('move')}>
        {t('schedule.move')}
      </button>
      <button
        type="button"
        className="button button--danger-outline"
        onClick={() => setDialog('cancel')}
      >
        {t('schedule.cancel')}
      </button>
      <button
        type="button"
        className={clock.startedAt === null ? 'button button--secondary' : 'button'}
        onClick={() => {
          setUnsaved(false);
          setDialog('finish');
        }}
      >
        {t('meeting.finish')}
      </button>
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
