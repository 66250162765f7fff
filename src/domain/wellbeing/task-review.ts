/** How often a task on a task-status review comes round (seed 001). */
export const TASK_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type TaskFrequency = (typeof TASK_FREQUENCIES)[number];
