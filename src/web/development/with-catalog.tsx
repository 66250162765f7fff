import { useEffect, useState, type ComponentType } from 'react';
import { Loading } from '../components/feedback';
import { loadNamespaces, namespacesLoaded } from '../i18n';

const NS = ['conversations'] as const;

/**
 * Shows `Page` once the conversations catalog is loaded: it is not part of the first load
 * (the homes' card takes its texts from the home catalog).
 */
export function withConversationsCatalog<P extends object>(
  Page: ComponentType<P>,
): ComponentType<P> {
  return function WithConversationsCatalog(props: P) {
    const [ready, setReady] = useState(() => namespacesLoaded(NS));
    useEffect(() => {
      if (!ready) void loadNamespaces(NS).then(() => setReady(true));
    }, [ready]);
    return ready ? <Page {...props} /> : <Loading />;
  };
}
