import type { APIRequestContext, Page } from '@playwright/test';
import { expect, fitsWidth, openPersonMenu, shot, signIn, test } from './support';

test.use({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });

/** The API as the signed-in page (same cookies), with the CSRF token on writes. */
async function apiOf(page: Page) {
  const request: APIRequestContext = page.context().request;
  const token = ((await (await request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const send = async (method: 'post' | 'put', url: string, data: unknown) => {
    const res = await request[method](url, { data, headers: { 'x-csrf-token': token } });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return {
    get: async (url: string) => (await request.get(url)).json(),
    post: (url: string, data: unknown = {}) => send('post', url, data),
    put: (url: string, data: unknown) => send('put', url, data),
  };
}

/** Phone width, once the charts have been drawn again for it (and no tooltip in the way). */
async function toPhone(page: Page) {
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 390, height: 844 });
  const surface = page.locator('svg.recharts-surface').first();
  if ((await surface.count()) > 0)
    await expect
      .poll(() => surface.evaluate((e) => e.getBoundingClientRect().width))
      .toBeLessThan(390);
}

/** Tomorrow in Oslo (ISO date). */
function tomorrow(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Kari's 1:1 series with Ola: the one an earlier journey booked, or a new weekly one. */
async function olaSeries(api: Awaited<ReturnType<typeof apiOf>>): Promise<string> {
  const overview = (await api.get('/api/one-on-ones/overview')) as {
    items: { person: { name: string; id: string }; seriesId: string | null }[];
  };
  const ola = overview.items.find((i) => i.person.name === 'Ola Nordmann')!;
  if (ola.seriesId) return ola.seriesId;
  const booked = await api.post('/api/one-on-ones/series', {
    employeeId: ola.person.id,
    cadence: 'weekly',
    startDate: tomorrow(),
    localTime: '09:00',
    timeZone: 'Europe/Oslo',
    place: { kind: 'walk_and_talk' },
  });
  return (booked as { id: string }).id;
}

test('a Norwegian manager answers the check-in with Ola, follows the trend and sees a cadence signal', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, 'leiar@samtal.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Hei, Kari' })).toBeVisible();
  const api = await apiOf(page);

  const seriesId = await olaSeries(api);
  const upcoming = (
    (await api.get(`/api/one-on-ones/series/${seriesId}/meetings?limit=10`)) as {
      items: { id: string; status: string }[];
    }
  ).items.filter((m) => m.status === 'planned');
  expect(upcoming.length).toBeGreaterThanOrEqual(6);
  const [m1, m2, m3, m4, m5, m6] = upcoming;

  // Three earlier meetings, each opened with a check-in and finished.
  const earlier: [string, number, number, number][] = [
    [m1!.id, 4, 3, 4],
    [m2!.id, 3, 4, 3],
    [m3!.id, 2, 5, 3],
  ];
  for (const [id, wellbeing, workload, progress] of earlier) {
    // The check-in is Ola's: Kari records it only together with him, in the started meeting.
    await api.post(`/api/one-on-ones/meetings/${id}/start`);
    await api.put(`/api/one-on-ones/meetings/${id}/check-in`, {
      wellbeing,
      workload,
      progress,
      together: true,
    });
    await api.post(`/api/one-on-ones/meetings/${id}/finish`);
  }

  // The fourth meeting: Kari and Ola answer the check-in together at the start.
  await page.goto(`/one-on-ones/meetings/${m4!.id}`);
  const checkIn = page.getByRole('region', { name: 'Innsjekk', exact: true });
  await page.getByRole('button', { name: 'Start møtet' }).click();
  await expect(checkIn).toContainText('Bare dere to ser innsjekken.');
  await checkIn.getByLabel(/Vi fyller den ut sammen nå/).check();
  const pick = (question: string, answer: string) =>
    checkIn
      .getByRole('group', { name: question })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  await checkIn.getByRole('button', { name: 'Lagre innsjekk' }).click();
  await expect(checkIn.getByText('Velg et svar på hvert av de tre spørsmålene.')).toBeVisible();
  await pick('Hvordan har du det?', 'Bra');
  await pick('Hvor tung er arbeidsmengden?', 'Passe');
  await pick('Føler du at du kommer videre?', 'Godt');
  await checkIn
    .getByLabel('Noe du vil legge til? (valgfritt)')
    .fill('Bedre etter at vi fordelte vaktene.');
  await checkIn.getByRole('button', { name: 'Lagre innsjekk' }).click();
  await expect(checkIn.getByText('Innsjekken er lagret.')).toBeVisible();
  await shot(page, testInfo, 'm1-check-in-norwegian');
  await toPhone(page);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'm1b-check-in-norwegian-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(
    page
      .getByRole('group', { name: 'Hvordan har du det?' })
      .getByRole('radio', { name: 'Bra', exact: true }),
  ).toBeChecked();
  await api.post(`/api/one-on-ones/meetings/${m4!.id}/finish`);

  // The trend after four meetings: a chart, and the same numbers as a table.
  await page.goto(`/one-on-ones/meetings/${m4!.id}`);
  await page.getByRole('link', { name: 'Trivsel over tid' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Trivsel over tid: Ola Nordmann' }),
  ).toBeVisible();
  const chart = page.getByRole('img', { name: /Linjediagram/ });
  await expect(chart.locator('.recharts-line')).toHaveCount(3);
  await expect(chart).toContainText('Trivsel');
  const table = page.locator('#trend-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: 'Vis tallene som tabell' }).click();
  await expect(page.getByRole('table', { name: 'Innsjekker etter møtedato (1–5)' })).toBeVisible();
  await expect(table.locator('tbody tr').nth(2)).toContainText('2');
  await page.mouse.move(0, 0);
  await shot(page, testInfo, 'm2-trend-norwegian');
  await toPhone(page);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'm3-trend-norwegian-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Two 1:1s cancelled: the coaching page, Kari's alone, says so with the numbers.
  for (const m of [m5!, m6!])
    await api.post(`/api/one-on-ones/meetings/${m.id}/cancel`, {
      reason: 'Kollisjon med budsjettmøte',
    });
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  await nav.getByRole('link', { name: 'Coaching' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coaching for deg' })).toBeVisible();
  const signal = page.getByRole('article').filter({
    has: page.getByRole('heading', { name: '1:1-samtaler avlyses eller flyttes ofte' }),
  });
  await expect(signal).toContainText('Med Ola Nordmann');
  await expect(signal).toContainText('2 avlyst og 0 flyttet, mot 4 gjennomført (33 %).');
  await expect(signal).toContainText('Hold tiden dere avtalte.');
  await shot(page, testInfo, 'm4-coaching-norwegian');
  await toPhone(page);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'm5-coaching-norwegian-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Set aside for a week: it leaves the list until then, or until it gets worse.
  await signal.getByLabel('Legg til side i').selectOption({ label: '7 dager' });
  await signal.getByRole('button', { name: 'Legg til side' }).click();
  await expect(signal).toHaveCount(0);
  await expect(page.getByText('1 signal er lagt til side.')).toBeVisible();

  // The team view: Ola's latest check-in and which way it moved.
  await page.getByRole('link', { name: 'Trivsel i teamet: siste innsjekker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trivsel i teamet' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Ola Nordmann' });
  await expect(row).toContainText('4 (opp)');
  await expect(row).toContainText('3 (ned)');
  await expect(
    page.getByRole('img', { name: /Stolpediagram/ }).locator('.recharts-bar'),
  ).toHaveCount(3);
  await page.mouse.move(0, 0);
  await shot(page, testInfo, 'm6-team-wellbeing-norwegian');
  await toPhone(page);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'm7-team-wellbeing-norwegian-phone');
});

/** Signs out and in again as someone else. */
async function switchTo(page: Page, email: string) {
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/sign-in/);
  await signIn(page, email);
}

test('Ola lists his tasks, Kari goes through them with him, and the next review shows what changed', async ({
  page,
}, testInfo) => {
  await signIn(page, 'leiar@samtal.demo');
  const seriesId = await olaSeries(await apiOf(page));
  await switchTo(page, 'ola@samtal.demo');
  await page.goto(`/one-on-ones/series/${seriesId}/task-reviews`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Oppgavegjennomganger med Ola Nordmann' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Start en ny gjennomgang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oppgavegjennomgang' })).toBeVisible();
  const fill = async (n: number, title: string, freq: string, share: string, demand: string) => {
    await page.getByLabel(`Oppgave ${n}`, { exact: true }).fill(title);
    await page.getByLabel(`Hvor ofte ${n}`).selectOption({ label: freq });
    await page.getByLabel(`Andel av tiden (%) ${n}`).fill(share);
    await page.getByLabel(`Hvor krevende (1–5) ${n}`).selectOption(demand);
  };
  await fill(1, 'Saksbehandling', 'Daglig', '50', '3');
  await page.getByRole('button', { name: 'Legg til en oppgave' }).click();
  await fill(2, 'Månedsrapport', 'Månedlig', '20', '4');
  await page.getByRole('button', { name: 'Legg til en oppgave' }).click();
  await fill(3, 'Opplæring av nye', 'Ukentlig', '10', '2');
  await page.getByLabel('Støtte eller ressurser som trengs 2').fill('En mal for rapporten');
  await page.getByRole('button', { name: 'Lagre lista' }).click();
  await expect(page.getByText('Lista er lagret.')).toBeVisible();
  await expect(page.getByText('Andel av tiden til sammen: 80 %')).toBeVisible();
  const reviewUrl = page.url();

  // Kari marks it as gone through in their 1:1.
  await switchTo(page, 'leiar@samtal.demo');
  await page.goto(reviewUrl);
  await page.getByRole('button', { name: 'Merk som gjennomgått' }).click();
  await expect(
    page.getByText('Denne gjennomgangen er tatt i en 1:1-samtale og blir stående som den var.'),
  ).toBeVisible();

  // Next time Ola starts from the last list: reporting grew, training was dropped, one is new.
  await switchTo(page, 'ola@samtal.demo');
  await page.goto(`/one-on-ones/series/${seriesId}/task-reviews`);
  await page.getByRole('button', { name: 'Start en ny gjennomgang' }).click();
  await expect(page.getByLabel('Oppgave 1', { exact: true })).toHaveValue('Saksbehandling');
  await page.getByLabel('Andel av tiden (%) 2').fill('35');
  await page.getByRole('button', { name: 'Fjern oppgave 3' }).click();
  await page.getByRole('button', { name: 'Legg til en oppgave' }).click();
  await fill(3, 'Rekruttering', 'Ukentlig', '10', '3');
  // They agree the monthly report comes first now.
  await page.getByRole('button', { name: 'Flytt oppgave 2 opp i prioritet' }).click();
  await expect(page.getByLabel('Oppgave 1', { exact: true })).toHaveValue('Månedsrapport');
  await page.getByRole('button', { name: 'Lagre lista' }).click();
  await expect(page.getByText('Lista er lagret.')).toBeVisible();
  const compare = page.getByRole('region', { name: 'Sammenlignet med forrige gjennomgang' });
  await expect(compare).toContainText(
    'Økte: Månedsrapport (tid +15 prosentpoeng, krav 0) · 1 plass opp i prioritet',
  );
  await expect(compare).toContainText('Ny: Rekruttering');
  await expect(compare).toContainText('Uendret: Saksbehandling · 1 plass ned i prioritet');
  await expect(compare).toContainText('Opplæring av nye (var 10 % av tiden)');
  await shot(page, testInfo, 'm8-task-review-norwegian');
  await toPhone(page);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'm9-task-review-norwegian-phone');
});
