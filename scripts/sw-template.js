// Service worker of the Vientiane Vision Atlas: the app works offline after one visit.
//
// scripts/post_build.py writes this file into every build as sw.js, with BUILD filled in: the build's
// files (hashed names, so a file name always means the same bytes) and a version derived from their
// contents. A new build therefore has a new sw.js; the browser installs it beside the old one, and the
// page offers "A new version is available — reload" (src/pwa.rs). The new worker takes over only when
// the user says so (message "skip-waiting"), so a page never runs a mix of old and new files, and on
// taking over it deletes the caches of older builds.
//
// Only this origin's files are ever served from the cache or stored in it; requests to anywhere else
// are not touched (the app makes none).
'use strict';

const BUILD = /* BUILD */ { version: 'unbuilt', files: [], immutable: [] };

// The scope is part of the cache name: two copies of the app on one origin (say /atlas/ and
// /atlas-test/) never delete each other's caches.
const PREFIX = `vientiane-vision-atlas:${self.registration.scope}:`;
const CACHE = PREFIX + BUILD.version;
const SCOPE_PATH = new URL(self.registration.scope).pathname;
const SHELL = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    // A content-hashed name always means the same bytes, so the copy the page just loaded may come
    // from the HTTP cache (the first visit does not download the wasm twice). Every other file skips
    // the HTTP cache (`reload`): a stale index.html must never enter the precache.
    const immutable = new Set(BUILD.immutable);
    const requests = BUILD.files.map(
      (file) =>
        new Request(new URL(file, self.location.href).href, {
          cache: immutable.has(file) ? 'default' : 'reload',
        }),
    );
    await cache.addAll(requests);
  } catch (error) {
    // A half-filled cache must not survive a failed install; the browser retries on a later visit.
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(cachedOrNetwork(request, url));
});

/** The precached file for `url` (the app shell for the app's own address, whatever its query string),
 *  or the network's answer when the file is not part of the build. Nothing is added to the cache here. */
async function cachedOrNetwork(request, url) {
  const isShell = url.pathname === SCOPE_PATH || url.pathname === `${SCOPE_PATH}index.html`;
  const key = isShell ? SHELL : url.origin + url.pathname;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
  if (cached || request.mode === 'navigate') return cached || fetch(request);
  // Offline, a file outside the build (say an icon a browser asks for by itself) gets a plain "not
  // available" answer: a rejected respondWith() is reported as an error on the page (Firefox).
  return fetch(request).catch(() => new Response('', { status: 503, statusText: 'Offline' }));
}
