/** What every route shares: the error body and the locale. */
import { z } from 'zod';
import { LOCALES } from '../i18n';
import type { ErrorCode } from '../domain/errors';

/** The body of every error response (made by src/server/http-errors.ts). */
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

export const LocaleSchema = z.enum(LOCALES);

/** The body every error response has. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    fields?: { path: string; code: string; message: string }[];
    details?: unknown;
  };
};
