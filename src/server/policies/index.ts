import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';

/**
 * Who may do what, declared in one place. Every route asks here; nothing else decides.
 * A resource always carries its organisation id: another tenant's resource is "not found",
 * never "forbidden", so its existence does not leak.
 */
export type PersonRef = { orgId: string; id: string; managerId: string | null };

export type Action =
  | { do: 'person.read'; person: PersonRef }
  | { do: 'person.manage'; orgId: string }
  | { do: 'people.list'; orgId: string }
  | { do: 'people.import'; orgId: string }
  | { do: 'department.read'; orgId: string }
  | { do: 'department.manage'; orgId: string }
  | { do: 'team.read'; orgId: string }
  | { do: 'org.read'; orgId: string }
  | { do: 'org.manage'; orgId: string };

const isHr = (a: Actor) => a.roles.includes('hr') || a.roles.includes('admin');

function orgOf(action: Action): string {
  return 'person' in action ? action.person.orgId : action.orgId;
}

/** True when `actor` may perform `action`. */
export function can(actor: Actor, action: Action): boolean {
  if (orgOf(action) !== actor.orgId) return false;
  switch (action.do) {
    case 'person.read':
      return (
        isHr(actor) ||
        action.person.id === actor.personId ||
        action.person.managerId === actor.personId
      );
    case 'people.list':
    case 'person.manage':
    case 'people.import':
    case 'department.manage':
      return isHr(actor);
    case 'department.read':
    case 'org.read':
      return true;
    case 'team.read':
      return true; // everyone may ask for their own direct reports; the list may be empty
    case 'org.manage':
      return actor.roles.includes('admin');
  }
}

/** Throws unless `actor` may perform `action`: not_found across tenants, forbidden within. */
export function authorize(actor: Actor, action: Action): void {
  if (can(actor, action)) return;
  if (orgOf(action) !== actor.orgId || action.do === 'person.read') throw new AppError('not_found');
  throw new AppError('auth.forbidden');
}
