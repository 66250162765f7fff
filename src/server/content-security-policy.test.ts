import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, importMapHashes, socketOriginsOf } from './content-security-policy';

describe('content security policy', () => {
  it('allows scripts from self and the given hashes only, no plugins, base or framing', () => {
    const csp = contentSecurityPolicy({
      inlineScriptHashes: ['sha256-abc='],
      socketOrigins: ['wss://samtal.example'],
    });
    expect(csp).toContain("script-src 'self' 'sha256-abc='");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' wss://samtal.example");
    expect(csp).not.toMatch(/unsafe|\*/);
  });

  it('hashes the import map only, byte for byte; other inline scripts get no pass', () => {
    const map = '{"integrity":{"/assets/a.js":"sha384-x"}}';
    const html = `<script type="importmap">${map}</script><script>alert(1)</script><script type="module" src="/assets/a.js"></script>`;
    expect(importMapHashes(html)).toEqual([
      `sha256-${createHash('sha256').update(map).digest('base64')}`,
    ]);
  });

  it('turns hosts into ws: and wss: origins, and ignores a Host header that is not a host', () => {
    expect(socketOriginsOf('samtal.example', 'samtal.example', '127.0.0.1:3000')).toEqual([
      'ws://samtal.example',
      'wss://samtal.example',
      'ws://127.0.0.1:3000',
      'wss://127.0.0.1:3000',
    ]);
    expect(socketOriginsOf('evil; script-src *', 'a b', undefined)).toEqual([]);
  });
});
