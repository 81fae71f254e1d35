// The preview's stand-in for the client-side Apps Script API in sidebars and
// dialogs: google.script.run posts the call to the preview server, which runs
// the named top-level function of dist/Code.js as a fresh execution.
// Like the real one: calls are asynchronous, handlers are per runner, Dates,
// functions and DOM nodes (other than a form) cannot be sent, and a function
// whose name ends with _ cannot be called.
(function () {
  'use strict';
  var dialogId = window.__IRT_PREVIEW_DIALOG__;

  function formToObject(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      if (el.type === 'file') continue;
      out[el.name] = el.value;
    }
    return out;
  }

  function problemWith(value, at) {
    if (value === null || value === undefined) return null;
    var type = typeof value;
    if (type === 'string' || type === 'boolean') return null;
    if (type === 'number') return isFinite(value) ? null : at + ' is not a finite number';
    if (type === 'function') return at + ' is a function';
    if (type !== 'object') return at + ' is a ' + type;
    if (Object.prototype.toString.call(value) === '[object Date]') return at + ' is a Date';
    if (typeof Node !== 'undefined' && value instanceof Node) return at + ' is a DOM element';
    if (Array.isArray(value)) {
      for (var i = 0; i < value.length; i++) {
        var p = problemWith(value[i], at + '[' + i + ']');
        if (p) return p;
      }
      return null;
    }
    for (var key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key)) {
        var q = problemWith(value[key], at + '.' + key);
        if (q) return q;
      }
    }
    return null;
  }

  function tellParent(message) {
    if (window.parent && window.parent !== window) window.parent.postMessage(message, window.location.origin);
  }

  function invoke(name, rawArgs, handlers) {
    var args = rawArgs.map(function (a) {
      return typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement ? formToObject(a) : a;
    });
    var problem = /_$/.test(name) ? 'Cannot call a private function: ' + name : problemWith(args, 'argument');
    var fail = function (message) {
      if (handlers.failure) handlers.failure(new Error(message), handlers.userObject);
      else console.error('google.script.run.' + name + ' failed: ' + message);
    };
    if (problem) {
      setTimeout(function () {
        fail('Invalid argument for ' + name + ': ' + problem);
      }, 0);
      return;
    }
    fetch('/api/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: name, args: args }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(
        function (result) {
          tellParent({ type: 'irt-preview:ran', fn: name, dialog: dialogId, outcome: result });
          if (result.ok) {
            if (handlers.success) handlers.success(result.value, handlers.userObject);
          } else {
            fail(result.error || 'The script failed.');
          }
        },
        function (error) {
          fail('The preview server could not be reached (' + error.message + ')');
        },
      );
  }

  function runner(handlers) {
    var base = {
      withSuccessHandler: function (fn) {
        return runner({ success: fn, failure: handlers.failure, userObject: handlers.userObject });
      },
      withFailureHandler: function (fn) {
        return runner({ success: handlers.success, failure: fn, userObject: handlers.userObject });
      },
      withUserObject: function (object) {
        return runner({ success: handlers.success, failure: handlers.failure, userObject: object });
      },
    };
    return new Proxy(base, {
      get: function (target, key) {
        if (key in target) return target[key];
        if (typeof key !== 'string' || key === 'then') return undefined;
        return function () {
          invoke(key, Array.prototype.slice.call(arguments), handlers);
        };
      },
    });
  }

  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: {
      origin: window.location.origin,
      close: function () {
        tellParent({ type: 'irt-preview:close', dialog: dialogId });
      },
      setHeight: function (height) {
        tellParent({ type: 'irt-preview:resize', dialog: dialogId, height: Number(height) });
      },
      setWidth: function (width) {
        tellParent({ type: 'irt-preview:resize', dialog: dialogId, width: Number(width) });
      },
      editor: {
        focus: function () {
          tellParent({ type: 'irt-preview:focus-editor', dialog: dialogId });
        },
      },
    },
  };
})();
