import { stringify } from 'csv-stringify/sync';

/** A cell value as Samtal writes it; null and undefined become an empty cell. */
export type CsvCell = string | number | null | undefined;

// A plain number as Intl writes it in sv/da/nb/en ("-3", "1 234,5", "12.5%") is data, not a
// formula; anything else that a spreadsheet would start evaluating is neutralised.
const PLAIN_NUMBER = /^[-+]?\d[\d\s\u00a0\u202f.,]*%?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell that a spreadsheet would read as a formula (OWASP "CSV injection"):
 * a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * Every CSV Samtal writes goes through here: csv-stringify does the quoting, each text cell is
 * neutralised, and the file is what Nordic Excel opens directly (UTF-8 with a byte-order mark,
 * `;` between cells, CRLF).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts: { delimiter?: string } = {}) {
  const cells = rows.map((r) =>
    r.map((c) =>
      c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : neutraliseCell(c),
    ),
  );
  return `\uFEFF${stringify(cells, { delimiter: opts.delimiter ?? ';', record_delimiter: 'windows' })}`;
}
