// Behaviour shared by every page: colour mode, confirmations, toasts and tooltips.
(function () {
  "use strict";

  function toggleTheme() {
    var root = document.documentElement;
    var next = root.getAttribute("data-bs-theme") === "dark" ? "light" : "dark";
    root.setAttribute("data-bs-theme", next);
    localStorage.setItem("deptcoord-theme", next);
    themeCharts();
  }

  // Charts take their text and grid colours from the theme, and follow it when it changes.
  function themeCharts() {
    if (!window.Chart) {
      return;
    }
    var style = window.getComputedStyle(document.documentElement);
    window.Chart.defaults.color = style.getPropertyValue("--bs-secondary-color").trim();
    window.Chart.defaults.borderColor = style.getPropertyValue("--bs-border-color-translucent").trim();
    Object.values(window.Chart.instances || {}).forEach(function (chart) {
      chart.update("none");
    });
  }

  // Timelines (frappe-gantt) by keyboard: the chart scrolls from the keyboard, and each bar of a
  // step is a link to the step (Enter opens it), named by the step's title.
  function linkGanttBars(holder) {
    var source = document.getElementById(holder.getAttribute("data-gantt") || "gantt-data");
    var tasks = {};
    try {
      JSON.parse(source ? source.textContent : "[]").forEach(function (task) {
        tasks[task.id] = task;
      });
    } catch (error) {
      return;
    }
    var today = holder.querySelector(".today-button");
    if (today && holder.getAttribute("data-today-label") && today.textContent !== holder.getAttribute("data-today-label")) {
      today.textContent = holder.getAttribute("data-today-label");
    }
    var container = holder.querySelector(".gantt-container");
    if (container && !container.hasAttribute("tabindex")) {
      container.setAttribute("tabindex", "0");
      container.setAttribute("role", "group");
      if (holder.getAttribute("aria-label")) {
        container.setAttribute("aria-label", holder.getAttribute("aria-label"));
        holder.removeAttribute("role");
        holder.removeAttribute("aria-label");
      }
    }
    holder.querySelectorAll(".bar-wrapper[data-id]").forEach(function (bar) {
      var task = tasks[bar.getAttribute("data-id")];
      if (!task || !task.url || bar.hasAttribute("tabindex")) {
        return;
      }
      bar.setAttribute("tabindex", "0");
      bar.setAttribute("role", "link");
      bar.setAttribute("aria-label", task.name);
      bar.setAttribute("data-href", task.url);
    });
  }

  document.addEventListener("keydown", function (event) {
    var bar = event.target.closest && event.target.closest(".bar-wrapper[data-href]");
    if (bar && event.key === "Enter") {
      window.location.href = bar.getAttribute("data-href");
    }
  });

  // A table wider than the screen scrolls inside its box; the box takes the keyboard focus so
  // that the arrow keys scroll it.
  function focusableScrollers(root) {
    root.querySelectorAll(".table-responsive, .overflow-auto, .overflow-x-auto").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
      }
    });
  }

  document.body.addEventListener("htmx:afterSettle", function (event) {
    focusableScrollers(event.target.parentElement || document);
  });
  window.addEventListener("resize", function () { focusableScrollers(document); });

  window.addEventListener("load", function () {
    themeCharts();
    focusableScrollers(document);
    document.querySelectorAll("#gantt, [data-gantt]").forEach(function (holder) {
      linkGanttBars(holder);
      // A change of zoom draws the chart again.
      new MutationObserver(function () { linkGanttBars(holder); }).observe(holder, { childList: true, subtree: true });
    });
  });

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
    } else if (lost() && (asked || held)) {
      focusOn(root);
    }
    held = false;
  }

  // Whether focus was inside what a swap replaces: a page that just loaded has focus nowhere,
  // and its first loads (the bell) must not take it.
  var held = false;

  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    var active = document.activeElement;
    held = Boolean(active && active !== document.body && detail.target && detail.target.contains(active));
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
    var trigger = config && config.elt && config.elt.getAttribute ? config.elt.getAttribute("hx-trigger") || "" : "";
    var unasked = /^\s*(load|every|revealed|intersect)\b/.test(trigger);
    moveFocus(event.target, Boolean(config && config.triggeringEvent) && !unasked);
  });
})();
