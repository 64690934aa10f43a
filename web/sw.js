// Service worker: the page opened once reloads without a network (issue 20). The build stamps this file in
// dist/ (scripts/stamp_service_worker.mjs): BUILD is a hash of every shipped file, FILES the list to cache.
// A new build has a new BUILD, so a new cache; the old one is deleted when the new worker takes over.
'use strict';
const BUILD = '__PG_BUILD__';
const FILES = ['./'];  // __PG_FILES__
const CACHE = 'lambda-playground-' + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lambda-playground-') && k !== CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Cache first, for this origin's GETs only; the query (?embed&preset=...) does not change a file. A file the
// cache lacks is fetched from the network (and not stored: the cache holds exactly one build).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});
