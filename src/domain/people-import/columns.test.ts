import { describe, expect, it } from 'vitest';
import { fieldForHeader, mapHeader } from './columns';

describe('fieldForHeader', () => {
  it.each([
    ['employee_number', 'employee_number'],
    ['Employee number', 'employee_number'],
    ['Anställningsnummer', 'employee_number'],
    ['MEDARBEJDERNUMMER', 'employee_number'],
    ['Ansattnummer', 'employee_number'],
    ['E-post', 'email'],
    ['e-mail', 'email'],
    ['Email', 'email'],
    ['Namn', 'name'],
    ['Navn', 'name'],
    ['Befattning', 'job_title'],
    ['Stilling', 'job_title'],
    ['Job title', 'job_title'],
    ['Avdelning', 'department'],
    ['Afdeling', 'department'],
    ['Avdeling', 'department'],
    ['Chef', 'manager'],
    ['Leder', 'manager'],
    ['Närmaste chef', 'manager'],
    ['Språk', 'locale'],
    ['Sprog', 'locale'],
    ['Time zone', 'time_zone'],
    ['Tidszon', 'time_zone'],
    ['Roller', 'roles'],
  ])('reads "%s" as %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('does not guess at unknown names', () => {
    expect(fieldForHeader('emial')).toBeUndefined();
    expect(fieldForHeader('salary')).toBeUndefined();
  });
});

describe('mapHeader', () => {
  it('maps positions and keeps the headers as written', () => {
    const h = mapHeader(['Namn', ' E-post ', '', 'Chef'], 1);
    expect(h.positions).toEqual(['name', 'email', 'blank', 'manager']);
    expect(h.names).toEqual({ name: 'Namn', email: 'E-post', manager: 'Chef' });
    expect(h.issues).toEqual([]);
  });

  it('names unknown and repeated columns, and missing required ones', () => {
    const h = mapHeader(['name', 'Namn', 'emial'], 1);
    expect(h.positions).toEqual(['name', 'rejected', 'rejected']);
    expect(h.issues).toEqual([
      {
        line: 1,
        column: 'Namn',
        code: 'header.duplicate_column',
        params: { column: 'Namn', first: 'name' },
      },
      { line: 1, column: 'emial', code: 'header.unknown_column', params: { column: 'emial' } },
      { line: 1, code: 'header.missing_column', params: { column: 'email' } },
    ]);
  });
});
