import { useEffect, useState, type ComponentType } from 'react';
import { Loading } from '../components/feedback';
import { loadNamespaces, namespacesLoaded } from '../i18n';

const NS = ['rounds'] as const;

/**
 * Shows `Page` once the rounds catalog is loaded: only HR opens these pages, so the catalog is
 * not part of everyone's first load.
 */
export function withRoundsCatalog<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function WithRoundsCatalog(props: P) {
    const [ready, setReady] = useState(() => namespacesLoaded(NS));
    useEffect(() => {
      if (!ready) void loadNamespaces(NS).then(() => setReady(true));
    }, [ready]);
    return ready ? <Page {...props} /> : <Loading />;
  };
}
