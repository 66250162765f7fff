import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { detectDelimiter, readImportFile } from './read';

const read = (text: string) => readImportFile(Buffer.from(text, 'utf8'));

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return undefined;
}

describe('detectDelimiter', () => {
  it('picks the separator used in the header, ignoring quoted text', () => {
    expect(detectDelimiter('namn;e-post;avdelning')).toBe(';');
    expect(detectDelimiter('name,email,"Care; north"')).toBe(',');
    expect(detectDelimiter('name\temail')).toBe('\t');
    expect(detectDelimiter('name')).toBe(',');
  });
});

describe('readImportFile', () => {
  it('reads a Swedish Excel file: BOM, semicolons, CRLF, line numbers as a spreadsheet shows', () => {
    const file = readImportFile(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          'Anställningsnummer;Namn;E-post;Befattning;Avdelning;Chef;Språk;Tidszon;Roller\r\n' +
            '1001;Åsa  Öberg ;Asa.Oberg@Example.se;Enhetschef;Vård och omsorg / Hemtjänst Norr;;sv;europe/stockholm;HR|admin\r\n' +
            '\r\n' +
            ';;;;;;;;\r\n' +
            '1002;Erik Ek;erik@example.se;;Vård och omsorg / Hemtjänst Norr;1001;no;;\r\n',
          'utf8',
        ),
      ]),
    );
    expect(file.delimiter).toBe(';');
    expect(file.encoding).toBe('utf-8');
    expect(file.issues).toEqual([]);
    expect(file.rows).toEqual([
      {
        line: 2,
        employeeNumber: '1001',
        name: 'Åsa Öberg',
        email: 'asa.oberg@example.se',
        jobTitle: 'Enhetschef',
        department: ['Vård och omsorg', 'Hemtjänst Norr'],
        manager: null,
        locale: 'sv',
        timeZone: 'Europe/Stockholm',
        roles: ['hr', 'admin'],
      },
      {
        line: 5,
        employeeNumber: '1002',
        name: 'Erik Ek',
        email: 'erik@example.se',
        jobTitle: null,
        department: ['Vård och omsorg', 'Hemtjänst Norr'],
        manager: '1001',
        locale: 'nb',
        timeZone: null,
        roles: [],
      },
    ]);
    expect(file.columns.employee_number).toBe('Anställningsnummer');
  });

  it('counts a quoted value over two lines as one spreadsheet row', () => {
    const file = read('name,email,job_title\n"Bo, Jr",bo@x.dk,"Leder\nog coach"\nCa,ca@x.dk,\n');
    expect(file.rows.map((r) => [r.line, r.name, r.jobTitle])).toEqual([
      [2, 'Bo, Jr', 'Leder og coach'],
      [3, 'Ca', null],
    ]);
  });

  it('honours an Excel "sep=" line without counting it', () => {
    const file = read('sep=;\nnavn;email\n"Ask, Bo";a@x.no\n');
    expect(file.delimiter).toBe(';');
    expect(file.issues).toEqual([]);
    expect(file.rows.map((r) => [r.line, r.name])).toEqual([[2, 'Ask, Bo']]);
  });

  it('reports each bad cell with its line and column, and leaves the row out', () => {
    const file = read(
      'name;email;locale;time_zone;roles;department\n' +
        ';not-an-email;xx;Mars/Base;boss;A /  / B\n' +
        'Ok;ok@x.se;;;;\n',
    );
    expect(file.rows.map((r) => r.line)).toEqual([3]);
    expect(file.issues).toEqual([
      { line: 2, column: 'email', code: 'email.invalid', params: { value: 'not-an-email' } },
      { line: 2, column: 'name', code: 'name.required' },
      { line: 2, column: 'department', code: 'department.empty_unit' },
      { line: 2, column: 'locale', code: 'locale.invalid', params: { value: 'xx' } },
      { line: 2, column: 'time_zone', code: 'time_zone.invalid', params: { value: 'Mars/Base' } },
      { line: 2, column: 'roles', code: 'roles.invalid', params: { value: 'boss' } },
    ]);
    expect(file.refsOfBadRows).toEqual(new Set(['not-an-email']));
  });

  it('keeps a unit called "HR/Lön": only " / " separates units', () => {
    const file = read('name,email,department\nA,a@x.se,Stab / HR/Lön\n');
    expect(file.rows[0]?.department).toEqual(['Stab', 'HR/Lön']);
  });

  it('reports values in a column without a header, and too long values', () => {
    const file = read(`name,email,\nA,a@x.se,extra\n${'B'.repeat(201)},b@x.se,\n`);
    expect(file.issues).toEqual([
      { line: 2, code: 'value_without_header', params: { position: 3 } },
      { line: 3, column: 'name', code: 'too_long', params: { max: 200 } },
    ]);
  });

  it('reads no rows when a required column is missing', () => {
    const file = read('name,mejl\nA,a@x.se\n');
    expect(file.rows).toEqual([]);
    expect(file.issues.map((i) => i.code)).toEqual([
      'header.unknown_column',
      'header.missing_column',
    ]);
  });

  it('points at the row where a quotation mark is never closed', () => {
    const file = read('name,email\nA,a@x.se\n"B,b@x.se\nC,c@x.se\n');
    expect(file.issues).toEqual([{ line: 3, code: 'csv.quote_not_closed' }]);
  });

  it('refuses an empty file and a file with only a header', () => {
    expect(errorCode(() => read(''))).toBe('import.empty');
    expect(errorCode(() => read('\r\n;;\r\n'))).toBe('import.empty');
    expect(errorCode(() => read('name;email\r\n\r\n'))).toBe('import.empty');
  });
});
