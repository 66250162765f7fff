import { describe, expect, it } from 'vitest';
import { formErrors } from './form-errors';

const FIELDS = ['name', 'email', 'managerId', 'timeZone'] as const;

describe('formErrors', () => {
  it('puts field issues at their fields, first message per field', () => {
    const result = formErrors(
      {
        code: 'validation',
        message: 'Ange en giltig e-postadress.',
        fields: [
          { path: 'email', code: 'email', message: 'Ange en giltig e-postadress.' },
          { path: 'email', code: 'too_long', message: 'För lång.' },
          { path: 'name', code: 'required', message: 'Fältet måste fyllas i.' },
        ],
      },
      FIELDS,
    );
    expect(result).toEqual({
      fields: { email: 'Ange en giltig e-postadress.', name: 'Fältet måste fyllas i.' },
      form: null,
    });
  });

  it('places an error about one field where the server says (a reporting cycle)', () => {
    const message = 'That manager reports, directly or further up, to this person.';
    const fields = [{ path: 'managerId', code: 'person.manager_cycle', message }];
    expect(formErrors({ code: 'person.manager_cycle', message, fields }, FIELDS)).toEqual({
      fields: { managerId: message },
      form: null,
    });
  });

  it('uses the first segment of a nested path', () => {
    expect(
      formErrors(
        {
          code: 'validation',
          message: 'x',
          fields: [{ path: 'roles.0', code: 'one_of', message: 'x' }],
        },
        ['roles'],
      ).fields,
    ).toEqual({ roles: 'x' });
  });

  it('turns an issue for a field the form does not show into the form message', () => {
    expect(
      formErrors(
        {
          code: 'validation',
          message: 'Bad',
          fields: [{ path: 'locale', code: 'one_of', message: 'Välj ett av: sv, da.' }],
        },
        FIELDS,
      ),
    ).toEqual({ fields: {}, form: 'Välj ett av: sv, da.' });
  });

  it('keeps other errors for the whole form', () => {
    expect(formErrors({ code: 'conflict', message: 'Reload.', fields: [] }, FIELDS)).toEqual({
      fields: {},
      form: 'Reload.',
    });
    expect(
      formErrors(
        {
          code: 'person.email_taken',
          message: 'Taken',
          fields: [{ path: 'email', code: 'person.email_taken', message: 'Taken' }],
        },
        ['name'],
      ),
    ).toEqual({
      fields: {},
      form: 'Taken',
    });
  });
});
