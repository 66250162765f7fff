/**
 * Search across what a person may read (decision 027): which language a query is read in, how
 * found words travel to the browser, and how often one person may search.
 */

/** What search finds, in the order the results page groups them. */
export const SEARCH_KINDS = ['topic', 'note', 'action', 'minutes', 'goal', 'preparation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The longest query accepted. */
export const SEARCH_QUERY_MAX = 200;

/** PostgreSQL's snowball configurations of the languages Samtal speaks. */
export const SEARCH_CONFIGS = ['swedish', 'danish', 'norwegian', 'english'] as const;
export type SearchConfig = (typeof SEARCH_CONFIGS)[number];

/** PostgreSQL's snowball configuration for each language Samtal speaks. */
const CONFIG_OF: Record<string, SearchConfig> = {
  sv: 'swedish',
  da: 'danish',
  nb: 'norwegian',
  en: 'english',
};

/** The text search configuration of a locale; an unknown one falls back to English. */
export function searchConfigFor(locale: string | null | undefined): SearchConfig {
  return CONFIG_OF[locale ?? ''] ?? 'english';
}

/**
 * The languages a query is read in: the reader's own first, then the organisation's, in which
 * most of what is written there is written. Both when they differ.
 */
export function queryConfigs(readerLocale: string, orgLocale: string | null): SearchConfig[] {
  return [...new Set([searchConfigFor(readerLocale), searchConfigFor(orgLocale ?? readerLocale)])];
}

/** A piece of a found text; `match` marks a found word. Text only: never HTML. */
export type Segment = { text: string; match: boolean };

const OPEN = String.fromCharCode(1);
const CLOSE = String.fromCharCode(2);

/**
 * Splits ts_headline's output, in which chr(1)…chr(2) surround each found word, into plain
 * segments the browser renders as text (a found word in a <mark>), so no stored text is ever
 * handed to the browser as markup.
 */
export function segmentsOf(marked: string): Segment[] {
  const out: Segment[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) {
      const last = out[out.length - 1];
      if (last && last.match === match) last.text += text;
      else out.push({ text, match });
    }
    text = '';
  };
  for (const ch of marked) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      match = ch === OPEN;
    } else text += ch;
  }
  flush();
  return out;
}

/** How many searches one person may make in a window. */
const SEARCH_RATE = { perWindow: 30, windowSeconds: 60 } as const;

/**
 * A sliding count of one person's recent searches: the times of those within the window.
 * Returns null when another search may go ahead now (and records it), or the seconds to wait.
 */
export function takeSearch(
  times: number[],
  now: number,
  rate: { perWindow: number; windowSeconds: number } = SEARCH_RATE,
): number | null {
  const since = now - rate.windowSeconds * 1000;
  while (times.length > 0 && times[0]! <= since) times.shift();
  if (times.length >= rate.perWindow) return Math.max(1, Math.ceil((times[0]! - since) / 1000));
  times.push(now);
  return null;
}
