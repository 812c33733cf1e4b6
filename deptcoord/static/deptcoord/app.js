// Behaviour shared by every page: colour mode, confirmations, toasts and tooltips.
(function () {
  "use strict";

  function toggleTheme() {
    var root = document.documentElement;
    var next = root.getAttribute("data-bs-theme") === "dark" ? "light" : "dark";
    root.setAttribute("data-bs-theme", next);
    localStorage.setItem("deptcoord-theme", next);
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-theme-toggle]");
    if (toggle) {
      toggleTheme();
    }
  });

  // Destructive forms ask once: <form data-confirm="Are you sure?">.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Submitting a filter form's select or checkbox refreshes the list at once.
  document.addEventListener("change", function (event) {
    var control = event.target.closest("[data-autosubmit]");
    if (control && control.form) {
      if (window.htmx && control.form.hasAttribute("hx-get")) {
        window.htmx.trigger(control.form, "submit");
      } else {
        control.form.requestSubmit();
      }
    }
  });

  // Success messages fade after a few seconds; errors stay until dismissed.
  function fadeMessages(root) {
    root.querySelectorAll(".toast-stack .alert-success").forEach(function (alert) {
      window.setTimeout(function () {
        if (window.bootstrap) {
          window.bootstrap.Alert.getOrCreateInstance(alert).close();
        }
      }, 5000);
    });
  }

  // Copy buttons: <button data-copy="#element-id">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim());
      button.classList.add("btn-success");
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    fadeMessages(document);
  });
  document.body.addEventListener("htmx:afterSwap", function (event) {
    fadeMessages(event.target);
  });
})();

// After an htmx swap, once settled, focus goes to what the person needs next: the swapped content's first
// error, else an element marked autofocus or data-focus; if the focused element went away
// with the swap, to the swapped content itself, never to the page's <body>. An action taken
// in place ([data-in-place]) shows its refusal (400 bad input, 403 refused, 409 changed by
// someone else) where it stood instead of dropping it.
(function () {
  "use strict";

  // A field in error first (to correct it), else the message that says what went wrong.
  var ERRORS = ['[aria-invalid="true"], .is-invalid', "[data-error], .alert-danger, .invalid-feedback.d-block"];
  var MARKED = "[autofocus], [data-focus]";
  var REFUSALS = [400, 403, 409];

  function focusOn(element) {
    if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) {
      element.setAttribute("tabindex", "-1");
    }
    element.focus({ preventScroll: false });
  }

  function lost() {
    var active = document.activeElement;
    return !active || active === document.body || !document.body.contains(active);
  }

  // A swap nobody asked for just now (polling, loading) leaves focus where it is.
  function moveFocus(root, asked) {
    if (!root || !root.querySelector || !document.body.contains(root)) {
      return;
    }
    var target = null;
    if (asked) {
      ERRORS.concat([MARKED]).some(function (selector) {
        target = root.matches(selector) ? root : root.querySelector(selector);
        return target !== null;
      });
    }
    if (target) {
      focusOn(target);
    } else if (lost()) {
      focusOn(root);
    }
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    var source = detail.requestConfig ? detail.requestConfig.elt : null;
    if (source && source.closest && source.closest("[data-in-place]") &&
        REFUSALS.indexOf(detail.xhr.status) !== -1) {
      detail.shouldSwap = true;
      detail.isError = false;
    }
  });

  // Once settled: while settling, htmx lends the new elements their predecessors' classes
  // (a field corrected since would still look in error).
  document.addEventListener("htmx:afterSettle", function (event) {
    var config = event.detail ? event.detail.requestConfig : null;
    moveFocus(event.target, Boolean(config && config.triggeringEvent));
  });
})();
