import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localise, missingLocales, TemplateSchema } from './template';

const dir = path.resolve(__dirname, '../../../templates');

describe('built-in templates', () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(3));
  for (const f of files) {
    it(`${f} is valid, named after its key and speaks all four languages`, () => {
      const t = TemplateSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      expect(`${t.key}.json`).toBe(f);
      expect(missingLocales(t)).toEqual([]);
    });
  }
  it('rejects duplicate section keys and empty titles', () => {
    const bad = {
      key: 'x',
      name: { en: 'X' },
      sections: [
        { key: 'a', title: { en: 'A' } },
        { key: 'a', title: { en: 'B' } },
      ],
    };
    expect(TemplateSchema.safeParse(bad).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...bad, sections: [{ key: 'a', title: {} }] }).success).toBe(
      false,
    );
  });
  it('falls back to English, then any language', () => {
    expect(localise({ en: 'Hi', sv: 'Hej' }, 'da')).toBe('Hi');
    expect(localise({ nb: 'Hei' }, 'da')).toBe('Hei');
  });
});
