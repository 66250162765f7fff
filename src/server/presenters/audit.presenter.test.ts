import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '../../domain/audit';
import { LOCALES } from '../../i18n/index';
import { translator } from '../i18n';
import type { AuditRow } from '../repositories/audit.repository';
import { auditCsv, presentAuditEvent } from './audit.presenter';

const row = (over: Partial<AuditRow> = {}): AuditRow => ({
  id: '7f1c2a56-4d1e-4a52-9a56-3b1f3c0c2d10',
  at: new Date('2026-03-02T08:15:00Z'),
  at_key: '2026-03-02 08:15:00.123456+00',
  action: 'role.granted',
  actor_id: '0b7e4a9f-2f0c-4c8e-8a3c-7f9b2a1c5d11',
  actor_name: '=HYPERLINK("http://evil.test","Hanna")',
  subject_type: 'person',
  subject_id: '5c0a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a22',
  subject_name: 'Ann',
  ip: '192.0.2.1',
  details: { role: 'salary', note: 'never shown', fields: ['email'] },
  ...over,
});

describe('audit events for the admin', () => {
  it('have a label for every kind in every language', async () => {
    for (const lng of LOCALES) {
      const t = await translator(lng);
      for (const kind of AUDIT_KINDS) {
        const key = `audit:kind.${kind}`;
        expect(t(key), `${lng} ${kind}`).not.toMatch(/kind\./);
      }
    }
  });

  it('pass on only the known detail keys (never free text)', () => {
    expect(presentAuditEvent(row()).details).toEqual({ role: 'salary', fields: ['email'] });
  });

  it('export as CSV with translated headers and no cell a spreadsheet would run', async () => {
    const csv = auditCsv([row()], await translator('da'));
    const [header, line] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(';')[1]).toBe('Hændelse');
    expect(line).toContain('Rolle tildelt;role.granted;');
    expect(line).toContain(`"'=HYPERLINK(""http://evil.test"",""Hanna"")"`);
  });
});
