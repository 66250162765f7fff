import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { userLookup } from './filter';
import { URN } from './schemas';
import {
  applyObject,
  applyPatch,
  emptyUser,
  parsePath,
  personEmail,
  personName,
  type UserChange,
} from './user';

const start = (): UserChange => ({
  state: {
    ...emptyUser(),
    userName: 'anna@x.test',
    email: 'anna@x.test',
    displayName: 'Anna Lind',
    givenName: 'Anna',
    familyName: 'Lind',
  },
  changed: new Set(),
});

const code = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as AppError).code;
  }
  return null;
};

describe('filters', () => {
  it('answers the lookups providers send', () => {
    expect(userLookup('userName eq "a@b.c"')).toEqual({ by: 'userName', value: 'a@b.c' });
    expect(userLookup('USERNAME Eq "a@b.c"')).toEqual({ by: 'userName', value: 'a@b.c' });
    expect(userLookup(`${URN.user}:userName eq "a"`)).toEqual({ by: 'userName', value: 'a' });
    expect(userLookup('externalId eq "00u1"')).toEqual({ by: 'externalId', value: '00u1' });
    expect(userLookup('emails[type eq "work"].value eq "a@b.c"')).toEqual({
      by: 'email',
      value: 'a@b.c',
    });
    expect(userLookup(undefined)).toEqual({ by: 'none' });
  });

  it('refuses everything else as invalidFilter', () => {
    for (const f of [
      'userName eq',
      'displayName co "A"',
      'active eq true',
      'userName eq "a" or id eq "b"',
    ])
      expect(
        code(() => userLookup(f)),
        f,
      ).toBe('scim.invalid_filter');
  });
});

describe('PATCH paths', () => {
  it('splits attribute, filter and sub-attribute, with or without a schema URN', () => {
    expect(parsePath('name.givenName')).toEqual({ schema: 'core', attr: 'name', sub: 'givenname' });
    expect(parsePath(`${URN.enterprise}:manager`)).toEqual({
      schema: 'enterprise',
      attr: 'manager',
    });
    expect(parsePath(URN.enterprise)).toEqual({ schema: 'enterprise', attr: '' });
    const p = parsePath('emails[type eq "work"].value');
    expect(p).toMatchObject({
      attr: 'emails',
      sub: 'value',
      filter: { op: 'eq', attrPath: 'type' },
    });
    expect(code(() => parsePath('emails[type eq].value'))).toBe('scim.invalid_path');
    expect(code(() => parsePath('a..b'))).toBe('scim.invalid_path');
  });
});

describe('applying operations', () => {
  it('takes active as a boolean or as Entra ID’s "True"/"False" strings', () => {
    for (const [value, expected] of [
      ['False', false],
      ['TRUE', true],
      [false, false],
    ] as const) {
      const c = start();
      applyPatch(c, [{ op: 'Replace', path: 'active', value }]);
      expect(c.state.active).toBe(expected);
    }
    expect(code(() => applyPatch(start(), [{ op: 'replace', path: 'active', value: 'yes' }]))).toBe(
      'scim.invalid_value',
    );
  });

  it('takes a replace without path whose keys are paths themselves', () => {
    const c = start();
    applyPatch(c, [
      {
        op: 'replace',
        value: {
          'name.familyName': 'Berg',
          [`${URN.enterprise}:department`]: 'Vård',
          active: 'False',
        },
      },
    ]);
    expect(c.state).toMatchObject({ familyName: 'Berg', department: 'Vård', active: false });
    expect(personName(c, 'Anna Lind')).toBe('Anna Berg');
  });

  it('takes the manager as a bare id, an object or a list, and removes it', () => {
    for (const value of ['m1', { value: 'm1' }, [{ value: 'm1' }]]) {
      const c = start();
      applyPatch(c, [{ op: 'add', path: `${URN.enterprise}:manager`, value }]);
      expect(c.state.manager).toBe('m1');
    }
    const c = start();
    applyPatch(c, [{ op: 'remove', path: `${URN.enterprise}:manager` }]);
    expect(c.state.manager).toBeNull();
    expect(c.changed.has('manager')).toBe(true);
  });

  it('keeps only the work address of emails; other addresses are left aside', () => {
    const c = start();
    applyPatch(c, [
      { op: 'replace', path: 'emails[type eq "home"].value', value: 'home@x.test' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'work@x.test' },
    ]);
    expect(personEmail(c, 'anna@x.test')).toBe('work@x.test');
    const d = { state: emptyUser(), changed: new Set() } as UserChange;
    applyObject(
      d,
      {
        userName: 'u@x.test',
        emails: [
          { value: 'other@x.test', type: 'other' },
          { value: 'main@x.test', type: 'work', primary: 'True' },
        ],
      },
      'replace',
      { strict: false },
    );
    expect(personEmail(d, null)).toBe('main@x.test');
  });

  it('refuses roles, read-only attributes and unknown paths; ignores attributes Samtal does not keep', () => {
    expect(
      code(() => applyPatch(start(), [{ op: 'add', path: 'roles', value: [{ value: 'hr' }] }])),
    ).toBe('scim.roles');
    expect(code(() => applyPatch(start(), [{ op: 'replace', path: 'meta', value: {} }]))).toBe(
      'scim.mutability',
    );
    expect(code(() => applyPatch(start(), [{ op: 'replace', path: 'shoeSize', value: 1 }]))).toBe(
      'scim.invalid_path',
    );
    expect(code(() => applyPatch(start(), [{ op: 'remove' }]))).toBe('scim.no_target');
    const c = start();
    applyPatch(c, [{ op: 'replace', path: 'phoneNumbers[type eq "work"].value', value: '+46' }]);
    expect(c.changed.size).toBe(0);
  });
});
