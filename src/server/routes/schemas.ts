import { z } from 'zod';
import { LOCALES } from '../../i18n/index';

/** The body of every error response (see http-errors.ts). */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional(),
    details: z.unknown().optional(),
  }),
});

export const IdParams = z.object({ id: z.uuid() });
export const LocaleSchema = z.enum(LOCALES);
export const Ok = z.object({ ok: z.literal(true) });

/** Common error responses, so the OpenAPI document lists them. */
export const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
};
