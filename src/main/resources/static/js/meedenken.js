// Small helpers for every page. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // htmx requests carry the CSRF token like normal forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Filter forms that say data-autosubmit send themselves when a select changes (without htmx too).
  document.addEventListener('change', function (event) {
    var form = event.target.closest && event.target.closest('form[data-autosubmit]');
    if (form && event.target.tagName === 'SELECT' && !window.htmx) {
      form.submit();
    }
  });

  // Copy buttons: data-copy="#id" copies that element's text.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (!button || !navigator.clipboard) {
      return;
    }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (source) {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var done = button.getAttribute('data-copied');
        if (done) {
          button.textContent = done;
        }
      });
    }
  });
  // Forms that say data-reset-after are emptied once htmx has sent them successfully,
  // so the next card can be typed at once.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (form && form.matches && form.matches('form[data-reset-after]') && event.detail.successful) {
      var kind = form.querySelector('input[name="kind"]:checked');
      var chosen = kind ? kind.value : null;
      form.reset();
      if (chosen) {
        form.querySelector('input[name="kind"][value="' + chosen + '"]').checked = true;
      }
      var text = form.querySelector('textarea');
      if (text) {
        text.focus();
      }
    }
  });
})();
