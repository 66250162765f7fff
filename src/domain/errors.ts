/**
 * Every error a user can see has a code; its text lives in the `errors` catalog under that code
 * and is translated at the edge. The HTTP status is chosen there too (see server/http-errors.ts).
 */
export const ERROR_CODES = [
  'validation',
  'auth.invalid_credentials',
  'auth.rate_limited',
  'auth.locked',
  'auth.slow_down',
  'auth.busy',
  'auth.reset_limited',
  'auth.required',
  'auth.forbidden',
  'auth.csrf',
  'auth.token_invalid',
  'auth.password_too_short',
  'auth.password_too_long',
  'not_found',
  'request.bad_url',
  'request.url_too_long',
  'request.headers_too_large',
  'request.too_large',
  'request.bad_json',
  'request.media_type',
  'request.encoding',
  'request.invalid',
  'conflict',
  'person.email_taken',
  'person.employee_number_taken',
  'person.manager_self',
  'person.manager_cycle',
  'person.manager_not_found',
  'person.manager_inactive',
  'person.department_not_found',
  'person.time_zone_invalid',
  'person.cannot_deactivate_self',
  'person.own_roles',
  'person.admin_only',
  'person.last_admin',
  'privacy.still_active',
  'privacy.already_erased',
  'privacy.confirm_mismatch',
  'account.inactive',
  'account.no_address',
  'audit.export_too_large',
  'mail.already_pending',
  'department.parent_not_found',
  'department.cycle',
  'department.name_taken',
  'department.not_empty',
  'import.invalid',
  'import.empty',
  'import.too_large',
  'import.encoding',
  'oneOnOne.not_your_report',
  'oneOnOne.series_exists',
  'oneOnOne.series_ended',
  'oneOnOne.time_not_exist',
  'oneOnOne.duration_out_of_range',
  'oneOnOne.start_in_past',
  'oneOnOne.template_not_found',
  'oneOnOne.owner_not_in_pair',
  'oneOnOne.meeting_cancelled',
  'oneOnOne.meeting_held',
  'oneOnOne.meeting_not_open',
  'oneOnOne.note_conflict',
  'vault.missing',
  'vault.exists',
  'vault.sealed_required',
  'vault.key_version',
  'vault.seal_stale',
  'oneOnOne.cannot_carry_over',
  'oneOnOne.no_next_meeting',
  'oneOnOne.agenda_mismatch',
  'oneOnOne.point_not_found',
  'oneOnOne.not_held',
  'oneOnOne.finish_not_undoable',
  'idempotency.in_progress',
  'idempotency.key_reused',
  'round.template_not_found',
  'round.template_archived',
  'round.department_not_found',
  'round.manager_not_found',
  'round.nobody_included',
  'round.closed',
  'round.salary_round_not_found',
  'round.salary_first_development_only',
  'conversationTemplate.invalid_file',
  'conversationTemplate.archived',
  'checkIn.closed',
  'checkIn.not_one_on_one',
  'checkIn.employee_answers',
  'taskReview.reviewed',
  'taskReview.draft_exists',
  'taskReview.time_share_total',
  'taskReview.meeting_not_in_series',
  'goals.salary_kept_apart',
  'goals.organisation_goal_not_found',
  'goals.already_judged',
  'signOff.read_only',
  'signOff.not_held',
  'signOff.not_closed',
  'signOff.already_closed',
  'signOff.already_signed',
  'signOff.not_yet_closed',
  'signOff.nothing_changed',
  'signOff.unknown_item',
  'salary.not_salary_conversation',
  'conversation.read_only',
  'conversation.preparation_closed',
  'conversation.already_submitted',
  'conversation.not_booked',
  'conversation.not_held',
  'conversation.follow_up_exists',
  'conversation.not_started',
  'conversation.start_early',
  'conversation.salary_first',
  'conversation.not_your_report',
  'conversation.template_missing',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem: which field, and the catalog key + parameters of the message. */
export type FieldIssue = { path: string; code: string; params?: Record<string, unknown> };

/** The one error type the application throws on purpose. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly issues: FieldIssue[] = [],
    readonly details?: unknown,
    /** The input field the error is about, so a form can show it there. */
    readonly field?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }

  /** An error about one field whose message is the error's own (e.g. an e-mail already taken). */
  static at(field: string, code: ErrorCode, params: Record<string, unknown> = {}): AppError {
    return new AppError(code, params, [], undefined, field);
  }
}

/** Shorthand for a validation error about one field. */
export function fieldError(path: string, code: string, params?: Record<string, unknown>): AppError {
  return new AppError('validation', {}, [{ path, code, ...(params ? { params } : {}) }]);
}
