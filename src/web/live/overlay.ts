import type { MeetingDetail } from '../meetings/api';
import type { OutboxEntry } from './outbox';

/**
 * The meeting as this device should show it: what the server last said with the changes kept
 * offline laid over it, in the order they were made. Pure, so it is tested without a browser.
 */
export function applyOutbox(detail: MeetingDetail, pending: readonly OutboxEntry[]): MeetingDetail {
  if (pending.length === 0) return detail;
  let agenda = detail.agenda;
  let actions = detail.actions;
  let followUp = detail.followUp;
  for (const { key, op, at } of pending) {
    const when = new Date(at).toISOString();
    switch (op.kind) {
      case 'tick':
        agenda = agenda.map((p) =>
          p.id === op.pointId
            ? { ...p, discussed: op.discussed, discussedAt: op.discussed ? when : null }
            : p,
        );
        break;
      case 'addPoint':
        agenda = [
          ...agenda,
          {
            id: key,
            kind: 'topic',
            sectionKey: op.sectionKey,
            sectionKind: null,
            title: op.title,
            prompt: null,
            author: { id: op.authorId, role: op.role },
            position: agenda.length,
            discussed: false,
            discussedAt: null,
            carriedFromPointId: null,
            carriedToMeetingId: null,
            plannedMinutes: null,
            note: null,
          },
        ];
        break;
      case 'addAction':
        actions = [
          ...actions,
          {
            id: key,
            seriesId: detail.series.id,
            meetingId: detail.meeting.id,
            pointId: op.pointId,
            title: op.title,
            ownerId: op.ownerId,
            ownerRole: op.ownerRole,
            dueDate: op.dueDate,
            done: false,
            doneAt: null,
            overdue: false,
            createdAt: when,
          },
        ];
        break;
      case 'actionDone': {
        const tick = <A extends { id: string; done: boolean; doneAt: string | null }>(a: A): A =>
          a.id === op.actionId ? { ...a, done: op.done, doneAt: op.done ? when : null } : a;
        actions = actions.map(tick);
        followUp = followUp.map(tick);
        break;
      }
    }
  }
  return { ...detail, agenda, actions, followUp };
}
