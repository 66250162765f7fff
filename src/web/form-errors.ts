/**
 * Where a server error belongs on a form. The server says which field an error is about (field
 * issues carry their path, and errors about one field such as a taken e-mail carry it too:
 * FIELD_OF_CODE in src/domain/errors.ts). Anything else is a message for the whole form.
 */
import type { ApiError } from './api';

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
  } else form = error.message;
  return { fields, form };
}

/** The id of the element describing a field's error (for aria-describedby). */
export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}
