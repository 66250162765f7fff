import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  parseDepartmentPath,
  parseEmail,
  parseLocale,
  parseName,
  parseOptionalText,
  parseTimeZone,
  MAX,
} from '../../domain/people-import/values';
import { userLookup } from '../../domain/scim/filter';
import { DEFAULT_PAGE, MAX_PAGE } from '../../domain/scim/schemas';
import {
  applyObject,
  applyPatch,
  emptyUser,
  personEmail,
  personName,
  type PatchOperation,
  type UserAttribute,
  type UserChange,
  type UserState,
} from '../../domain/scim/user';
import type { AccountMail } from '../mail/account.mail';
import { auditRepository } from '../repositories/audit.repository';
import { departmentRepository } from '../repositories/department.repository';
import { organisationRepository } from '../repositories/organisation.repository';
import { peopleRepository } from '../repositories/people.repository';
import { scimRepository, type ScimUserRow } from '../repositories/scim.repository';
import { sessionRepository } from '../repositories/session.repository';
import {
  createPersonIn,
  setActiveIn,
  updatePersonIn,
  type PeopleWriter,
  type PersonInput,
} from './people.service';
import { hashScimToken } from './scim-token.service';
import { systemClock, type Clock } from '../clock';

/** Who calls: a provisioning token of one organisation (never a person, never a cookie). */
export type ScimCaller = { orgId: string; tokenId: string; ip: string };

/** Failed token attempts one address may make in the window before it has to wait. */
const SCIM_MAX_FAILURES = 20;
const SCIM_FAILURE_WINDOW_MINUTES = 15;
/** `last_used_at` is written at most this often per token. */
const TOUCH_EVERY_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]{1,512})$/i;

const invalidValue = (attribute: string) => new AppError('scim.invalid_value', { attribute });

/** The writer SCIM changes go through: the token is the actor the audit log names. */
function writerFor(caller: ScimCaller): PeopleWriter {
  return {
    orgId: caller.orgId,
    actorId: caller.tokenId,
    personId: null,
    name: null,
    ip: caller.ip,
    source: 'scim',
  };
}

/** A stored person as the SCIM state PATCH and PUT start from. */
function stateOf(row: ScimUserRow): UserState {
  const { person: p, identity: i } = row;
  return {
    ...emptyUser(),
    userName: i?.userName ?? p.email,
    externalId: i?.externalId ?? null,
    displayName: p.name,
    givenName: i?.givenName ?? null,
    familyName: i?.familyName ?? null,
    email: p.email,
    title: p.jobTitle,
    employeeNumber: p.employeeNumber,
    department: row.departmentName,
    manager: p.managerId,
    active: p.active,
    preferredLanguage: p.locale,
    timezone: p.timeZone,
  };
}

/** The weak ETag of a user: its SCIM version and the person's last change. */
export function userVersion(row: ScimUserRow): string {
  return `W/"${row.identity?.version ?? 0}-${row.person.updatedAt.getTime()}"`;
}

/** Refuses a write whose If-Match names another version (RFC 7644 3.14). */
function checkIfMatch(row: ScimUserRow, ifMatch: string | undefined): void {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const bare = (v: string) => v.trim().replace(/^W\//, '');
  const current = bare(userVersion(row));
  if (!ifMatch.split(',').some((v) => bare(v) === current))
    throw new AppError('scim.version_mismatch');
}

function parsed<T>(r: { ok: true; value: T } | { ok: false }, attribute: string): T {
  if (!r.ok) throw invalidValue(attribute);
  return r.value;
}

/** SCIM 2.0 provisioning of Users (decision 022): every write goes through the people service. */
export function createScimService(
  db: Db,
  accountMail: AccountMail | null,
  clock: Clock = systemClock,
) {
  /** The unit a `department` names (a path with " / ", or one name); created if HR allows. */
  async function departmentFor(
    tx: DbOrTx,
    w: PeopleWriter,
    text: string | null,
  ): Promise<string | null> {
    if (!text) return null;
    const units = parsed(parseDepartmentPath(text), 'department');
    if (!units) return null;
    const all = await departmentRepository.all(tx, w.orgId);
    const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
    if (units.length === 1) {
      const named = all.filter((d) => same(d.name, units[0]!));
      if (named.length > 1)
        throw new AppError('scim.department_ambiguous', { department: units[0] });
      if (named[0]) return named[0].id;
    }
    // A path from the top: walk down, then (when HR allows) create what is missing.
    let parentId: string | null = null;
    let i = 0;
    for (; i < units.length; i++) {
      const found = all.find((d) => d.parentId === parentId && same(d.name, units[i]!));
      if (!found) break;
      parentId = found.id;
    }
    if (i === units.length) return parentId;
    if (!(await scimRepository.settings(tx, w.orgId)).createDepartments) return null;
    for (; i < units.length; i++) {
      const id = randomUUID();
      await departmentRepository.insert(tx, { orgId: w.orgId, id, name: units[i]!, parentId });
      await auditRepository.record(tx, {
        orgId: w.orgId,
        actorId: w.actorId,
        ip: w.ip,
        action: 'department.created',
        subjectType: 'department',
        subjectId: id,
        details: { source: 'scim' },
      });
      parentId = id;
    }
    return parentId;
  }

  /** The person a `manager` reference names: their SCIM id, or their externalId. */
  async function managerFor(tx: DbOrTx, orgId: string, ref: string | null) {
    if (!ref) return null;
    if (UUID.test(ref)) {
      const p = await peopleRepository.findById(tx, orgId, ref);
      if (p && !p.erasedAt) return p.id;
    }
    const byExternalId = await scimRepository.personByExternalId(tx, orgId, ref);
    if (byExternalId) return byExternalId;
    throw new AppError('scim.manager_not_found', { value: ref.slice(0, 100) });
  }

  /**
   * Writes a user's new state: the person through the people service (same rules, same audit,
   * actor = the token), then what the provider knows them by. `current` is null for a new one.
   */
  async function write(
    tx: DbOrTx,
    caller: ScimCaller,
    id: string,
    current: ScimUserRow | null,
    c: UserChange,
  ): Promise<void> {
    const w = writerFor(caller);
    const s = c.state;
    const touched = (a: UserAttribute) => !current || c.changed.has(a);
    const name = parsed(
      parseName(personName(c, current?.person.name ?? null) ?? ''),
      'displayName',
    );
    const email = parsed(parseEmail(personEmail(c, current?.person.email ?? null) ?? ''), 'emails');
    const userName = s.userName ?? email;
    if (userName.length > MAX.email) throw invalidValue('userName');
    if (s.externalId && s.externalId.length > 200) throw invalidValue('externalId');
    for (const other of await scimRepository.holders(tx, caller.orgId, {
      externalId: s.externalId,
      userName,
    })) {
      if (other.personId === id) continue;
      if (s.externalId && other.externalId === s.externalId)
        throw new AppError('scim.external_id_taken');
      throw new AppError('scim.user_name_taken');
    }

    const input: Partial<PersonInput> = {};
    if (name !== current?.person.name) input.name = name;
    if (email !== current?.person.email) input.email = email;
    if (touched('title'))
      input.jobTitle = parsed(parseOptionalText(s.title ?? '', MAX.jobTitle), 'title');
    if (touched('employeeNumber'))
      input.employeeNumber = parsed(
        parseOptionalText(s.employeeNumber ?? '', MAX.employeeNumber),
        'employeeNumber',
      );
    if (touched('preferredLanguage')) {
      // A language Samtal has no words for means the organisation's language, not an error.
      const locale = parseLocale(s.preferredLanguage ?? '');
      input.locale = locale.ok ? locale.value : null;
    }
    if (touched('timezone') && s.timezone)
      input.timeZone = parsed(parseTimeZone(s.timezone), 'timezone') ?? undefined;
    if (touched('department')) input.departmentId = await departmentFor(tx, w, s.department);
    if (touched('manager')) input.managerId = await managerFor(tx, caller.orgId, s.manager);

    if (!current) {
      const org = await organisationRepository.findById(tx, caller.orgId);
      await createPersonIn(tx, w, id, {
        ...input,
        name,
        email,
        timeZone: input.timeZone ?? org?.defaultTimeZone ?? 'Europe/Stockholm',
      });
      if (!s.active) await setActiveIn(tx, w, id, false, clock.now());
    } else {
      const p = current.person;
      // Only what differs is written, so a repeated request leaves no trace in the log.
      const same: Record<string, unknown> = {
        jobTitle: p.jobTitle,
        employeeNumber: p.employeeNumber,
        locale: p.locale,
        timeZone: p.timeZone,
        departmentId: p.departmentId,
        managerId: p.managerId,
      };
      for (const [k, v] of Object.entries(input))
        if (k in same && same[k] === v) delete input[k as keyof PersonInput];
      // Reactivation first, so a manager and a unit can be given in the same request.
      if (s.active && !p.active) await setActiveIn(tx, w, id, true, clock.now());
      if (Object.keys(input).length > 0)
        await updatePersonIn(tx, w, accountMail, id, input, clock.now());
      if (!s.active && p.active) await setActiveIn(tx, w, id, false, clock.now());
    }
    await scimRepository.saveIdentity(tx, {
      orgId: caller.orgId,
      personId: id,
      externalId: s.externalId,
      userName,
      givenName: s.givenName,
      familyName: s.familyName,
      deletedAt: null,
    });
  }

  async function load(tx: DbOrTx, caller: ScimCaller, id: string): Promise<ScimUserRow> {
    const [row] = UUID.test(id) ? await scimRepository.byIds(tx, caller.orgId, [id]) : [];
    if (!row) throw new AppError('not_found');
    return row;
  }

  async function reread(tx: DbOrTx, caller: ScimCaller, id: string) {
    return load(tx, caller, id);
  }

  return {
    /**
     * The token in an `Authorization: Bearer` header, or a refusal. Failures are counted per
     * client address (in the sign-in throttle's table, so the count holds across instances);
     * past SCIM_MAX_FAILURES in the window the address waits, before any token is looked at.
     */
    async authenticate(
      authorization: string | undefined,
      ip: string,
      now = clock.now(),
    ): Promise<ScimCaller> {
      const key = `scim:${ip}`;
      const since = new Date(now.getTime() - SCIM_FAILURE_WINDOW_MINUTES * 60_000);
      const failures = await sessionRepository.failureStats(db, key, since);
      if (failures.n >= SCIM_MAX_FAILURES) {
        const last = failures.last ? new Date(failures.last).getTime() : now.getTime();
        const seconds = Math.max(
          1,
          Math.ceil((last + SCIM_FAILURE_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000),
        );
        throw new AppError('scim.throttled', { seconds, retryAfter: seconds });
      }
      const m = BEARER.exec(authorization?.trim() ?? '');
      const token = m ? await scimRepository.activeTokenByHash(db, hashScimToken(m[1]!)) : null;
      if (!token) {
        await sessionRepository.recordAttempt(db, [key], randomUUID(), now);
        throw new AppError('scim.unauthorized');
      }
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS)
        await scimRepository.touchToken(db, token.orgId, token.id, now);
      return { orgId: token.orgId, tokenId: token.id, ip };
    },

    async list(
      caller: ScimCaller,
      q: { filter?: string; startIndex?: number; count?: number },
    ): Promise<{ rows: ScimUserRow[]; total: number; startIndex: number }> {
      const lookup = userLookup(q.filter);
      // RFC 7644 3.4.2.4: below 1 is 1, below 0 is 0; the provider caps the page.
      const startIndex = Math.max(1, q.startIndex ?? 1);
      const count = Math.min(MAX_PAGE, Math.max(0, q.count ?? DEFAULT_PAGE));
      const { rows, total } = await scimRepository.users(db, caller.orgId, lookup, {
        offset: startIndex - 1,
        limit: count,
      });
      return { rows, total, startIndex };
    },

    async get(caller: ScimCaller, id: string): Promise<ScimUserRow> {
      return load(db, caller, id);
    },

    /**
     * A new user. An address that belongs to someone deleted through SCIM brings that person
     * back (reactivated, history intact); one that belongs to anyone else is `uniqueness`.
     */
    async create(caller: ScimCaller, body: unknown): Promise<ScimUserRow> {
      const c: UserChange = { state: emptyUser(), changed: new Set() };
      applyObject(c, body, 'replace', { strict: false });
      if (!c.state.userName) throw invalidValue('userName');
      return db.transaction(async (tx) => {
        const email = parsed(parseEmail(personEmail(c, null) ?? ''), 'emails');
        const existing = await peopleRepository.findByEmail(tx, caller.orgId, email);
        if (existing) {
          const identity = await scimRepository.identity(tx, caller.orgId, existing.id);
          if (!identity?.deletedAt || existing.erasedAt) throw new AppError('person.email_taken');
          await write(
            tx,
            caller,
            existing.id,
            { person: existing, departmentName: null, identity },
            c,
          );
          return reread(tx, caller, existing.id);
        }
        const id = randomUUID();
        await write(tx, caller, id, null, c);
        return reread(tx, caller, id);
      });
    },

    /** PUT: the attributes sent replace Samtal's; those left out stay as they are. */
    async replace(caller: ScimCaller, id: string, body: unknown, ifMatch?: string) {
      return db.transaction(async (tx) => {
        const current = await load(tx, caller, id);
        checkIfMatch(current, ifMatch);
        const c: UserChange = { state: stateOf(current), changed: new Set() };
        applyObject(c, body, 'replace', { strict: false });
        await write(tx, caller, id, current, c);
        return reread(tx, caller, id);
      });
    },

    /** PATCH (RFC 7644 3.5.2), as Entra ID and Okta send it; all operations or none. */
    async patch(caller: ScimCaller, id: string, operations: PatchOperation[], ifMatch?: string) {
      return db.transaction(async (tx) => {
        const current = await load(tx, caller, id);
        checkIfMatch(current, ifMatch);
        const c: UserChange = { state: stateOf(current), changed: new Set() };
        applyPatch(c, operations);
        await write(tx, caller, id, current, c);
        return reread(tx, caller, id);
      });
    },

    /**
     * DELETE: the person is deactivated as HR would (sessions end, 1:1 series end, history
     * kept) and is no longer a SCIM resource; nothing is removed (erasure is HR's, decision 024).
     */
    async remove(caller: ScimCaller, id: string, ifMatch?: string): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await load(tx, caller, id);
        checkIfMatch(current, ifMatch);
        if (current.person.active) await setActiveIn(tx, writerFor(caller), id, false, clock.now());
        const s = stateOf(current);
        await scimRepository.saveIdentity(tx, {
          orgId: caller.orgId,
          personId: id,
          externalId: s.externalId,
          userName: s.userName ?? current.person.email,
          givenName: s.givenName,
          familyName: s.familyName,
          deletedAt: clock.now(),
        });
      });
    },
  };
}
