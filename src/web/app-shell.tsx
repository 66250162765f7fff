import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { forgetOfflineData } from './live/offline-data';
import { forgetOnSignOut } from './vault/remembered';
import { api, type Me } from './api';
import { SIGNED_IN_NAMESPACES, loadNamespaces, namespacesLoaded, switchLanguage } from './i18n';
import { ME_KEY, useMe } from './session';
import { LoadError, Loading } from './components/feedback';
import { NoAccess } from './components/no-access';
import { SearchBox } from './search/search-box';
import { NotificationBell } from './notifications/bell';

/** Renders its children for a signed-in person; everyone else goes to the sign-in page. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { data: me, error, isPending, refetch } = useMe();
  const location = useLocation();
  const { i18n } = useTranslation();
  const locale = me?.locale;
  useEffect(() => {
    if (locale && locale !== i18n.language) void switchLanguage(locale);
  }, [locale, i18n.language]);
  // The 1:1 catalogs arrive with the first signed-in page (at once when signed in already).
  const [textsReady, setTextsReady] = useState(() => namespacesLoaded(SIGNED_IN_NAMESPACES));
  useEffect(() => {
    if (me && !textsReady)
      void loadNamespaces(SIGNED_IN_NAMESPACES).then(() => setTextsReady(true));
  }, [me, textsReady]);
  if (isPending) return <Loading />;
  if (error) return <LoadError error={error} retry={() => void refetch()} />;
  if (me && !textsReady) return <Loading />;
  if (!me) {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}

/** A right presented on `/api/me` (the server's policies decide; the app never re-derives them). */
export type MeRight = {
  [K in keyof Me['can']]: Me['can'][K] extends boolean ? K : never;
}[keyof Me['can']];

/** Renders its children when the server says the person may `right`; others see "no access". */
export function RequireCan({ right, children }: { right: MeRight; children: ReactNode }) {
  const { data: me } = useMe();
  return me?.can[right] ? children : <NoAccess />;
}

type NavItem = { to: string; label: string; end?: boolean };

function navItems(me: Me, t: (k: string) => string): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: t('nav.home'), end: true }];
  if (me.directReports > 0) items.push({ to: '/team', label: t('nav.team') });
  if (me.directReports > 0) items.push({ to: '/coaching', label: t('nav.coaching') });
  items.push({ to: '/actions', label: t('meetings:nav.actions') });
  // Everyone: managers book and hold them, everyone prepares their own.
  items.push({ to: '/conversations', label: t('nav.conversations') });
  const can = me.can;
  if (can.managePeople) items.push({ to: '/people', label: t('nav.people') });
  if (can.manageDepartments) items.push({ to: '/departments', label: t('nav.departments') });
  if (can.importPeople) items.push({ to: '/import', label: t('nav.import') });
  if (can.manageRounds) items.push({ to: '/rounds', label: t('nav.rounds') });
  if (can.manageTemplates) items.push({ to: '/templates', label: t('nav.templates') });
  if (can.viewStatistics) items.push({ to: '/statistics', label: t('nav.statistics') });
  if (can.manageOrganisationGoals)
    items.push({ to: '/organisation-goals', label: t('nav.organisationGoals') });
  if (can.readSalaryOutcomes)
    items.push({ to: '/salary-outcomes', label: t('nav.salaryOutcomes') });
  if (can.readMailbox) items.push({ to: '/admin/mailbox', label: t('nav.mailbox') });
  if (can.readAudit) items.push({ to: '/admin/audit', label: t('nav.audit') });
  if (can.manageSso) items.push({ to: '/admin/single-sign-on', label: t('nav.singleSignOn') });
  // Everyone: what Samtal mailed them, readable here without a mail server (decision 025).
  items.push({ to: '/mail', label: t('nav.myMail') });
  items.push({ to: '/settings', label: t('nav.settings') });
  return items;
}

/** The frame after sign-in: top bar with organisation, navigation by role, person, sign-out. */
export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  // A new page closes the phone menu.
  const [seenPath, setSeenPath] = useState(location.pathname);
  if (seenPath !== location.pathname) {
    setSeenPath(location.pathname);
    setMenuOpen(false);
  }
  if (!me) return null;

  async function signOut() {
    setSigningOut(true);
    let providerLogout: { label: string; url: string } | undefined;
    try {
      providerLogout = (await api.logout()).providerLogout;
    } catch {
      // the session is gone either way once we forget it here
    }
    client.clear();
    forgetOfflineData();
    forgetOnSignOut();
    client.setQueryData(ME_KEY, null);
    // Signed in through an identity provider: the sign-in page offers its logout (decision 019).
    void navigate('/sign-in', { replace: true, state: providerLogout ? { providerLogout } : null });
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <div className="topbar__brand">
            <span className="brand">Samtal</span>
            <span className="topbar__org">{me.organisation.name}</span>
          </div>
          <NotificationBell />
          <button
            type="button"
            className="topbar__menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {t('nav.menu')}
          </button>
          <div className={menuOpen ? 'topbar__menu topbar__menu--open' : 'topbar__menu'}>
            <nav id="main-nav" aria-label={t('nav.label')}>
              <ul className="nav">
                {navItems(me, t).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? false} className="nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <SearchBox />
            <div className="topbar__person">
              <span className="topbar__name">{me.name}</span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void signOut()}
                disabled={signingOut}
              >
                {t('signOut')}
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
