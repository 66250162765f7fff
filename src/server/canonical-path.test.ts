import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, pathProblem } from './canonical-path';

describe('pathProblem', () => {
  it('accepts canonical paths, with queries and escapes of reserved or non-ASCII characters', () => {
    for (const url of [
      '/',
      '/api/me',
      '/api/people?search=%C3%A5sa&limit=10',
      '/api/people?search=a/../b',
      '/people/%C3%A5sa',
      '/assets/index-abc.js',
      '/api/calendar/feed/abc_DEF-123.ics',
      '/a%20b',
      '/scim/v2/Users?filter=userName%20eq%20%22a%40b.c%22',
    ])
      expect(pathProblem(url), url).toBeNull();
  });
  it('refuses other spellings of a path', () => {
    for (const url of [
      '/%61pi/me',
      '/%61%70%69/me',
      '/api/m%65',
      '/api/%2E/me',
      '/api/%2e%2e/api/me',
      '//api/me',
      '/api//me',
      '/api/./me',
      '/api/../api/me',
      '/api/me/.',
      '/api/me/..',
      '/API/me',
      '/Api/me',
      '/SCIM/v2/Users',
      '/Scim/v2/Users',
      '/scim/v2/%55sers',
      '/api\\me',
      '/api%5Cme',
      '/api/%2F/me',
      '/api%2Fme',
      '/api%2fme',
      '/api/people/%E0%A4%A',
      '/api/people/%E0%A4',
      '/api/people/%zz',
      '/api/me%00',
      '/api/me%0a',
      'api/me',
    ])
      expect(pathProblem(url), url).toBe('bad_url');
  });
  it('refuses over-long URLs', () => {
    expect(pathProblem('/api/people?search=' + 'a'.repeat(MAX_URL_LENGTH))).toBe('url_too_long');
  });
});
