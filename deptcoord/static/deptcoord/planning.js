// The planner: the timeline per person, drawn with frappe-gantt from the page's JSON.
(function () {
  "use strict";

  function drawTimeline() {
    var holder = document.querySelector("[data-gantt]");
    if (!holder || typeof Gantt === "undefined") {
      return;
    }
    var source = document.getElementById(holder.getAttribute("data-gantt"));
    var tasks = JSON.parse(source.textContent);
    if (!tasks.length) {
      return;
    }
    var language = (document.documentElement.lang || "en").slice(0, 2);
    new Gantt(holder, tasks, {
      view_mode: "Week",
      readonly: true,
      language: language,
      popup_on: "hover",
      view_mode_select: false,
      today_button: false,
    });
  }

  document.addEventListener("DOMContentLoaded", drawTimeline);
})();
