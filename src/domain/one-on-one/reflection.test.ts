import { describe, expect, it } from 'vitest';
import {
  normaliseTopic,
  reflectionPreview,
  reflectionRows,
  reflectionToSave,
  sameReflection,
} from './reflection';

describe('the light reflection', () => {
  it('reads reflections of the earlier three-question form and keeps their answers', () => {
    const old = normaliseTopic({
      title: 'Hur mår du?',
      howItWent: 'Bra',
      why: '',
      doDifferently: 'Fråga mer',
    });
    expect(old.note).toBe('');
    const rows = reflectionRows(['Hur mår du?', 'Plan'], [old]);
    expect(rows.map((x) => x.title)).toEqual(['Hur mår du?', 'Plan']);
    expect(rows[0]!.howItWent).toBe('Bra');
    // Saved with a new note, the old answers stay.
    const saved = reflectionToSave([{ ...rows[0]!, note: 'Kort' }, rows[1]!], 'Fritext');
    expect(saved.topics).toEqual([{ ...old, note: 'Kort' }]);
  });

  it('keeps saved topics that are no longer on the agenda', () => {
    const rows = reflectionRows(['A'], [normaliseTopic({ title: 'Gone', note: 'x' })]);
    expect(rows.map((x) => x.title)).toEqual(['A', 'Gone']);
  });

  it('saves only the free text and the topics with something written', () => {
    const s = reflectionToSave(
      [normaliseTopic({ title: 'A', note: '  ' }), normaliseTopic({ title: 'B', note: 'b' })],
      'free',
    );
    expect(s).toEqual({ notes: 'free', topics: [normaliseTopic({ title: 'B', note: 'b' })] });
  });

  it('tells the same content from a change, so an autosave of the same text writes nothing', () => {
    const a = reflectionToSave([normaliseTopic({ title: 'A', note: 'a' })], 'n');
    expect(sameReflection(a, structuredClone(a))).toBe(true);
    expect(sameReflection(a, { ...a, notes: 'm' })).toBe(false);
    expect(sameReflection(a, { ...a, topics: [{ ...a.topics[0]!, note: 'b' }] })).toBe(false);
    expect(sameReflection(a, { ...a, topics: [] })).toBe(false);
  });

  it('previews the free text first, then a topic note, then an earlier lesson', () => {
    expect(reflectionPreview({ notes: 'Fri', topics: [] })).toBe('Fri');
    expect(
      reflectionPreview({
        notes: '',
        topics: [normaliseTopic({ title: 'A', doDifferently: 'D' })],
      }),
    ).toBe('D');
    expect(reflectionPreview({ notes: 'x'.repeat(300), topics: [] })).toHaveLength(200);
  });
});
