import type { MeetingDetail, Point } from './api';

/** The first name of a full name, for short headings ("Topics from Erik"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * A point's title from the reader's side. Templates write the employee's own section to the
 * employee ("Your topics"); the manager reads it as the employee's, named (`forManager`).
 */
export function readerTitle(
  p: Pick<Point, 'kind' | 'sectionKind' | 'title'>,
  reader: MeetingDetail['myRole'],
  employeeName: string,
  forManager: (name: string) => string,
): string {
  if (reader === 'manager' && p.kind === 'section' && p.sectionKind === 'employee_topics') {
    return forManager(firstName(employeeName));
  }
  return p.title;
}

/** The agenda with every title as the reader should see it. */
export function withReaderTitles(
  detail: MeetingDetail,
  forManager: (name: string) => string,
): MeetingDetail['agenda'] {
  return detail.agenda.map((p) => ({
    ...p,
    title: readerTitle(p, detail.myRole, detail.series.employee.name, forManager),
  }));
}
