import { useEffect, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './modal-dialog';

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
    <ModalDialog
      open={open}
      title={title}
      onClose={onClose}
      wrap={(inner) => (
        <form className="form" noValidate onSubmit={submit}>
          {inner}
        </form>
      )}
    >
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
    </ModalDialog>
  );
}
