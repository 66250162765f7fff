import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import sri from 'vite-plugin-sri-gen';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes every script, style sheet and SVG of the build also as .br (brotli, best) and .gz
 * (gzip, best), which the server sends to browsers that accept them (decision 021): the best
 * compression once at build time instead of a fast one on every request.
 */
function precompress(): Plugin {
  return {
    name: 'samtal-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir!;
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(dir, name);
        const data = fs.readFileSync(file);
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * The web app. Vite transforms TSX itself (oxc), so no React plugin is needed; we give up fast
 * refresh in dev for one dependency less. The server serves dist/web in production.
 */
export default defineConfig({
  root: here('./src/web'),
  // Copied as is to the root: the service worker, the web app manifest and its icons.
  publicDir: here('./src/web/public'),
  // Subresource Integrity on every script, module preload and style sheet index.html names
  // (decision 018, docs/security.md). No injected runtime and no preloading of lazy chunks: the
  // runtime would be code of the plugin's own in every page, and preloading every lazy screen
  // would undo the small first load (decision 021). Lazy chunks load from 'self' under the CSP.
  plugins: [
    sri({ algorithm: 'sha384', preloadDynamicChunks: false, runtimePatchDynamicLinks: false }),
    precompress(),
  ],
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      // React Query marks its hooks "use client" for server-component bundlers; meaningless here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // A regex, not the prefix '/api': that would also catch our own module /api.ts.
    proxy: {
      '^/api/': 'http://127.0.0.1:3000',
      '^/healthz$': 'http://127.0.0.1:3000',
    },
  },
});
