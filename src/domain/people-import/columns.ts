import type { RowIssue } from './issues';

/** The columns an import file may have, by their English name. */
const IMPORT_FIELDS = [
  'employee_number',
  'email',
  'name',
  'job_title',
  'department',
  'manager',
  'locale',
  'time_zone',
  'roles',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Columns without which no row can be read. */
const REQUIRED_FIELDS: readonly ImportField[] = ['email', 'name'];

/**
 * Header names we accept for each column, in normalised form (see normaliseHeader): English,
 * Swedish, Danish and Norwegian, as HR systems and people tend to write them.
 */
const ALIASES: Record<ImportField, readonly string[]> = {
  employee_number: [
    'employeenumber',
    'employeeno',
    'employeeid',
    'empno',
    'anställningsnummer',
    'anställningsnr',
    'anstnr',
    'personalnummer',
    'medarbetarnummer',
    'medarbejdernummer',
    'medarbejdernr',
    'lønnummer',
    'ansattnummer',
    'ansattnr',
    'tilsettnummer',
  ],
  email: [
    'email',
    'emailaddress',
    'mail',
    'epost',
    'epostadress',
    'epostadresse',
    'emailadresse',
    'mailadress',
    'mailadresse',
  ],
  name: ['name', 'fullname', 'namn', 'fulltnamn', 'navn', 'fuldtnavn', 'fulltnavn'],
  job_title: [
    'jobtitle',
    'title',
    'befattning',
    'titel',
    'tittel',
    'yrkestitel',
    'stilling',
    'stillingsbetegnelse',
    'stillingstittel',
  ],
  department: [
    'department',
    'avdelning',
    'afdeling',
    'avdeling',
    'enhet',
    'enhed',
    'organisationsenhet',
    'organisasjonsenhet',
  ],
  manager: [
    'manager',
    'linemanager',
    'chef',
    'närmastechef',
    'leder',
    'nærmesteleder',
    'leiar',
    'nærmasteleiar',
  ],
  locale: ['locale', 'language', 'språk', 'sprog'],
  time_zone: ['timezone', 'tz', 'tidszon', 'tidszone', 'tidssone'],
  roles: ['roles', 'role', 'roller', 'roll', 'rolle'],
};

const BY_ALIAS = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((f) => ALIASES[f].map((a) => [a, f] as const)),
);

/** Case, spaces, hyphens, underscores and dots do not matter: "E-post" = "epost". */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[\s_.\-–]+/g, '');
}

/** Which column a header names, or undefined when we do not know it. */
export function fieldForHeader(header: string): ImportField | undefined {
  return BY_ALIAS.get(normaliseHeader(header));
}

export type HeaderMap = {
  /**
   * For each position in the file, the column it holds; 'blank' for a column without a header,
   * 'rejected' for an unknown or repeated one (already reported on the header line).
   */
  positions: (ImportField | 'blank' | 'rejected')[];
  /** The header as written in the file, for each column present. */
  names: Partial<Record<ImportField, string>>;
  issues: RowIssue[];
};

/**
 * Reads the header row. Unknown and repeated columns are errors (a typo must not silently drop
 * a column), as is a missing required column. Blank header cells are allowed (Excel writes
 * trailing separators); values under them are reported by the row reader.
 */
export function mapHeader(cells: string[], line: number): HeaderMap {
  const positions: HeaderMap['positions'] = [];
  const names: Partial<Record<ImportField, string>> = {};
  const issues: RowIssue[] = [];
  for (const raw of cells) {
    const header = raw.trim();
    if (header === '') {
      positions.push('blank');
      continue;
    }
    const field = fieldForHeader(header);
    if (!field) {
      issues.push({
        line,
        column: header,
        code: 'header.unknown_column',
        params: { column: header },
      });
      positions.push('rejected');
    } else if (names[field] !== undefined) {
      issues.push({
        line,
        column: header,
        code: 'header.duplicate_column',
        params: { column: header, first: names[field] },
      });
      positions.push('rejected');
    } else {
      names[field] = header;
      positions.push(field);
    }
  }
  for (const field of REQUIRED_FIELDS) {
    if (names[field] === undefined)
      issues.push({ line, code: 'header.missing_column', params: { column: field } });
  }
  return { positions, names, issues };
}
