/** CSV import of people: pure parsing, checking and diffing. The service does the I/O. */
export { type CsvEncoding } from './decode';
export { countBadLines, sortIssues, type RowIssue } from './issues';
export { describeIssues } from './messages';
export {
  planImport,
  type ExistingDepartment,
  type ExistingPerson,
  type ImportCounts,
  type PersonValues,
} from './plan';
export { readImportFile } from './read';
