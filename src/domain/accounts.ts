/**
 * Who may get a way into an account (decision 016). Pure rules over a person's sign-in facts.
 */
export type SignInFacts = {
  email: string;
  recoveryEmail: string | null;
  passwordHash: string | null;
  lastSignedInAt: Date | null;
  active: boolean;
};

/**
 * True when a person has a password or has ever signed in: from then on, no link to their
 * account is handed to anyone but them.
 */
export function hasSignedIn(p: Pick<SignInFacts, 'passwordHash' | 'lastSignedInAt'>): boolean {
  return p.passwordHash !== null || p.lastSignedInAt !== null;
}

/**
 * Where a reset link for a person may go: the address they signed in with. Someone who has
 * never signed in has only the address HR gave them. Null: nowhere safe.
 */
export function recoveryAddress(
  p: Pick<SignInFacts, 'email' | 'recoveryEmail' | 'passwordHash' | 'lastSignedInAt'>,
): string | null {
  return p.recoveryEmail ?? (hasSignedIn(p) ? null : p.email);
}

/** The link HR may ask for: an invitation to hand over, a reset mailed to the person, or none. */
export function linkKind(p: SignInFacts): 'invitation' | 'reset' | null {
  if (!p.active) return null;
  return hasSignedIn(p) ? 'reset' : 'invitation';
}
