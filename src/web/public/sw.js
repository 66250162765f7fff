/* global self, caches, fetch */
/*
 * Samtal's service worker (decision 020), written by hand: a few dozen lines we can read in
 * full beat a generated one. It makes a meeting opened once available offline:
 * - pages: network first, the app shell from the cache when offline;
 * - /assets/ (hashed, never change): cache first;
 * - a short list of reads the meeting page needs: network first, the last answer offline.
 * Private notes and reflections are never cached; signing out empties the cache. Writes are
 * never touched here: the page keeps them in its outbox and replays them.
 */
const SHELL = 'samtal-shell-v1';
const DATA = 'samtal-data-v1';
const KEEP = [SHELL, DATA];

/** Reads kept for offline use: the meeting page, who is signed in, the check-in. */
const CACHEABLE = [
  /^\/api\/me$/,
  /^\/api\/one-on-ones\/meetings\/[0-9a-f-]{36}(\/check-in)?$/,
  /^\/api\/one-on-ones\/(mine|overview|templates)$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.add('/'))
      .catch(() => undefined),
  );
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => !KEEP.includes(k)).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'signed-out') event.waitUntil(caches.delete(DATA));
});

async function networkFirst(request, cacheName, key) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(key ?? request, response.clone());
    }
    return response;
  } catch (err) {
    const cached = await caches.match(key ?? request);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page is the same app shell; keep the newest one.
    event.respondWith(networkFirst(request, SHELL, '/'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.search === '' && CACHEABLE.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA));
  }
});
