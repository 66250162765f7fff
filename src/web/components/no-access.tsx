import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../session';
import { Page } from './page';

/**
 * Shown when a signed-in person opens a page their role does not include. `need` names the
 * missing right; the advice fits the reader (HR is not told to "ask HR").
 */
export function NoAccess({ need = 'hr' }: { need?: 'hr' | 'salary' }) {
  const { t } = useTranslation();
  const me = useMe();
  const body =
    need === 'salary'
      ? me.data && me.data.home === 'hr'
        ? t('noAccess.salaryForHr')
        : t('noAccess.salary')
      : t('noAccess.body');
  return (
    <Page title={t('noAccess.title')}>
      <p>{body}</p>
      <p>
        <Link to="/">{t('noAccess.home')}</Link>
      </p>
    </Page>
  );
}

/** Shown for an address the app does not know. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('noAccess.home')}</Link>
      </p>
    </Page>
  );
}
