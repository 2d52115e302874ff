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

// Driver app: forms marked data-queue are kept on the phone and sent when there is a
// connection, oldest first, each with the key the page gave it and the time of the tap. A
// retry of the same action carries the same key, so the server stores it once. Each driver
// has their own queue on a shared phone; what the server refuses for good is set apart and
// counted on the page instead of being dropped without a word.
(function () {
  'use strict';
  var sending = false;

  function owner() {
    var holder = document.querySelector('[data-queue-owner]');
    return holder ? holder.getAttribute('data-queue-owner') : null;
  }

  function load(kind) {
    try {
      return JSON.parse(localStorage.getItem('meedenken.driver.' + kind + '.' + owner()) || '[]');
    } catch (e) {
      return [];
    }
  }

  function save(kind, list) {
    localStorage.setItem('meedenken.driver.' + kind + '.' + owner(), JSON.stringify(list));
  }

  function showStatus(needsLogin) {
    var status = document.querySelector('[data-queue-status]');
    if (!status) {
      return;
    }
    var count = load('queue').length;
    var failed = load('failed').length;
    var text = '';
    if (needsLogin && count > 0) {
      text = status.getAttribute('data-login');
    } else if (count > 0) {
      text = (count === 1 ? status.getAttribute('data-one') : status.getAttribute('data-many')).replace('{0}', String(count));
    }
    if (failed > 0) {
      text = (text ? text + ' ' : '') + status.getAttribute('data-failed').replace('{0}', String(failed));
    }
    status.textContent = text;
  }

  function send(reloadWhenDone) {
    if (!owner()) {
      return;
    }
    var queue = load('queue');
    if (sending || queue.length === 0) {
      showStatus(false);
      return;
    }
    sending = true;
    var item = queue[0];
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {'X-Queued': '1', 'Content-Type': 'application/x-www-form-urlencoded'};
    if (token && header) {
      headers[header.content] = token.content;
    }
    fetch(item.url, {method: 'POST', body: new URLSearchParams(item.fields).toString(), headers: headers,
      credentials: 'same-origin'})
      .then(function (response) {
        sending = false;
        var signedOut = response.redirected && response.url.indexOf('/login') >= 0;
        if (signedOut || response.status === 401 || response.status === 403) {
          showStatus(true); // kept until the driver has signed in again
          return;
        }
        var refused = response.status >= 400 && response.status < 500 && response.status !== 408
            && response.status !== 429;
        if (!response.ok && !refused) {
          showStatus(false); // the server could not take it now: try again later
          return;
        }
        var rest = load('queue');
        rest.shift();
        save('queue', rest);
        if (refused) {
          var failed = load('failed');
          failed.push(item);
          save('failed', failed);
        }
        if (rest.length > 0) {
          send(reloadWhenDone);
        } else if (reloadWhenDone && item.next && window.location.pathname !== item.next.split('#')[0]) {
          window.location.href = item.next;
        } else if (reloadWhenDone) {
          window.location.reload();
        } else {
          showStatus(false);
        }
      })
      .catch(function () {
        sending = false;
        showStatus(false);
      });
  }

  /** Whether the form lacks something the server would refuse, so it is better sent the normal way. */
  function incomplete(form) {
    var missing = false;
    form.querySelectorAll('[data-required-choice]').forEach(function (group) {
      if (!group.querySelector('input:checked')) {
        missing = true;
      }
    });
    form.querySelectorAll('[data-required]').forEach(function (field) {
      var when = field.getAttribute('data-required');
      var needed = when === '' || !!form.querySelector('input[value="' + when + '"]:checked');
      if (needed && field.value.trim() === '') {
        missing = true;
      }
    });
    return missing;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-queue]') || !window.fetch || !window.localStorage || !owner()) {
      return;
    }
    var file = form.querySelector('input[type="file"]');
    if ((file && file.files && file.files.length > 0) || incomplete(form)) {
      return; // a photo goes with the form itself; an incomplete form gets its messages from the server
    }
    event.preventDefault();
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') {
        fields[name] = value;
      }
    });
    fields.at = new Date().toISOString();
    var queue = load('queue');
    if (!queue.some(function (item) { return item.fields.key === fields.key; })) {
      queue.push({url: form.action, fields: fields, next: form.getAttribute('data-next')});
      save('queue', queue);
    }
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
    }
    var holder = form.closest('li, .panel') || form;
    if (!holder.querySelector('.pending-note') && form.getAttribute('data-pending')) {
      var note = document.createElement('p');
      note.className = 'pending-note';
      note.setAttribute('role', 'status');
      note.textContent = form.getAttribute('data-pending');
      holder.appendChild(note);
    }
    showStatus(false);
    send(true);
  });

  window.addEventListener('online', function () {
    send(true);
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (owner()) {
      send(true);
      window.setInterval(function () {
        send(true);
      }, 10000);
    }
  });
})();

// A form that says data-retry-after="N" sends itself again after N seconds (the server was busy
// and kept the answers); the status line counts down. Typing in the form stops the countdown.
(function () {
  'use strict';
  var form = document.querySelector('form[data-retry-after]');
  if (!form) {
    return;
  }
  var status = document.querySelector('[data-retry-status]');
  var left = parseInt(form.getAttribute('data-retry-after'), 10) || 5;
  var stopped = false;
  form.addEventListener('input', function () {
    stopped = true;
  });
  var timer = window.setInterval(function () {
    if (stopped) {
      window.clearInterval(timer);
      return;
    }
    left -= 1;
    if (left <= 0) {
      window.clearInterval(timer);
      if (status) {
        status.textContent = status.getAttribute('data-retry-sending');
      }
      form.submit();
    } else if (status) {
      status.textContent = left === 1 ? status.getAttribute('data-retry-one')
        : status.getAttribute('data-retry-template').replace('{0}', String(left));
    }
  }, 1000);
})();

// A form that was not taken (a character that cannot be stored, a session that had ended)
// comes back filled in: the server puts what was typed in #kept-form, and this puts it back
// into the form that was sent, by field name. Hidden fields, passwords and files keep what
// the page gave them. The reason goes next to its field when the server could tell which.
(function () {
  'use strict';
  var kept = document.getElementById('kept-form');
  if (!kept) {
    return;
  }
  var action = kept.getAttribute('data-action');
  var values = {};
  Array.prototype.forEach.call(kept.querySelectorAll('[data-name]'), function (item) {
    var name = item.getAttribute('data-name');
    (values[name] = values[name] || []).push(item.getAttribute('data-value'));
  });
  var forms = Array.prototype.slice.call(document.querySelectorAll('#main form'));
  function named(form, name) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name === name;
    });
  }
  function score(form) {
    return Object.keys(values).filter(function (name) {
      return named(form, name).length > 0;
    }).length;
  }
  var form = forms.filter(function (f) {
    try {
      return new URL(f.getAttribute('action') || '', window.location.href).pathname === action;
    } catch (e) {
      return false;
    }
  })[0];
  if (!form) {
    form = forms.sort(function (a, b) {
      return score(b) - score(a);
    })[0];
  }
  if (!form || score(form) === 0) {
    return;
  }
  Object.keys(values).forEach(function (name) {
    var given = values[name];
    var next = 0;
    named(form, name).forEach(function (el) {
      var type = (el.type || '').toLowerCase();
      if (type === 'hidden' || type === 'password' || type === 'file' || type === 'submit' || type === 'button') {
        return;
      }
      if (type === 'checkbox' || type === 'radio') {
        el.checked = given.indexOf(el.value) >= 0;
      } else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.options, function (option) {
          option.selected = given.indexOf(option.value) >= 0;
        });
      } else if (next < given.length) {
        el.value = given[next];
        next += 1;
      }
    });
  });
  // checkboxes that were not ticked are not sent: untick those of the form that were
  Array.prototype.forEach.call(form.querySelectorAll('input[type="checkbox"]'), function (box) {
    if (box.name && !values[box.name]) {
      box.checked = false;
    }
  });
  var field = kept.getAttribute('data-field');
  var target = field ? named(form, field).filter(function (el) {
    return el.type !== 'hidden';
  })[0] : null;
  if (target) {
    var message = document.createElement('div');
    message.className = 'field-error';
    message.id = 'kept-form-error';
    message.textContent = kept.getAttribute('data-message');
    target.classList.add('is-invalid');
    target.setAttribute('aria-invalid', 'true');
    var described = target.getAttribute('aria-describedby');
    target.setAttribute('aria-describedby', (described ? described + ' ' : '') + 'kept-form-error');
    target.insertAdjacentElement('afterend', message);
    target.focus();
  }
})();
