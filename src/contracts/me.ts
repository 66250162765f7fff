/** Who am I, and one's own sessions. */
import { z } from 'zod';
import { ROLES } from '../domain/roles';

export const MeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  locale: z.string(),
  ownLocale: z.string().nullable(),
  timeZone: z.string(),
  home: z.enum(['hr', 'manager', 'employee']),
  directReports: z.number().int(),
  /** The reader has hidden the guidance on the traps of a 1:1 (seed 000). */
  coachingTipsHidden: z.boolean(),
  /** What the person may do beyond their own conversations. */
  can: z.object({
    /** Roles they may grant to others (in the form for a new person). */
    grantRoles: z.array(z.enum(ROLES)),
    /** The audit log (administrators). */
    readAudit: z.boolean(),
    /** The organisation's retention settings (administrators; decision 024). */
    manageRetention: z.boolean(),
    /** SCIM provisioning tokens (administrators; decision 022). */
    manageScimTokens: z.boolean(),
    /** Whether provisioning creates missing units (HR and administrators). */
    manageScimSettings: z.boolean(),
    /** People: the list, a person's page, new people (HR and administrators). */
    managePeople: z.boolean(),
    /** Importing people from a file (HR and administrators). */
    importPeople: z.boolean(),
    /** The organisation's units (HR and administrators). */
    manageDepartments: z.boolean(),
    /** Development-conversation rounds (HR and administrators). */
    manageRounds: z.boolean(),
    /** Conversation templates (HR and administrators). */
    manageTemplates: z.boolean(),
    /** HR statistics: counts and anonymous aggregates (decision 014). */
    viewStatistics: z.boolean(),
    /** The organisation's goals (HR and administrators; decision 012). */
    manageOrganisationGoals: z.boolean(),
    /** Every salary outcome of the organisation (the 'salary' role; decision 012). */
    readSalaryOutcomes: z.boolean(),
    /** The envelopes of the organisation's outgoing mail (administrators; decision 025). */
    readMailbox: z.boolean(),
    /** Identity providers and "single sign-on required" (administrators; decision 019). */
    manageSso: z.boolean(),
  }),
  organisation: z.object({
    id: z.uuid(),
    name: z.string(),
    defaultLocale: z.string(),
    defaultTimeZone: z.string(),
  }),
});

export const SessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
});
