import { describe, expect, it } from 'vitest';
import { cleanTranslations, localiseOrganisationGoal } from './organisation-goal';

const goal = {
  title: 'Färre fel i leveranserna',
  description: 'Mät och minska felen.',
  translations: {
    da: { title: 'Færre fejl i leverancerne', description: 'Mål og mindsk fejlene.' },
    en: { title: 'Fewer defects in deliveries', description: '' },
    nb: { title: '  ', description: 'Bare en beskrivelse' },
  },
};

describe('organisation goals in the reader’s language', () => {
  it('gives the reader their own language', () => {
    expect(localiseOrganisationGoal(goal, 'da')).toEqual({
      title: 'Færre fejl i leverancerne',
      description: 'Mål og mindsk fejlene.',
    });
  });

  it('falls back to the goal as first written where a language has no title', () => {
    expect(localiseOrganisationGoal(goal, 'nb')).toEqual({
      title: 'Färre fel i leveranserna',
      description: 'Mät och minska felen.',
    });
    expect(localiseOrganisationGoal({ ...goal, translations: null }, 'da').title).toBe(
      'Färre fel i leveranserna',
    );
  });

  it('keeps the first description when a translation has a title only', () => {
    expect(localiseOrganisationGoal(goal, 'en')).toEqual({
      title: 'Fewer defects in deliveries',
      description: 'Mät och minska felen.',
    });
  });

  it('stores only languages with a title, trimmed', () => {
    expect(cleanTranslations(goal.translations)).toEqual({
      da: { title: 'Færre fejl i leverancerne', description: 'Mål og mindsk fejlene.' },
      en: { title: 'Fewer defects in deliveries', description: '' },
    });
  });
});
