/**
 * Granted roles. "Manager" is not granted: it follows from having direct reports. 'salary'
 * lets someone (usually in HR) read the outcome of salary conversations (decision 012).
 */
export const ROLES = ['hr', 'admin', 'salary'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the signed-in person, with everything a policy needs to decide. */
export type Actor = {
  orgId: string;
  personId: string;
  name: string;
  email: string;
  roles: readonly Role[];
  locale: string;
  timeZone: string;
  sessionId: string;
  /** Number of active direct reports; > 0 makes the person a manager. */
  directReports: number;
  /**
   * What the session lookup brings along for "who am I" (GET /api/me and the page answers),
   * so it takes no query of its own; as fresh as the session cache (decision 015).
   */
  profile?: {
    ownLocale: string | null;
    /** The 1:1 traps guidance is hidden by its reader (seed 000). */
    coachingTipsHidden: boolean;
    organisation: { id: string; name: string; defaultLocale: string; defaultTimeZone: string };
  };
  /** The client address of the current request (for the audit log), when there is one. */
  ip?: string;
};

/** The kinds of home page a person can land on, most powerful first. */
export type HomeKind = 'hr' | 'manager' | 'employee';

/** Which home a person lands on after sign-in. */
export function homeFor(actor: Pick<Actor, 'roles' | 'directReports'>): HomeKind {
  if (actor.roles.includes('hr') || actor.roles.includes('admin')) return 'hr';
  if (actor.directReports > 0) return 'manager';
  return 'employee';
}
