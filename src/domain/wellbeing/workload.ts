/**
 * Workload that acts (issue #15, seed 001: "adjust and optimise their workload"). When the
 * check-ins say the workload has been high for a while, the meeting page asks the pair to agree
 * an action about it, once per meeting.
 */
import type { MeetingStatus } from '../one-on-one/actions';

/** Prompts on the meeting page an action can be agreed from. */
export const ACTION_PROMPTS = ['workload'] as const;
export type ActionPrompt = (typeof ACTION_PROMPTS)[number];

/** A workload answer this high or higher is high (1 very light … 5 far too much). */
export const HIGH_WORKLOAD = 4;
/** How many of the latest check-ins in a row must be high. */
export const HIGH_WORKLOAD_CHECK_INS = 2;

/**
 * Whether the workload has been high over time: the latest HIGH_WORKLOAD_CHECK_INS check-ins of
 * the pair up to the meeting (newest first) all answered HIGH_WORKLOAD or more. Fewer check-ins
 * than that say nothing yet.
 */
export function workloadHighOverTime(latestFirst: readonly number[]): boolean {
  const recent = latestFirst.slice(0, HIGH_WORKLOAD_CHECK_INS);
  return recent.length === HIGH_WORKLOAD_CHECK_INS && recent.every((w) => w >= HIGH_WORKLOAD);
}

/** A task this demanding or more (1 light … 5 very demanding) counts as very demanding. */
export const DEMANDING_TASK = 4;
/** A task review with at least this share of the time (percent) in very demanding tasks says high. */
export const DEMANDING_SHARE_HIGH = 50;
/** How many of the latest reviewed task reviews in a row must say so. */
export const HIGH_WORKLOAD_TASK_REVIEWS = 2;

/**
 * Whether the task reviews say the workload has been high over time: the latest
 * HIGH_WORKLOAD_TASK_REVIEWS reviewed task-status reviews of the series (newest first, each
 * given as its share of time in tasks of demand DEMANDING_TASK or more) all put
 * DEMANDING_SHARE_HIGH percent or more of the time in very demanding tasks.
 */
export function taskReviewsHighOverTime(demandingSharesLatestFirst: readonly number[]): boolean {
  const recent = demandingSharesLatestFirst.slice(0, HIGH_WORKLOAD_TASK_REVIEWS);
  return (
    recent.length === HIGH_WORKLOAD_TASK_REVIEWS &&
    recent.every((share) => share >= DEMANDING_SHARE_HIGH)
  );
}

/** What made the workload high over time: the check-ins, the task reviews, or both. */
export const WORKLOAD_REASONS = ['check_ins', 'task_reviews'] as const;
export type WorkloadReason = (typeof WORKLOAD_REASONS)[number];

/**
 * Whether the meeting page shows the prompt "agree an action about the workload", and why: the
 * workload has been high over time by the check-ins or by the task reviews, the meeting is
 * still to be held (planned or moved: the pair agrees actions in it), and the pair has neither
 * agreed an action from the prompt in this meeting nor set the prompt aside for it.
 */
export function workloadPrompt(input: {
  meetingStatus: MeetingStatus;
  /** The pair's workload answers up to and including this meeting, newest first. */
  workloads: readonly number[];
  /** The series' reviewed task reviews up to this meeting, newest first (see above). */
  demandingShares: readonly number[];
  /** An action of this meeting was agreed from the prompt. */
  actionFromPrompt: boolean;
  dismissed: boolean;
}): { show: boolean; because: WorkloadReason[] } {
  const because: WorkloadReason[] = [];
  if (workloadHighOverTime(input.workloads)) because.push('check_ins');
  if (taskReviewsHighOverTime(input.demandingShares)) because.push('task_reviews');
  const open = input.meetingStatus === 'planned' || input.meetingStatus === 'moved';
  const show = open && !input.actionFromPrompt && !input.dismissed && because.length > 0;
  return { show, because: show ? because : [] };
}
