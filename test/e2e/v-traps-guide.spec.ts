import { expect, fitsWidth, shot, signIn, test } from './support';

test('The manager reads the traps of a 1:1 beside the meeting, hides them, and they stay hidden', async ({
  page,
}, testInfo) => {
  await signIn(page, 'chef@samtal.demo');
  const overview = (await (await page.request.get('/api/one-on-ones/overview')).json()) as {
    items: { person: { name: string }; nextMeeting: { id: string } | null }[];
  };
  const meetingId = overview.items.find((i) => i.nextMeeting)!.nextMeeting!.id;

  // The meeting page opens with one request for the whole page: nothing extra for the tips.
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) asked.push(`${r.method()} ${path}`);
  });
  await page.goto(`/one-on-ones/meetings/${meetingId}`);
  const tips = page.getByRole('region', { name: 'Låt samtalet vara medarbetarens' });
  await expect(tips).toBeVisible();
  await expect(tips).toContainText('Att prata om kollegor');
  await expect(tips).toContainText('Dina åsikter om andra');
  await expect(tips).toContainText('Bara siffror och resultat');
  expect(asked.filter((a) => a.includes('/api/me'))).toEqual([]);
  expect(asked.filter((a) => a.startsWith('GET /api/pages/meeting/'))).toHaveLength(1);
  await shot(page, testInfo, 'v1-traps-guide');

  // Hidden: remembered on the server, so a reload (or another device) keeps it hidden.
  await tips.getByRole('button', { name: 'Dölj tipsen' }).click();
  await expect(tips).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Visa tips för 1-1 samtalet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Låt samtalet vara medarbetarens' })).toHaveCount(
    0,
  );
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);

  // And shown again on request.
  await page.getByRole('button', { name: 'Visa tips för 1-1 samtalet' }).click();
  await expect(page.getByRole('region', { name: 'Låt samtalet vara medarbetarens' })).toBeVisible();
});
