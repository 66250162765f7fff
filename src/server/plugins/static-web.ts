import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build output: its name changes with its content, so a browser may keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app (decision 021). The build writes each script and style sheet also
 * as .br and .gz (vite.config.ts); the file a browser accepts is sent as it is, so nothing is
 * compressed per request. Files under assets/ carry their content hash in their name and are
 * cached for a year; index.html, which names them, is never cached, so a new release is
 * picked up at the next page load. Every GET outside /api that is not a file gets index.html:
 * the web app routes on the client.
 */
export async function staticWeb(app: FastifyInstance, opts: { root: string }) {
  const assets = path.join(opts.root, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, file) => {
      res.header('cache-control', file.startsWith(assets) ? IMMUTABLE : 'no-store');
    },
  });
  const indexHtml = fs.readFileSync(path.join(opts.root, 'index.html'), 'utf8');
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(indexHtml);
  });
}
