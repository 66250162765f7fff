/**
 * What erasing a person does to every table (decision 024). Every table of the schema is here,
 * and every column that refers to a person is named with what happens to rows where it is the
 * erased person; a test reads the database catalogue and fails when a table or such a column
 * is missing, so a new table cannot forget erasure.
 *
 * - `delete`: rows where the column is the person go (their own things: sessions, private
 *   notes, reflections, mails to them).
 * - `keep`: the id stays and now points at the pseudonymised person row ("former employee"):
 *   shared history the other party keeps.
 * - `null`: the reference is cleared.
 *
 * `scrub` lists the free-text and JSON columns of rows that stay, where the person's name and
 * e-mail address are replaced by "former employee" (minutes name the pair, mails name the
 * other party, shared notes may name them). `reach` says which rows are scrubbed (see
 * ScrubReach): the person's own pairs' records, or, for the outbox and stored answers, every
 * row of the organisation.
 *
 * `special` marks tables the erasure handles by hand (in erasure.repository.ts): the person
 * row itself, the append-only audit log, the sign-in throttle keyed by e-mail, and live
 * documents of the person's meetings (binary, rebuilt from the shared notes when opened).
 */
type ColumnRule = 'delete' | 'keep' | 'null';

/**
 * Which rows of a table the scrub reads (decision 024). Reading every text of the organisation
 * for every erased person took minutes at 50,000 people, so the scrub reads what can name them
 * for a reason: the records of their own pairs (found through indexes), plus the outbox and
 * stored answers, organisation-wide.
 *
 * - `organisation`: every row of the organisation.
 * - `pair`: rows whose `manager_id` or `employee_id` is the person.
 * - `{ via }`: rows whose column points at a row of `parent` in the person's reach (the
 *   parent's own reach, `pair` for a parent without one); several are alternatives.
 */
type ScrubReach = 'organisation' | 'pair' | { via: readonly { column: string; parent: string }[] };

export type TableErasure = {
  personColumns: Record<string, ColumnRule>;
  special?: 'person-row' | 'audit' | 'login-attempts' | 'meeting-docs';
  /** Why, in a sentence (for the decision and the reviewer). */
  why: string;
} & ({ scrub?: undefined; reach?: undefined } | { scrub: readonly string[]; reach: ScrubReach });

const viaMeeting: ScrubReach = { via: [{ column: 'meeting_id', parent: 'one_on_one_meetings' }] };

export const ERASURE_MAP: Record<string, TableErasure> = {
  organisations: { personColumns: {}, why: 'The tenant; no person in it.' },
  departments: { personColumns: {}, why: 'Units; no person in them.' },
  people: {
    personColumns: { id: 'keep', manager_id: 'null' },
    special: 'person-row',
    why: 'The row stays as "former employee" so shared history keeps its other party; every personal field is cleared, reports lose them as manager.',
  },
  sessions: { personColumns: { person_id: 'delete' }, why: 'Their sign-ins.' },
  login_attempts: {
    personColumns: {},
    special: 'login-attempts',
    why: 'Throttle keys carry the e-mail address: those keys go.',
  },
  password_tokens: {
    personColumns: { person_id: 'delete', created_by: 'null' },
    why: 'Their links go; links they made for others forget who made them.',
  },
  instance_secrets: { personColumns: {}, why: 'Installation secrets; no person.' },
  audit_events: {
    personColumns: { actor_id: 'keep', subject_id: 'keep' },
    special: 'audit',
    why: 'Append-only: entries stay (who/whom now point at "former employee"), their client addresses are cleared.',
  },
  one_on_one_templates: {
    personColumns: { created_by: 'keep' },
    why: 'Organisation templates.',
  },
  one_on_one_series: {
    personColumns: { manager_id: 'keep', employee_id: 'keep' },
    scrub: ['place_detail', 'end_reason'],
    reach: 'pair',
    why: 'The other party keeps the series.',
  },
  one_on_one_meetings: {
    personColumns: {
      manager_id: 'keep',
      employee_id: 'keep',
      status_changed_by: 'keep',
      started_by: 'keep',
    },
    scrub: ['place_detail', 'status_reason'],
    reach: 'pair',
    why: 'The other party keeps the meeting history.',
  },
  one_on_one_points: {
    personColumns: { author_id: 'keep' },
    scrub: ['title'],
    reach: viaMeeting,
    why: 'Shared agenda the other party keeps.',
  },
  one_on_one_notes: {
    personColumns: { updated_by: 'keep' },
    scrub: ['body', 'decision'],
    reach: viaMeeting,
    why: 'Shared notes the other party keeps.',
  },
  one_on_one_note_revisions: {
    personColumns: { saved_by: 'keep' },
    scrub: ['body', 'decision'],
    reach: { via: [{ column: 'note_id', parent: 'one_on_one_notes' }] },
    why: 'Earlier versions of shared notes.',
  },
  one_on_one_private_notes: {
    personColumns: { author_id: 'delete' },
    why: 'Only their author ever reads them.',
  },
  one_on_one_actions: {
    personColumns: {
      manager_id: 'keep',
      employee_id: 'keep',
      owner_id: 'keep',
      created_by: 'keep',
    },
    scrub: ['title'],
    reach: viaMeeting,
    why: 'Agreed actions the other party keeps.',
  },
  one_on_one_minutes: {
    personColumns: { manager_id: 'keep', employee_id: 'keep' },
    scrub: ['content'],
    reach: viaMeeting,
    why: 'Minutes the other party keeps; they name the pair.',
  },
  one_on_one_reflections: {
    personColumns: { author_id: 'delete' },
    why: 'Private to their author.',
  },
  one_on_one_motivation: {
    personColumns: { employee_id: 'keep' },
    why: 'A score per 1:1 the pair follows together (no free text); the other party keeps it.',
  },
  one_on_one_reminders: {
    personColumns: { author_id: 'delete' },
    why: 'A manager’s own sealed reminders for a 1:1; only their author ever reads them.',
  },
  vault_passkeys: {
    personColumns: { person_id: 'delete' },
    why: 'Their passkeys for the vault (decision 018): wrapped keys that open nothing without them.',
  },
  person_vaults: {
    personColumns: { person_id: 'delete' },
    why: 'Their wrapped key (decision 018): with their sealed notes gone, it opens nothing.',
  },
  mail_outbox: {
    personColumns: { recipient_id: 'delete' },
    scrub: ['to_address', 'subject', 'text_body', 'html_body', 'calendar', 'last_error'],
    reach: 'organisation',
    why: 'Mails to them go; mails to others that name them are scrubbed.',
  },
  notification_settings: { personColumns: { person_id: 'delete' }, why: 'Their choices.' },
  notifications: {
    personColumns: { person_id: 'delete', actor_id: 'keep' },
    why: "Their notifications go; in others' the actor is the pseudonymised person (no text is stored).",
  },
  calendar_feeds: { personColumns: { person_id: 'delete' }, why: 'Their feed.' },
  check_ins: {
    personColumns: { manager_id: 'keep', employee_id: 'keep', answered_by: 'keep' },
    scrub: ['comment'],
    reach: viaMeeting,
    why: 'Scores stay for the fixed statistics and the other party; comments are scrubbed.',
  },
  task_reviews: {
    personColumns: { manager_id: 'keep', employee_id: 'keep', created_by: 'keep' },
    why: 'Shared with the other party.',
  },
  task_review_items: {
    personColumns: {},
    scrub: ['title', 'support'],
    reach: { via: [{ column: 'review_id', parent: 'task_reviews' }] },
    why: 'Shared with the other party.',
  },
  coaching_dismissals: {
    personColumns: { manager_id: 'delete' },
    why: 'A manager’s private coaching state (rows about them as report go too, by subject key).',
  },
  conversation_templates: { personColumns: { created_by: 'keep' }, why: 'Organisation templates.' },
  conversation_template_versions: {
    personColumns: { created_by: 'keep' },
    why: 'Organisation templates.',
  },
  conversation_rounds: { personColumns: { created_by: 'keep' }, why: 'HR rounds.' },
  conversations: {
    personColumns: { employee_id: 'keep', manager_id: 'keep' },
    why: 'The other party keeps the conversation.',
  },
  conversation_preparations: {
    personColumns: { author_id: 'delete' },
    why: 'Their own written preparation; the agreement (versions) keeps what was agreed.',
  },
  organisation_goals: { personColumns: { created_by: 'keep' }, why: 'Organisation goals.' },
  development_goals: {
    personColumns: {
      employee_id: 'keep',
      manager_id: 'keep',
      created_by: 'keep',
      outcome_set_by: 'keep',
    },
    scrub: ['title', 'description', 'success_measure', 'role_expectation', 'outcome_comment'],
    reach: 'pair',
    why: 'Goals the other party keeps.',
  },
  development_plan_items: {
    personColumns: { employee_id: 'keep', manager_id: 'keep', created_by: 'keep' },
    scrub: ['competence', 'activity_detail', 'support'],
    reach: 'pair',
    why: 'Plans the other party keeps.',
  },
  development_goal_steps: {
    personColumns: { created_by: 'keep', done_by: 'keep' },
    scrub: ['title'],
    reach: { via: [{ column: 'goal_id', parent: 'development_goals' }] },
    why: 'Steps of goals the other party keeps.',
  },
  development_progress_notes: {
    personColumns: { author_id: 'keep' },
    scrub: ['body'],
    reach: {
      via: [
        { column: 'goal_id', parent: 'development_goals' },
        { column: 'plan_item_id', parent: 'development_plan_items' },
      ],
    },
    why: 'Progress notes the other party keeps.',
  },
  conversation_versions: {
    personColumns: { created_by: 'keep', acknowledged_by: 'keep' },
    scrub: ['content', 'summary', 'acknowledgement_comment', 'changes'],
    reach: { via: [{ column: 'conversation_id', parent: 'conversations' }] },
    why: 'The signed agreement, kept for the other party.',
  },
  salary_outcomes: {
    personColumns: { employee_id: 'keep', manager_id: 'keep', recorded_by: 'keep' },
    scrub: ['criteria', 'comment'],
    reach: 'pair',
    why: 'Salary decisions may be kept by law (bookkeeping); no name stays with them.',
  },
  statistics_wellbeing_periods: { personColumns: {}, why: 'Aggregates (k ≥ 5).' },
  statistics_wellbeing_groups: { personColumns: {}, why: 'Aggregates (k ≥ 5).' },
  statistics_refreshes: { personColumns: {}, why: 'Bookkeeping of the rollup.' },
  statistics_groups: { personColumns: {}, why: 'Aggregate counts.' },
  statistics_round_groups: { personColumns: {}, why: 'Aggregate counts.' },
  statistics_pair_quarters: {
    personColumns: { employee_id: 'keep', manager_id: 'keep' },
    why: 'Counts of 1:1s per pair and quarter (no content), like the 1:1s they count, which stay.',
  },
  statistics_pair_periods: { personColumns: {}, why: 'Bookkeeping of the rollup.' },
  statistics_touches: { personColumns: {}, why: 'Which quarters changed; no person.' },
  meeting_docs: {
    personColumns: {},
    special: 'meeting-docs',
    why: 'Live documents of their meetings (binary) go; the shared notes hold the text.',
  },
  meeting_doc_updates: {
    personColumns: { author_id: 'keep' },
    special: 'meeting-docs',
    why: 'Go with their document.',
  },
  idempotency_keys: {
    personColumns: { person_id: 'delete' },
    scrub: ['body'],
    reach: 'organisation',
    why: 'Stored answers to their requests go; others’ are scrubbed.',
  },
  retention_settings: { personColumns: { updated_by: 'keep' }, why: 'Organisation settings.' },
  identity_providers: {
    personColumns: { created_by: 'null' },
    why: 'Organisation settings (decision 019); forget which administrator added it.',
  },
  sso_identities: {
    personColumns: { person_id: 'delete' },
    why: 'Their link to an identity provider account (the provider subject) goes.',
  },
  sso_transactions: {
    personColumns: { test_by: 'delete' },
    why: 'Test sign-ins they started (ten minutes at most) go.',
  },
  access_requests: {
    personColumns: { person_id: 'delete', requested_by: 'keep' },
    why: 'Their requests go, with any mailed download link (its hash, masked address and expiry): the link stops working; requests HR made for others stay.',
  },
  scim_tokens: {
    personColumns: { created_by: 'null', revoked_by: 'null' },
    why: 'Provisioning tokens forget which administrator made or revoked them.',
  },
  scim_identities: {
    personColumns: { person_id: 'delete' },
    why: 'What the identity provider knew them by (its id, user name, name parts) goes.',
  },
  scim_settings: { personColumns: { updated_by: 'keep' }, why: 'Organisation settings.' },
};

/** Column names that refer to a person, as the catalogue test recognises them. */
export function looksLikePersonColumn(name: string): boolean {
  return (
    /^(person|manager|employee|author|actor|recipient|owner|subject|requested_by)_id$/.test(name) ||
    /_by$/.test(name)
  );
}
