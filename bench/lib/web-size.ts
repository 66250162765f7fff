/**
 * The JavaScript a first page load needs: index.html's module script and everything it
 * imports statically (what the browser must fetch before the app runs), each gzipped.
 * Lazily loaded chunks (`import()`) are not counted.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export type WebSize = {
  files: { file: string; bytes: number; gzipBytes: number; brBytes: number | null }[];
  /** What the server sends a browser: the build's brotli files (decision 021). */
  totalBrBytes: number | null;
  totalBytes: number;
  totalGzipBytes: number;
  /** CSS linked from index.html, for information (not part of the JavaScript figure). */
  cssGzipBytes: number;
  lazyChunks: number;
  gzipLevel: number;
};

const GZIP_LEVEL = 6; // gzip's own default, and what reverse proxies are usually set to

/** Static imports of a built ES module (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
function staticImports(code: string): string[] {
  const out = new Set<string>();
  const re = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const m of code.matchAll(re)) out.add(m[1]!);
  return [...out];
}

/** Measures a built web app in `dist` (a folder with index.html and assets/). */
function measureWebDist(dist: string): WebSize {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const local = (ref: string) => path.join(dist, ref.replace(/^\//, ''));
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => local(m[1]!));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const ref of staticImports(code)) queue.push(path.resolve(path.dirname(file), ref));
  }
  const files = [...seen].map((file) => {
    const buf = fs.readFileSync(file);
    return {
      file: path.relative(dist, file),
      bytes: buf.length,
      gzipBytes: zlib.gzipSync(buf, { level: GZIP_LEVEL }).length,
      brBytes: fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : null,
    };
  });
  const br = files.map((f) => f.brBytes);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => zlib.gzipSync(fs.readFileSync(local(m[1]!)), { level: GZIP_LEVEL }).length,
  );
  const allJs = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    files,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    totalBrBytes: br.every((n) => n !== null) ? br.reduce((s, n) => s! + n!, 0) : null,
    cssGzipBytes: css.reduce((s, n) => s + n, 0),
    lazyChunks: allJs.length - files.length,
    gzipLevel: GZIP_LEVEL,
  };
}

/**
 * Builds the web app into a scratch folder (not dist/web, which others' browser tests use at
 * the same time) and measures it.
 */
export function buildAndMeasureWeb(root: string): WebSize {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'samtal-bench-web-'));
  try {
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--logLevel',
        'warn',
        '--outDir',
        out,
        '--emptyOutDir',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return measureWebDist(out);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
