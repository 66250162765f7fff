import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv';

describe('neutraliseCell', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'puts a quote before a cell a spreadsheet would evaluate: %j',
    (v) => expect(neutraliseCell(v)).toBe(`'${v}`),
  );

  it.each(['-3', '+4', '1 234,5', '-12.5%', 'Hemtjänst Norr', '', 'a=b'])(
    'leaves numbers and ordinary text alone: %j',
    (v) => expect(neutraliseCell(v)).toBe(v),
  );
});

describe('toCsv', () => {
  it('writes a BOM, semicolons, CRLF and quotes what needs quoting', () => {
    const csv = toCsv([
      ['name', 'count'],
      ['Norr; "Söder"', 3],
      ['=cmd|x', null],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parse(csv.slice(1), { delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['name', 'count'],
      ['Norr; "Söder"', '3'],
      ["'=cmd|x", ''],
    ]);
  });
});
