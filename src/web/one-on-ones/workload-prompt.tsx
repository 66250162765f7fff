import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../components/feedback';
import { ActionForm } from './actions';
import type { MeetingDetail } from '../meetings/api';
import type { WorkloadReason } from '../../domain/wellbeing/workload';
import { wellbeingApi, wellbeingKeys } from '../wellbeing/api';

/**
 * The meeting page's workload prompt (issue #15, seed 001): when the latest check-ins said the
 * workload was high, ask the pair to agree an action about it. The server decides when it shows
 * (domain/wellbeing/workload.ts); it goes away once an action is agreed from it or it is set
 * aside for this meeting.
 */
export function WorkloadPrompt({ detail }: { detail: MeetingDetail }) {
  const meetingId = detail.meeting.id;
  const open = detail.meeting.status === 'planned' || detail.meeting.status === 'moved';
  const query = useQuery({
    queryKey: wellbeingKeys.workloadPrompt(meetingId),
    queryFn: () => wellbeingApi.workloadPrompt(meetingId),
    enabled: open,
  });
  // The other of the pair may agree the action (live, or seen on the next poll): ask again
  // when the meeting's actions change, not when the page opens (it came with the page).
  const client = useQueryClient();
  const actionCount = useRef(detail.actions.length);
  useEffect(() => {
    if (actionCount.current === detail.actions.length) return;
    actionCount.current = detail.actions.length;
    void client.invalidateQueries({ queryKey: wellbeingKeys.workloadPrompt(meetingId) });
  }, [detail.actions.length, client, meetingId]);
  if (!open || !query.data?.show || !detail.can.contribute) return null;
  return <PromptCard detail={detail} because={query.data.because} />;
}

/** The prompt's words for what made the workload high over time. */
const TEXT_KEY = {
  check_ins: 'workloadPrompt.text',
  task_reviews: 'workloadPrompt.textTaskReviews',
  both: 'workloadPrompt.textBoth',
} as const;

function PromptCard({ detail, because }: { detail: MeetingDetail; because: WorkloadReason[] }) {
  const { t } = useTranslation('wellbeing');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const meetingId = detail.meeting.id;
  const dismiss = useMutation({
    mutationFn: () => wellbeingApi.dismissWorkloadPrompt(meetingId),
    onSuccess: (fresh) => client.setQueryData(wellbeingKeys.workloadPrompt(meetingId), fresh),
  });
  return (
    <section className="card workload-prompt" aria-labelledby="workload-prompt-heading">
      <h2 id="workload-prompt-heading" className="workload-prompt__title">
        {t(TEXT_KEY[because.length > 1 ? 'both' : (because[0] ?? 'check_ins')])}
      </h2>
      {adding ? (
        <ActionForm
          meetingId={meetingId}
          series={detail.series}
          initialTitle={t('workloadPrompt.suggestedTitle')}
          prompt="workload"
          autoFocus
          onDone={() => setAdding(false)}
        />
      ) : (
        <div className="form__actions">
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            {t('workloadPrompt.agree')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={dismiss.isPending}
            onClick={() => dismiss.mutate()}
          >
            {t('workloadPrompt.dismiss')}
          </button>
        </div>
      )}
      {dismiss.error ? <p className="field__error">{errorText(dismiss.error)}</p> : null}
    </section>
  );
}
