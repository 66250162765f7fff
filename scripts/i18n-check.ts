/**
 * Fails when a translation is missing, extra, malformed or inconsistent:
 * - every catalog file exists in all four languages with the same keys as English;
 * - every message parses as ICU MessageFormat and uses the same arguments in every language;
 * - every error code (and field-error code used by the server) has a message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { ERROR_CODES } from '../src/domain/errors';
import { LOCALES, NAMESPACES } from '../src/i18n/index';
import { LOCALES_DIR } from '../src/i18n/catalogs';

type Flat = Map<string, string>;
const problems: string[] = [];

function flatten(obj: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (typeof obj === 'string') out.set(prefix, obj);
  else if (obj && typeof obj === 'object')
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else problems.push(`${prefix}: not a string or object`);
  return out;
}

function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, out);
      continue;
    }
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const opt of Object.values(el.options)) argumentsOf(opt.value, out);
  }
  return out;
}

function load(lng: string, ns: string): Flat | undefined {
  const file = path.join(LOCALES_DIR, lng, `${ns}.json`);
  if (!fs.existsSync(file)) return undefined;
  try {
    return flatten(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    problems.push(`${lng}/${ns}.json: ${(err as Error).message}`);
    return new Map();
  }
}

let messages = 0;
for (const ns of NAMESPACES) {
  const catalogs = new Map(LOCALES.map((lng) => [lng, load(lng, ns)]));
  const present = [...catalogs].filter(([, c]) => c);
  if (present.length === 0) continue;
  for (const [lng, c] of catalogs) if (!c) problems.push(`${lng}/${ns}.json: missing file`);
  const allKeys = new Set(present.flatMap(([, c]) => [...c!.keys()]));
  for (const key of allKeys) {
    let reference: { lng: string; args: string } | undefined;
    for (const [lng, c] of present) {
      const msg = c!.get(key);
      if (msg === undefined) {
        problems.push(`${lng}/${ns}.json: missing "${key}"`);
        continue;
      }
      messages++;
      if (msg.trim() === '') problems.push(`${lng}/${ns}.json: empty "${key}"`);
      try {
        const args = [...argumentsOf(parse(msg))].sort().join(',');
        if (!reference) reference = { lng, args };
        else if (reference.args !== args)
          problems.push(
            `${ns}:${key}: arguments differ — ${reference.lng} has {${reference.args}}, ${lng} has {${args}}`,
          );
      } catch (err) {
        problems.push(`${lng}/${ns}.json: "${key}" is not valid ICU: ${(err as Error).message}`);
      }
    }
  }
}

const en = load('en', 'errors') ?? new Map();
for (const code of ERROR_CODES) if (!en.has(code)) problems.push(`errors:${code} has no message`);
const fieldCodesUsed = new Set<string>();
for (const file of walk(path.resolve('src/server'))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/fieldError\([^,]+,\s*'([a-z_]+)'/g)) fieldCodesUsed.add(m[1]!);
  for (const m of text.matchAll(/code: '([a-z_]+)'/g))
    if (m[1] !== 'custom') fieldCodesUsed.add(m[1]!);
}
for (const code of fieldCodesUsed)
  if (!en.has(`field.${code}`)) problems.push(`errors:field.${code} has no message`);

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')) yield p;
  }
}

if (problems.length) {
  console.error(`i18n check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n check passed: ${messages} messages in ${LOCALES.length} languages.`);
