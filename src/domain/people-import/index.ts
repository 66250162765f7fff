/** CSV import of people: pure parsing, checking and diffing. The service does the I/O. */
export { IMPORT_FIELDS, fieldForHeader, type ImportField } from './columns';
export { decodeCsv, type CsvEncoding } from './decode';
export { ISSUE_CODES, countBadLines, sortIssues, type IssueCode, type RowIssue } from './issues';
export { describeIssues, type DescribedIssue, type Translate } from './messages';
export {
  planImport,
  type ExistingDepartment,
  type ExistingPerson,
  type ImportCounts,
  type ImportPlan,
  type PersonValues,
  type PlanResult,
} from './plan';
export { MAX_ROWS, readImportFile, type ImportFile, type ImportRow } from './read';
