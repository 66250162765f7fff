import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of the web app's page (decision 018, docs/security.md): scripts
 * only from Samtal itself, no inline script except the build's import map (allowed by its
 * hash: it is data, carrying the Subresource Integrity of every lazily loaded chunk), no
 * plugins, no <base>, no framing, and network only to Samtal and its live WebSocket.
 */
export function contentSecurityPolicy(opts: {
  /** 'sha256-…' sources of inline scripts the build wrote (the import map). */
  inlineScriptHashes: string[];
  /** Origins of the live WebSocket besides 'self', e.g. wss://samtal.example. */
  socketOrigins: string[];
}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...opts.inlineScriptHashes.map((h) => `'${h}'`)]],
    ['style-src', ["'self'"]],
    // The favicon is a data: URL in index.html.
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...opts.socketOrigins]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** The hash sources of the import maps inline in a built index.html (no other inline script). */
export function importMapHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\btype\s*=\s*["']?importmap\b/i.test(m[1]!)) continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** ws: and wss: of an http(s) origin or a Host header; nothing for anything else. */
export function socketOriginsOf(...hosts: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const host of hosts) {
    if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) continue;
    out.add(`ws://${host}`);
    out.add(`wss://${host}`);
  }
  return [...out];
}
