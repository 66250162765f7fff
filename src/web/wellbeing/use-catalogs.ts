import { useEffect, useState } from 'react';
import { loadNamespaces, namespacesLoaded } from '../i18n';

/**
 * Loads the given catalogs the first time a wellbeing or coaching view shows (they are not
 * part of the first load) and reports when they are there.
 */
export function useCatalogs(namespaces: readonly string[]): boolean {
  const [ready, setReady] = useState(() => namespacesLoaded(namespaces));
  useEffect(() => {
    if (!ready) void loadNamespaces(namespaces).then(() => setReady(true));
  }, [ready, namespaces]);
  return ready;
}

export const WELLBEING_NS = ['wellbeing'] as const;
export const COACHING_NS = ['coaching'] as const;
