/**
 * Coaching help for the manager (seeds 000 and 002): a few open questions per standing agenda
 * item, offered while preparing a 1:1. The texts live in the `meetings` catalog under
 * `questionBank.<theme>.<question>`; this module only decides which theme a section is.
 */

/** The themes of the standing agenda items the bank has questions for. */
export const QUESTION_THEMES = [
  'wellbeing',
  'sinceLast',
  'ownTopics',
  'challenges',
  'priorities',
  'plan',
  'support',
  'feedback',
  'motivation',
  'other',
] as const;
export type QuestionTheme = (typeof QUESTION_THEMES)[number];

/** Each theme has these questions, in every language. */
export const QUESTION_KEYS = ['q1', 'q2', 'q3', 'q4', 'q5'] as const;

/** The built-in templates' section keys (templates/*.json) and the theme each one is. */
const BY_SECTION_KEY: Record<string, QuestionTheme> = {
  wellbeing: 'wellbeing',
  since_last: 'sinceLast',
  follow_up: 'sinceLast',
  special: 'ownTopics',
  your_topics: 'ownTopics',
  challenges: 'challenges',
  difficulty: 'challenges',
  priorities: 'priorities',
  time: 'priorities',
  tasks: 'priorities',
  plan: 'plan',
  needs: 'support',
  resources: 'support',
  feedback: 'feedback',
  motivation: 'motivation',
  other: 'other',
};

/**
 * The theme of an agenda section: by its key for the built-in templates, else by what kind of
 * section it is (an organisation's own follow-up or employee section); null when the bank has
 * nothing fitting, so no empty help is shown.
 */
export function questionThemeFor(
  sectionKey: string | null | undefined,
  sectionKind: string | null | undefined,
): QuestionTheme | null {
  if (sectionKey && Object.hasOwn(BY_SECTION_KEY, sectionKey)) return BY_SECTION_KEY[sectionKey]!;
  if (sectionKind === 'follow_up') return 'sinceLast';
  if (sectionKind === 'employee_topics') return 'ownTopics';
  return null;
}
