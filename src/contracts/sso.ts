/** Single sign-on (decision 019): organisation slugs, and identity providers for administrators. */
import { z } from 'zod';
import { textLine } from '../domain/text';

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and hyphens');

export const IdentityProviderSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  label: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  emailClaim: z.string(),
  trustEmail: z.boolean(),
  createAccounts: z.boolean(),
  enabled: z.boolean(),
  testedAt: z.iso.datetime().nullable(),
  linkedPeople: z.number().int(),
  signInPath: z.string(),
  testPath: z.string(),
});

export const SsoOverviewSchema = z.object({
  required: z.boolean(),
  orgSlug: z.string(),
  redirectUri: z.string(),
  postLogoutRedirectUri: z.string(),
  encryptionReady: z.boolean(),
  providers: z.array(IdentityProviderSchema),
});

export const Claim = textLine()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'a claim name');
export const ProviderInputSchema = z.object({
  slug: SlugSchema,
  label: textLine().trim().min(1).max(80),
  issuer: textLine().trim().min(1).max(500),
  clientId: textLine().trim().min(1).max(300),
  clientSecret: textLine().min(1).max(2000),
  emailClaim: Claim.default('email'),
  trustEmail: z.boolean().default(false),
  createAccounts: z.boolean().default(false),
});

/** The sign-in page's choices for an organisation (GET /api/auth/sso/options). */
export const SignInOptionsSchema = z.object({
  ssoRequired: z.boolean(),
  providers: z.array(z.object({ slug: z.string(), label: z.string() })),
});
