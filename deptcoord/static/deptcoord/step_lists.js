// Lists of steps: picking steps for the bulk bar ("3 selected", select all), and keeping the
// keyboard where it was when a row comes back after a change made in place.
(function () {
  "use strict";

  function bulkForm() {
    return document.getElementById("bulk-form");
  }

  function picks() {
    return Array.prototype.slice.call(document.querySelectorAll('input[data-pick][form="bulk-form"]'));
  }

  function refresh() {
    var form = bulkForm();
    if (!form) {
      return;
    }
    var all = picks();
    var chosen = all.filter(function (box) { return box.checked; }).length;
    var counter = form.querySelector("[data-selected-count]");
    if (counter) {
      counter.textContent = (form.dataset.countTemplate || "__count__").replace("__count__", chosen);
    }
    form.classList.toggle("is-empty", chosen === 0);
    var apply = form.querySelector("[data-bulk-apply]");
    if (apply) {
      apply.disabled = chosen === 0;
    }
    var selectAll = form.querySelector("[data-select-all]");
    if (selectAll) {
      var scope = scopeOf(form);
      var shown = all.filter(function (box) { return scope.contains(box); });
      var shownChosen = shown.filter(function (box) { return box.checked; }).length;
      selectAll.checked = shown.length > 0 && shownChosen === shown.length;
      selectAll.indeterminate = shownChosen > 0 && shownChosen < shown.length;
    }
  }

  // "Select all" picks the rows of the table under the bar (not the folded done steps).
  function scopeOf(form) {
    return form.closest(".card") || document;
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("[data-select-all]")) {
      var scope = scopeOf(target.form || bulkForm());
      picks().forEach(function (box) {
        if (scope.contains(box)) {
          box.checked = target.checked;
        }
      });
      refresh();
    } else if (target.matches("[data-pick]")) {
      refresh();
    }
  });

  // A change in place: remember which control had the keyboard, and give it back in the new row.
  var focused = null;
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var control = event.detail.elt;
    if (control && control.classList && control.classList.contains("inline-control")) {
      var row = control.closest("tr");
      var pick = row.querySelector("[data-pick]");
      focused = { row: row.id, field: control.dataset.field, picked: !!(pick && pick.checked) };
    }
  });
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (target && target.id === "step-table") {
      var result = target.querySelector("[data-bulk-result]");
      if (result) {
        result.focus();
      }
    }
    if (!focused) {
      refresh();
      return;
    }
    var row = document.getElementById(focused.row);
    var control = row ? row.querySelector('[data-field="' + focused.field + '"]') : null;
    // The row comes back with its new version; a step that was picked stays picked.
    var pick = row ? row.querySelector("[data-pick]") : null;
    if (pick && focused.picked) {
      pick.checked = true;
    }
    focused = null;
    // htmx gives the focus back to a control with the same id; a date field that closed its
    // calendar (Enter) left the focus nowhere, so it goes back to the field.
    var active = document.activeElement;
    var lost = !active || active === document.body;
    if (control) {
      // A date field shows flatpickr's input in place of the original one.
      var shown = control._flatpickr && control._flatpickr.altInput ? control._flatpickr.altInput : control;
      var problem = row.querySelector('[role="alert"]');
      if (problem) {
        shown.setAttribute("aria-describedby", problem.id);
      }
      if (lost) {
        shown.focus();
        if (control._flatpickr) {
          control._flatpickr.close();  // the keyboard comes back; the calendar stays shut
        }
      }
    }
    refresh();
  });

  document.addEventListener("DOMContentLoaded", refresh);
})();
