// Date fields in the page's language: shown and typed as the product writes dates
// (31/12/2026 in Vietnamese), with a calendar in that language (flatpickr). The field itself
// still sends an ISO date (2026-12-31); without JavaScript it stays the browser's date input.
(function () {
  "use strict";

  var root = document.documentElement;

  // "d/m/Y" → "dd/mm/yyyy": what to type, shown while the field is empty.
  function hint(format) {
    return format.replace("d", "dd").replace("m", "mm").replace("Y", "yyyy");
  }

  function enhance(scope) {
    if (!window.flatpickr) {
      return;
    }
    var format = root.getAttribute("data-date-format") || "Y-m-d";
    var l10ns = window.flatpickr.l10ns || {};
    var locale = root.lang === "vi" && l10ns.vn ? l10ns.vn : "default";
    scope.querySelectorAll('input[type="date"]').forEach(function (input) {
      if (input._flatpickr) {
        return;
      }
      var picker = window.flatpickr(input, {
        altInput: true,
        altFormat: format,
        altInputClass: input.className,
        dateFormat: "Y-m-d",
        allowInput: true,
        disableMobile: true,
        locale: locale,
        minDate: input.min || null,
        maxDate: input.max || null,
      });
      var shown = picker.altInput;
      shown.placeholder = hint(format);
      shown.setAttribute("autocomplete", "off");
      ["aria-describedby", "aria-invalid", "required", "disabled"].forEach(function (name) {
        if (input.hasAttribute(name)) {
          shown.setAttribute(name, input.getAttribute(name));
        }
      });
      if (input.id) {
        // The label names the field people type in.
        shown.id = input.id + "_shown";
        document.querySelectorAll('label[for="' + input.id + '"]').forEach(function (label) {
          label.htmlFor = shown.id;
        });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    enhance(event.target);
  });
})();
