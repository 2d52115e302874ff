// "Get notifications on this phone" on the profile page (Web Push). The button shows only when
// the browser can do push; the browser asks for permission only after the person pressed it.
(function () {
  'use strict';

  var supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
      && window.isSecureContext;

  function headers() {
    var result = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      result[header.content] = token.content;
    }
    return result;
  }

  function say(panel, text) {
    var status = panel.querySelector('[data-push-status]');
    if (status) {
      status.textContent = text || '';
    }
  }

  function show(panel, subscribed) {
    panel.querySelector('[data-push-subscribe]').hidden = subscribed;
    panel.querySelector('[data-push-unsubscribe]').hidden = !subscribed;
  }

  function current() {
    return navigator.serviceWorker.getRegistration('/').then(function (registration) {
      return registration ? registration.pushManager.getSubscription() : null;
    });
  }

  function setUp(panel) {
    if (!panel || panel.getAttribute('data-push-set-up')) {
      return;
    }
    panel.setAttribute('data-push-set-up', 'true');
    if (!supported) {
      panel.querySelector('[data-push-unsupported]').hidden = false;
      return;
    }
    current().then(function (subscription) {
      show(panel, !!subscription);
    }, function () {
      show(panel, false);
    });
  }

  // Loads the panel again (the number of devices changed) and then says what happened.
  function reload(text) {
    var holder = document.getElementById('push-panel');
    if (!holder || !window.htmx) {
      return;
    }
    window.htmx.ajax('GET', '/push/panel', {target: holder, swap: 'innerHTML'}).then(function () {
      var panel = holder.querySelector('[data-push]');
      if (panel) {
        say(panel, panel.getAttribute(text));
      }
    });
  }

  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var raw = window.atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      out[i] = raw.charCodeAt(i);
    }
    return out;
  }

  // A push service that does not answer (no network, or none in this browser) ends as a failure.
  function within(milliseconds, promise) {
    return Promise.race([promise, new Promise(function (resolve, reject) {
      setTimeout(function () {
        reject(new Error('no answer from the push service'));
      }, milliseconds);
    })]);
  }

  function subscribe(panel, button) {
    button.disabled = true;
    say(panel, '');
    // the key is asked for at once; the permission question comes from this same tap
    var key = fetch('/push/key', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) {
          if (!response.ok || response.redirected) {
            throw new Error('no key');
          }
          return response.json();
        })
        .then(function (json) {
          panel.setAttribute('data-key', json.publicKey);
          return json.publicKey;
        });
    var permission = Promise.resolve(Notification.requestPermission());
    Promise.all([key, permission]).then(function (both) {
      if (both[1] !== 'granted') {
        panel.setAttribute('data-push-outcome', 'blocked');
        say(panel, panel.getAttribute('data-blocked'));
        button.disabled = false;
        return null;
      }
      return navigator.serviceWorker.register('/sw.js', {scope: '/'})
          .then(function () {
            return navigator.serviceWorker.ready;
          })
          .then(function (registration) {
            return within(20000, registration.pushManager.subscribe({userVisibleOnly: true,
              applicationServerKey: bytes(both[0])}));
          })
          .then(function (subscription) {
            return fetch('/push/subscriptions', {method: 'POST', credentials: 'same-origin', headers: headers(),
              body: JSON.stringify(subscription.toJSON())});
          })
          .then(function (response) {
            // 201 only: a session that ended answers with the sign-in page
            if (response.status !== 201 || response.redirected) {
              throw new Error('not kept');
            }
            reload('data-on');
          });
    }).catch(function () {
      panel.setAttribute('data-push-outcome', 'failed');
      say(panel, panel.getAttribute('data-failed'));
      button.disabled = false;
    });
  }

  function unsubscribe(panel, button) {
    button.disabled = true;
    current().then(function (subscription) {
      if (!subscription) {
        return null;
      }
      var endpoint = subscription.endpoint;
      return subscription.unsubscribe().then(function () {
        return fetch('/push/subscriptions/remove', {method: 'POST', credentials: 'same-origin', headers: headers(),
          body: JSON.stringify({endpoint: endpoint})});
      });
    }).then(function (response) {
      if (response && (!response.ok || response.redirected)) {
        throw new Error('not removed');
      }
      reload('data-removed');
    }, function () {
      say(panel, panel.getAttribute('data-failed'));
      button.disabled = false;
    });
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest && event.target.closest('[data-push-subscribe], [data-push-unsubscribe]');
    var panel = target && target.closest('[data-push]');
    if (!panel) {
      return;
    }
    if (target.hasAttribute('data-push-subscribe')) {
      subscribe(panel, target);
    } else {
      unsubscribe(panel, target);
    }
  });

  document.addEventListener('htmx:afterSettle', function () {
    setUp(document.querySelector('[data-push]'));
  });
  setUp(document.querySelector('[data-push]'));
})();
