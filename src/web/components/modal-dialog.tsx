import { useEffect, useId, useRef, type ReactNode } from 'react';

type ModalDialogProps = {
  open: boolean;
  title: ReactNode;
  /** Escape (the dialog's cancel): the caller closes it by setting `open` to false. */
  onClose: () => void;
  className?: string;
  /** The title, body and actions go inside this (a form, for a form dialog). */
  wrap?: (inner: ReactNode) => ReactNode;
  children: ReactNode;
};

/**
 * The one modal dialog of the web app, on the browser's own <dialog>: it traps focus, closes on
 * Escape and returns focus to the opener. Confirmations, form dialogs and the shortcut list are
 * built on it.
 */
export function ModalDialog({
  open,
  title,
  onClose,
  className,
  wrap = (inner) => inner,
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {wrap(
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children}
        </>,
      )}
    </dialog>
  );
}
