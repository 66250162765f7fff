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

/**
 * Whether the meeting page shows the prompt "agree an action about the workload": the workload
 * has been high over time, the meeting is still to be held (planned or moved: the pair agrees
 * actions in it), and the pair has neither agreed an action from the prompt in this meeting
 * nor set the prompt aside for it.
 */
export function showWorkloadPrompt(input: {
  meetingStatus: MeetingStatus;
  /** The pair's workload answers up to and including this meeting, newest first. */
  workloads: readonly number[];
  /** An action of this meeting was agreed from the prompt. */
  actionFromPrompt: boolean;
  dismissed: boolean;
}): boolean {
  const open = input.meetingStatus === 'planned' || input.meetingStatus === 'moved';
  return (
    open && !input.actionFromPrompt && !input.dismissed && workloadHighOverTime(input.workloads)
  );
}
