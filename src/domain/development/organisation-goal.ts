/**
 * An organisation goal in several languages. HR writes the goal once (`title`, `description`,
 * usually in the organisation's language) and may give it in each other language; a reader
 * gets their own language where it has a title, else the goal as first written.
 */
export type OrganisationGoalText = { title: string; description: string };
export type OrganisationGoalTranslations = Partial<Record<string, OrganisationGoalText>>;

/** The goal's title and description in `locale`, falling back to the goal as first written. */
export function localiseOrganisationGoal(
  goal: OrganisationGoalText & { translations: OrganisationGoalTranslations | null },
  locale: string,
): OrganisationGoalText {
  const own = goal.translations?.[locale];
  if (!own || !own.title.trim()) return { title: goal.title, description: goal.description };
  // A translated title without its own description still explains the goal.
  return { title: own.title, description: own.description.trim() || goal.description };
}

/** Keeps only languages with a title, trimmed: an empty translation is no translation. */
export function cleanTranslations(
  translations: OrganisationGoalTranslations,
): OrganisationGoalTranslations {
  const out: OrganisationGoalTranslations = {};
  for (const [locale, text] of Object.entries(translations)) {
    if (text && text.title.trim())
      out[locale] = { title: text.title.trim(), description: text.description.trim() };
  }
  return out;
}
