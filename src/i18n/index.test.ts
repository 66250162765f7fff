import { describe, expect, it } from 'vitest';
import { createI18n, localeFromAcceptLanguage } from './index';
import { loadAllCatalogs } from './catalogs';

describe('localeFromAcceptLanguage', () => {
  it('picks the best supported language by weight', () => {
    expect(localeFromAcceptLanguage('de-DE,da;q=0.8,en;q=0.5', 'sv')).toBe('da');
    expect(localeFromAcceptLanguage('en-GB;q=0.4,sv-SE;q=0.9', 'da')).toBe('sv');
  });
  it('maps every Norwegian tag to Bokmål', () => {
    for (const tag of ['nb-NO', 'no', 'nn-NO'])
      expect(localeFromAcceptLanguage(tag, 'en')).toBe('nb');
  });
  it('falls back when nothing matches or the header is missing', () => {
    expect(localeFromAcceptLanguage('fr-FR,de', 'sv')).toBe('sv');
    expect(localeFromAcceptLanguage(undefined, 'da')).toBe('da');
  });
});

describe('ICU messages', () => {
  it('pluralise per language', async () => {
    const i18n = await createI18n(loadAllCatalogs(), 'sv');
    const t = (lng: string, n: number) =>
      i18n.getFixedT(lng)('errors:auth.rate_limited', { minutes: n });
    expect(t('sv', 1)).toContain('1 minut ');
    expect(t('sv', 5)).toContain('5 minuter');
    expect(t('da', 5)).toContain('5 minutter');
    expect(t('nb', 1)).toContain('1 minutt ');
    expect(t('en', 2)).toContain('2 minutes');
  });
});
