/** Sign-in and account links: the link an administrator hands over when no mail goes out. */
import { z } from 'zod';

export const PasswordLinkSchema = z.discriminatedUnion('kind', [
  /** A first-time invitation HR may hand over (also mailed to the person). */
  z.object({ kind: z.literal('invitation'), url: z.string(), expiresAt: z.iso.datetime() }),
  /** The person has signed in before: the link went to their own address, and nowhere else. */
  z.object({ kind: z.literal('reset_sent'), expiresAt: z.iso.datetime() }),
]);
