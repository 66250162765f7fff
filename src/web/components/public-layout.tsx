import type { ReactNode } from 'react';
import { LanguagePicker } from './language-picker';

/** The frame of the pages seen before sign-in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="public">
      <header className="public__top">
        <span className="brand">Samtal</span>
        <LanguagePicker />
      </header>
      <main id="main" className="public__main">
        <div className="card public__card">{children}</div>
      </main>
    </div>
  );
}
