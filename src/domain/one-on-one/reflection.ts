/**
 * The manager's reflection after a 1:1 (issue #15): one free text, plus an optional note per
 * agenda topic. Reflections written before that kept three answers per topic (how did it go,
 * why, what to do differently); they stay readable and are kept as they are on every save.
 */

/** One topic of a reflection. `note` is the light form's text; the rest are earlier answers. */
export type ReflectionTopicContent = {
  title: string;
  note: string;
  howItWent: string;
  why: string;
  doDifferently: string;
};

export type ReflectionContent = { topics: ReflectionTopicContent[]; notes: string };

/** A topic as stored or sealed at any time, with every text present (missing ones empty). */
export function normaliseTopic(raw: Partial<ReflectionTopicContent> & { title: string }) {
  return {
    title: raw.title,
    note: raw.note ?? '',
    howItWent: raw.howItWent ?? '',
    why: raw.why ?? '',
    doDifferently: raw.doDifferently ?? '',
  } satisfies ReflectionTopicContent;
}

/** Whether a topic carries answers of the earlier three-question form. */
export function hasEarlierAnswers(t: ReflectionTopicContent): boolean {
  return Boolean(t.howItWent || t.why || t.doDifferently);
}

/** Whether a topic has anything written in it. */
function isWritten(t: ReflectionTopicContent): boolean {
  return Boolean(t.note.trim()) || hasEarlierAnswers(t);
}

/** What is saved: the free text and only the topics with something written in them. */
export function reflectionToSave(
  topics: ReflectionTopicContent[],
  notes: string,
): ReflectionContent {
  return { topics: topics.filter(isWritten), notes };
}

/** Whether two reflections say the same (an autosave of the same content writes nothing). */
export function sameReflection(a: ReflectionContent, b: ReflectionContent): boolean {
  if (a.notes !== b.notes || a.topics.length !== b.topics.length) return false;
  return a.topics.every((x, i) => {
    const y = b.topics[i]!;
    return (
      x.title === y.title &&
      x.note === y.note &&
      x.howItWent === y.howItWent &&
      x.why === y.why &&
      x.doDifferently === y.doDifferently
    );
  });
}

/** The rows to show: the agenda's titles with what was saved for them, then saved rows no
 * longer on the agenda (so nothing written earlier disappears). */
export function reflectionRows(
  agendaTitles: string[],
  saved: ReflectionTopicContent[],
): ReflectionTopicContent[] {
  const byTitle = new Map(saved.map((x) => [x.title, x]));
  const titles = [...new Set(agendaTitles)];
  const rows = titles.map((title) => byTitle.get(title) ?? normaliseTopic({ title }));
  const onAgenda = new Set(titles);
  return [...rows, ...saved.filter((x) => !onAgenda.has(x.title))];
}

/** A short line for the list of reflections: the free text, else the first topic note, else
 * an earlier "what to do differently". */
export function reflectionPreview(r: ReflectionContent, max = 200): string {
  const text =
    r.notes.trim() ||
    r.topics.find((x) => x.note.trim())?.note ||
    r.topics.find((x) => x.doDifferently)?.doDifferently ||
    '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
