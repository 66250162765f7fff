import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isLocale } from '../i18n/index';
import { App } from './app';
import { SIGNED_IN_NAMESPACES, guessLocale, initI18n } from './i18n';
import { prefetchFirstPage } from './first-page';
import { ME_KEY, createQueryClient, prefetchMe } from './session';
import './styles.css';

async function start() {
  const client = createQueryClient();
  // Ask who is here first, so a signed-in person's language is the first one shown; the
  // meeting page and the homes come whole with that answer (one request for the first render).
  const first = await prefetchFirstPage(client, window.location.pathname);
  if (first !== undefined) client.setQueryData(ME_KEY, first);
  const me = first !== undefined ? first : await prefetchMe(client);
  await initI18n(
    me && isLocale(me.locale) ? me.locale : guessLocale(),
    me ? SIGNED_IN_NAMESPACES : [],
  );
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}

void start();

// Installable, and a meeting opened once works offline (decision 020). Not in development,
// where Vite serves modules that change with every edit.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
