import { describe, expect, it } from 'vitest';
import {
  changesConnection,
  emailFromClaims,
  issuerProblem,
  matchSignIn,
  needsUserInfo,
  passwordAllowed,
  safeNext,
  withUserInfo,
} from './sign-in';

const person = (over: Partial<{ active: boolean; erased: boolean }> = {}) => ({
  id: 'p1',
  active: true,
  erased: false,
  ...over,
});
const ok = { ok: true as const, email: 'a@b.se' };

describe('matchSignIn', () => {
  it('signs in the person linked to the subject, even when the address changed', () => {
    expect(
      matchSignIn({
        linked: person(),
        email: { ok: false, code: 'sso.no_email' },
        byEmail: null,
        createAccounts: false,
      }),
    ).toEqual({ kind: 'linked', personId: 'p1' });
  });
  it('refuses a deactivated or erased person, linked or found by address', () => {
    expect(
      matchSignIn({
        linked: person({ active: false }),
        email: ok,
        byEmail: null,
        createAccounts: true,
      }).kind,
    ).toBe('refuse');
    expect(
      matchSignIn({
        linked: null,
        email: ok,
        byEmail: { ...person({ erased: true }), linkedSubject: null },
        createAccounts: true,
      }),
    ).toMatchObject({ kind: 'refuse', code: 'sso.inactive' });
  });
  it('links by verified address the first time', () => {
    expect(
      matchSignIn({
        linked: null,
        email: ok,
        byEmail: { ...person(), linkedSubject: null },
        createAccounts: false,
      }),
    ).toEqual({ kind: 'link', personId: 'p1' });
  });
  it('does not hand a person linked to another subject to a second account with the address', () => {
    expect(
      matchSignIn({
        linked: null,
        email: ok,
        byEmail: { ...person(), linkedSubject: 'other' },
        createAccounts: false,
      }),
    ).toMatchObject({ kind: 'refuse', code: 'sso.linked_elsewhere' });
  });
  it('creates nobody unless allowed', () => {
    expect(
      matchSignIn({ linked: null, email: ok, byEmail: null, createAccounts: false }),
    ).toMatchObject({
      kind: 'refuse',
      code: 'sso.unknown_person',
    });
    expect(matchSignIn({ linked: null, email: ok, byEmail: null, createAccounts: true })).toEqual({
      kind: 'create',
      email: 'a@b.se',
    });
  });
  it('passes on why the address was refused', () => {
    expect(
      matchSignIn({
        linked: null,
        email: { ok: false, code: 'sso.email_unverified' },
        byEmail: null,
        createAccounts: true,
      }),
    ).toMatchObject({ code: 'sso.email_unverified' });
  });
});

describe('emailFromClaims', () => {
  it('needs email_verified unless the provider is trusted', () => {
    expect(emailFromClaims({ email: 'A@B.se' }, 'email', false)).toEqual({
      ok: false,
      code: 'sso.email_unverified',
    });
    expect(emailFromClaims({ email: 'A@B.se', email_verified: false }, 'email', false).ok).toBe(
      false,
    );
    expect(emailFromClaims({ email: ' A@B.se', email_verified: true }, 'email', false)).toEqual(ok);
    expect(emailFromClaims({ preferred_username: 'a@b.se' }, 'preferred_username', true)).toEqual(
      ok,
    );
  });
  it('refuses a missing or malformed address', () => {
    expect(emailFromClaims({}, 'email', true)).toEqual({ ok: false, code: 'sso.no_email' });
    expect(emailFromClaims({ email: 'nobody' }, 'email', true)).toEqual({
      ok: false,
      code: 'sso.no_email',
    });
    expect(emailFromClaims({ email: ['a@b.se'] }, 'email', true)).toEqual({
      ok: false,
      code: 'sso.no_email',
    });
  });
});

describe('userinfo fallback', () => {
  it('is asked when the ID token lacks the address, or its verification where that counts', () => {
    expect(needsUserInfo({ sub: 's' }, 'email', true)).toBe(true);
    expect(needsUserInfo({ sub: 's', email: 'a@b.se' }, 'email', false)).toBe(true);
    expect(needsUserInfo({ sub: 's', email: 'a@b.se' }, 'email', true)).toBe(false);
    expect(
      needsUserInfo({ sub: 's', email: 'a@b.se', email_verified: false }, 'email', false),
    ).toBe(false);
    expect(needsUserInfo({ sub: 's', upn: 'a@b.se' }, 'email', true)).toBe(true);
  });
  it('takes the address and its verification together, and only about the same subject', () => {
    const idToken = { sub: 's', email: 'old@b.se', name: 'From token' };
    expect(
      withUserInfo(
        idToken,
        { sub: 's', email: 'a@b.se', email_verified: true, name: 'X' },
        'email',
      ),
    ).toEqual({ sub: 's', email: 'a@b.se', email_verified: true, name: 'From token' });
    // Another subject's answer is ignored entirely.
    expect(
      withUserInfo(idToken, { sub: 'other', email: 'a@b.se', email_verified: true }, 'email'),
    ).toBe(idToken);
    // Verification without the address it belongs to is not taken.
    expect(
      withUserInfo({ sub: 's', email: 'a@b.se' }, { sub: 's', email_verified: true }, 'email'),
    ).toEqual({
      sub: 's',
      email: 'a@b.se',
    });
    // Unverified in userinfo stays unverified, and is refused.
    const unverified = withUserInfo(
      { sub: 's' },
      { sub: 's', email: 'a@b.se', email_verified: false },
      'email',
    );
    expect(emailFromClaims(unverified, 'email', false)).toEqual({
      ok: false,
      code: 'sso.email_unverified',
    });
  });
});

describe('passwordAllowed (break-glass)', () => {
  it('allows everyone when SSO is not required, only administrators when it is', () => {
    expect(passwordAllowed(false, [])).toBe(true);
    expect(passwordAllowed(true, ['hr'])).toBe(false);
    expect(passwordAllowed(true, ['hr', 'admin'])).toBe(true);
  });
});

describe('settings', () => {
  it('a new issuer, client id or secret needs a new test', () => {
    expect(changesConnection({ label: 'x', enabled: true })).toBe(false);
    expect(changesConnection({ clientSecret: 's' })).toBe(true);
  });
  it('issuers are https, except on this machine', () => {
    expect(issuerProblem('https://login.microsoftonline.com/t/v2.0')).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000')).toBeNull();
    expect(issuerProblem('http://idp.example.com')).toBe('https');
    expect(issuerProblem('not a url')).toBe('url');
    expect(issuerProblem('https://idp.example.com/?x=1')).toBe('url');
  });
  it('follows only paths inside the app', () => {
    expect(safeNext('/people')).toBe('/people');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
  });
});
