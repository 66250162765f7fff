import { parse, type CsvError } from 'csv-parse/sync';
import { AppError } from '../errors';
import type { Role } from '../roles';
import { mapHeader, type HeaderMap, type ImportField } from './columns';
import { decodeCsv, type CsvEncoding } from './decode';
import type { IssueCode, RowIssue } from './issues';
import {
  MAX,
  parseDepartmentPath,
  parseEmail,
  parseLocale,
  parseName,
  parseOptionalText,
  parseRoles,
  parseTimeZone,
  type ImportLocale,
  type Parsed,
} from './values';

/** More data rows than this is refused as too large (the body limit bounds bytes as well). */
const MAX_ROWS = 100_000;

/** One person as the file describes them, values cleaned and checked one by one. */
export type ImportRow = {
  /** The line as a spreadsheet shows it: the header is line 1. */
  line: number;
  employeeNumber: string | null;
  email: string;
  name: string;
  jobTitle: string | null;
  /** Units from the top, or null for "no department". */
  department: string[] | null;
  /** The manager's employee number or e-mail, as written. */
  manager: string | null;
  locale: ImportLocale | null;
  timeZone: string | null;
  roles: Role[];
};

export type ImportFile = {
  encoding: CsvEncoding;
  delimiter: string;
  /** The columns present, with their headers as written. */
  columns: Partial<Record<ImportField, string>>;
  /** Rows whose every cell is valid. */
  rows: ImportRow[];
  /** Employee numbers and e-mails (lower-cased) of rows left out for a bad cell. */
  refsOfBadRows: Set<string>;
  issues: RowIssue[];
};

/** Picks the delimiter from the header line: the most frequent of ; , and tab outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

/**
 * Reads an import file: decodes the bytes, finds the delimiter, maps the header and checks each
 * row's cells. Relations between rows and with stored people are checked later (see plan.ts).
 * Throws import.encoding, import.empty or import.too_large; everything else is an issue.
 */
export function readImportFile(bytes: Uint8Array): ImportFile {
  const decoded = decodeCsv(bytes);
  let text = decoded.text;
  // Excel's "sep=;" hint line: honour it; Excel hides it, so it does not count as a line.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const delimiter = hint?.[1] ?? detectDelimiter(firstLine);

  let records: string[][];
  try {
    // Blank lines stay in as [''], so a record's index is its spreadsheet row.
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    const e = err as CsvError & { records?: number };
    if (typeof e.code !== 'string' || !e.code.startsWith('CSV_')) throw err;
    // The record being read when the error struck is the one after those read before it.
    const line = (e.records ?? 0) + 1;
    return {
      encoding: decoded.encoding,
      delimiter,
      columns: {},
      rows: [],
      refsOfBadRows: new Set(),
      issues: [{ line, code: csvProblem(e.code) }],
    };
  }

  // Excel writes a blank spreadsheet row as a line of separators: blank in every cell.
  const isBlank = (r: string[]) => r.every((c) => c.trim() === '');
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) throw new AppError('import.empty');
  const header = mapHeader(records[headerIndex]!, headerIndex + 1);
  const dataRecords = records.slice(headerIndex + 1);
  const dataCount = dataRecords.reduce((n, r) => (isBlank(r) ? n : n + 1), 0);
  if (dataCount === 0) throw new AppError('import.empty');
  if (dataCount > MAX_ROWS) throw new AppError('import.too_large');

  const file: ImportFile = {
    encoding: decoded.encoding,
    delimiter,
    columns: header.names,
    rows: [],
    refsOfBadRows: new Set(),
    issues: [...header.issues],
  };
  // Without a name or e-mail column no row can be checked: report the header alone.
  if (header.issues.some((i) => i.code === 'header.missing_column')) return file;
  dataRecords.forEach((r, i) => {
    if (isBlank(r)) return;
    readRow(file, header, r, headerIndex + 2 + i);
  });
  return file;
}

/** Which of our messages explains a csv-parse error to a person. */
function csvProblem(code: string): IssueCode {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'csv.quote_not_closed';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'csv.text_after_quote';
  return 'csv.other';
}

function readRow(file: ImportFile, header: HeaderMap, cells: string[], line: number): void {
  const issues: RowIssue[] = [];
  const cell = new Map<ImportField, string>();
  cells.forEach((value, i) => {
    const position = header.positions[i];
    if (position === undefined || position === 'blank') {
      if (value.trim() !== '')
        issues.push({ line, code: 'value_without_header', params: { position: i + 1 } });
    } else if (position !== 'rejected') {
      cell.set(position, value);
    }
  });

  function take<T>(field: ImportField, parse: (raw: string) => Parsed<T>, absent: T): T {
    const raw = cell.get(field);
    if (raw === undefined) return absent;
    const parsed = parse(raw);
    if (parsed.ok) return parsed.value;
    issues.push({
      line,
      column: header.names[field] ?? field,
      code: parsed.code,
      ...(parsed.params ? { params: parsed.params } : {}),
    });
    return absent;
  }

  const row: ImportRow = {
    line,
    employeeNumber: take('employee_number', (s) => parseOptionalText(s, MAX.employeeNumber), null),
    email: take('email', parseEmail, ''),
    name: take('name', parseName, ''),
    jobTitle: take('job_title', (s) => parseOptionalText(s, MAX.jobTitle), null),
    department: take('department', parseDepartmentPath, null),
    manager: take('manager', (s) => parseOptionalText(s, MAX.email), null),
    locale: take('locale', parseLocale, null),
    timeZone: take('time_zone', parseTimeZone, null),
    roles: take('roles', parseRoles, []),
  };
  if (issues.length === 0) {
    file.rows.push(row);
    return;
  }
  file.issues.push(...issues);
  // Other rows may name this one as their manager: do not call that reference unknown too.
  const number = cleanRef(cell.get('employee_number'));
  const email = cleanRef(cell.get('email'))?.toLowerCase();
  if (number) file.refsOfBadRows.add(number);
  if (email) file.refsOfBadRows.add(email);
}

function cleanRef(raw: string | undefined): string | undefined {
  return raw?.normalize('NFC').replace(/\s+/g, ' ').trim() || undefined;
}
