/**
 * Where a server error belongs on a form. Field issues carry their path; some errors are about
 * one field without saying so (a taken e-mail, a manager that would close a reporting cycle),
 * and this table puts them there too. Anything else is a message for the whole form.
 */
import type { ApiError } from './api';

const FIELD_OF_CODE: Record<string, string> = {
  'person.email_taken': 'email',
  'person.employee_number_taken': 'employeeNumber',
  'person.manager_self': 'managerId',
  'person.manager_cycle': 'managerId',
  'person.manager_not_found': 'managerId',
  'person.manager_inactive': 'managerId',
  'person.department_not_found': 'departmentId',
  'person.time_zone_invalid': 'timeZone',
  'person.cannot_remove_own_admin': 'roles',
  'department.name_taken': 'name',
  'department.parent_not_found': 'parentId',
  'department.cycle': 'parentId',
  'auth.password_too_short': 'password',
  'auth.password_too_long': 'password',
  'oneOnOne.start_in_past': 'startDate',
  'oneOnOne.time_not_exist': 'localTime',
  'oneOnOne.duration_out_of_range': 'durationMinutes',
  'oneOnOne.template_not_found': 'template',
  'oneOnOne.owner_not_in_pair': 'ownerId',
};

export type FormErrors = {
  /** Message per field name (the first one wins when the server sends several). */
  fields: Record<string, string>;
  /** A message for the form as a whole, when some of the error belongs to no field shown. */
  form: string | null;
};

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/**
 * Splits an API error into field messages and a form message. `known` lists the fields the form
 * shows; a field issue for any other path becomes the form message.
 */
export function formErrors(
  error: Pick<ApiError, 'code' | 'message' | 'fields'>,
  known: readonly string[],
): FormErrors {
  const fields: Record<string, string> = {};
  let form: string | null = null;
  const place = (path: string, message: string) => {
    const name = path.split('.')[0] ?? '';
    if (known.includes(name)) fields[name] ??= message;
    else form ??= message;
  };
  if (error.fields.length > 0) {
    for (const f of error.fields) place(f.path, f.message);
  } else {
    const field = FIELD_OF_CODE[error.code];
    if (field) place(field, error.message);
    else form = error.message;
  }
  return { fields, form };
}

/** The id of the element describing a field's error (for aria-describedby). */
export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}
