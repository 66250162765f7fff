import { findCycle } from '../org-tree';
import { roleChangeProblem, type RoleChanger } from '../role-changes';
import { ROLES } from '../roles';
import type { ImportField } from './columns';
import { sortIssues, type IssueCode, type RowIssue } from './issues';
import type { ImportFile, ImportRow } from './read';

/** A stored person, as much as the import compares and changes. */
export type ExistingPerson = {
  id: string;
  email: string;
  name: string;
  employeeNumber: string | null;
  jobTitle: string | null;
  departmentId: string | null;
  locale: string | null;
  timeZone: string;
  managerId: string | null;
  roles: string[];
  active: boolean;
};

export type ExistingDepartment = { id: string; name: string; parentId: string | null };

/** The values a person has after the import. */
export type PersonValues = Omit<ExistingPerson, 'active'>;

export type ImportCounts = {
  created: number;
  updated: number;
  unchanged: number;
  departmentsCreated: number;
  total: number;
};

/** What to write, in an order the foreign keys accept. */
export type ImportPlan = {
  /** New units, every parent before its children. */
  departments: ExistingDepartment[];
  /** New people, every manager before their reports. */
  create: PersonValues[];
  update: PersonValues[];
  /** Ids of people whose current e-mail someone else takes over here: freed first. */
  releaseEmails: string[];
  counts: ImportCounts;
};

export type PlanContext = {
  people: ExistingPerson[];
  departments: ExistingDepartment[];
  defaultTimeZone: string;
  /**
   * Who imports: a person (who may not change their own roles, nor `admin` unless they are an
   * administrator) or the operator's `samtal import` (decision 016).
   */
  changer: RoleChanger;
  newId(): string;
};

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; issues: RowIssue[] };

/** More cycles than this are not looked for: the file has to be fixed first anyway. */
const MAX_CYCLES_REPORTED = 50;

type Match = { row: ImportRow; id: string; existing: ExistingPerson | undefined };

/**
 * Works out, without I/O, what importing `file` into an organisation holding `ctx.people` and
 * `ctx.departments` means: which people are new, which change, which stay as they are, which
 * units must be created. Rows are matched to stored people by employee number, then by e-mail.
 * Every problem with a row is returned, with its line; then nothing may be written.
 */
export function planImport(file: ImportFile, ctx: PlanContext): PlanResult {
  const issues: RowIssue[] = [...file.issues];
  const col = (field: ImportField) => file.columns[field] ?? field;
  const has = (field: ImportField) => file.columns[field] !== undefined;
  const issue = (
    row: ImportRow,
    field: ImportField | undefined,
    code: IssueCode,
    params?: RowIssue['params'],
  ) =>
    issues.push({
      line: row.line,
      ...(field ? { column: col(field) } : {}),
      code,
      ...(params ? { params } : {}),
    });

  const byNumber = new Map<string, ExistingPerson>();
  const byEmail = new Map<string, ExistingPerson>();
  const byId = new Map<string, ExistingPerson>();
  for (const p of ctx.people) {
    byId.set(p.id, p);
    byEmail.set(p.email, p);
    if (p.employeeNumber) byNumber.set(p.employeeNumber, p);
  }

  // 1. Duplicates within the file: the later line is wrong, and names the earlier one.
  const fileByEmail = new Map<string, ImportRow>();
  const fileByNumber = new Map<string, ImportRow>();
  const duplicate = new Set<ImportRow>();
  for (const row of file.rows) {
    const sameEmail = fileByEmail.get(row.email);
    if (sameEmail) {
      issue(row, 'email', 'email.duplicate', { firstLine: sameEmail.line });
      duplicate.add(row);
    } else fileByEmail.set(row.email, row);
    if (row.employeeNumber) {
      const sameNumber = fileByNumber.get(row.employeeNumber);
      if (sameNumber) {
        issue(row, 'employee_number', 'employee_number.duplicate', { firstLine: sameNumber.line });
        duplicate.add(row);
      } else fileByNumber.set(row.employeeNumber, row);
    }
  }

  // 2. Match rows to stored people: by employee number first (all rows), then by e-mail.
  const claimedBy = new Map<string, ImportRow>();
  const target = new Map<ImportRow, ExistingPerson>();
  for (const row of file.rows) {
    if (duplicate.has(row) || !row.employeeNumber) continue;
    const p = byNumber.get(row.employeeNumber);
    if (p) {
      target.set(row, p);
      claimedBy.set(p.id, row);
    }
  }
  for (const row of file.rows) {
    if (duplicate.has(row) || target.has(row)) continue;
    const p = byEmail.get(row.email);
    if (!p) continue;
    const other = claimedBy.get(p.id);
    if (other) {
      issue(row, 'email', 'email.matched_elsewhere', { firstLine: other.line, name: p.name });
    } else if (p.employeeNumber && row.employeeNumber && p.employeeNumber !== row.employeeNumber) {
      issue(row, 'employee_number', 'employee_number.mismatch', {
        name: p.name,
        stored: p.employeeNumber,
      });
    } else {
      target.set(row, p);
      claimedBy.set(p.id, row);
    }
  }
  const matches: Match[] = file.rows.map((row) => {
    const existing = target.get(row);
    return { row, existing, id: existing?.id ?? ctx.newId() };
  });
  const idOfRow = new Map(matches.map((m) => [m.row, m.id]));

  // 3. An e-mail may be taken over from a stored person only if the file moves them too.
  const releaseEmails = new Set<string>();
  for (const m of matches) {
    if (duplicate.has(m.row)) continue;
    const holder = byEmail.get(m.row.email);
    if (!holder || holder.id === m.id) continue;
    if (!m.existing) continue; // a new row holding a stored e-mail was reported in step 2
    if (claimedBy.has(holder.id)) releaseEmails.add(holder.id);
    else issue(m.row, 'email', 'email.taken', { name: holder.name });
  }

  // 4. Departments: find each unit of the path under its parent, or plan to create it.
  const newDepartments: ExistingDepartment[] = [];
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  const key = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${name}`;
  const addUnit = (d: ExistingDepartment) => {
    exact.set(key(d.parentId, d.name), d.id);
    const f = key(d.parentId, d.name.toLocaleLowerCase('sv'));
    if (!folded.has(f)) folded.set(f, d.id);
  };
  ctx.departments.forEach(addUnit);
  const pathIds = new Map<string, string>(); // most rows share a handful of paths
  const departmentOf = (path: string[]): string => {
    const pathKey = path.join('\u0000');
    const known = pathIds.get(pathKey);
    if (known) return known;
    let parentId: string | null = null;
    for (const name of path) {
      let id: string | undefined =
        exact.get(key(parentId, name)) ?? folded.get(key(parentId, name.toLocaleLowerCase('sv')));
      if (!id) {
        id = ctx.newId();
        const unit = { id, name, parentId };
        newDepartments.push(unit);
        addUnit(unit);
      }
      parentId = id;
    }
    pathIds.set(pathKey, parentId!);
    return parentId!;
  };

  // 5. Managers: an employee number or e-mail, of a row in this file or a stored person.
  const resolveManager = (ref: string): string | undefined => {
    const inFile = fileByNumber.get(ref);
    if (inFile) return idOfRow.get(inFile);
    const stored = byNumber.get(ref);
    if (stored) return stored.id;
    const email = ref.toLowerCase();
    const inFileByEmail = fileByEmail.get(email);
    if (inFileByEmail) return idOfRow.get(inFileByEmail);
    return byEmail.get(email)?.id;
  };

  const finalValues = new Map<Match, PersonValues>();
  for (const m of matches) {
    const { row, existing } = m;
    let managerId = existing?.managerId ?? null;
    if (has('manager')) {
      managerId = null;
      if (row.manager) {
        const found = resolveManager(row.manager);
        const manager = found ? byId.get(found) : undefined;
        if (!found) {
          const known =
            file.refsOfBadRows.has(row.manager) ||
            file.refsOfBadRows.has(row.manager.toLowerCase());
          if (!known) issue(row, 'manager', 'manager.not_found', { value: row.manager });
        } else if (found === m.id) issue(row, 'manager', 'manager.self');
        else if (manager && !manager.active)
          issue(row, 'manager', 'manager.inactive', { name: manager.name });
        else managerId = found;
      }
    }

    let roles = existing?.roles ?? [];
    if (has('roles')) {
      // Roles this import does not know about (added later) are kept as they are.
      const kept = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      const next = [...row.roles, ...kept];
      const problem = roleChangeProblem(ctx.changer, {
        personId: m.id,
        before: roles,
        after: next,
      });
      if (problem === 'own_roles') issue(row, 'roles', 'roles.own');
      else if (problem === 'admin_only') issue(row, 'roles', 'roles.admin_only');
      else roles = next;
    }

    finalValues.set(m, {
      id: m.id,
      email: row.email,
      name: row.name,
      // An empty cell never clears the number: it is what later imports match on.
      employeeNumber: row.employeeNumber ?? existing?.employeeNumber ?? null,
      jobTitle: has('job_title') ? row.jobTitle : (existing?.jobTitle ?? null),
      departmentId: has('department')
        ? row.department
          ? departmentOf(row.department)
          : null
        : (existing?.departmentId ?? null),
      locale: has('locale') ? row.locale : (existing?.locale ?? null),
      timeZone: row.timeZone ?? existing?.timeZone ?? ctx.defaultTimeZone,
      managerId,
      roles,
    });
  }

  // 6. Reporting lines of the whole organisation after the import must not go in a circle.
  const managerOf = new Map<string, string | null>();
  for (const p of ctx.people) managerOf.set(p.id, p.managerId);
  for (const v of finalValues.values()) managerOf.set(v.id, v.managerId);
  const matchById = new Map(matches.map((m) => [m.id, m]));
  for (let n = 0; n < MAX_CYCLES_REPORTED; n++) {
    const cycle = findCycle(managerOf);
    if (!cycle) break;
    const nameOf = (id: string) => matchById.get(id)?.row.name ?? byId.get(id)?.name ?? id;
    // Walk order: each person, then the one they would report to.
    const chain = [...cycle, cycle[0]!].map(nameOf).join(' → ');
    const lines = cycle
      .map((id) => matchById.get(id)?.row.line)
      .filter((l): l is number => l !== undefined)
      .sort((a, b) => a - b);
    for (const id of cycle) {
      const m = matchById.get(id);
      if (m) issue(m.row, 'manager', 'manager.cycle', { chain, lines: lines.join(', ') });
      managerOf.set(id, null); // break it, then look for another
    }
  }

  // 7. The organisation keeps at least one active administrator.
  const isAdmin = (roles: readonly string[]) => roles.includes('admin');
  const adminsBefore = ctx.people.filter((p) => p.active && isAdmin(p.roles)).length;
  if (adminsBefore > 0) {
    const finalById = new Map([...finalValues.values()].map((v) => [v.id, v]));
    const adminsAfter =
      ctx.people.filter((p) => p.active && isAdmin(finalById.get(p.id)?.roles ?? p.roles)).length +
      [...finalValues.entries()].filter(([m, v]) => !m.existing && isAdmin(v.roles)).length;
    if (adminsAfter === 0) {
      for (const [m, v] of finalValues)
        if (m.existing && isAdmin(m.existing.roles) && !isAdmin(v.roles))
          issue(m.row, 'roles', 'roles.last_admin');
    }
  }

  if (issues.length) return { ok: false, issues: sortIssues(issues) };

  // 8. The diff: only rows whose values differ from the stored person are written.
  const create: PersonValues[] = [];
  const update: PersonValues[] = [];
  let unchanged = 0;
  for (const m of matches) {
    const v = finalValues.get(m)!;
    if (!m.existing) create.push(v);
    else if (differs(m.existing, v)) update.push(v);
    else unchanged++;
  }
  return {
    ok: true,
    plan: {
      departments: newDepartments,
      create: managersFirst(create),
      update,
      releaseEmails: [...releaseEmails],
      counts: {
        created: create.length,
        updated: update.length,
        unchanged,
        departmentsCreated: newDepartments.length,
        total: file.rows.length,
      },
    },
  };
}

function differs(a: ExistingPerson, b: PersonValues): boolean {
  return (
    a.email !== b.email ||
    a.name !== b.name ||
    a.employeeNumber !== b.employeeNumber ||
    a.jobTitle !== b.jobTitle ||
    a.departmentId !== b.departmentId ||
    a.locale !== b.locale ||
    a.timeZone !== b.timeZone ||
    a.managerId !== b.managerId ||
    [...a.roles].sort().join('|') !== [...b.roles].sort().join('|')
  );
}

/**
 * Orders new people so that a manager who is also new comes before their reports (the manager
 * key is checked per statement). Iterative: a reporting chain may be thousands deep.
 */
function managersFirst(people: PersonValues[]): PersonValues[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const depth = new Map<string, number>();
  for (const p of people) {
    const path: string[] = [];
    let node: PersonValues | undefined = p;
    while (node && !depth.has(node.id)) {
      path.push(node.id);
      node = node.managerId ? byId.get(node.managerId) : undefined;
    }
    let d = node ? depth.get(node.id)! + 1 : 0;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!, d++);
  }
  // Bucket by depth (a sort with map look-ups in the comparator is slow at 50,000 rows).
  const levels: PersonValues[][] = [];
  for (const p of people) (levels[depth.get(p.id)!] ??= []).push(p);
  return levels.flat();
}
