import { z } from 'zod';
import { ErrorSchema } from '../../contracts/common';

export const IdParams = z.object({ id: z.uuid() });
export const Ok = z.object({ ok: z.literal(true) });

/** Common error responses, so the OpenAPI document lists them. */
export const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
};
