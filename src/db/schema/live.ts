import {
  bigint,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOnOneMeetings } from './one-on-one';
import { createdAt, orgId, ts, updatedAt } from './columns';

/** Binary column (Yjs updates and snapshots). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => new Uint8Array(v),
});

/**
 * The shared-notes document of a meeting (Yjs, decision 020): a compacted snapshot of every
 * update up to `uptoId`. Later updates are rows of meeting_doc_updates. The plain text of each
 * note is derived into one_on_one_notes, which minutes, PDFs and search read.
 */
export const meetingDocs = pgTable(
  'meeting_docs',
  {
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    state: bytea('state').notNull(),
    uptoId: bigint('upto_id', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.meetingId] }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [oneOnOneMeetings.orgId, oneOnOneMeetings.id],
      name: 'meeting_docs_meeting_fk',
    }),
  ],
);

/** Each Yjs update received for a meeting's document, until compacted into meeting_docs. */
export const meetingDocUpdates = pgTable(
  'meeting_doc_updates',
  {
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    update: bytea('update').notNull(),
    authorId: uuid('author_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.meetingId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.meetingId],
      foreignColumns: [meetingDocs.orgId, meetingDocs.meetingId],
      name: 'meeting_doc_updates_doc_fk',
    }).onDelete('cascade'),
  ],
);

/**
 * The answer to a write sent with an Idempotency-Key (offline replays, retries): a repeat of
 * the same key by the same person gets the stored answer instead of a second write.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: orgId(),
    personId: uuid('person_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** Null while the first request is still running. */
    status: integer('status'),
    body: jsonb('body'),
    createdAt: createdAt(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
