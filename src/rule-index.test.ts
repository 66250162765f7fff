import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/RULES.md maps each product rule to the code that decides it and the tests that pin it.
 * This test keeps that map honest: every file it names exists, every `#name` is still declared
 * in its file, and every cited test name is still a test of its file.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RULES = 'docs/RULES.md';
const NO_TEST = 'no test yet';
const TEST_FILE = /\.(test|spec)\.tsx?$/;

type Ref = { file: string; names: string[] };
type TestRef = { file: string; test: string | null };
export type Rule = { id: string; line: number; code: Ref[]; tests: TestRef[]; untested: boolean };

/** The backtick spans of a table cell. */
function spans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** Splits a Markdown table row into its cells (no escaped pipes are used in the index). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Reads the rule tables: rows under a header `| ID | Rule | Enforced in | Pinned by |`. */
export function parseRules(markdown: string): { rules: Rule[]; untestedList: string[] } {
  const rules: Rule[] = [];
  const lines = markdown.split('\n');
  let inTable = false;
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) {
      inTable = false;
      return;
    }
    const c = cells(line);
    if (c[0] === 'ID') {
      expect(c, `${RULES}:${i + 1} header`).toEqual(['ID', 'Rule', 'Enforced in', 'Pinned by']);
      inTable = true;
      return;
    }
    if (!inTable || /^-+$/.test(c[0] ?? '')) return;
    expect(c, `${RULES}:${i + 1} has four cells`).toHaveLength(4);
    const [id, , enforced, pinned] = c as [string, string, string, string];
    rules.push({
      id,
      line: i + 1,
      code: spans(enforced).map((s) => {
        const [file, name] = s.split('#') as [string, string | undefined];
        return { file, names: name ? name.split('.') : [] };
      }),
      tests: spans(pinned).map((s) => {
        const at = s.indexOf(' › ');
        return at < 0 ? { file: s, test: null } : { file: s.slice(0, at), test: s.slice(at + 3) };
      }),
      untested: pinned.startsWith(NO_TEST),
    });
  });
  const tail = markdown.split(/^## Rules without a pinning test$/m)[1] ?? '';
  const untestedList = [...tail.matchAll(/^- ([A-Z]+\d+)\b/gm)].map((m) => m[1]!);
  return { rules, untestedList };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `name` is declared in `source`: a function, class, const/let/var, type or enum; a
 * method or an object property holding a function; or, in SQL, a function, trigger or table.
 */
export function declares(source: string, name: string): boolean {
  const n = escape(name);
  const patterns = [
    new RegExp(`\\b(?:function\\*?|class|const|let|var|type|interface|enum)\\s+${n}\\b`),
    new RegExp(`^[ \\t]*${n}[ \\t]*:[ \\t]*(?:async[ \\t]*)?(?:\\(|function\\b)`, 'm'),
    new RegExp(`\\b(?:FUNCTION|TRIGGER|TABLE)\\s+"?${n}"?\\b`),
  ];
  return patterns.some((p) => p.test(source)) || declaresMethod(source, n);
}

/**
 * A method: `name(…) {` or `name(…): T {` at the start of a line, with any modifiers; the
 * arguments may span lines. A call at the start of a line (`name(…);`) is not one.
 */
function declaresMethod(source: string, escapedName: string): boolean {
  const start = new RegExp(
    `^[ \\t]*(?:(?:async|static|get|set|public|private|protected|override)[ \\t]+)*${escapedName}[ \\t]*(?:<[^>\\n]*>)?\\(`,
    'gm',
  );
  for (const m of source.matchAll(start)) {
    let depth = 1;
    let i = m.index + m[0].length;
    while (i < source.length && depth > 0) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')') depth--;
      i++;
    }
    if (/^\s*[:{]/.test(source.slice(i))) return true;
  }
  return false;
}

/**
 * The literal names given to `it`, `test` and `describe` (and their `.only`-style variants) in
 * a test file; generated names (template literals with `${…}`, `.each` tables) are left out.
 */
export function testNames(source: string): Set<string> {
  const names = new Set<string>();
  const call = /\b(?:it|test|describe)(?:\.(?:only|skip|concurrent|serial|fails))*\(\s*(['"`])/g;
  for (const m of source.matchAll(call)) {
    const quote = m[1]!;
    let i = m.index + m[0].length;
    let text = '';
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
      } else text += source[i++];
    }
    if (!(quote === '`' && text.includes('${'))) names.add(text);
  }
  return names;
}

/** Every problem with the index, as readable lines (empty when it is sound). */
export function problems(
  markdown: string,
  read: (file: string) => string | null,
): { problems: string[]; rules: Rule[] } {
  const out: string[] = [];
  const { rules, untestedList } = parseRules(markdown);
  const seen = new Set<string>();
  for (const r of rules) {
    const where = `${r.id} (${RULES}:${r.line})`;
    if (!/^[A-Z]+\d+$/.test(r.id)) out.push(`${where}: the ID is not like "T1"`);
    if (seen.has(r.id)) out.push(`${where}: the ID is used twice`);
    seen.add(r.id);
    if (r.code.length === 0) out.push(`${where}: names no code that enforces it`);
    for (const ref of r.code) {
      const source = read(ref.file);
      if (source === null) out.push(`${where}: ${ref.file} does not exist`);
      else
        for (const name of ref.names)
          if (!declares(source, name)) out.push(`${where}: ${ref.file} declares no ${name}`);
    }
    if (r.tests.length === 0 && !r.untested)
      out.push(`${where}: cites no test and does not say "${NO_TEST}"`);
    if (r.tests.length > 0 && r.untested) out.push(`${where}: cites tests but says "${NO_TEST}"`);
    for (const t of r.tests) {
      const source = read(t.file);
      if (!TEST_FILE.test(t.file)) out.push(`${where}: ${t.file} is not a test file`);
      else if (source === null) out.push(`${where}: ${t.file} does not exist`);
      else if (t.test !== null && !testNames(source).has(t.test))
        out.push(`${where}: ${t.file} has no test named "${t.test}"`);
    }
  }
  const untested = rules.filter((r) => r.untested).map((r) => r.id);
  if (untested.join() !== untestedList.join())
    out.push(
      `the closing list of rules without a test (${untestedList.join(', ')}) differs from the rows (${untested.join(', ')})`,
    );
  return { problems: out, rules };
}

const readFromRoot = (file: string): string | null => {
  const full = path.join(ROOT, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
};

describe('the rule index (docs/RULES.md)', () => {
  it('names only files, declarations and tests that exist', () => {
    const { problems: found, rules } = problems(
      readFileSync(path.join(ROOT, RULES), 'utf8'),
      readFromRoot,
    );
    expect(found).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(40);
    // Most rules are pinned by a test; the few that are not are listed, not hidden.
    expect(rules.filter((r) => r.untested).length).toBeLessThan(rules.length / 10);
  });

  it('notices a missing file, a declaration that is gone and a renamed test', () => {
    const doc = [
      '| ID | Rule | Enforced in | Pinned by |',
      '| --- | --- | --- | --- |',
      '| X1 | ok | `a.ts#kept`<br>`a.ts#box.method` | `a.test.ts › stays` |',
      '| X2 | gone file | `gone.ts` | `a.test.ts` |',
      '| X3 | gone name | `a.ts#gone` | `a.test.ts › renamed` |',
      '| X4 | untested | `a.ts#kept` | no test yet |',
      '| X4 | twice | `a.ts` | |',
      '| X5 | untested, unlisted | `a.ts` | no test yet |',
      '',
      '## Rules without a pinning test',
      '',
      '- X4',
    ].join('\n');
    const files: Record<string, string> = {
      'a.ts':
        'export function kept() {}\nexport const box = {\n  async method(x: number) {\n    return x;\n  },\n};\ncall(gone);\n',
      'a.test.ts': "describe('stays', () => { it(`dyn ${1}`, () => {}); });",
    };
    const { problems: found } = problems(doc, (f) => files[f] ?? null);
    expect(found).toEqual([
      `X2 (${RULES}:4): gone.ts does not exist`,
      `X3 (${RULES}:5): a.ts declares no gone`,
      `X3 (${RULES}:5): a.test.ts has no test named "renamed"`,
      `X4 (${RULES}:7): the ID is used twice`,
      `X4 (${RULES}:7): cites no test and does not say "${NO_TEST}"`,
      'the closing list of rules without a test (X4) differs from the rows (X4, X5)',
    ]);
  });

  it('reads test names in single, double and back quotes, escapes included, and skips generated ones', () => {
    const names = testNames(
      `it('it\\'s', () => {});\ntest("a \\"b\\"", () => {});\ndescribe.only(\`plain\`, () => {});\nit(\`\${x} y\`, () => {});\nit(\n  'on the next line',\n  () => {},\n);`,
    );
    expect([...names]).toEqual(["it's", 'a "b"', 'plain', 'on the next line']);
  });

  it('tells a declaration from a call', () => {
    const src = 'function f() {}\nconst g = 1;\nexport async function h() {}\n  doIt(a, b);\n';
    expect(['f', 'g', 'h', 'doIt'].map((n) => declares(src, n))).toEqual([true, true, true, false]);
    expect(declares('CREATE FUNCTION samtal_x() RETURNS trigger', 'samtal_x')).toBe(true);
  });
});
