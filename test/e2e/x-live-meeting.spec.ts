/**
 * The live meeting (decision 020), in Swedish: Maria on a laptop and Ahmed on a phone in one
 * 1:1, each seeing the other's topic, tick and note appear as they happen; the phone loses its
 * connection on the walk, keeps a note, an action and the check-in, and both end with the same meeting,
 * nothing lost or doubled. And a development conversation started before its day asks first.
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect, shot, signIn, test } from './support';

/** The API as the signed-in page (same cookies), with the CSRF token on writes. */
async function apiOf(page: Page) {
  const request: APIRequestContext = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const send = async (method: 'post' | 'patch' | 'put', url: string, data: unknown) => {
    const res = await request[method](url, { data, headers: { 'x-csrf-token': token } });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return {
    get: async (url: string) => (await request.get(url)).json(),
    post: (url: string, data: unknown = {}) => send('post', url, data),
    patch: (url: string, data: unknown) => send('patch', url, data),
    put: (url: string, data: unknown) => send('put', url, data),
  };
}

/** Text in the shared note of the agenda point titled `title` (the live textarea). */
const note = (page: Page, title: string) =>
  page.locator('li.point').filter({ hasText: title }).locator('textarea').first();

test('Maria on a laptop and Ahmed on a phone hold one live 1:1, also through a dead spot', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  // Maria, the manager, on her laptop.
  await signIn(page, 'chef@samtal.demo');
  const maria = await apiOf(page);
  const overview = (await maria.get('/api/one-on-ones/overview')) as {
    items: { person: { name: string }; nextMeeting: { id: string } | null }[];
  };
  const meetingId = overview.items.find((i) => i.person.name === 'Ahmed Hassan')!.nextMeeting!.id;

  // Ahmed, the employee, on his phone, in Swedish.
  const phone: BrowserContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL!,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  const ahmedPage = await phone.newPage();
  const pageErrors: string[] = [];
  ahmedPage.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(ahmedPage, 'ahmed@samtal.demo');
  await (await apiOf(ahmedPage)).patch('/api/me', { locale: 'sv' });

  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  await ahmedPage.goto(`/one-on-ones/meetings/${meetingId}`);
  await expect(page.getByText('Live · Ahmed Hassan är här')).toBeVisible();
  await expect(ahmedPage.getByText('Live · Maria Lindqvist är här')).toBeVisible();

  // Maria starts the meeting: the timer runs on both devices from the server's start.
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(ahmedPage.getByRole('timer')).toBeVisible({ timeout: 3000 });

  // Maria adds a topic; Ahmed sees it at once.
  await page.locator('#new-point').fill('Schemat i sommar');
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(ahmedPage.locator('li.point').filter({ hasText: 'Schemat i sommar' })).toBeVisible({
    timeout: 3000,
  });

  // Ahmed ticks the first point off with the phone's big button; Maria sees it ticked.
  const first = (await page.locator('li.point h3, li.point h4').first().textContent())!.trim();
  await ahmedPage.getByRole('button', { name: 'Klar – nästa punkt' }).click();
  await expect(
    page.locator('li.point').filter({ hasText: first }).getByRole('checkbox').first(),
  ).toBeChecked({ timeout: 3000 });

  // They write in the same note: each sees the other's words appear.
  await note(page, 'Schemat i sommar').click();
  await page.keyboard.type('Maria: vi ses över semesterveckorna. ');
  await expect(note(ahmedPage, 'Schemat i sommar')).toHaveValue(/vi ses över semesterveckorna/, {
    timeout: 3000,
  });
  await expect(ahmedPage.getByText('Maria skriver här')).toBeVisible();
  await note(ahmedPage, 'Schemat i sommar').click();
  await ahmedPage.keyboard.press('Control+End');
  await ahmedPage.keyboard.type('Ahmed: jag vill gärna ha v. 28.');
  await expect(note(page, 'Schemat i sommar')).toHaveValue(/jag vill gärna ha v\. 28\./, {
    timeout: 3000,
  });
  await shot(page, testInfo, 'x1-live-laptop');
  await shot(ahmedPage, testInfo, 'x2-live-phone');

  // The walk reaches a dead spot: Ahmed's phone goes offline.
  await phone.setOffline(true);
  await expect(ahmedPage.getByText(/^Offline ·/)).toBeVisible();
  await note(ahmedPage, 'Schemat i sommar').click();
  await ahmedPage.keyboard.press('Control+End');
  await ahmedPage.keyboard.type(' Skrivet offline.');
  const capture = ahmedPage.getByLabel('Ny åtgärd för Ahmed Hassan');
  await capture.fill('Skicka önskemål om semester');
  await capture.press('Enter');
  await expect(
    ahmedPage.locator('.action__title', { hasText: 'Skicka önskemål om semester' }),
  ).toBeVisible();
  await expect(ahmedPage.getByText(/Sparat på enheten/).first()).toBeVisible();
  // He answers the check-in on the walk too: kept on the phone with the rest.
  const checkIn = ahmedPage.getByRole('region', { name: 'Incheckning', exact: true });
  const pick = (question: string, answer: string) =>
    checkIn
      .getByRole('group', { name: question })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  await pick('Hur mår du?', 'Bra');
  await pick('Hur tung är arbetsbelastningen?', 'Lagom');
  await pick('Känner du att du kommer framåt?', 'Mycket bra');
  await checkIn.getByRole('button', { name: 'Spara incheckningen' }).click();
  await expect(checkIn.getByText(/Sparat på enheten/)).toBeVisible();
  await shot(ahmedPage, testInfo, 'x3-offline-phone');
  // Meanwhile Maria writes on.
  await note(page, 'Schemat i sommar').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Maria under tiden.');

  // Back in coverage: both converge, nothing lost, nothing twice.
  await phone.setOffline(false);
  const full = /Maria: vi ses över semesterveckorna\..*jag vill gärna ha v\. 28\..*/s;
  for (const p of [page, ahmedPage]) {
    await expect(note(p, 'Schemat i sommar')).toHaveValue(full, { timeout: 10_000 });
    await expect(note(p, 'Schemat i sommar')).toHaveValue(/Skrivet offline\./);
    await expect(note(p, 'Schemat i sommar')).toHaveValue(/Maria under tiden\./);
  }
  await expect(note(ahmedPage, 'Schemat i sommar')).toHaveValue(
    await note(page, 'Schemat i sommar').inputValue(),
  );
  const actionOn = (p: Page) =>
    p.locator('.action__title', { hasText: 'Skicka önskemål om semester' });
  // What the phone kept is sent without being asked: Maria sees the action, once.
  await expect(actionOn(page)).toHaveCount(1, { timeout: 20_000 });
  await expect(actionOn(ahmedPage)).toHaveCount(1);
  await expect(ahmedPage.getByText(/Sparat på enheten/)).toHaveCount(0);
  const sent = (await maria.get(`/api/one-on-ones/meetings/${meetingId}/check-in`)) as {
    checkIn: { wellbeing: number; workload: number; progress: number } | null;
  };
  expect(sent.checkIn).toMatchObject({ wellbeing: 4, workload: 3, progress: 5 });
  // The phone's app is opened again: nothing is sent twice (same key, applied once).
  await ahmedPage.reload();
  // The reloaded page has the meeting again (a busy machine may take a while to load it).
  await expect(note(ahmedPage, 'Schemat i sommar')).toBeVisible({ timeout: 20_000 });
  await expect(actionOn(page)).toHaveCount(1, { timeout: 20_000 });
  await expect(actionOn(ahmedPage)).toHaveCount(1, { timeout: 20_000 });
  // Stored once on the server too: a fresh read has one such action and the whole note.
  const detail = (await maria.get(`/api/one-on-ones/meetings/${meetingId}`)) as {
    actions: { title: string }[];
  };
  expect(detail.actions.filter((a) => a.title === 'Skicka önskemål om semester')).toHaveLength(1);
  await page.reload();
  await expect(note(page, 'Schemat i sommar')).toHaveValue(/Skrivet offline\./);
  await expect(actionOn(page)).toHaveCount(1);
  await shot(page, testInfo, 'x4-converged-laptop');
  expect(pageErrors).toEqual([]);
  await phone.close();
});

test('a development conversation started before its day asks first and names who has not prepared', async ({
  page,
}, testInfo) => {
  await signIn(page, 'chef@samtal.demo');
  const maria = await apiOf(page);
  const list = (await maria.get('/api/conversations?limit=50')) as {
    items: { id: string; status: string; employee: { name: string }; kind: string }[];
  };
  const ahmeds = list.items.find(
    (c) => c.employee.name === 'Ahmed Hassan' && c.status === 'not_booked',
  )!;
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await maria.put(`/api/conversations/${ahmeds.id}/booking`, {
    date: inThreeDays,
    time: '10:00',
    place: { kind: 'room', detail: 'Lilla rummet' },
  });
  await page.goto(`/conversations/${ahmeds.id}`);
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Ahmed Hassan har inte lämnat in sin förberedelse.')).toBeVisible();
  await expect(dialog.getByText('Du har inte lämnat in din förberedelse.')).toBeVisible();
  await expect(dialog.getByText(/startar du nu hålls det före den bokade dagen/)).toBeVisible();
  await shot(page, testInfo, 'x5-start-early-asks');
  // Not yet: nothing happened.
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  expect(((await maria.get(`/api/conversations/${ahmeds.id}`)) as { status: string }).status).toBe(
    'booked',
  );
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Håll samtalet nu' }).click();
  await expect(page.locator('.meeting-meta').getByText('Hållet')).toBeVisible();
});
