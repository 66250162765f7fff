import { useEffect, useState, type ComponentType } from 'react';
import { loadNamespaces, namespacesLoaded } from '../i18n';
import { Loading } from './feedback';

/**
 * Loads the given catalogs the first time a view that needs them shows (feature catalogs are not
 * part of the first load) and reports when they are there. Pass a constant array.
 */
export function useCatalogs(namespaces: readonly string[]): boolean {
  const [ready, setReady] = useState(() => namespacesLoaded(namespaces));
  useEffect(() => {
    if (!ready) void loadNamespaces(namespaces).then(() => setReady(true));
  }, [ready, namespaces]);
  return ready;
}

/** Shows `Page` once its catalogs are loaded, and the loading indicator until then. */
export function withCatalogs<P extends object>(
  namespaces: readonly string[],
  Page: ComponentType<P>,
): ComponentType<P> {
  return function WithCatalogs(props: P) {
    return useCatalogs(namespaces) ? <Page {...props} /> : <Loading />;
  };
}
