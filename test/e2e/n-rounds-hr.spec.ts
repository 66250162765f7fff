import { expect, fitsWidth, openAdminMenu, shot, signIn, test } from './support';

/** A date `days` from today as YYYY-MM-DD (UTC is close enough for a form date). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('HR follows the demo round as counts only, opens a round for Oslo and reminds managers', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Omgångar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Omgångar' })).toBeVisible();
  const demo = page.getByRole('link', { name: /^Medarbetarsamtal \d{4}$/ });
  await expect(demo).toBeVisible();
  await shot(page, testInfo, 'n1-rounds-list');

  await demo.click();
  await expect(page.getByText('Du ser hur många samtal som är i varje läge')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alla samtal: 4' })).toBeVisible();
  const table = page.locator('table.round-table');
  await expect(table.getByRole('rowheader', { name: 'Hemtjänst Norr' })).toBeVisible();
  await page.getByRole('button', { name: 'Per chef', exact: true }).click();
  await expect(table.getByRole('rowheader', { name: 'Maria Lindqvist' })).toBeVisible();
  await page.getByRole('button', { name: 'Påminn chefer som ligger efter' }).click();
  await expect(page.getByText('2 chefer fick en påminnelse.')).toBeVisible();
  // Nobody joined the demo unit since the round opened: nothing new, and it says so.
  await page.getByRole('button', { name: 'Lägg till nya i gruppen' }).click();
  await expect(page.getByText('Alla i gruppen hade redan ett samtal.')).toBeVisible();
  await shot(page, testInfo, 'n2-round-progress');

  await page.getByRole('link', { name: 'Alla omgångar' }).click();
  await page.getByRole('link', { name: 'Starta en omgång' }).click();
  // Sent without a name and dates: each field says what is missing.
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByLabel('Namn')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Namn')).toBeFocused();

  await page.getByLabel('Mall', { exact: true }).selectOption({ label: 'Tre strategiska frågor' });
  await page.getByLabel('Namn').fill('Medarbetarsamtal Oslo');
  await page.getByLabel('Perioden börjar').fill(day(1));
  await page.getByLabel('Perioden slutar').fill(day(60));
  // A deadline outside the period is refused by the server, at its field.
  await page.getByLabel('Sista dag', { exact: true }).fill(day(90));
  await page
    .getByLabel('Avdelning', { exact: true })
    .selectOption({ label: 'Ledning › Kontor Oslo' });
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.locator('#round-deadline')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Måste ligga inom perioden/)).toBeVisible();
  await page.getByLabel('Sista dag', { exact: true }).fill(day(45));
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByText(/samtal skapades i ”Medarbetarsamtal Oslo”/)).toBeVisible();
  await page.getByRole('link', { name: 'Till omgången' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Medarbetarsamtal Oslo' }),
  ).toBeVisible();
  await expect(page.getByText('Mall: Tre strategiska frågor (version 1)')).toBeVisible();

  await page.getByRole('button', { name: 'Avsluta omgången' }).click();
  await expect(page.getByText('Omgången är avslutad: inga påminnelser skickas.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Påminn chefer som ligger efter' })).toHaveCount(0);

  // On a phone the round page fits the screen.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, testInfo, 'n3-round-phone');
});

test('HR copies a template and edits the copy, which becomes version 2', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Samtalsmallar' }).click();
  const card = page.locator('li', {
    has: page.getByRole('heading', { name: 'Hälsosamtal', exact: true }),
  });
  await card.getByRole('button', { name: 'Kopiera' }).click();
  await expect(page.getByText('Kopierad som ”Kopia av Hälsosamtal”.')).toBeVisible();
  await page.getByRole('link', { name: 'Kopia av Hälsosamtal' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Redigera mall' })).toBeVisible();

  // Write the new question in English, keyboard only for the answer type.
  await page.getByLabel('Du skriver på').selectOption('en');
  const section = page.getByRole('region', { name: 'Avsnitt 1' });
  await section.getByRole('button', { name: 'Lägg till fråga' }).click();
  const question = section.getByRole('group', { name: 'Fråga 4' });
  await question.getByLabel('Fråga', { exact: true }).fill('How many breaks do you take?');
  await question.getByLabel('Svar').focus();
  await question.getByLabel('Svar').selectOption('single');
  await question.getByLabel('Alternativ 1').fill('Hardly any');
  await question.getByLabel('Alternativ 2').fill('Enough');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Sparad som version 2.')).toBeVisible();
  await shot(page, testInfo, 'n4-template-editor');
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);

  // A duplicate key is refused with the message at the field.
  await question.getByLabel('Nyckel').first().fill('overall');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(
    question.getByText('Nyckeln används redan. Varje nyckel måste vara unik.'),
  ).toBeVisible();
});
