import { describe, expect, it } from 'vitest';
import { applyCorrection, latestVersionNumber, type Agreement } from './versions';

const G = '00000000-0000-4000-8000-000000000001';
const P = '00000000-0000-4000-8000-000000000002';
const R = '00000000-0000-4000-8000-000000000003';

const agreement: Agreement = {
  format: 1,
  conversationId: '00000000-0000-4000-8000-0000000000aa',
  kind: 'development',
  roundName: 'MUS 2027',
  heldAt: null,
  employee: { id: '00000000-0000-4000-8000-0000000000e1', name: 'Eva' },
  manager: { id: '00000000-0000-4000-8000-0000000000e2', name: 'Mads' },
  sections: [{ key: 'now', title: { da: 'Nu' }, notes: 'Trives godt', decision: '' }],
  reviewedGoals: [{ id: R, title: 'Old', outcome: 'partly', comment: '' }],
  goals: [
    {
      id: G,
      title: 'Lær at lede møder',
      description: '',
      successMeasure: '',
      dueDate: '2027-06-30',
      roleExpectation: '',
      organisationGoal: null,
    },
  ],
  plan: [
    {
      id: P,
      competence: 'Facilitering',
      activity: 'course',
      activityDetail: '',
      support: '',
      dueDate: null,
    },
  ],
  actions: [],
};

const base = { summary: 'Fix', sections: [], reviewedGoals: [], goals: [], plan: [] };

describe('corrections', () => {
  it('changes only what is given and lists the paths that changed', () => {
    const r = applyCorrection(agreement, {
      ...base,
      goals: [{ id: G, title: 'Lær at lede møder', dueDate: '2027-09-30' }],
      sections: [{ key: 'now', notes: 'Trives rigtig godt' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changes).toEqual(['sections.now.notes', 'goals.' + G + '.dueDate']);
    expect(r.agreement.goals[0]!.dueDate).toBe('2027-09-30');
    expect(r.agreement.sections[0]!.notes).toBe('Trives rigtig godt');
    // The earlier version is untouched: it stays readable as it was.
    expect(agreement.goals[0]!.dueDate).toBe('2027-06-30');
    expect(agreement.sections[0]!.notes).toBe('Trives godt');
  });

  it('refuses a correction that changes nothing', () => {
    expect(applyCorrection(agreement, { ...base, plan: [{ id: P, activity: 'course' }] })).toEqual({
      ok: false,
      reason: 'signOff.nothing_changed',
    });
  });

  it('refuses items that are not in the agreement', () => {
    expect(applyCorrection(agreement, { ...base, sections: [{ key: 'x', notes: 'y' }] })).toEqual({
      ok: false,
      reason: 'signOff.unknown_item',
      path: 'sections.x',
    });
  });

  it('records a changed outcome of an earlier goal', () => {
    const r = applyCorrection(agreement, {
      ...base,
      reviewedGoals: [{ id: R, outcome: 'achieved', comment: 'Done after all' }],
    });
    expect(r.ok && r.changes).toEqual([`reviewedGoals.${R}.outcome`, `reviewedGoals.${R}.comment`]);
  });

  it('finds the newest version', () => {
    expect(latestVersionNumber([])).toBeNull();
    expect(latestVersionNumber([{ version: 1 }, { version: 3 }, { version: 2 }])).toBe(3);
  });
});
