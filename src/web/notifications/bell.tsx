import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadNotifications } from '../session';

/**
 * The bell in the top bar: a link to the notifications with the unread count. The count
 * comes with the whole-page answers (home, meeting) and is asked for again once a minute
 * and when the window gets focus.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useUnreadNotifications();
  const count = data?.unread ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="bell"
      aria-label={t('nav.notificationsUnread', { count })}
      title={t('nav.notifications')}
    >
      <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="bell__count" data-testid="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
