/** Every problem an import file can have; each is a message in the `import` catalog, `row.<code>`. */
export const ISSUE_CODES = [
  'header.unknown_column',
  'header.duplicate_column',
  'header.missing_column',
  'csv.quote_not_closed',
  'csv.text_after_quote',
  'csv.other',
  'value_without_header',
  'too_long',
  'email.required',
  'email.invalid',
  'email.duplicate',
  'email.matched_elsewhere',
  'email.taken',
  'name.required',
  'employee_number.duplicate',
  'employee_number.mismatch',
  'department.empty_unit',
  'manager.not_found',
  'manager.self',
  'manager.inactive',
  'manager.cycle',
  'locale.invalid',
  'time_zone.invalid',
  'roles.invalid',
  'roles.own',
  'roles.admin_only',
  'roles.last_admin',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * A problem with one line of an import file: `params` fill its message; `column` is the header
 * as written in the file.
 */
export type RowIssue = {
  line: number;
  column?: string;
  code: IssueCode;
  params?: Record<string, string | number>;
};

/** Sorts issues by line (header problems first), keeping the order found within a line. */
export function sortIssues(issues: RowIssue[]): RowIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => a.issue.line - b.issue.line || a.i - b.i)
    .map((x) => x.issue);
}

/** How many distinct lines have at least one problem. */
export function countBadLines(issues: RowIssue[]): number {
  return new Set(issues.map((i) => i.line)).size;
}
