import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** The message to show for any error: the server's translated text, or ours when it has none. */
export function useErrorText() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      if (err.message) return err.message;
      if (err.code === 'network') return t('common:error.network');
    }
    return t('errors:internal');
  };
}

/** The same error with a message always filled in (for formErrors). */
export function useExplain() {
  const text = useErrorText();
  return (err: unknown): ApiError =>
    err instanceof ApiError && err.message
      ? err
      : new ApiError(
          err instanceof ApiError ? err.status : 0,
          err instanceof ApiError ? err.code : 'internal',
          text(err),
        );
}

type AlertProps = {
  kind?: 'error' | 'success' | 'info';
  children: ReactNode;
  /** Moves focus here when it appears, so screen-reader and keyboard users land on it. */
  focus?: boolean;
};

/** A message box: errors are announced at once (role=alert), the rest politely. */
export function Alert({ kind = 'error', children, focus = false }: AlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Only when it appears: a later re-render must not pull focus back here.
  const focusOnMount = useRef(focus);
  useEffect(() => {
    if (focusOnMount.current) ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className={`alert alert--${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
    >
      {children}
    </div>
  );
}

/** A quiet loading line, announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common:loading')}
    </p>
  );
}

/** Shows a query's error with a retry button. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert>
      <p>{text(error)}</p>
      {retry ? (
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('common:action.retry')}
        </button>
      ) : null}
    </Alert>
  );
}
