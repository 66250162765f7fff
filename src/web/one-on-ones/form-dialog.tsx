import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormDialogProps = {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  submitLabel: ReactNode;
  danger?: boolean;
  busy?: boolean;
  onSubmit: () => void;
  onClose: () => void;
};

/**
 * A modal form on the browser's own <dialog> (focus trapped, Escape closes, focus returns to
 * the opener). Enter in a field submits, as in any form.
 */
export function FormDialog({
  open,
  title,
  children,
  submitLabel,
  danger = false,
  busy = false,
  onSubmit,
  onClose,
}: FormDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // Opened by mounting and closed by unmounting: hand focus back to the opener either way.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form className="form" noValidate onSubmit={submit}>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {open ? children : null}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common:action.cancel')}
          </button>
          <button
            type="submit"
            className={danger ? 'button button--danger' : 'button'}
            disabled={busy}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
