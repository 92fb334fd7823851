// JudgeHub service worker: keeps the app itself on the device, so a judge can reopen or reload
// the page while the hub is unreachable. Scores are not here (they live in IndexedDB and on the
// hub); this caches only the UI. Service workers run on https and on localhost only.
const CACHE = 'judgehub-shell-v1';
const SHELL = ['/', '/index.html', '/favicon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch('/index.html', { cache: 'no-store' });
      await cache.put('/index.html', response.clone());
      const html = await response.text();
      // The built page names its hashed scripts and styles: take them along now.
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set([...SHELL.filter((u) => u !== '/index.html'), ...assets])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return;
  if (event.request.mode === 'navigate') {
    // Pages: the hub's newest when reachable, the kept copy when not.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(event.request);
          if (response.ok) (await caches.open(CACHE)).put('/index.html', response.clone());
          return response;
        } catch {
          return (await caches.match('/index.html')) ?? Response.error();
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    // Hashed assets never change: the kept copy first.
    event.respondWith(
      (async () => {
        const cached = await caches.match(event.request);
        if (cached) return cached;
        const response = await fetch(event.request);
        if (response.ok) (await caches.open(CACHE)).put(event.request, response.clone());
        return response;
      })(),
    );
  }
});
