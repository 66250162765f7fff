/**
 * The first render of a page in one request (decision 021). Opening the meeting page or a
 * home asks for the whole page (GET /api/pages/…), which also says who is signed in, and puts
 * each part in the cache under the key its own query uses: the page's components then render
 * from the cache instead of asking for their parts one by one. Later reads and refreshes use
 * each part's own route.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HomePageSchema, MeetingPageSchema } from '../contracts/pages';
import { ApiError, http, type Me } from './api';
import { conversationKeys } from './development/keys';
import { goalKeys } from './development/goals-api';
import { oneOnOneKeys } from './meetings/api';
import { keys } from './queries';
import { notificationKeys } from './notifications/api';
import { VAULT_KEY } from './vault/keys';
import { wellbeingKeys } from './wellbeing/api';

type MeetingPage = z.infer<typeof MeetingPageSchema>;
type HomePage = z.infer<typeof HomePageSchema>;

/** The cache key of a person's unit path ("Top › … › Own"), as the home shows it. */
export const departmentPathKey = (personId: string) =>
  ['home', 'department-path', personId] as const;

/** A person's unit path, from the home's answer (no need for the whole unit tree). */
export async function fetchDepartmentPath(): Promise<string[] | null> {
  return (await http.get<HomePage>('/api/pages/home')).departmentPath;
}

const MEETING_PATH = /^\/one-on-ones\/meetings\/([0-9a-f-]{36})\/?$/i;

/** Fetches the whole meeting page and fills the cache with its parts. */
export async function loadMeetingPage(client: QueryClient, meetingId: string) {
  const page = await http.get<MeetingPage>(`/api/pages/meeting/${encodeURIComponent(meetingId)}`);
  const { meeting } = page;
  const other =
    meeting.myRole === 'manager' ? meeting.series.employee.id : meeting.series.manager.id;
  client.setQueryData(oneOnOneKeys.meeting(meetingId), meeting);
  client.setQueryData(wellbeingKeys.checkIn(meetingId), page.checkIn);
  client.setQueryData(wellbeingKeys.workloadPrompt(meetingId), page.workloadPrompt);
  client.setQueryData(oneOnOneKeys.privateNote(meetingId), page.privateNote);
  if (page.reminders) client.setQueryData(oneOnOneKeys.reminders(meetingId), page.reminders);
  client.setQueryData(VAULT_KEY, { vault: page.vault });
  client.setQueryData(goalKeys.pair(other), page.goals);
  client.setQueryData(notificationKeys.unread, { unread: page.unreadNotifications });
  if (page.motivation) client.setQueryData(oneOnOneKeys.motivation(meetingId), page.motivation);
  return page;
}

function fillHome(client: QueryClient, page: HomePage) {
  if (page.team) client.setQueryData(keys.team, page.team);
  if (page.overview) client.setQueryData(oneOnOneKeys.overview, page.overview);
  if (page.mine) client.setQueryData(oneOnOneKeys.mine, page.mine);
  if (page.conversations) client.setQueryData(conversationKeys.summary, page.conversations);
  if (page.person) client.setQueryData(keys.person(page.me.id), page.person);
  client.setQueryData(departmentPathKey(page.me.id), page.departmentPath);
  client.setQueryData(notificationKeys.unread, { unread: page.unreadNotifications });
  for (const { seriesId, items } of page.latestMeetings)
    client.setQueryData(oneOnOneKeys.lastMeeting(seriesId), { items, nextCursor: null });
}

/**
 * Loads the page at `path` if it is one read whole (the homes, a meeting), else nothing.
 * Returns who is signed in (null: nobody), or undefined when the path is not such a page or
 * its answer was not a page (the caller then asks /api/me as before).
 */
export async function prefetchFirstPage(
  client: QueryClient,
  path: string,
): Promise<Me | null | undefined> {
  const meeting = MEETING_PATH.exec(path);
  if (!meeting && path !== '/') return undefined;
  try {
    const page = meeting
      ? await loadMeetingPage(client, meeting[1]!)
      : await http.get<HomePage>('/api/pages/home');
    if (!meeting) fillHome(client, page as HomePage);
    return page.me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    // Not found, not allowed, offline: the page shows that itself, the usual way.
    return undefined;
  }
}
