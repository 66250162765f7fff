import { useEffect, useRef, useState } from 'react';
import { formErrors, NO_ERRORS, type FormErrors } from '../form-errors';
import { useExplain } from './feedback';

/**
 * A form's errors, with focus moved to the first invalid field (or to the form's message when no
 * field is at fault) each time errors are shown.
 */
export function useFormErrors(known: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [shown, setShown] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const explain = useExplain();
  useEffect(() => {
    if (!shown) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('.alert');
    target?.focus();
  }, [shown]);
  const show = (next: FormErrors) => {
    setErrors(next);
    setShown((n) => n + 1);
  };
  return {
    errors,
    formRef,
    /** Shows errors found before sending (required fields and the like). */
    show,
    /** Shows what the server answered, each message at its field. */
    showApiError: (err: unknown) => show(formErrors(explain(err), known)),
    clear: () => setErrors(NO_ERRORS),
  };
}
