import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = path.join(import.meta.dirname, '../../i18n/locales/en');
const FILES = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => path.join(import.meta.dirname, f));

function message(ns: string, key: string): string | undefined {
  let node: unknown = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${ns}.json`), 'utf8'));
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
const has = (ns: string, key: string) => message(ns, key) !== undefined;

/** The namespace a file's unprefixed keys are in: the one its useTranslation names, else meetings. */
function defaultNamespace(source: string): string {
  const named = new Set([...source.matchAll(/useTranslation\(\s*'(\w+)'/g)].map((m) => m[1]!));
  return named.size === 1 ? [...named][0]! : 'meetings';
}

describe('the texts the 1:1 pages ask for', () => {
  it('all exist in the catalogs (the pages speak the meetings namespace unless prefixed)', () => {
    const missing: string[] = [];
    for (const file of FILES) {
      const source = fs.readFileSync(file, 'utf8');
      for (const [, key] of source.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const [ns, k] = key!.includes(':') ? key!.split(':') : [defaultNamespace(source), key!];
        if (!has(ns!, k!)) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('pass the arguments their messages need', () => {
    const bare: string[] = [];
    for (const file of FILES) {
      const source = fs.readFileSync(file, 'utf8');
      // t('key') with nothing after the key: its message must not ask for any argument.
      for (const [, key] of source.matchAll(/\bt\(\s*'([^'$]+)'\s*\)/g)) {
        const [ns, k] = key!.includes(':') ? key!.split(':') : [defaultNamespace(source), key!];
        if (/\{\s*\w+\s*[,}]/.test(message(ns!, k!) ?? ''))
          bare.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
