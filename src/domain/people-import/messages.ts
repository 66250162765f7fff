import type { RowIssue } from './issues';

/** The shape of i18next's `t`, so this module needs no i18n at run time. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** An issue as the API and the CLI show it: with its message in the reader's language. */
export type DescribedIssue = { line: number; column?: string; code: string; message: string };

/** Puts the message (from the `import` catalog, `row.<code>`) on each issue. */
export function describeIssues(issues: RowIssue[], t: Translate): DescribedIssue[] {
  return issues.map((i) => ({
    line: i.line,
    ...(i.column !== undefined ? { column: i.column } : {}),
    code: i.code,
    message: t(`import:row.${i.code}`, { column: i.column ?? '', ...i.params }),
  }));
}
