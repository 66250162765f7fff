import { sql, type Column, type SQL } from 'drizzle-orm';
import { SEARCH_CONFIGS } from '../../domain/search/search';

/**
 * Full-text search (decision 027). Each searchable text is indexed under all four languages
 * Samtal speaks, one snowball stemmer each, so a query in any of them finds the word in its own
 * forms ("samtal" finds "samtalen", "samtalerne", "samtalene"). The vector is an expression: the
 * GIN indexes below are built on exactly this expression and the search query repeats it, so
 * there is no stored copy of the text to keep, export or erase.
 */

/** A weight of ts_rank: A counts most (titles), D least (long note bodies). */
type Weight = 'A' | 'B' | 'C' | 'D';

/** The tsvector of `text` under every language, weighted; `text` must not be null. */
function searchVector(parts: readonly { text: SQL; weight: Weight }[]): SQL {
  const vectors = SEARCH_CONFIGS.flatMap((config) =>
    parts.map(
      (p) =>
        sql`setweight(to_tsvector(${sql.raw(`'${config}'::regconfig`)}, ${p.text}), ${sql.raw(`'${p.weight}'`)})`,
    ),
  );
  return sql`(${sql.join(vectors, sql` || `)})`;
}

/**
 * The searchable strings of stored decision minutes (jsonb): every decision and each topic's
 * title and notes. to_tsvector on jsonb reads only its string values.
 */
export function minutesSearchText(content: SQL): SQL {
  return sql`((${content} -> 'decisions') || jsonb_path_query_array(${content}, '$.topics[*].title') || jsonb_path_query_array(${content}, '$.topics[*].notes'))`;
}

/* The documents: each schema index and the search query build the same expression from these. */

type Col = SQL | Column;

/** A topic someone added to an agenda (template sections have no title). */
export const topicDocument = (title: Col) =>
  searchVector([{ text: sql`coalesce(${title}, '')`, weight: 'A' }]);

/** A shared note and its decision. */
export const noteDocument = (decision: Col, body: Col) =>
  searchVector([
    { text: sql`${decision}`, weight: 'B' },
    { text: sql`${body}`, weight: 'C' },
  ]);

/** An action. */
export const actionDocument = (title: Col) => searchVector([{ text: sql`${title}`, weight: 'A' }]);

/** Decision minutes as sent. */
export const minutesDocument = (content: Col) =>
  searchVector([{ text: minutesSearchText(sql`${content}`), weight: 'B' }]);

/** A development goal: its title, then what it says and how it went. */
export const goalDocument = (g: {
  title: Col;
  description: Col;
  successMeasure: Col;
  roleExpectation: Col;
  outcomeComment: Col;
}) =>
  searchVector([
    { text: sql`${g.title}`, weight: 'A' },
    {
      text: sql`${g.description} || ' ' || ${g.successMeasure} || ' ' || ${g.roleExpectation} || ' ' || ${g.outcomeComment}`,
      weight: 'C',
    },
  ]);
