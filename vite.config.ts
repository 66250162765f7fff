import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web app. Vite transforms TSX itself (oxc), so no React plugin is needed; we give up fast
 * refresh in dev for one dependency less. The server serves dist/web in production.
 */
export default defineConfig({
  root: here('./src/web'),
  // Copied as is to the root: the service worker, the web app manifest and its icons.
  publicDir: here('./src/web/public'),
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
