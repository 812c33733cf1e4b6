// Meetings: the calendar (FullCalendar, month/week/list) and the recurrence builder.
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
})();
