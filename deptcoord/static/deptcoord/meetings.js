// Meetings: the calendar (FullCalendar, month/week/list) and the recurrence builder.
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
})();
