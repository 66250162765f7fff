import { expectAccessible } from './axe';
import { expect, shot, signIn, test } from './support';

test.use({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });

/**
 * Search in Danish (issue #15, decision 027): "/" puts the cursor in the search field, a word
 * in another form finds it ("skabeloner" finds "skabelon"), results come grouped by kind with
 * the found words marked, and each leads to its meeting; a revealed preparation of a development
 * conversation is found too and leads to the conversation. Reads demo data only.
 */
test('a Danish manager finds a word in their 1:1s in its own forms', async ({ page }, testInfo) => {
  await signIn(page, 'leder@samtal.demo');
  const box = page.getByRole('searchbox', { name: 'Søg i dine samtaler' });
  await expect(box).toBeVisible();
  await page.locator('body').press('/');
  await expect(box).toBeFocused();
  await box.fill('skabeloner');
  await box.press('Enter');

  await expect(page).toHaveURL(/\/search\?q=skabeloner$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Søg' })).toBeVisible();
  const actions = page.getByRole('region', { name: /^Aktioner/ });
  await expect(actions).toBeVisible();
  const action = actions.getByRole('link', { name: 'Lave skabelon til kundeworkshops' });
  await expect(action).toBeVisible();
  await expect(action.locator('mark')).toHaveText(['skabelon']);
  const notes = page.getByRole('region', { name: /^Delte noter og beslutninger/ });
  await expect(notes.locator('mark').first()).toHaveText('skabelon');
  await expect(notes).toContainText('Med Sofie Hansen');
  await shot(page, testInfo, 'v-search-danish');
  await expectAccessible(page, 'search results');

  await action.click();
  await expect(page).toHaveURL(/\/one-on-ones\/meetings\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: '1:1 med Sofie Hansen' })).toBeVisible();
  await expect(box).toHaveValue('');

  // A development conversation's preparation: Lars's answer, revealed since both submitted.
  await box.fill('testautomatisering');
  await box.press('Enter');
  const preparations = page.getByRole('region', { name: /^Forberedelser/ });
  await expect(preparations.locator('mark').first()).toHaveText('testautomatisering');
  await expect(preparations).toContainText('Med Lars Poulsen');
  await preparations.getByRole('link', { name: 'Forberedelse' }).first().click();
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]+$/);

  // Nothing found: said so, in Danish.
  await box.fill('flodhest');
  await box.press('Enter');
  await expect(page.getByText('Intet fundet for “flodhest”.', { exact: false })).toBeVisible();
});
