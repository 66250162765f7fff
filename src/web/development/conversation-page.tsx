import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { PlaceText, When } from '../meetings/bits';
import { useUnsavedWarning } from '../components/autosave';
import { PrivateNotePanel } from '../meetings/note-editor';
import { conversationApi, conversationKeys, type ConversationPage as Dto } from './api';
import { useLocalDate } from './answers';
import { BookingDialog } from './booking-dialog';
import { ClosingPlan } from './closing-plan';
import { GoalsSection } from './goals-section';
import { PlanSection } from './plan-section';
import { SalaryOutcomeSection } from './salary-outcome-section';
import { SignOffSection } from './sign-off-section';
import { PreparationPanel } from './preparation-panel';
import { StartConversationDialog } from './start-conversation-dialog';
import { SalaryFirstNote } from './salary-first-note';
import { SectionsView } from './sections-view';
import { StatusBadge } from './status-badge';
import '../meetings/meetings.css';
import './conversations.css';

/** One conversation: booking, preparation, the meeting and its follow-up, for the pair. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const page = useQuery({
    queryKey: conversationKeys.page(id),
    queryFn: () => conversationApi.page(id),
    // In the meeting the other writes too: look for their changes now and then.
    refetchInterval: (q) => (q.state.data?.status === 'held' ? 10_000 : false),
  });
  useUnsavedWarning();
  if (page.isPending) return <Loading />;
  if (!page.data) return <LoadError error={page.error} retry={() => void page.refetch()} />;
  return <Conversation key={id} page={page.data} />;
}

function Conversation({ page }: { page: Dto }) {
  const { t } = useTranslation('conversations');
  const other = page.myRole === 'manager' ? page.employee : page.manager;
  const inMeeting = page.status !== 'not_booked' && page.status !== 'booked';
  const preparing = page.status === 'not_booked' || page.status === 'booked';
  return (
    <Page
      title={`${t(`kind.${page.kind}`)} – ${other.name}`}
      intro={page.round ? t('page.round', { name: page.round.name }) : undefined}
      actions={page.can.book && !page.readOnly ? <ManagerTools page={page} /> : null}
    >
      <p>
        <Link to="/conversations">{t('page.back')}</Link>
      </p>
      <div className="meeting-meta">
        <StatusBadge status={page.status} />
        {page.meeting ? (
          <>
            <span>
              <When at={page.meeting.startsAt} />
            </span>
            <span>{t('oneOnOne:duration', { minutes: page.meeting.durationMinutes })}</span>
            <span>
              <PlaceText place={page.meeting.place} />
            </span>
          </>
        ) : (
          <span className="muted">{t('page.notBooked')}</span>
        )}
      </div>
      {page.readOnly ? (
        <Alert kind="info">
          <p>{t('page.readOnly')}</p>
        </Alert>
      ) : null}
      {preparing ? <PreparationPanel page={page} /> : null}
      {inMeeting || page.preparation.revealed || page.preparation.mine?.submittedAt ? (
        <SectionsView page={page} meeting={inMeeting} />
      ) : null}
      {inMeeting ? (
        <>
          <GoalsSection conversation={{ ...page, employeeName: page.employee.name }} />
          <PlanSection conversation={{ ...page, employeeName: page.employee.name }} />
          <ClosingPlan page={page} />
          {page.meeting ? (
            <PrivateNotePanel
              meetingId={page.meeting.id}
              otherName={other.name}
              readOnly={page.readOnly}
              initial={page.privateNote ?? undefined}
              save={(content, baseVersion) =>
                conversationApi.savePrivateNote(page.id, content, baseVersion)
              }
            />
          ) : null}
          <SignOffSection conversation={{ ...page, employeeName: page.employee.name }} />
          <SalaryOutcomeSection conversation={{ ...page, employeeName: page.employee.name }} />
        </>
      ) : null}
      {page.followUp ? <FollowUpCard page={page} /> : null}
    </Page>
  );
}

/** Book, move or cancel the time, and start the meeting: the manager runs the conversation. */
function ManagerTools({ page }: { page: Dto }) {
  const { t } = useTranslation('conversations');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<'book' | 'cancel' | 'start' | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: conversationKeys.all });
  const start = useMutation({
    mutationFn: (holdNow: boolean) => conversationApi.start(page.id, holdNow),
    onSuccess: refresh,
    onSettled: () => setDialog(null),
  });
  const cancel = useMutation({
    mutationFn: () => conversationApi.cancel(page.id),
    onSuccess: refresh,
  });
  const booked = page.status === 'booked';
  if (page.status !== 'not_booked' && !booked) return null;
  return (
    <div className="conv-tools">
      {page.salaryFirst && !page.salaryFirst.held ? (
        <SalaryFirstNote order={page.salaryFirst} />
      ) : null}
      {booked && page.can.start ? (
        <button type="button" className="button" onClick={() => setDialog('start')}>
          {t('page.start')}
        </button>
      ) : null}
      <button
        type="button"
        className={booked ? 'button button--secondary' : 'button'}
        onClick={() => setDialog('book')}
      >
        {booked ? t('booking.moveTitle') : t('booking.title')}
      </button>
      {booked ? (
        <button type="button" className="button button--ghost" onClick={() => setDialog('cancel')}>
          {t('booking.cancel')}
        </button>
      ) : null}
      {start.error || cancel.error ? (
        <Alert>
          <p>{errorText(start.error ?? cancel.error)}</p>
        </Alert>
      ) : null}
      {dialog === 'start' ? (
        <StartConversationDialog
          page={page}
          busy={start.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={(holdNow) => start.mutate(holdNow)}
        />
      ) : null}
      {dialog === 'book' ? (
        <BookingDialog
          conversationId={page.id}
          current={page.meeting}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'cancel' ? (
        <ConfirmDialog
          open
          danger
          title={t('booking.cancel')}
          confirmLabel={t('booking.cancel')}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            cancel.mutate();
          }}
        >
          <p>{t('booking.cancelConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** The proposed follow-up a few months on, booked by the manager in one step. */
function FollowUpCard({ page }: { page: Dto }) {
  const { t } = useTranslation('conversations');
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const f = page.followUp!;
  const localDate = useLocalDate();
  return (
    <section className="card" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{t('followUp.title')}</h2>
      {f.conversationId ? (
        <p>
          {t('followUp.booked')}{' '}
          <Link to={`/conversations/${f.conversationId}`}>{t('followUp.open')}</Link>
        </p>
      ) : (
        <>
          <p>{t('followUp.proposal', { date: localDate(f.proposedDate) })}</p>
          {page.can.book ? (
            <button type="button" className="button" onClick={() => setOpen(true)}>
              {t('followUp.book')}
            </button>
          ) : null}
        </>
      )}
      {open ? (
        <BookingDialog
          conversationId={page.id}
          followUp={{ proposedDate: f.proposedDate }}
          onClose={() => setOpen(false)}
          onDone={(p) => void navigate(`/conversations/${p.id}`)}
        />
      ) : null}
    </section>
  );
}
