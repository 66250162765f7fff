/** Who is signed in, as one cached query every component can read. */
import { QueryCache, MutationCache, QueryClient, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, http, type Me } from './api';
import { formatter } from './format';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.me();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** Loads the signed-in person into the cache before the first render (null when nobody is). */
export async function prefetchMe(client: QueryClient): Promise<Me | null> {
  try {
    return await client.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
  } catch {
    return null;
  }
}

/** The signed-in person, or null when nobody is. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Dates and numbers in the UI language and the signed-in person's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  return formatter(i18n.language, me?.timeZone);
}

/** The app's query client. A 401 anywhere means the session has ended: forget who was here. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
    queryCache: new QueryCache({ onError: (err) => signedOut(err) }),
    mutationCache: new MutationCache({ onError: (err) => signedOut(err) }),
  });
  function signedOut(err: unknown) {
    if (err instanceof ApiError && err.status === 401 && err.code === 'auth.required') {
      client.setQueryData(ME_KEY, null);
    }
  }
  return client;
}

/** How often the bell asks again while the page is open (no busy polling). */
const BELL_REFRESH_MS = 60_000;

/**
 * The bell's unread count (issue #15): seeded by the whole-page answers (home, meeting), asked
 * again once a minute while the page is visible and when the window gets focus. Here beside
 * useMe so the shell's chunk stays as it was.
 */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: UNREAD_NOTIFICATIONS_KEY,
    queryFn: () => http.get<{ unread: number }>('/api/me/notifications/unread'),
    staleTime: 30_000,
    refetchInterval: BELL_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

export const UNREAD_NOTIFICATIONS_KEY = ['notifications', 'unread'] as const;
