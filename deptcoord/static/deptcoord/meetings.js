// Meetings: the calendar (FullCalendar, month/week/list), the recurrence builder, and the
// occurrence's workspace (agenda reordered by drag or keyboard, notes saved as they are typed,
// focus put back where the person was after each in-place change).
(function () {
  "use strict";

  var element = document.querySelector("[data-calendar]");

  // A drop or a resize is sent to the server, which moves the occurrence with the same checks
  // as the move form; a refusal puts the meeting back and says why.
  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (error) {
      return "";
    }
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // The wall-clock time shown, which is the viewer's own zone (the server sends it so).
  function wallClock(moment) {
    return moment.getFullYear() + "-" + pad(moment.getMonth() + 1) + "-" + pad(moment.getDate()) +
      "T" + pad(moment.getHours()) + ":" + pad(moment.getMinutes()) + ":00";
  }

  function announce(text, kind) {
    var stack = document.querySelector("[data-calendar-status]");
    if (!stack || !text) {
      return;
    }
    stack.replaceChildren();
    var alert = document.createElement("div");
    alert.className = "alert alert-" + kind + " alert-dismissible fade show";
    alert.setAttribute("role", kind === "danger" ? "alert" : "status");
    alert.setAttribute("data-testid", "calendar-message");
    alert.textContent = text;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close";
    close.setAttribute("data-bs-dismiss", "alert");
    close.setAttribute("aria-label", element.dataset.closeLabel || "OK");
    alert.appendChild(close);
    stack.appendChild(alert);
    if (kind === "success") {
      window.setTimeout(function () {
        alert.remove();
      }, 5000);
    }
  }

  function sendMove(info, calendar) {
    var event = info.event;
    var props = event.extendedProps;
    if (event.allDay || !event.start || !event.end) {
      info.revert();
      announce(element.dataset.allDayRefused, "danger");
      return;
    }
    var body = new FormData();
    body.append("start", wallClock(event.start));
    body.append("end", wallClock(event.end));
    body.append("version", props.version);
    announce(element.dataset.dropSaving, "info");
    fetch(props.dropUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().catch(function () {
          return {};
        }).then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (answer) {
        if (answer.ok) {
          announce(answer.data.detail, "success");
        } else {
          info.revert();
          announce(answer.data.detail || element.dataset.dropRefused, "danger");
        }
        // Versions and moved occurrences change: read the period again.
        calendar.refetchEvents();
      })
      .catch(function () {
        info.revert();
        announce(element.dataset.dropFailed, "danger");
      });
  }

  // The keyboard's way to move: a "Move" link beside each movable meeting in the list view.
  function addMoveLink(info) {
    var props = info.event.extendedProps;
    if (!props.moveUrl || info.view.type.indexOf("list") !== 0) {
      return;
    }
    var cell = info.el.querySelector(".fc-list-event-title");
    if (!cell || cell.querySelector("[data-move-link]")) {
      return;
    }
    var link = document.createElement("a");
    link.href = props.moveUrl;
    link.className = "btn btn-sm btn-light py-0 ms-2";
    link.setAttribute("data-move-link", "");
    link.textContent = element.dataset.moveLabel;
    link.setAttribute(
      "aria-label",
      (element.dataset.moveAria || element.dataset.moveLabel) + ": " + info.event.title
    );
    cell.appendChild(link);
  }

  if (element && window.FullCalendar) {
    var phone = window.matchMedia("(max-width: 576px)").matches;
    var calendar = new FullCalendar.Calendar(element, {
      initialView: phone ? "listWeek" : "dayGridMonth",
      locale: element.dataset.locale === "vi" ? "vi" : "en-gb",
      firstDay: 1,
      height: "auto",
      nowIndicator: true,
      dayMaxEvents: 4,
      headerToolbar: {
        left: "prev,next today",
        center: "title",
        right: "dayGridMonth,timeGridWeek,listWeek"
      },
      events: { url: element.dataset.source },
      // Only the meetings the server marks editable (the reader may move them) can be dragged.
      editable: false,
      snapDuration: "00:15:00",
      eventDrop: function (info) {
        sendMove(info, calendar);
      },
      eventResize: function (info) {
        sendMove(info, calendar);
      },
      eventDidMount: addMoveLink,
      // The week's hours scroll inside the calendar, opening on the working day.
      scrollTime: "07:00:00",
      viewDidMount: function (info) {
        var height = info.view.type.indexOf("timeGrid") === 0 ? 720 : "auto";
        window.setTimeout(function () {
          calendar.setOption("height", height);
        }, 0);
      },
      // The server sends times in the viewer's own time zone; the icon font would need data: fonts.
      buttonIcons: false,
      buttonText: { prev: "‹", next: "›" },
      eventTimeFormat: { hour: "2-digit", minute: "2-digit", hour12: false },
      // A day cell is named by its events, not only by its date link.
      dayCellDidMount: function (info) { info.el.removeAttribute("aria-labelledby"); }
    });
    calendar.render();
  }

  // The recurrence builder: the raw rule field only matters for a custom rule.
  function syncRule() {
    var repeat = document.querySelector("[data-rule-repeat]");
    var raw = document.querySelector("[data-rule-raw]");
    if (!repeat || !raw) {
      return;
    }
    var wrapper = raw.closest(".mb-3");
    if (wrapper) {
      wrapper.hidden = repeat.value !== "custom";
    }
    document.querySelectorAll("[data-rule-end]").forEach(function (field) {
      field.hidden = repeat.value === "" || repeat.value === "custom";
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.closest("[data-rule-repeat]")) {
      syncRule();
    }
  });
  syncRule();

  // ---- The occurrence's workspace -------------------------------------------------------
  var SECTIONS = "#agenda, #decisions, #actions";

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function agendaText(name) {
    var agenda = document.getElementById("agenda");
    return agenda ? agenda.getAttribute("data-" + name) || "" : "";
  }

  // After a section came back from the server, focus what changed: the new or edited item, the
  // first field in error, or the section's message (a refused move says why).
  function focusAfterSwap() {
    document.querySelectorAll(SECTIONS).forEach(function (section) {
      var id = section.getAttribute("data-focus");
      if (!id) {
        return;
      }
      section.removeAttribute("data-focus");
      var target = document.getElementById(id);
      if (!target) {
        return;
      }
      var invalid = target.querySelector(".is-invalid, [aria-invalid=true], .alert-danger");
      if (invalid) {
        target = invalid;
      } else if (target.matches("form, .card-footer")) {
        target = target.querySelector("input:not([type=hidden]), textarea, select") || target;
      }
      if (target.disabled) {
        target = target.closest("[data-agenda-item], li") || section;
      }
      if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea")) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus({ preventScroll: true });
      var box = target.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        target.scrollIntoView({ block: "center" });
      }
    });
  }

  // Notes: saved a moment after the last keystroke, with the save's state next to them.
  var AUTOSAVE_DELAY = 1200;

  function noteState(form, text, failed) {
    var state = form.querySelector("[data-save-state]");
    if (state) {
      state.textContent = text;
      state.classList.toggle("text-danger", !!failed);
      state.classList.toggle("text-body-secondary", !failed);
    }
  }

  function saveNotes(form) {
    window.clearTimeout(form._saveTimer);
    if (form._saving) {
      form._saveAgain = true;
      return;
    }
    var textarea = form.querySelector("textarea");
    var sent = textarea ? textarea.value : "";
    var body = new FormData(form);
    body.append("autosave", "1");
    form._saving = true;
    noteState(form, agendaText("saving"), false);
    window.fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      return response.json();
    }).then(function (answer) {
      if (answer.saved) {
        var version = form.querySelector("[data-version-field]");
        if (version) {
          version.value = answer.version;
        }
        if (!textarea || textarea.value === sent) {
          form.removeAttribute("data-dirty");
        }
      }
      noteState(form, answer.state, !answer.saved);
    }).catch(function () {
      noteState(form, agendaText("not-saved"), true);
    }).then(function () {
      form._saving = false;
      if (form._saveAgain) {
        form._saveAgain = false;
        saveNotes(form);
      }
    });
  }

  function noteChanged(event) {
    var form = event.target.closest && event.target.closest("form[data-autosave]");
    if (!form) {
      return;
    }
    form.setAttribute("data-dirty", "1");
    window.clearTimeout(form._saveTimer);
    form._saveTimer = window.setTimeout(function () {
      saveNotes(form);
    }, AUTOSAVE_DELAY);
  }
  document.addEventListener("input", noteChanged);
  document.addEventListener("change", noteChanged);
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-autosave]");
    if (form && window.fetch) {
      event.preventDefault();
      saveNotes(form);
    }
  });

  // Notes typed just before leaving the page are still sent.
  function flushNotes() {
    if (!navigator.sendBeacon) {
      return;
    }
    document.querySelectorAll("form[data-autosave][data-dirty]").forEach(function (form) {
      if (form._saving) {
        return;
      }
      window.clearTimeout(form._saveTimer);
      var body = new FormData(form);
      body.append("autosave", "1");
      navigator.sendBeacon(form.action, body);
      form.removeAttribute("data-dirty");
    });
  }
  window.addEventListener("pagehide", flushNotes);

  // Notes still being typed survive the agenda coming back from the server.
  var keptNotes = {};
  document.body.addEventListener("htmx:beforeSwap", function () {
    keptNotes = {};
    document.querySelectorAll("#agenda form[data-autosave][data-dirty] textarea").forEach(
      function (textarea) {
        keptNotes[textarea.id] = textarea.value;
      }
    );
  });
  function restoreNotes() {
    Object.keys(keptNotes).forEach(function (id) {
      var textarea = document.getElementById(id);
      if (textarea && textarea.value !== keptNotes[id]) {
        textarea.value = keptNotes[id];
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
    keptNotes = {};
  }

  // Reordering: a drag by the handle, the arrow buttons, or Alt+ArrowUp/Down on an item. Each
  // goes to the server, which answers the agenda in its saved order (a refused move snaps back
  // and says why).
  function moveItem(item, position) {
    var agenda = document.getElementById("agenda");
    if (agenda) {
      agenda.setAttribute("aria-busy", "true");
    }
    window.htmx.ajax("POST", item.getAttribute("data-move-url"), {
      source: item,
      target: "#agenda",
      swap: "outerHTML",
      values: { version: item.getAttribute("data-version"), position: position },
      headers: { "X-CSRFToken": csrfToken() }
    });
  }

  function setUpSorting() {
    var list = document.querySelector("[data-sortable]");
    if (!list || list._sortable || !window.Sortable || !window.htmx) {
      return;
    }
    list._sortable = window.Sortable.create(list, {
      handle: ".agenda-handle",
      draggable: "[data-agenda-item]",
      animation: 150,
      forceFallback: true,
      ghostClass: "agenda-ghost",
      onEnd: function (event) {
        if (event.oldIndex !== event.newIndex) {
          moveItem(event.item, event.newIndex + 1);
        }
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) {
      return;
    }
    var item = event.target.closest && event.target.closest("[data-agenda-item]");
    if (!item || event.target.matches("textarea, input:not([type=hidden]), select")) {
      return;
    }
    var button = item.querySelector(event.key === "ArrowUp" ? "[data-move=up]" : "[data-move=down]");
    event.preventDefault();
    if (button && !button.disabled) {
      button.form.requestSubmit(button);
    }
  });

  // A move the server could not answer (the item is gone, the connection dropped): the agenda
  // is read again in its saved order, with a word saying so.
  function agendaAgain() {
    var failed = agendaText("move-failed");
    window.htmx.ajax("GET", window.location.pathname, {
      target: "#agenda",
      select: "#agenda",
      swap: "outerHTML"
    }).then(function () {
      var said = document.getElementById("agenda-messages");
      if (said) {
        said.innerHTML = "";
        var alert = document.createElement("div");
        alert.className = "alert alert-danger small py-2 mx-3 mt-3 mb-0";
        alert.textContent = failed;
        said.appendChild(alert);
        said.focus();
      }
    });
  }
  function agendaFailed(event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === "agenda" && event.detail.requestConfig &&
        String(event.detail.requestConfig.verb).toLowerCase() === "post") {
      agendaAgain();
    }
  }
  document.body.addEventListener("htmx:responseError", agendaFailed);
  document.body.addEventListener("htmx:sendError", agendaFailed);

  if (document.getElementById("agenda")) {
    setUpSorting();
    document.body.addEventListener("htmx:afterSwap", function () {
      setUpSorting();
      restoreNotes();
      focusAfterSwap();
    });
  } else if (document.querySelector("#decisions, #actions")) {
    document.body.addEventListener("htmx:afterSwap", focusAfterSwap);
  }
})();
