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
