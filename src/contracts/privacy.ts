/** Personal-data duties (decision 024): access requests, the erasure preview, retention. */
import { z } from 'zod';
import {
  RETENTION_COUNTRIES,
  RETENTION_KIND_FIELDS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
} from '../domain/privacy/retention';
import { ERASURE_GONE_KINDS, ERASURE_KEPT_KINDS } from '../domain/privacy/erasure-preview';

/** The envelope HR sees (decision 024): never the link, its secret or any content. */
export const AccessRequestSchema = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  /** When the data was downloaded (from Settings, or through the mailed link). */
  fulfilledAt: z.date().nullable(),
  /** A mailed link only: the address it went to, masked ("m•••@example.org"). */
  sentTo: z.string().nullable(),
  /** A mailed link only: when it stops working. */
  expiresAt: z.date().nullable(),
  state: z.enum(['waiting', 'downloaded', 'expired']),
});

/** What erasing a person would delete and keep, in counts (GET /api/people/:id/erasure). */
export const ErasurePreviewSchema = z.object({
  gone: z.array(z.object({ kind: z.enum(ERASURE_GONE_KINDS), count: z.number().int() })),
  kept: z.array(z.object({ kind: z.enum(ERASURE_KEPT_KINDS), count: z.number().int() })),
});

const Days = z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS);
const KindDays = Object.fromEntries(RETENTION_KIND_FIELDS.map((f) => [f, Days.nullable()])) as {
  [K in (typeof RETENTION_KIND_FIELDS)[number]]: z.ZodNullable<typeof Days>;
};
const AllDays = Object.fromEntries(RETENTION_KIND_FIELDS.map((f) => [f, Days])) as {
  [K in (typeof RETENTION_KIND_FIELDS)[number]]: typeof Days;
};
/** Each kind's days after the meeting; null follows the country's default (decision 024). */
export const RetentionInputSchema = z.object({
  country: z.enum(RETENTION_COUNTRIES),
  leaversAfterDays: Days,
  ...KindDays,
});
const DaysInForce = z.object({ leaversAfterDays: Days, ...AllDays });
/** What the organisation chose (a kind null follows the country), its defaults, and in force. */
export const RetentionSchema = RetentionInputSchema.extend({
  isDefault: z.boolean(),
  defaults: DaysInForce,
  effective: DaysInForce,
});
