import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors';
import {
  contentSecurityPolicy,
  importMapHashes,
  socketOriginsOf,
} from '../content-security-policy';

/** Hashed build output: its name changes with its content, so a browser may keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Paths the server owns: never answered with the web app, found or not. */
const SERVER_PATHS = /^\/(api|calendar|scim)(\/|$)/;
/** Fastify's default longest path parameter: longer ones miss their route and land here. */
const MAX_PARAM_LENGTH = 100;

/**
 * Serves the built web app (decision 021). The build writes each script and style sheet also
 * as .br and .gz (vite.config.ts); the file a browser accepts is sent as it is, so nothing is
 * compressed per request. Files under assets/ carry their content hash in their name and are
 * cached for a year; index.html, which names them, is never cached, so a new release is
 * picked up at the next page load. Every GET outside /api that is not a file gets index.html:
 * the web app routes on the client.
 */
export async function staticWeb(app: FastifyInstance, opts: { root: string; publicUrl: string }) {
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
  const inlineScriptHashes = importMapHashes(indexHtml);
  const publicHost = new URL(opts.publicUrl).host;
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (SERVER_PATHS.test(pathname)) {
      // A route whose id was too long falls through to here: answer as the router would alone.
      if (pathname.split('/').some((s) => s.length > MAX_PARAM_LENGTH))
        throw new AppError('request.url_too_long');
      return reply.callNotFound();
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        contentSecurityPolicy({
          inlineScriptHashes,
          // The live meeting's WebSocket, at the public address and the one this page came from.
          socketOrigins: socketOriginsOf(publicHost, request.headers.host),
        }),
      )
      .send(indexHtml);
  });
}
