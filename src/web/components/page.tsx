import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';

/**
 * A page's heading. After an in-app navigation focus moves here, so keyboard and screen-reader
 * users start at the new page (the first load leaves focus where the browser puts it).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key, pathname } = useLocation();
  // "default" is the key of the page the browser opened; later pages come from navigation.
  const [firstLoad] = useState(key === 'default');
  useEffect(() => {
    if (!firstLoad) ref.current?.focus();
  }, [firstLoad, pathname]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page__title">
      {children}
    </h1>
  );
}

type PageProps = { title: ReactNode; intro?: ReactNode; actions?: ReactNode; children?: ReactNode };

/** The frame of every page: heading, optional intro and actions, then the content. */
export function Page({ title, intro, actions, children }: PageProps) {
  useDocumentTitle(typeof title === 'string' ? title : undefined);
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <PageHeading>{title}</PageHeading>
          {intro ? <p className="page__intro">{intro}</p> : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}

/** Sets the document title to "<page> – Samtal". */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – Samtal` : 'Samtal';
  }, [title]);
}
