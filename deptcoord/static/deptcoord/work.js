// Work: the project timeline (frappe-gantt), the budget chart, board moves and small helpers.
(function () {
  "use strict";

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // The timeline: steps as bars with their dependencies; critical ones stand out. The bars of
  // steps the reader may change can be dragged or stretched: the new dates are previewed with
  // the steps they push (Save / Cancel); Cancel, or a refusal, puts the bar back.
  var tasks = readJson("gantt-data");
  var holder = document.getElementById("gantt");
  if (tasks && holder && window.Gantt && tasks.length) {
    var original = JSON.stringify(tasks);
    var editable = {};
    tasks.forEach(function (task) {
      editable[task.id] = Boolean(task.editable);
    });
    var anyEditable = tasks.some(function (task) {
      return task.editable;
    });
    var dialogNode = document.getElementById("reschedule-dialog");
    var dialog = dialogNode && window.bootstrap ? window.bootstrap.Modal.getOrCreateInstance(dialogNode) : null;
    var dialogBody = dialogNode ? dialogNode.querySelector("[data-dialog-body]") : null;
    var dragged = 0;
    var saving = false;
    var gantt;
    function isoDay(day) {
      var month = String(day.getMonth() + 1).padStart(2, "0");
      return day.getFullYear() + "-" + month + "-" + String(day.getDate()).padStart(2, "0");
    }
    function markLocked() {
      holder.querySelectorAll(".bar-wrapper").forEach(function (wrapper) {
        wrapper.classList.toggle("wk-locked", !editable[wrapper.getAttribute("data-id")]);
      });
    }
    var mode = "Week";
    var scrolledTo = null; // where the chart was scrolled when the drag began
    function snapBack() {
      gantt.refresh(JSON.parse(original));
      gantt.change_view_mode(mode);
      var scroller = holder.querySelector(".gantt-container");
      if (scroller && scrolledTo !== null) {
        scroller.scrollLeft = scrolledTo;
      }
      markLocked();
    }
    // frappe-gantt reports every step of a drag: the preview waits for the mouse to let go.
    var pending = null;
    function noteChange(task, start, end) {
      pending = { task: task, start: start, end: end };
      dragged = Date.now();
    }
    document.addEventListener("mouseup", function () {
      window.setTimeout(function () {
        if (pending) {
          var change = pending;
          pending = null;
          preview(change.task, change.start, change.end);
        }
      }, 0);
    });
    function preview(task, start, end) {
      dragged = Date.now();
      if (!dialog || !editable[task.id]) {
        snapBack();
        return;
      }
      var url = task.preview + "?start=" + isoDay(start) + "&due=" + isoDay(end);
      fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } })
        .then(function (response) {
          return response.text().then(function (text) {
            if (text.indexOf("data-preview") === -1) {
              throw new Error(String(response.status));
            }
            return text;
          });
        })
        .catch(function () {
          var failed = document.createElement("div");
          failed.setAttribute("data-preview", "");
          var note = document.createElement("div");
          note.className = "alert alert-danger";
          note.setAttribute("role", "alert");
          note.textContent = holder.dataset.failed;
          failed.appendChild(note);
          return failed.outerHTML;
        })
        .then(function (html) {
          dialogBody.innerHTML = html;
          saving = false;
          dialog.show();
        });
    }
    if (dialogNode) {
      dialogNode.addEventListener("submit", function () {
        saving = true;
      });
      dialogNode.addEventListener("hidden.bs.modal", function () {
        if (!saving) {
          snapBack();
        }
      });
      dialogNode.addEventListener("shown.bs.modal", function () {
        var first = dialogNode.querySelector("[data-dialog-body] button[type=submit]");
        (first || dialogNode.querySelector(".btn-close")).focus();
      });
    }
    // Bars the reader may not change do not start a drag.
    holder.addEventListener(
      "mousedown",
      function (event) {
        var wrapper = event.target.closest(".bar-wrapper");
        if (wrapper && !editable[wrapper.getAttribute("data-id")]) {
          event.stopPropagation();
          return;
        }
        var scroller = holder.querySelector(".gantt-container");
        scrolledTo = scroller ? scroller.scrollLeft : null;
      },
      true
    );
    gantt = new window.Gantt(holder, tasks, {
      view_mode: "Week",
      language: (holder.dataset.language || "en").slice(0, 2),
      readonly: !anyEditable,
      readonly_progress: true,
      move_dependencies: false,
      popup_on: "hover",
      on_date_change: noteChange,
      on_click: function (task) {
        if (task.url && Date.now() - dragged > 800) {
          window.location.href = task.url;
        }
      },
    });
    markLocked();
    document.querySelectorAll("[data-gantt-mode]").forEach(function (button) {
      button.addEventListener("click", function () {
        mode = button.dataset.ganttMode;
        gantt.change_view_mode(mode);
        markLocked();
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

  // The board: a card dragged to another column, or sent there with its "Move to…" menu
  // (Alt+Left/Right on a focused card), changes the step's status through the same page as
  // the step's own form. A refused move puts the card back where it was, with the reason.
  var board = document.querySelector("[data-board]");
  function csrfOf(card) {
    var field = card.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function refreshColumns() {
    board.querySelectorAll(".board-column").forEach(function (column) {
      var count = column.querySelectorAll(".board-card").length;
      column.querySelector("[data-count]").textContent = count;
      column.querySelector(".board-empty").hidden = count > 0;
    });
  }
  function columnOf(status) {
    return board.querySelector('.board-cards[data-status="' + status + '"]');
  }
  function placeCard(card, column, index) {
    var cards = Array.prototype.filter.call(column.children, function (child) {
      return child.classList.contains("board-card") && child !== card;
    });
    var before = cards[index] || column.querySelector(".board-empty");
    column.insertBefore(card, before);
  }
  function moveCard(card, status, origin, focusAfter) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfOf(card));
    body.append("board", "1");
    body.append("version", card.querySelector("input[name=version]").value);
    body.append("status", status);
    card.setAttribute("aria-busy", "true");
    function settle(html, ok) {
      var fresh = null;
      if (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html.trim();
        fresh = holder.querySelector(".board-card");
      }
      if (!ok) {
        placeCard(card, origin.column, origin.index);
      }
      if (fresh) {
        card.replaceWith(fresh);
      } else {
        card.removeAttribute("aria-busy");
        var note = document.createElement("div");
        note.className = "alert alert-danger small py-1 px-2 mt-1 mb-0";
        note.setAttribute("role", "alert");
        note.setAttribute("data-refusal", "");
        note.textContent = board.dataset.refused;
        card.querySelector(".card-body").appendChild(note);
        fresh = card;
      }
      refreshColumns();
      if (focusAfter) {
        var button = fresh.querySelector("[data-bs-toggle=dropdown]");
        (ok && button ? button : fresh).focus();
      }
    }
    fetch(card.dataset.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    })
      .then(function (response) {
        return response.text().then(function (text) {
          var isCard = (response.headers.get("Content-Type") || "").indexOf("text/html") === 0;
          settle(isCard && text.indexOf("board-card") !== -1 ? text : "", response.ok);
        });
      })
      .catch(function () {
        settle("", false);
      });
  }
  function sendTo(card, status) {
    var column = columnOf(status);
    if (!column || card.dataset.status === status) {
      return;
    }
    var from = card.parentElement;
    var origin = {
      column: from,
      index: Array.prototype.indexOf.call(from.querySelectorAll(".board-card"), card),
    };
    var opened = card.querySelector("[data-bs-toggle=dropdown]");
    if (opened && window.bootstrap) {
      window.bootstrap.Dropdown.getOrCreateInstance(opened).hide();
    }
    placeCard(card, column, 0);
    refreshColumns();
    card.focus();
    moveCard(card, status, origin, true);
  }
  if (board) {
    var statuses = Array.prototype.map.call(board.querySelectorAll(".board-cards"), function (c) {
      return c.dataset.status;
    });
    board.addEventListener("submit", function (event) {
      var form = event.target.closest(".board-move");
      if (!form || !event.submitter) {
        return;
      }
      event.preventDefault();
      sendTo(form.closest(".board-card"), event.submitter.value);
    });
    board.addEventListener("keydown", function (event) {
      if (!event.altKey || (event.key !== "ArrowLeft" && event.key !== "ArrowRight")) {
        return;
      }
      var card = event.target.closest(".board-card[data-movable]");
      if (!card) {
        return;
      }
      var next = statuses.indexOf(card.dataset.status) + (event.key === "ArrowLeft" ? -1 : 1);
      if (next >= 0 && next < statuses.length) {
        event.preventDefault();
        sendTo(card, statuses[next]);
      }
    });
    if (window.Sortable) {
      board.querySelectorAll(".board-cards").forEach(function (column) {
        window.Sortable.create(column, {
          group: "board",
          sort: false,
          draggable: ".board-card[data-movable]",
          filter: ".dropdown-menu, input",
          preventOnFilter: false,
          delayOnTouchOnly: true,
          delay: 200,
          animation: 150,
          ghostClass: "board-card-ghost",
          onEnd: function (event) {
            if (event.from === event.to) {
              return;
            }
            refreshColumns();
            moveCard(
              event.item,
              event.to.dataset.status,
              { column: event.from, index: event.oldIndex },
              false
            );
          },
        });
      });
    }
  }

  // Filters that submit on change and confirmations before destructive buttons are app.js's
  // (on every page): binding them here too asked twice and submitted twice.
})();
