/**
 * Paths are taken only in their one canonical spelling, so that what a check sees (the raw URL)
 * and what the router serves (the decoded path) can never differ: `/%61pi/me`, `//api/me`,
 * `/api/./me`, `/API/me` or `/api\me` are refused rather than guessed at.
 */

/** The longest URL taken (path and query); longer ones are answered 414. */
export const MAX_URL_LENGTH = 4096;

export type PathProblem = 'bad_url' | 'url_too_long';

// RFC 3986 unreserved characters: they must never be percent-encoded in a canonical URL.
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Why the raw request URL is not canonical, or null when it is. */
export function pathProblem(rawUrl: string): PathProblem | null {
  if (rawUrl.length > MAX_URL_LENGTH) return 'url_too_long';
  const q = rawUrl.indexOf('?');
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!path.startsWith('/')) return 'bad_url';
  if (path.includes('\\') || path.includes('//')) return 'bad_url';
  // Percent escapes: well-formed, never of an unreserved character, valid UTF-8 once decoded.
  for (let i = path.indexOf('%'); i !== -1; i = path.indexOf('%', i + 1)) {
    const hex = path.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return 'bad_url';
    const char = String.fromCharCode(parseInt(hex, 16));
    // An encoded slash would make the segments the router sees differ from the ones sent.
    if (UNRESERVED.test(char) || char === '/') return 'bad_url';
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'bad_url';
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded) || decoded.includes('\\')) return 'bad_url';
  const segments = decoded.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return 'bad_url';
  if (decoded.includes('//')) return 'bad_url';
  // The API lives under `/api/` exactly, SCIM under `/scim/`; `/API/`, `/Scim/` are not other
  // names for them.
  const first = segments[1] ?? '';
  if (
    (first.toLowerCase() === 'api' || first.toLowerCase() === 'scim') &&
    first !== first.toLowerCase()
  )
    return 'bad_url';
  return null;
}
