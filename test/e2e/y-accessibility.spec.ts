/**
 * Accessibility of the main pages (issue #17): axe-core, the engine behind most accessibility
 * audits, runs in each page against WCAG 2.1 A and AA. Any violation fails the journey, with
 * the rule, the elements and axe's help link in the message.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support';

// Evaluated through the DevTools protocol, not added as a <script>: the page's
// Content-Security-Policy rightly refuses inline scripts (decision 018).
const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

type Violation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[] }[];
};

async function audit(page: Page, name: string): Promise<void> {
  // Whatever loads lazily (charts, catalogs) is on the page before it is judged.
  await page.waitForLoadState('networkidle');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: Violation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  const text = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}\n  ${v.helpUrl}`,
    )
    .join('\n');
  expect(violations, `${name}: accessibility violations\n${text}`).toEqual([]);
}

test('the sign-in page passes axe (WCAG 2.1 AA)', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('#email')).toBeVisible();
  await audit(page, 'sign-in');
});

test("a manager's home, team and meeting pages pass axe", async ({ page }) => {
  await signIn(page, 'chef@samtal.demo');
  await audit(page, 'manager home');
  await page.getByRole('navigation').getByRole('link', { name: 'Mitt team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'team');
  await page.goto('/');
  const next = page.locator('a[href*="/one-on-ones/meetings/"]').first();
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Agenda' })).toBeVisible();
  await audit(page, 'meeting');
});

test("an employee's home passes axe", async ({ page }) => {
  await signIn(page, 'medarbetare@samtal.demo');
  await audit(page, 'employee home');
});

test("HR's people, statistics and audit pages pass axe", async ({ page }) => {
  await signIn(page, 'hr@samtal.demo');
  await audit(page, 'HR home');
  await page.goto('/people');
  await expect(page.getByRole('table')).toBeVisible();
  await audit(page, 'people');
  await page.getByRole('navigation').getByRole('link', { name: 'Statistik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HR-statistik' })).toBeVisible();
  await audit(page, 'statistics');
  await page.goto('/admin/audit');
  await expect(page.getByRole('table')).toBeVisible();
  await audit(page, 'audit log');
  await page.goto('/admin/mailbox');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'mailbox');
});

test("a Danish manager's home and own mail pass axe", async ({ page }) => {
  await signIn(page, 'leder@samtal.demo');
  await audit(page, 'Danish manager home');
  await page.goto('/mail');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'my mail');
});
