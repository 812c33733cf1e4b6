// Work: the project timeline (frappe-gantt), the budget chart, board moves and small helpers.
(function () {
  "use strict";

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // The timeline: steps as bars with their dependencies; critical ones stand out.
  var tasks = readJson("gantt-data");
  var holder = document.getElementById("gantt");
  if (tasks && holder && window.Gantt && tasks.length) {
    var gantt = new window.Gantt(holder, tasks, {
      view_mode: "Week",
      language: (holder.dataset.language || "en").slice(0, 2),
      readonly: true,
      popup_on: "hover",
      on_click: function (task) {
        if (task.url) {
          window.location.href = task.url;
        }
      },
    });
    document.querySelectorAll("[data-gantt-mode]").forEach(function (button) {
      button.addEventListener("click", function () {
        gantt.change_view_mode(button.dataset.ganttMode);
        document.querySelectorAll("[data-gantt-mode]").forEach(function (other) {
          other.classList.toggle("active", other === button);
        });
      });
    });
  }

  // Spend against budget over time.
  var budget = readJson("budget-data");
  var canvas = document.getElementById("budget-chart");
  if (budget && canvas && window.Chart) {
    var style = window.getComputedStyle(document.documentElement);
    var colour = function (name, fallback) { return style.getPropertyValue(name).trim() || fallback; };
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: budget.labels,
        datasets: [
          { label: budget.spentLabel, data: budget.spent, borderColor: colour("--dc-accent", "#2b59c3"), backgroundColor: "rgba(" + colour("--dc-accent-rgb", "43, 89, 195") + ", .15)", fill: true, tension: 0 },
          { label: budget.planLabel, data: budget.plan, borderColor: colour("--bs-secondary-color", "#6c757d"), borderDash: [6, 4], pointRadius: 0 },
          { label: budget.budgetLabel, data: budget.labels.map(function () { return budget.budget; }), borderColor: colour("--bs-danger", "#dc3545"), pointRadius: 0 },
        ],
      },
      options: { responsive: true, interaction: { mode: "index", intersect: false } },
    });
  }

  // A card moved on the board goes to its new column.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var card = event.detail.elt && event.detail.elt.closest ? event.detail.elt : null;
    var target = event.detail.target;
    if (!target || !target.id || target.id.indexOf("card-") !== 0) {
      return;
    }
    var fresh = document.getElementById(target.id) || card;
    var select = fresh ? fresh.querySelector("select[name=status]") : null;
    if (!select) {
      return;
    }
    var column = document.querySelector('.board-column[data-status="' + select.value + '"] .board-cards');
    if (column && fresh.parentElement !== column) {
      column.prepend(fresh);
    }
  });

  // Filters that submit on change, and confirmations before destructive buttons.
  document.addEventListener("change", function (event) {
    var select = event.target.closest("[data-autosubmit]");
    if (select && select.form) {
      select.form.submit();
    }
  });
  document.addEventListener("submit", function (event) {
    var message = event.target.dataset ? event.target.dataset.confirm : null;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
