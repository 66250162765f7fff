import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../i18n/index';
import { Alert, useErrorText } from '../components/feedback';
import { PageHeading, useDocumentTitle } from '../components/page';
import { switchLanguage } from '../i18n';
import { PublicLayout } from '../components/public-layout';
import { privacyApi } from './api';

/**
 * A leaver opens the link HR had mailed them (decision 024): /download-my-data?lang=da#<token>.
 * No session. The secret stays after "#", so it reaches Samtal only in the download request,
 * which spends it; the page then drops it from the address bar.
 */
export function DownloadMyDataPage() {
  const { t } = useTranslation('privacy');
  const errorText = useErrorText();
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('download.title'));

  // The mail names the person's language; a choice made on this page still wins afterwards.
  useEffect(() => {
    const lang = new URLSearchParams(window.location.search).get('lang');
    if (isLocale(lang)) void switchLanguage(lang);
  }, []);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const blob = await privacyApi.downloadWithLink(token);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'samtal-my-data.zip';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      window.history.replaceState(null, '', window.location.pathname);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicLayout>
      <PageHeading>{t('download.title')}</PageHeading>
      {done ? (
        <Alert kind="success">
          <p>{t('download.done')}</p>
        </Alert>
      ) : token.length < 10 ? (
        <Alert>
          <p>{t('errors:privacy.link_invalid')}</p>
        </Alert>
      ) : (
        <>
          <p>{t('download.intro')}</p>
          {error ? (
            <Alert focus>
              <p>{errorText(error)}</p>
            </Alert>
          ) : null}
          <button
            type="button"
            className="button button--wide"
            disabled={busy}
            onClick={() => void download()}
          >
            {busy ? t('download.preparing') : t('download.button')}
          </button>
        </>
      )}
    </PublicLayout>
  );
}
