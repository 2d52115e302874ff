// Meedenken as an app on the home screen: registers the service worker (/sw.js) on every page,
// offers "Add to your home screen" on the shop-floor home page, and lets the offline page try
// again. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/sw.js', {scope: '/'}).catch(function () {
      // without a worker the app works as a normal website
    });
    // the offline page the worker keeps should be in the language of the screens
    navigator.serviceWorker.ready.then(function (registration) {
      var lang = document.documentElement.getAttribute('lang');
      if (registration.active && lang) {
        registration.active.postMessage({type: 'language', lang: lang});
      }
    });
  }

  function installed() {
    return (window.matchMedia && window.matchMedia('(display-mode: standalone)').matches)
      || window.navigator.standalone === true;
  }

  // Safari on an iPhone or iPad (an iPad says it is a Mac, but has a touch screen). Chrome, Firefox
  // and Edge on iOS name themselves; only Safari can add a page to the home screen there.
  function iosSafari() {
    var agent = window.navigator.userAgent || '';
    var ios = /iPad|iPhone|iPod/.test(agent)
      || (window.navigator.platform === 'MacIntel' && window.navigator.maxTouchPoints > 1);
    return ios && /Safari\//.test(agent) && !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\//.test(agent);
  }

  var offer = null;
  var waiting = null; // the browser's install prompt, kept until the person asks for it

  function setUp() {
    offer = document.querySelector('[data-install]');
    if (!offer || installed()) {
      return;
    }
    var button = offer.querySelector('[data-install-button]');
    var hint = offer.querySelector('[data-install-ios]');
    if (waiting) {
      showButton();
    } else if (hint && iosSafari()) {
      hint.hidden = false;
      offer.hidden = false;
    }
    if (button) {
      button.addEventListener('click', function () {
        if (!waiting) {
          return;
        }
        var prompt = waiting;
        waiting = null;
        prompt.prompt();
        Promise.resolve(prompt.userChoice).then(function (choice) {
          if (choice && choice.outcome === 'accepted') {
            done();
          } else {
            hide();
          }
        }, hide);
      });
    }
  }

  function showButton() {
    if (!offer || installed()) {
      return;
    }
    var button = offer.querySelector('[data-install-button]');
    var hint = offer.querySelector('[data-install-ios]');
    if (button) {
      button.hidden = false;
      if (hint) {
        hint.hidden = true;
      }
      offer.hidden = false;
    }
  }

  function hide() {
    if (offer) {
      offer.hidden = true;
    }
  }

  function done() {
    if (!offer) {
      return;
    }
    var button = offer.querySelector('[data-install-button]');
    var status = offer.querySelector('[data-install-status]');
    if (button) {
      button.hidden = true;
    }
    if (status && status.getAttribute('data-done')) {
      status.textContent = status.getAttribute('data-done');
    } else {
      hide();
    }
  }

  window.addEventListener('beforeinstallprompt', function (event) {
    event.preventDefault(); // shown on our button, not as the browser's own banner
    waiting = event;
    showButton();
  });
  window.addEventListener('appinstalled', function () {
    waiting = null;
    done();
  });

  // The offline page: "Try again" reloads the page that could not be reached, and so does the
  // connection coming back.
  function setUpOfflinePage() {
    var retry = document.querySelector('[data-reload]');
    if (!retry) {
      return;
    }
    retry.addEventListener('click', function (event) {
      event.preventDefault();
      window.location.reload();
    });
    window.addEventListener('online', function () {
      window.location.reload();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      setUp();
      setUpOfflinePage();
    });
  } else {
    setUp();
    setUpOfflinePage();
  }
})();
