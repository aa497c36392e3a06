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
// Published datasets (`?dataset=`, `datasets/index.json`) are no part of the build: each copy fetched
// is kept here, apart from the build's caches (its name does not start with PREFIX, so a new build
// keeps it), for the file to open offline once it has been opened online.
const PUBLISHED = `vientiane-vision-atlas-published:${self.registration.scope}`;

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
 *  a published dataset, or the network's answer when the file is not part of the build. */
async function cachedOrNetwork(request, url) {
  const isShell = url.pathname === SCOPE_PATH || url.pathname === `${SCOPE_PATH}index.html`;
  const key = isShell ? SHELL : url.origin + url.pathname;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
  if (cached || request.mode === 'navigate') return cached || fetch(request);
  if (url.pathname.startsWith(SCOPE_PATH) && url.pathname.endsWith('.json')) {
    return publishedFile(request);
  }
  // Offline, a file outside the build (say an icon a browser asks for by itself) gets a plain "not
  // available" answer: a rejected respondWith() is reported as an error on the page (Firefox).
  return fetch(request).catch(offline);
}

/** The worker's answer for a file it cannot fetch and does not hold: `503 Offline`, which the page
 *  reads as "no network" (src/files.rs, `OFFLINE_STATUS_TEXT`). */
function offline() {
  return new Response('', { status: 503, statusText: 'Offline' });
}

/** A published dataset: the network first, so that an organiser's new version is seen at once, and
 *  the copy from the last successful fetch when there is no network. A missing file (404) is not
 *  kept, and removes an older copy: the organiser took it down. The cache is opened only when there
 *  is something to keep, so a site without published datasets has none. */
async function publishedFile(request) {
  let response;
  try {
    response = await fetch(request);
  } catch {
    const kept = (await caches.has(PUBLISHED))
      ? await (await caches.open(PUBLISHED)).match(request, { ignoreVary: true })
      : undefined;
    return kept || offline();
  }
  if (response.ok) {
    const cache = await caches.open(PUBLISHED);
    await cache.put(request, response.clone()).catch(() => {});
  } else if ((response.status === 404 || response.status === 410) && (await caches.has(PUBLISHED))) {
    await (await caches.open(PUBLISHED)).delete(request, { ignoreVary: true });
  }
  return response;
}
