/**
 * The benchmark organisation's master data, planned in memory: a manager hierarchy with mixed
 * spans (about one manager per eight people), a unit under every manager, people in four
 * languages, and each pair's 1:1 series (with some earlier series ended by a change of
 * manager). The meetings and everything in them are made in SQL (history.ts).
 */
import { Temporal } from 'temporal-polyfill';
import { horizonEnd } from '../../src/server/services/one-on-one-planning';
import {
  AREAS,
  FIRST_NAMES,
  LAST_NAMES,
  MANAGER_TITLES,
  PLACES,
  STAFF_TITLES,
  UNITS,
  ZONE,
  type Lang,
} from './texts';

/** Table codes in the generated ids: `<org tag><table>-0000-4000-8000-<n in hex>`. */
export const TABLE = {
  org: '0000',
  department: '0001',
  person: '0002',
  series: '0003',
  meeting: '0004',
  point: '0005',
  note: '0006',
  action: '0007',
  privateNote: '0008',
  reflection: '0009',
  session: '000a',
} as const;

/**
 * Sequential ids (valid v4 layout), so bulk loading appends to the primary keys instead of
 * splitting pages all over them. Lookups cost the same as with the app's random ids.
 */
export function benchId(tag: string, table: keyof typeof TABLE, n: number): string {
  return `${tag}${TABLE[table]}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** mulberry32: the same seed gives the same organisation. */
function rng(seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let r = random() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  };
  return {
    random,
    pick,
    weighted,
    int: (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1)),
  };
}

/** Team sizes; the mean is about 8.6, the largest team 22. */
const SPANS = [2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 11, 12, 14, 17, 22];

type PlannedPerson = {
  id: string;
  email: string;
  name: string;
  employeeNumber: string;
  jobTitle: string;
  departmentId: string;
  locale: Lang;
  timeZone: string;
  managerId: string | null;
  roles: string[];
  active: boolean;
};

type PlannedDepartment = { id: string; name: string; parentId: string | null };

type PlannedSeries = {
  id: string;
  managerId: string;
  employeeId: string;
  cadence: 'weekly' | 'every_2_weeks' | 'every_3_weeks' | 'monthly';
  monthlyOrdinal: number | null;
  startDate: string;
  localTime: string;
  timeZone: string;
  durationMinutes: number;
  placeKind: string;
  placeDetail: string | null;
  templateKey: string;
  horizonUntil: string;
  endedAt: Date | null;
  endReason: string | null;
  createdAt: Date;
};

export type OrgPlan = {
  tag: string;
  orgId: string;
  domain: string;
  people: PlannedPerson[];
  departments: PlannedDepartment[];
  series: PlannedSeries[];
  historyStart: string;
};

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/[åäá]/g, 'a')
    .replace(/æ/g, 'ae')
    .replace(/[öø]/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z]/g, '');

const plainDate = (s: string) => Temporal.PlainDate.from(s);

/** A weekday on or after `d` (meetings are booked Monday to Friday). */
function weekday(d: Temporal.PlainDate): Temporal.PlainDate {
  return d.dayOfWeek > 5 ? d.add({ days: 8 - d.dayOfWeek }) : d;
}

/** Plans an organisation of `size` people whose 1:1 history goes back `years` from `now`. */
export function planOrganisation(opts: {
  size: number;
  seed: number;
  tag: string;
  now: Date;
  years: number;
}): OrgPlan {
  const { size, tag, now } = opts;
  const r = rng(opts.seed);
  const domain = `kommun${size}.example`;
  const today = Temporal.Now.plainDateISO('Europe/Stockholm');
  const historyStart = today.subtract({ years: opts.years });

  // The reporting tree, breadth first: the first ~size/8.6 people become managers.
  const managerOf: number[] = [-1];
  const depth: number[] = [0];
  const queue: number[] = [0];
  for (let next = 1; next < size;) {
    const m = queue.shift()!;
    const span = m === 0 ? AREAS.length : r.pick(SPANS);
    for (let k = 0; k < span && next < size; k++, next++) {
      managerOf.push(m);
      depth.push(depth[m]! + 1);
      queue.push(next);
    }
  }
  const reports = new Array<number>(size).fill(0);
  for (let i = 1; i < size; i++) reports[managerOf[i]!]!++;

  // A unit under every manager: areas, then departments, then teams; staff sit in their
  // manager's unit. Sibling names are unique (the schema's constraint).
  const departments: PlannedDepartment[] = [
    { id: benchId(tag, 'department', 0), name: 'Kommunledning', parentId: null },
  ];
  const deptOf: string[] = [departments[0]!.id];
  const siblingNames = new Map<string, Set<string>>();
  for (let i = 1; i < size; i++) {
    const parentDept = deptOf[managerOf[i]!]!;
    if (reports[i] === 0) {
      deptOf.push(parentDept);
      continue;
    }
    const used = siblingNames.get(parentDept) ?? new Set<string>();
    siblingNames.set(parentDept, used);
    const base =
      depth[i] === 1
        ? AREAS[(i - 1) % AREAS.length]!
        : depth[i] === 2
          ? `${r.pick(UNITS)} ${r.pick(PLACES)}`
          : `Team ${r.pick(PLACES)}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base} ${k}`;
    used.add(name);
    const id = benchId(tag, 'department', departments.length);
    departments.push({ id, name, parentId: parentDept });
    deptOf.push(id);
  }

  const people: PlannedPerson[] = [];
  for (let i = 0; i < size; i++) {
    const lang = r.weighted<Lang>([
      ['sv', 55],
      ['da', 20],
      ['nb', 15],
      ['en', 10],
    ]);
    const first = r.pick(FIRST_NAMES[lang]);
    const last = r.pick(LAST_NAMES[lang]);
    const manager = reports[i]! > 0;
    const roles = i === 0 ? ['admin'] : i % 997 === 500 || i === size - 1 ? ['hr'] : [];
    people.push({
      id: benchId(tag, 'person', i),
      email:
        i === 0
          ? `direktor@${domain}`
          : i === size - 1
            ? `hr@${domain}`
            : `${ascii(first)}.${ascii(last)}.${i}@${domain}`,
      name: `${first} ${last}`,
      employeeNumber: `B${String(i).padStart(6, '0')}`,
      jobTitle:
        i === 0 ? 'Kommundirektör' : manager ? r.pick(MANAGER_TITLES) : r.pick(STAFF_TITLES),
      departmentId: deptOf[i]!,
      locale: lang,
      timeZone: ZONE[lang],
      managerId: i === 0 ? null : benchId(tag, 'person', managerOf[i]!),
      roles,
      // Some staff have left; managers, HR and the director are all active.
      active: manager || roles.length > 0 || r.random() >= 0.02,
    });
  }

  const horizons = new Map(Object.values(ZONE).map((z) => [z, horizonEnd(z, now)]));
  const managers = people.filter((_, i) => reports[i]! > 0);
  const byId = new Map(people.map((p) => [p.id, p]));
  const series: PlannedSeries[] = [];
  const addSeries = (
    employee: PlannedPerson,
    managerId: string,
    start: Temporal.PlainDate,
    end: Temporal.PlainDate | null,
  ) => {
    const manager = byId.get(managerId) ?? employee;
    const cadence = r.weighted([
      ['weekly', 15],
      ['every_2_weeks', 40],
      ['every_3_weeks', 20],
      ['monthly', 25],
    ] as const);
    const startDate = weekday(start);
    const nth = Math.ceil(startDate.day / 7);
    const zone = manager.timeZone;
    const horizonNow = plainDate(horizons.get(zone)!);
    // An ended series was planned about six months past its end, then the rest was cancelled.
    const planned = end ? end.add({ months: 6, days: 14 }) : horizonNow;
    series.push({
      id: benchId(tag, 'series', series.length),
      managerId,
      employeeId: employee.id,
      cadence,
      monthlyOrdinal: cadence === 'monthly' ? (nth >= 5 ? -1 : nth) : null,
      startDate: startDate.toString(),
      localTime: r.pick(['08:30', '09:00', '09:30', '10:00', '13:00', '13:30', '14:00', '15:00']),
      timeZone: zone,
      durationMinutes: r.weighted([
        [20, 60],
        [30, 30],
        [45, 6],
        [60, 4],
      ] as const),
      placeKind: r.weighted([
        ['walk_and_talk', 35],
        ['room', 45],
        ['video', 20],
      ] as const),
      placeDetail:
        r.random() < 0.3 ? r.pick(['Fikarummet', 'Mødelokale 2', 'Parken', 'Teams']) : null,
      templateKey: r.weighted([
        ['follow-up', 70],
        ['check-in', 20],
        ['task-review', 10],
      ] as const),
      horizonUntil:
        Temporal.PlainDate.compare(planned, horizonNow) < 0
          ? planned.toString()
          : horizonNow.toString(),
      endedAt: end ? new Date(`${end.toString()}T09:00:00Z`) : null,
      endReason: end ? 'reporting_line_changed' : null,
      createdAt: new Date(`${startDate.subtract({ days: r.int(1, 14) }).toString()}T08:00:00Z`),
    });
  };

  const historyDays = historyStart.until(today).days;
  for (let i = 1; i < size; i++) {
    const p = people[i]!;
    if (!p.active || r.random() >= 0.9) continue;
    let start =
      r.random() < 0.6
        ? historyStart.add({ days: r.int(0, 60) })
        : historyStart.add({ days: r.int(0, historyDays - 30) });
    // About one pair in twelve changed manager during the years: the old series ended.
    if (r.random() < 0.08 && managers.length > 1) {
      const switchAt = historyStart.add({ days: r.int(120, historyDays - 30) });
      let previous = r.pick(managers).id;
      if (previous === p.managerId || previous === p.id) previous = managers[0]!.id;
      if (previous !== p.managerId && previous !== p.id) {
        addSeries(p, previous, historyStart.add({ days: r.int(0, 60) }), switchAt);
        start = switchAt.add({ days: 7 });
      }
    }
    addSeries(p, p.managerId!, start, null);
  }
  return {
    tag,
    orgId: benchId(tag, 'org', 0),
    domain,
    people,
    departments,
    series,
    historyStart: historyStart.toString(),
  };
}
