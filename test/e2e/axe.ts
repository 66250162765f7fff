/**
 * axe-core, the engine behind most accessibility audits, run in a page against WCAG 2.1 A and
 * AA (issue #17). One helper for every journey that checks accessibility.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect } from './support';

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

/**
 * Fails with the rule, the elements and axe's help link for every violation on the page, or in
 * the element `scope` selects (the section of a long page a journey is about).
 */
export async function expectAccessible(page: Page, name: string, scope?: string): Promise<void> {
  // Whatever loads lazily (charts, catalogs) is on the page before it is judged.
  await page.waitForLoadState('networkidle');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }
    ).axe;
    const context = selector ? document.querySelector(selector) : document;
    const result = (await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: Violation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  }, scope ?? null);
  const text = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}\n  ${v.helpUrl}`,
    )
    .join('\n');
  expect(violations, `${name}: accessibility violations\n${text}`).toEqual([]);
}
