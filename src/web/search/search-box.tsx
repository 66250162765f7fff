import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { SEARCH_QUERY_MAX } from '../../domain/search/search';

/** True when a key press goes to something the person is typing in. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The search field of the top bar; "/" anywhere outside a text field puts the cursor in it. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    setQ(current);
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = q.trim();
    if (text) void navigate(`/search?q=${encodeURIComponent(text)}`);
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="search-box" className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="search-box"
        ref={input}
        type="search"
        className="search-box__input"
        value={q}
        maxLength={SEARCH_QUERY_MAX}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="/"
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit" className="button button--secondary button--small">
        {t('search.submit')}
      </button>
    </form>
  );
}
