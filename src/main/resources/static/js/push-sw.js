// Push messages in Meedenken's service worker. /sw.js loads this with importScripts('/js/push-sw.js').
// A message is JSON {title, text, link}; it is shown as a notification, and a tap opens the link
// (only an address of this app: anything else opens the home page).
(function () {
  'use strict';

  function safeLink(link) {
    try {
      var url = new URL(link || '/', self.location.origin);
      return url.origin === self.location.origin ? url.href : self.location.origin + '/';
    } catch (e) {
      return self.location.origin + '/';
    }
  }

  self.addEventListener('push', function (event) {
    var message = {};
    if (event.data) {
      try {
        message = event.data.json();
      } catch (e) {
        message = {text: event.data.text()};
      }
    }
    event.waitUntil(self.registration.showNotification(message.title || 'Meedenken', {
      body: message.text || '',
      icon: '/img/favicon.svg',
      data: {link: safeLink(message.link)}
    }));
  });

  self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    var link = safeLink(event.notification.data && event.notification.data.link);
    event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        if (windows[i].url === link && 'focus' in windows[i]) {
          return windows[i].focus();
        }
      }
      return self.clients.openWindow(link);
    }));
  });
})();
