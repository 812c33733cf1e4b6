// Meetings: the calendar (FullCalendar, month/week/list), the recurrence builder, and the
// occurrence's workspace (agenda reordered by drag or keyboard, notes saved as they are typed,
// focus put back where the person was after each in-place change).
(function () {
  "use strict";

  var element = document.querySelector("[data-calendar]");
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
      // The server sends times in the viewer's own time zone; the icon font would need data: fonts.
      buttonIcons: false,
      buttonText: { prev: "‹", next: "›" },
      eventTimeFormat: { hour: "2-digit", minute: "2-digit", hour12: false }
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
