import { describe, expect, it } from 'vitest';
import { firstName, readerTitle } from './reader-titles';

const own = {
  kind: 'section' as const,
  sectionKind: 'employee_topics' as const,
  title: 'Dina punkter',
};
const label = (name: string) => `Punkter från ${name}`;

describe('titles from the reader’s side', () => {
  it('names the employee’s own section after the employee for the manager', () => {
    expect(readerTitle(own, 'manager', 'Erik Johansson', label)).toBe('Punkter från Erik');
  });

  it('keeps the template’s words for the employee, and every other point as written', () => {
    expect(readerTitle(own, 'employee', 'Erik Johansson', label)).toBe('Dina punkter');
    expect(
      readerTitle({ ...own, sectionKind: 'standard', title: 'Övrigt' }, 'manager', 'Erik', label),
    ).toBe('Övrigt');
    expect(
      readerTitle(
        { kind: 'topic', sectionKind: 'employee_topics', title: 'Semester' },
        'manager',
        'Erik',
        label,
      ),
    ).toBe('Semester');
  });

  it('takes the first name, and copes with stray spaces', () => {
    expect(firstName('  Lars  Poulsen ')).toBe('Lars');
    expect(firstName('Ola')).toBe('Ola');
  });
});
