/** Search across what the reader may see (decision 027): GET /api/search. */
import { z } from 'zod';
import { SEARCH_KINDS, SEARCH_QUERY_MAX } from '../domain/search/search';
import { textLine } from '../domain/text';

export const SearchQuerySchema = z.object({
  q: textLine().trim().min(1).max(SEARCH_QUERY_MAX),
  limit: z.coerce.number().int().min(1).max(50).default(30),
});

/** A piece of found text; `match` is a found word. Plain text: render it, never as HTML. */
const SegmentSchema = z.object({ text: z.string(), match: z.boolean() });

const SearchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid(),
  /** The meeting it belongs to (topics, notes, actions, minutes). */
  meetingId: z.uuid().nullable(),
  /** The development conversation it belongs to, when it does (goals; a conversation's meeting). */
  conversationId: z.uuid().nullable(),
  /** The other person of the pair. */
  with: z.object({ id: z.uuid(), name: z.string() }),
  /** When the meeting was (or the minutes were sent, the goal was set). */
  at: z.string(),
  title: z.array(SegmentSchema).nullable(),
  snippet: z.array(SegmentSchema).nullable(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResponseSchema = z.object({
  items: z.array(SearchResultSchema),
  /** True when there were more matches than `limit`: the reader should narrow the query. */
  more: z.boolean(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
