/** Whole pages in one answer: the home page and the meeting page. */
import { z } from 'zod';
import { MeetingCheckInSchema, WorkloadPromptSchema } from './check-in';
import { GoalSchema, PlanItemSchema } from './goals';
import { MeSchema } from './me';
import {
  MeetingDetailSchema,
  MeetingSchema,
  MineSchema,
  OverviewSchema,
  PrivateNoteSchema,
} from './one-on-ones';
import { PersonSchema } from './people';
import { ReminderListSchema } from './reminders';
import { MyVaultSchema } from './vault';
import { MotivationSchema } from './motivation';

export const MeetingPageSchema = z.object({
  me: MeSchema,
  /** As GET /api/one-on-ones/meetings/:id. */
  meeting: MeetingDetailSchema,
  /** As GET /api/one-on-ones/meetings/:id/check-in. */
  checkIn: MeetingCheckInSchema,
  /** As GET /api/one-on-ones/meetings/:id/workload-prompt. */
  workloadPrompt: WorkloadPromptSchema,
  /** As GET /api/one-on-ones/meetings/:id/private-note. */
  privateNote: PrivateNoteSchema,
  /** As GET /api/one-on-ones/meetings/:id/reminders, for the manager of the pair; else null. */
  reminders: ReminderListSchema.nullable(),
  /** As GET /api/vault: the viewer's own vault (wrapped keys only), to open a sealed note. */
  vault: MyVaultSchema.shape.vault,
  /** As GET /api/goals?with=<the other one of the pair>. */
  goals: z.object({ goals: z.array(GoalSchema), plan: z.array(PlanItemSchema) }),
  /** As GET /api/me/notifications/unread: the bell's count. */
  unreadNotifications: z.int(),
  /** As GET /api/one-on-ones/meetings/:id/motivation, when the agenda has that item; else null. */
  motivation: MotivationSchema.nullable(),
});

/** The latest meeting begun in a series (as …/series/:id/meetings?when=past&limit=1). */
const LatestSchema = z.object({ seriesId: z.uuid(), items: z.array(MeetingSchema) });

export const HomePageSchema = z.object({
  me: MeSchema,
  /** As GET /api/team (managers). */
  team: z.object({ items: z.array(PersonSchema) }).nullable(),
  /** As GET /api/one-on-ones/overview (managers). */
  overview: OverviewSchema.nullable(),
  /** As GET /api/one-on-ones/mine. */
  mine: MineSchema.nullable(),
  /** As GET /api/conversations/summary. */
  conversations: z.object({ toBook: z.int(), upcoming: z.int() }).nullable(),
  /** As GET /api/people/:me (employees). */
  person: PersonSchema.nullable(),
  /** The names from the top unit down to the employee's own (employees with a unit). */
  departmentPath: z.array(z.string()).nullable(),
  latestMeetings: z.array(LatestSchema),
  /** As GET /api/me/notifications/unread: the bell's count. */
  unreadNotifications: z.int(),
});
