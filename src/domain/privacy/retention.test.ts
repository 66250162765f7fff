import { describe, expect, it } from 'vitest';
import {
  countryOfLocale,
  cutoff,
  defaultRetention,
  effectiveRetention,
  RETENTION_COUNTRIES,
  RETENTION_DEFAULTS,
  RETENTION_KIND_FIELDS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  retentionCutoffs,
} from './retention';

describe('retention defaults', () => {
  it('start from the country of the organisation language', () => {
    expect(countryOfLocale('sv')).toBe('SE');
    expect(countryOfLocale('da')).toBe('DK');
    expect(countryOfLocale('nb')).toBe('NO');
    expect(countryOfLocale('en')).toBe('OTHER');
    expect(defaultRetention('DK').leaversAfterDays).toBe(1825);
    expect(defaultRetention('SE').leaversAfterDays).toBeGreaterThanOrEqual(RETENTION_MIN_DAYS);
  });

  it('leave every kind to the country, within the bounds, private notes shortest', () => {
    for (const country of RETENTION_COUNTRIES) {
      const r = defaultRetention(country);
      for (const f of RETENTION_KIND_FIELDS) expect(r[f]).toBeNull();
      const d = RETENTION_DEFAULTS[country];
      for (const f of [...RETENTION_KIND_FIELDS, 'leaversAfterDays'] as const) {
        expect(d[f]).toBeGreaterThanOrEqual(RETENTION_MIN_DAYS);
        expect(d[f]).toBeLessThanOrEqual(RETENTION_MAX_DAYS);
      }
      const others = RETENTION_KIND_FIELDS.filter((f) => f !== 'privateAfterDays');
      for (const f of others) expect(d.privateAfterDays).toBeLessThan(d[f]);
      // Salary outcomes are payroll records: kept at least as long as anything else.
      for (const f of others) expect(d.salaryAfterDays).toBeGreaterThanOrEqual(d[f]);
      expect(d.auditAfterDays).toBeGreaterThanOrEqual(365);
      expect(d.auditAfterDays).toBeLessThanOrEqual(730);
    }
    // Sweden's bookkeeping act keeps payroll records 7 years.
    expect(RETENTION_DEFAULTS.SE.salaryAfterDays).toBe(7 * 365);
  });

  it('follow the country where a kind is empty and the choice where it is set', () => {
    const r = { ...defaultRetention('NO'), notesAfterDays: 30, auditAfterDays: 400 };
    const days = effectiveRetention(r);
    expect(days.notesAfterDays).toBe(30);
    expect(days.auditAfterDays).toBe(400);
    expect(days.salaryAfterDays).toBe(RETENTION_DEFAULTS.NO.salaryAfterDays);
    expect(days.leaversAfterDays).toBe(RETENTION_DEFAULTS.NO.leaversAfterDays);
  });

  it('count days back from now', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(cutoff(now, 2).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('give each kind its own cut-off', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    const cut = retentionCutoffs(now, { ...defaultRetention('SE'), privateAfterDays: 30 });
    expect(cut.private.toISOString()).toBe('2026-11-05T00:00:00.000Z');
    expect(cut.notes.toISOString()).toBe(cutoff(now, 1095).toISOString());
    expect(cut.salary.toISOString()).toBe(cutoff(now, 2555).toISOString());
    expect(cut.audit.toISOString()).toBe(cutoff(now, 730).toISOString());
  });
});
