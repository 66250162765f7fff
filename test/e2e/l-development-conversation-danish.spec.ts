import type { Page } from '@playwright/test';
import { expect, openAdminMenu, shot, signIn, test } from './support';

/** A date `days` from today (ISO, for date inputs; UTC is close enough for a form date). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type PdfDoc = Awaited<
  ReturnType<(typeof import('pdfjs-dist/legacy/build/pdf.mjs'))['getDocument']>['promise']
>;

/** A PDF read with pdf.js, as a viewer would. */
async function openPdf(data: Buffer): Promise<PdfDoc> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`,
    verbosity: 0,
  }).promise;
}

/** Every page's text, joined. */
async function pdfText(doc: PdfDoc): Promise<string> {
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return parts.join('\n').replace(/\s+/g, ' ');
}

/** Every page drawn as a PNG data URL (pdf.js on its Node canvas), to look at. */
async function pdfPages(doc: PdfDoc): Promise<string[]> {
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: 1.25 });
    const { canvas, context } = (
      doc.canvasFactory as { create(w: number, h: number): unknown }
    ).create(viewport.width, viewport.height) as {
      canvas: { toBuffer(type: string): Buffer } & HTMLCanvasElement;
      context: CanvasRenderingContext2D;
    };
    await page.render({ canvasContext: context, viewport, canvas }).promise;
    pages.push(`data:image/png;base64,${canvas.toBuffer('image/png').toString('base64')}`);
  }
  return pages;
}

const GOAL = 'Facilitere teamets ugentlige møder';
const NOTE = 'Sofie trives og vil gerne tage mere ansvar for møderne i teamet.';
const COMMENT = 'Jeg er uenig i, at kurset først kan tages til efteråret.';

async function openConversationWith(page: Page, name: string) {
  await page.goto('/conversations');
  const round = page.locator('.card.conv-group', {
    has: page.getByRole('heading', { level: 3, name: /MUS 2027/ }),
  });
  await round.locator('li', { hasText: name }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test('MUS 2027 in Danish: prepared separately, revealed side by side, goals and a plan agreed, closed, signed with a comment, HR sees only the status, and the PDF shows the agreement', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);

  // HR, working in Danish today, opens the round for the Copenhagen office.
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/settings');
  await page.getByLabel('Språk', { exact: true }).selectOption('da');
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
  await page.goto('/rounds/new');
  await page
    .locator('#round-template')
    .selectOption({ label: 'MUS – medarbejderudviklingssamtale' });
  await page.locator('#round-name').fill('MUS 2027');
  await page.locator('#round-start').fill(day(1));
  await page.locator('#round-end').fill(day(60));
  await page.locator('#round-deadline').fill(day(45));
  await page.locator('#round-department').selectOption({ label: 'Ledning › Kontor København' });
  await page.getByRole('button', { name: 'Start runden' }).click();
  await expect(page.getByText(/samtaler blev oprettet i ”MUS 2027”/)).toBeVisible();
  await shot(page, testInfo, 'l1-hr-round-opened');
  await page.context().clearCookies();

  // The employee prepares first; the manager's answers stay hidden.
  await signIn(page, 'medarbejder@samtal.demo');
  await openConversationWith(page, 'Mads Jensen');
  await page
    .locator('#q-highlights')
    .fill('Det er gået godt med kunderne; det har været svært at nå det hele.');
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Indsend' }).click();
  await expect(page.getByText('Mads Jensen har ikke indsendt endnu.')).toBeVisible();
  await expect(
    page.getByText('Svarene vises side om side, når I begge har indsendt').first(),
  ).toBeVisible();
  await shot(page, testInfo, 'l2-employee-submitted');
  await page.context().clearCookies();

  // The manager does not see Sofie's answer until submitting his own.
  await signIn(page, 'leder@samtal.demo');
  await openConversationWith(page, 'Sofie Hansen');
  await expect(page.getByText('Sofie Hansen har indsendt sin forberedelse.')).toBeVisible();
  await expect(page.getByText('Det er gået godt med kunderne')).toHaveCount(0);
  await page.locator('#q-highlights').fill('Sofie har løftet kundeopgaverne flot i år.');
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Indsend' }).click();
  await expect(page.getByText(/Det er gået godt med kunderne/).first()).toBeVisible();
  await expect(page.getByText('Sofie har løftet kundeopgaverne flot i år.').first()).toBeVisible();
  await shot(page, testInfo, 'l3-side-by-side');

  // He books a time and holds the meeting: agreed notes, goals and a development plan.
  await page.getByRole('button', { name: 'Book et tidspunkt' }).first().click();
  await page.locator('#booking-date').fill(day(3));
  await page.locator('#booking-time').fill('10:00');
  await page.getByRole('button', { name: 'Book og send invitation' }).click();
  await page.getByRole('button', { name: 'Start mødet' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Hold samtalen nu|Start nu/ })
    .click();
  await expect(page.locator('.meeting-meta').getByText('Afholdt')).toBeVisible();
  const agreed = page.locator('.conv-section').first().locator('textarea').first();
  await agreed.fill(NOTE);
  await agreed.blur();
  await expect(page.locator('.conv-section').first().getByText('Gemt')).toBeVisible();

  await page.locator('#goal-title').fill(GOAL);
  await page.locator('#goal-successMeasure').fill('Teamet oplever kortere og bedre møder');
  await page.locator('#goal-dueDate').fill('2027-06-30');
  await page.locator('#goal-roleExpectation').fill('Tager ansvar for samarbejdet i teamet');
  await page.getByRole('button', { name: 'Tilføj mål' }).click();
  await expect(page.locator('.goal-list').getByText(GOAL)).toBeVisible();

  await page.locator('#plan-item-competence').fill('Facilitering');
  await page.locator('#plan-item-activity').selectOption('course');
  await page.locator('#plan-item-support').fill('Tid i kalenderen og betaling af kurset');
  await page.getByRole('button', { name: 'Tilføj til planen' }).click();
  await expect(page.locator('.goal-list').getByText('Facilitering')).toBeVisible();
  await shot(page, testInfo, 'l4-goals-and-plan');

  // The manager closes: the agreement is frozen as version 1 and read-only.
  await page.getByRole('button', { name: 'Afslut samtalen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Afslut samtalen' }).click();
  await expect(page.getByText('Afsluttet – venter på medarbejderens underskrift')).toBeVisible();
  await expect(page.locator('#goal-title')).toHaveCount(0);
  await expect(page.getByText('Version 1', { exact: true })).toBeVisible();
  await shot(page, testInfo, 'l5-closed');
  await page.context().clearCookies();

  // The employee signs, saying what she disagrees with.
  await signIn(page, 'medarbejder@samtal.demo');
  await openConversationWith(page, 'Mads Jensen');
  await page.locator('#sign-comment').fill(COMMENT);
  await page.getByRole('button', { name: 'Underskriv aftalen' }).click();
  await expect(page.locator('.sign-off__status')).toHaveText('Underskrevet');
  await expect(page.getByText(`Medarbejderens kommentar: ${COMMENT}`)).toBeVisible();
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.locator('.agreement').getByText(NOTE)).toBeVisible();
  await shot(page, testInfo, 'l6-signed');

  // The PDF opens and shows the agreement, in Danish.
  const pdfLink = page.getByRole('link', { name: 'Åbn som PDF' }).first();
  const href = await pdfLink.getAttribute('href');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  const pdf = await openPdf(await res.body());
  const text = await pdfText(pdf);
  for (const expected of [
    'Medarbejderudviklingssamtale – aftale',
    'Sofie Hansen',
    'Mads Jensen',
    'MUS 2027',
    NOTE,
    GOAL,
    'Facilitering – Kursus eller uddannelse',
    'Underskrevet af Sofie Hansen',
    COMMENT,
  ])
    expect(text).toContain(expected);
  // The PDF as a viewer draws it, page by page, to look at.
  const pages = await pdfPages(pdf);
  await page.setContent(
    `<body style="margin:0;background:#777">${pages
      .map(
        (src) =>
          `<img src="${src}" style="display:block;margin:16px auto;box-shadow:0 0 8px #0006">`,
      )
      .join('')}</body>`,
  );
  await shot(page, testInfo, 'l7-pdf');
  const conversationUrl = href!.replace(/\/pdf.*$/, '').replace('/api', '');
  await page.context().clearCookies();

  // HR sees the round's statuses — one signed — and none of the content.
  await signIn(page, 'hr@samtal.demo');
  await page.goto('/rounds');
  await page.getByRole('link', { name: 'MUS 2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'MUS 2027' })).toBeVisible();
  const row = page.locator('table.round-table tr', { hasText: 'Kontor København' });
  await expect(row.locator('td[data-label="Underskrevet"]')).toHaveText('1');
  await expect(page.getByText(GOAL)).toHaveCount(0);
  await shot(page, testInfo, 'l8-hr-status-only');
  const api = conversationUrl.replace('/conversations', '/api/conversations');
  for (const part of ['/goals', '/plan', '/versions/1', '/pdf'])
    expect((await page.request.get(`${api}${part}`)).status()).toBe(404);
  await page.goto(conversationUrl);
  await expect(page.getByText(GOAL)).toHaveCount(0);
  await expect(page.getByText(NOTE)).toHaveCount(0);

  // HR goes back to the organisation's language (Swedish) for the journeys after this one.
  await page.goto('/settings');
  await page.getByLabel('Sprog', { exact: true }).selectOption('');
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
});

test('the goals and plan of a signed MUS follow the pair into their 1:1s, where progress is noted', async ({
  page,
}, testInfo) => {
  // The demo has a signed MUS for Mads and Lars; Mads now books their 1:1s.
  await signIn(page, 'leder@samtal.demo');
  const lars = page.locator('.report-card').filter({ hasText: 'Lars Poulsen' });
  await lars.getByRole('link', { name: /^Book 1:1.samtaler med Lars Poulsen$/ }).click();
  await page.getByRole('button', { name: /^Book 1:1.samtaler med Lars Poulsen$/ }).click();
  await expect(page.getByText(/^1:1.serien er booket\.$/)).toBeVisible();
  await page.goto('/');
  await lars.locator('.report-card__facts a').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Lars Poulsen/ })).toBeVisible();

  const panel = page.getByRole('region', { name: 'Mål og udviklingsplan' });
  await expect(panel.getByText('Lede kodegennemgangen i teamet')).toBeVisible();
  // The organisation goal in Danish, as HR gave it (the goal was first written in Swedish).
  await expect(panel.getByText('Organisationsmål: Færre fejl i leverancerne')).toBeVisible();
  await expect(panel.getByText('Test og kvalitetssikring')).toBeVisible();
  await expect(panel.getByText('Første to gennemgange holdt; dagsordenen virker.')).toBeVisible();
  await panel.getByLabel('Tilføj note').first().fill('Gennemgangen kører nu hver tirsdag.');
  await panel.getByRole('button', { name: 'Tilføj note' }).first().click();
  await expect(panel.getByText('Gennemgangen kører nu hver tirsdag.')).toBeVisible();
  await expect(panel.getByText(/Mads Jensen, /).first()).toBeVisible();
  await shot(page, testInfo, 'l9-goals-in-one-on-one');
});

test('HR keeps the organisation goals that personal goals can serve', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Organisationsmål' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationsmål' })).toBeVisible();
  await expect(page.getByText('Färre fel i leveranserna')).toBeVisible();
  // A title is required: the field says so.
  await page.getByRole('button', { name: 'Lägg till organisationsmål' }).click();
  await expect(page.locator('#org-goal-title')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('#org-goal-title').fill('Kortare svarstider till kunderna');
  await page.getByRole('button', { name: 'Lägg till organisationsmål' }).click();
  await expect(page.getByText('Kortare svarstider till kunderna')).toBeVisible();
  await shot(page, testInfo, 'l10-organisation-goals');
});
