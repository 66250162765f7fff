import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from './page';

/** Shown when a signed-in person opens a page their role does not include. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Page title={t('noAccess.title')}>
      <p>{t('noAccess.body')}</p>
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
