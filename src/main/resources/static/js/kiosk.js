// A shared tablet in kiosk mode: after a minute without input it goes back to the start page,
// which drops the session and anything typed, so the next person sees nothing of the one before.
(function () {
  'use strict';
  var home = document.body && document.body.getAttribute('data-kiosk-home');
  if (!home) {
    return;
  }
  if (window.location.pathname === home) {
    return; // the start page itself holds nothing of anyone
  }
  var idle = 60 * 1000;
  var timer;
  function restart() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      window.location.assign(home);
    }, idle);
  }
  ['keydown', 'pointerdown', 'input', 'touchstart', 'scroll'].forEach(function (name) {
    document.addEventListener(name, restart, {passive: true, capture: true});
  });
  restart();
})();
