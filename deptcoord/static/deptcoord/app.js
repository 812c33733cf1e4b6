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
