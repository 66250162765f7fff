import { z } from 'zod';

/** Who a round includes: everyone, a department (optionally its sub-units) or a manager's organisation. */
export const RoundScopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({
    type: z.literal('department'),
    departmentId: z.uuid(),
    includeSubunits: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('manager'),
    managerId: z.uuid(),
    wholeOrganisation: z.boolean().default(false),
  }),
]);
export type RoundScope = z.infer<typeof RoundScopeSchema>;
