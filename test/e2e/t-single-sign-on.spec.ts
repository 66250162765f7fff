import { startTestIdp, type TestIdp } from '../support/oidc-provider';
import { expectAccessible } from './axe';
import { expect, openAdminMenu, openPersonMenu, shot, signIn, test } from './support';

const PORT = Number(process.env.E2E_PORT ?? 3100);
let idp: TestIdp;

test.beforeAll(async () => {
  // A real OpenID provider beside the browser; Samtal reaches it over 127.0.0.1 (decision 019).
  idp = await startTestIdp({
    redirectUris: [`http://127.0.0.1:${PORT}/api/auth/sso/callback`],
    postLogoutRedirectUris: [`http://127.0.0.1:${PORT}/sign-in`],
    accounts: {
      helena: { email: 'hr@samtal.demo', email_verified: true, name: 'Helena' },
      erik: { email: 'medarbetare@samtal.demo', email_verified: true, name: 'Erik Johansson' },
    },
  });
});
test.afterAll(() => idp?.close());

test('an administrator adds, tests and turns on an identity provider; Erik signs in with its button', async ({
  page,
}, testInfo) => {
  await signIn(page, 'hr@samtal.demo');
  await openAdminMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Enkel inloggning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enkel inloggning' })).toBeVisible();
  await expect(page.getByText(`http://127.0.0.1:${PORT}/api/auth/sso/callback`)).toBeVisible();

  await page.getByRole('button', { name: 'Lägg till identitetsleverantör' }).click();
  await page.getByLabel('Text på knappen').fill('Kommunens konto');
  await page.getByLabel('Kort namn').fill('kommunen');
  await page.getByLabel('Utfärdar-URL (issuer)').fill(idp.issuer);
  await page.getByLabel('Klient-ID').fill(idp.clientId);
  await page.getByLabel('Klienthemlighet').fill(idp.clientSecret);
  await shot(page, testInfo, 't1-add-provider');
  await page.getByRole('button', { name: 'Spara' }).click();

  const item = page.getByRole('listitem').filter({ hasText: 'Kommunens konto' });
  await expect(item.getByText('Inte testad sedan anslutningen ändrades')).toBeVisible();
  // Not before a test sign-in.
  await item.getByRole('button', { name: 'Slå på' }).click();
  await expect(
    item.getByText('Gör en lyckad testinloggning innan leverantören slås på.'),
  ).toBeVisible();

  // The test sign-in goes through the provider's real pages and comes back here.
  await item.getByRole('link', { name: 'Testa inloggning' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Account').fill('helena');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/Testinloggningen med Kommunens konto lyckades/)).toBeVisible();
  await expect(item.getByText(/Testinloggningen lyckades/)).toBeVisible();
  await item.getByRole('button', { name: 'Slå på' }).click();
  await expect(item.getByText('På', { exact: true })).toBeVisible();
  await shot(page, testInfo, 't2-provider-tested-and-on');
  await expectAccessible(page, 'single sign-on settings');
  // The secret is not on the page.
  await expect(page.locator('body')).not.toContainText(idp.clientSecret);

  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.locator('#email')).toBeVisible();

  // Erik, at his own computer (no session at the provider): the organisation's button first.
  await page.context().clearCookies();
  await page.goto('/sign-in?org=demo');
  const button = page.getByRole('link', { name: 'Logga in med Kommunens konto' });
  await expect(button).toBeVisible();
  await shot(page, testInfo, 't3-sign-in-with-provider');
  await expectAccessible(page, 'sign-in with a provider');
  await button.click();
  await page.getByLabel('Account').fill('erik');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('nav#main-nav')).toBeAttached();
  await expect(page.getByText('Erik Johansson').first()).toBeVisible();

  // Sign-out ends Samtal's session and offers the provider's.
  await openPersonMenu(page);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByText('Du har loggat ut från Samtal.')).toBeVisible();
  const logout = page.getByRole('link', { name: 'Logga även ut från Kommunens konto' });
  await expect(logout).toHaveAttribute('href', new RegExp(`^${idp.issuer}/session/end`));
  // The browser remembers the organisation: the button is offered without ?org=.
  await expect(page.getByRole('link', { name: 'Logga in med Kommunens konto' })).toBeVisible();
  await shot(page, testInfo, 't4-signed-out');

  // An account the provider knows but Samtal does not: a translated message, no error page.
  await page.context().clearCookies();
  idp.accounts.set('okand', { email: 'okand@example.test', email_verified: true });
  await page.getByRole('link', { name: 'Logga in med Kommunens konto' }).click();
  await page.getByLabel('Account').fill('okand');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(
    page.getByText('Ditt konto hos identitetsleverantören matchar ingen i Samtal.', {
      exact: false,
    }),
  ).toBeVisible();
  await shot(page, testInfo, 't5-unknown-person');
});
