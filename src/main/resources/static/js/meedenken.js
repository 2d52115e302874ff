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
  // Forms that say data-reset-after are emptied once htmx has sent them and the server took
  // what was sent (a refusal says X-Refused), so the next card can be typed at once. The
  // chosen column and the "without my name" choice stay as they were; a status line tells
  // screen readers that it worked.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (!form || !form.matches || !form.matches('form[data-reset-after]') || !event.detail.successful
        || event.detail.xhr.getResponseHeader('X-Refused')) {
      return;
    }
    var kind = form.querySelector('input[name="kind"]:checked');
    var anonymous = form.querySelector('input[name="anonymous"]');
    var chosen = kind ? kind.value : null;
    var withoutName = anonymous ? anonymous.checked : false;
    form.reset();
    if (chosen) {
      form.querySelector('input[name="kind"][value="' + chosen + '"]').checked = true;
    }
    if (anonymous) {
      anonymous.checked = withoutName;
    }
    var status = form.querySelector('[data-status]');
    if (status && form.getAttribute('data-done')) {
      status.textContent = form.getAttribute('data-done');
    }
    var text = form.querySelector('textarea');
    if (text) {
      text.focus();
    }
  });

  // A field marked invalid is announced as such, together with the message below it.
  function describeErrors() {
    var fields = document.querySelectorAll('.is-invalid');
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      field.setAttribute('aria-invalid', 'true');
      var message = field.parentNode.querySelector('.field-error');
      if (message && field.id) {
        if (!message.id) {
          message.id = field.id + '-error';
        }
        var described = field.getAttribute('aria-describedby') || '';
        if (described.split(' ').indexOf(message.id) < 0) {
          field.setAttribute('aria-describedby', (described + ' ' + message.id).trim());
        }
      }
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', describeErrors);
  } else {
    describeErrors();
  }
})();
