import { describe, expect, it } from 'vitest';
import { dueStage, RoundInputSchema, roundDateIssues } from './round';

describe('round input', () => {
  const base = {
    kind: 'development',
    templateId: '00000000-0000-4000-8000-000000000001',
    name: 'MUS 2027',
    periodStart: '2027-01-10',
    periodEnd: '2027-03-31',
    deadline: '2027-03-15',
  };

  it('defaults sub-units in and a manager’s direct reports only', () => {
    const d = RoundInputSchema.parse({
      ...base,
      scope: { type: 'department', departmentId: base.templateId },
    });
    expect(d.scope).toEqual({
      type: 'department',
      departmentId: base.templateId,
      includeSubunits: true,
    });
    const m = RoundInputSchema.parse({
      ...base,
      scope: { type: 'manager', managerId: base.templateId },
    });
    expect(m.scope).toMatchObject({ wholeOrganisation: false });
  });

  it('rejects an unknown scope type', () => {
    const r = RoundInputSchema.safeParse({ ...base, scope: { type: 'team' } });
    expect(r.error?.issues[0]?.path).toEqual(['scope', 'type']);
  });

  it('wants the period forwards and the deadline inside it', () => {
    expect(roundDateIssues(base)).toEqual([]);
    expect(roundDateIssues({ ...base, periodEnd: '2027-01-01' }).map((i) => i.path)).toEqual([
      'periodEnd',
      'deadline',
    ]);
    expect(roundDateIssues({ ...base, deadline: '2027-04-01' })[0]?.code).toBe('within_period');
  });
});

describe('reminder stages', () => {
  it('asks to book two weeks ahead and to hold three days ahead, nothing after', () => {
    expect(dueStage('2027-03-15', '2027-02-28')).toBeNull();
    expect(dueStage('2027-03-15', '2027-03-01')).toBe('book');
    expect(dueStage('2027-03-15', '2027-03-12')).toBe('hold');
    expect(dueStage('2027-03-15', '2027-03-15')).toBe('hold');
    expect(dueStage('2027-03-15', '2027-03-16')).toBeNull();
  });
});
