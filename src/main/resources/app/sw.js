// Meedenken's service worker (served as /sw.js, scope /). Kept small on purpose.
//
// What it keeps on the phone, in one cache whose name carries the version of the static files:
//   - styles, scripts, images, icons and webjars (/css/ /js/ /img/ /icons/ /webjars/), which are
//     the same for everyone; served from the copy and refreshed in the background;
//   - the offline page (/offline, in the reader's language) and the files it links to, fetched
//     when the worker is installed.
// What it never keeps: pages, htmx fragments, API answers, downloads, anything sent with POST.
// Those carry personal data and go to the network untouched; when a page cannot be reached
// the offline page is shown instead.
'use strict';

// Push messages: showing them and opening their link on a tap (platform/push).
importScripts('/js/push-sw.js');

var VERSION = '__VERSION__';
var CACHE = 'meedenken-static-' + VERSION;
var OFFLINE = '/offline';
var STATIC_PREFIXES = ['/css/', '/js/', '/img/', '/icons/', '/webjars/'];

function isStatic(url) {
  return url.origin === self.location.origin && STATIC_PREFIXES.some(function (prefix) {
    return url.pathname.indexOf(prefix) === 0;
  });
}

// Only a complete, same-origin, unredirected answer is worth keeping.
function keepable(response) {
  return response && response.ok && response.status === 200 && response.type === 'basic' && !response.redirected;
}

/** Fetches the offline page and the styles and scripts it links to, and keeps them. */
function keepOfflinePage() {
  return caches.open(CACHE).then(function (cache) {
    return fetch(OFFLINE, {credentials: 'same-origin', cache: 'no-cache'}).then(function (response) {
      if (!keepable(response)) {
        throw new Error('offline page not available: ' + response.status);
      }
      return response.clone().text().then(function (html) {
        var linked = [];
        var pattern = /(?:href|src)="([^"]+)"/g;
        var match;
        while ((match = pattern.exec(html)) !== null) {
          var url = new URL(match[1].replace(/&amp;/g, '&'), self.location.origin);
          if (isStatic(url) && !url.search && linked.indexOf(url.pathname) < 0) {
            linked.push(url.pathname);
          }
        }
        return Promise.all(linked.map(function (path) {
          return fetch(path).then(function (file) {
            return keepable(file) ? cache.put(path, file) : undefined;
          });
        })).then(function () {
          return cache.put(OFFLINE, response);
        });
      });
    });
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(keepOfflinePage().then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf('meedenken-') === 0 && name !== CACHE;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

// A page tells the worker its language; when the kept offline page is in another one (the person
// chose a language since), it is fetched again.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'language' || typeof data.lang !== 'string') {
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.match(OFFLINE);
  }).then(function (kept) {
    var keptLang = kept ? (kept.headers.get('Content-Language') || '').split('-')[0] : '';
    if (keptLang !== data.lang.split('-')[0]) {
      return keepOfflinePage().catch(function () {
        // no connection now: the next page will ask again
      });
    }
    return undefined;
  }));
});

function fromCacheThenRefresh(event) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(event.request).then(function (kept) {
      var fresh = fetch(event.request).then(function (response) {
        if (keepable(response)) {
          cache.put(event.request, response.clone());
        }
        return response;
      });
      if (kept) {
        event.waitUntil(fresh.catch(function () {
          return undefined;
        }));
        return kept;
      }
      return fresh;
    });
  });
}

function pageOrOfflinePage(event) {
  return fetch(event.request).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(OFFLINE);
    }).then(function (offline) {
      return offline || Response.error();
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    // POSTs (forms, the driver app's queued taps, htmx) always go to the network untouched.
    //
    // Later: the driver app's offline queue moves here. Today static/js/meedenken.js keeps the
    // taps of forms marked data-queue in localStorage and sends them when the page is back
    // online; a worker version can add a 'sync' listener and a queue in IndexedDB at this place,
    // keeping the same idempotency key per tap so a resend is stored once.
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // pages are never kept: the network, or the offline page when there is none
    event.respondWith(pageOrOfflinePage(event));
    return;
  }
  if (isStatic(url) && !url.search) {
    event.respondWith(fromCacheThenRefresh(event));
  }
  // everything else (htmx fragments, JSON, CSV, PDF, photos) goes to the network untouched
});
