/*
 * Keeps the tab's shell (HTML, scripts, styles) available offline, so the side panel can be
 * reopened or reloaded in a meeting with no network and its outbox still holds every unsent word.
 * API responses are never cached: records stay in the partnership's tenant, not in the browser;
 * only the public sign-in settings (/auth/config) are kept, so an offline start can sign in.
 * The build replaces the two placeholders below (see precache-plugin.ts).
 */
const VERSION = '__VERSION__';
const SHELL = JSON.parse('__SHELL__');
const CACHE = `critical-friend-shell-${VERSION}`;
const PASS_THROUGH = /^\/(api|dev|auth)\//;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all([
          cache.addAll(['/', ...SHELL]),
          // Fetched by the page before this worker controlled it, so cached here too.
          cache.add('/auth/config').catch(() => undefined),
        ]),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('critical-friend-shell-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/auth/config') {
    // Public and data-free (how to sign in); kept so an offline reload can still start.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() =>
          caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? Response.error()),
        ),
    );
    return;
  }
  if (PASS_THROUGH.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // Network first so a new release is picked up at once; the cached shell when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match('/', { cacheName: CACHE }).then((hit) => hit ?? Response.error()),
      ),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change content, so the cache is always right.
    event.respondWith(
      caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)),
    );
  }
});
