import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
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

/**
 * The main menu by role: the person's own work first, as links; what HR and administrators
 * manage (people, rounds, statistics, the mailbox, …) under one "Administration" menu, so
 * that the top bar stays one line at laptop widths whatever the language (issue #15).
 */
function navItems(me: Me, t: (k: string) => string): { main: NavItem[]; admin: NavItem[] } {
  const main: NavItem[] = [{ to: '/', label: t('nav.home'), end: true }];
  if (me.directReports > 0) main.push({ to: '/team', label: t('nav.team') });
  if (me.directReports > 0) main.push({ to: '/coaching', label: t('nav.coaching') });
  main.push({ to: '/actions', label: t('meetings:nav.actions') });
  // Everyone: managers book and hold them, everyone prepares their own.
  main.push({ to: '/conversations', label: t('nav.conversations') });
  const admin: NavItem[] = [];
  const can = me.can;
  if (can.managePeople) admin.push({ to: '/people', label: t('nav.people') });
  if (can.manageDepartments) admin.push({ to: '/departments', label: t('nav.departments') });
  if (can.importPeople) admin.push({ to: '/import', label: t('nav.import') });
  if (can.manageRounds) admin.push({ to: '/rounds', label: t('nav.rounds') });
  if (can.manageTemplates) admin.push({ to: '/templates', label: t('nav.templates') });
  if (can.viewStatistics) admin.push({ to: '/statistics', label: t('nav.statistics') });
  if (can.manageOrganisationGoals)
    admin.push({ to: '/organisation-goals', label: t('nav.organisationGoals') });
  if (can.readSalaryOutcomes)
    admin.push({ to: '/salary-outcomes', label: t('nav.salaryOutcomes') });
  if (can.readMailbox) admin.push({ to: '/admin/mailbox', label: t('nav.mailbox') });
  if (can.readAudit) admin.push({ to: '/admin/audit', label: t('nav.audit') });
  if (can.manageSso) admin.push({ to: '/admin/single-sign-on', label: t('nav.singleSignOn') });
  return { main, admin };
}

/**
 * A button that shows and hides a small menu under it (the disclosure pattern): Escape or a
 * click elsewhere closes it, focus returns to the button on Escape. A new page remounts it
 * closed (its parent keys it by the path).
 */
function MenuButton({
  id,
  label,
  active = false,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  active?: boolean;
  className: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    function onDown(e: MouseEvent) {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={box} className={`menu-button ${className}`}>
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className={
          active ? 'menu-button__toggle menu-button__toggle--active' : 'menu-button__toggle'
        }
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <svg
          className="menu-button__caret"
          viewBox="0 0 12 12"
          width="12"
          height="12"
          aria-hidden="true"
        >
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <div id={id} className="menu-button__panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
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
  const nav = navItems(me, t);

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
                {nav.main.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? false} className="nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
                {nav.admin.length > 0 ? (
                  <li>
                    <MenuButton
                      key={location.pathname}
                      id="admin-menu"
                      className="nav__group"
                      label={t('nav.administration')}
                      active={nav.admin.some((i) => location.pathname.startsWith(i.to))}
                    >
                      <ul className="menu-button__list">
                        {nav.admin.map((item) => (
                          <li key={item.to}>
                            <NavLink to={item.to} className="nav__link">
                              {item.label}
                            </NavLink>
                          </li>
                        ))}
                      </ul>
                    </MenuButton>
                  </li>
                ) : null}
              </ul>
            </nav>
            <SearchBox />
            <MenuButton
              key={location.pathname}
              id="person-menu"
              className="topbar__person"
              label={<span className="topbar__name">{me.name}</span>}
            >
              <ul className="menu-button__list">
                {/* What Samtal mailed them, readable here without a mail server (decision 025). */}
                <li>
                  <NavLink to="/mail" className="nav__link">
                    {t('nav.myMail')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/settings" className="nav__link">
                    {t('nav.settings')}
                  </NavLink>
                </li>
                <li>
                  <button
                    type="button"
                    className="nav__link menu-button__action"
                    onClick={() => void signOut()}
                    disabled={signingOut}
                  >
                    {t('signOut')}
                  </button>
                </li>
              </ul>
            </MenuButton>
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
