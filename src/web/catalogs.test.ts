import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/index';

const DIR = path.join(import.meta.dirname, '../i18n/locales');
const WEB_NAMESPACES = ['common', 'auth', 'people', 'departments', 'home', 'settings', 'meetings'];

type Catalog = { [key: string]: string | Catalog };

function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const load = (lng: string, ns: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(DIR, lng, `${ns}.json`), 'utf8')) as Catalog);

describe.each(WEB_NAMESPACES)('the %s catalog of the web app', (ns) => {
  const english = load('en', ns);

  it.each(LOCALES.filter((l) => l !== 'en'))('has the same keys in %s as in English', (lng) => {
    expect([...load(lng, ns).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...LOCALES])('has only valid ICU messages in %s', (lng) => {
    for (const [key, message] of load(lng, ns)) {
      expect(() => new IntlMessageFormat(message, lng), `${lng}/${ns}:${key}`).not.toThrow();
    }
  });
});
