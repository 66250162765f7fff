/**
 * The signed-in page's own API calls for journeys that set the scene before the browser
 * acts (a vault, a booked 1:1), with the page's cookies and CSRF token.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './support';

export async function apiOf(page: Page) {
  const request: APIRequestContext = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  return {
    get: async (url: string) => (await request.get(url)).json(),
    post: async (url: string, data: unknown) => {
      const res = await request.post(url, { data, headers: { 'x-csrf-token': token } });
      expect(res.ok(), `POST ${url}: ${await res.text()}`).toBe(true);
      return res.json();
    },
  };
}

/**
 * The signed-in manager's next 1:1 with a report, booked first (every second week from a week
 * from now, in `timeZone`) when none is.
 */
export async function nextMeetingOrBook(
  api: Awaited<ReturnType<typeof apiOf>>,
  timeZone: string,
): Promise<string> {
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { id: string }; nextMeeting: { id: string } | null }[];
  };
  const booked = overview.items.find((i) => i.nextMeeting)?.nextMeeting?.id;
  if (booked) return booked;
  const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const series = (await api.post('/api/one-on-ones/series', {
    employeeId: overview.items[0]!.person.id,
    cadence: 'every_2_weeks',
    startDate: start,
    localTime: '09:00',
    timeZone,
    place: { kind: 'walk_and_talk' },
  })) as { id: string };
  const meetings = (await api.get(`/api/one-on-ones/series/${series.id}/meetings?limit=1`)) as {
    items: { id: string }[];
  };
  return meetings.items[0]!.id;
}
