// Goals: opening tree branches, period presets, key-result fields by metric, and the charts.
(function () {
  "use strict";

  // A branch's first opening loads its goals with htmx; later clicks only show or hide them.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-goal-toggle]");
    if (!toggle) {
      return;
    }
    var children = document.getElementById(toggle.getAttribute("aria-controls"));
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (children) {
      children.hidden = !open;
    }
  });

  // A date field's value, also in the date picker that shows it (see dates.js); setting it
  // this way is not a change by the person, so the period stays the chosen preset.
  function setDate(field, value) {
    if (field._flatpickr) {
      field._flatpickr.setDate(value, false);
    } else {
      field.value = value;
    }
  }

  // Choosing a period preset fills the two dates; typing a date makes the period custom.
  document.addEventListener("change", function (event) {
    var preset = event.target.closest("[data-period-preset]");
    if (preset && preset.form) {
      var option = preset.options[preset.selectedIndex];
      var start = preset.form.querySelector("[name$=period_start]");
      var end = preset.form.querySelector("[name$=period_end]");
      if (option && option.dataset.start && start && end) {
        setDate(start, option.dataset.start);
        setDate(end, option.dataset.end);
      }
      return;
    }
    var dateField = event.target.closest("[name$=period_start], [name$=period_end]");
    if (dateField && dateField.form) {
      var chooser = dateField.form.querySelector("[data-period-preset]");
      if (chooser) {
        chooser.value = "custom";
      }
    }
  });

  // Key-result forms show the fields the chosen metric uses.
  var METRIC_FIELDS = {
    number: ["unit", "start_value", "target_value", "direction"],
    percent: ["start_value", "target_value", "direction"],
    money: ["currency", "start_value", "target_value", "direction"],
    yes_no: [],
    milestone: ["milestones"]
  };
  var OPTIONAL = ["unit", "currency", "milestones", "start_value", "target_value", "direction"];

  function showMetricFields(select) {
    var wanted = METRIC_FIELDS[select.value] || OPTIONAL;
    OPTIONAL.forEach(function (name) {
      var input = select.form.querySelector("[name$=" + name + "]");
      var wrapper = input && input.closest(".mb-3");
      if (wrapper) {
        wrapper.hidden = wanted.indexOf(name) === -1;
      }
    });
  }

  document.addEventListener("change", function (event) {
    var select = event.target.closest("[data-metric]");
    if (select) {
      showMetricFields(select);
    }
  });

  function formatter(format, language) {
    var locale = language === "vi" ? "vi-VN" : "en-GB";
    if (format.metric === "money") {
      return new Intl.NumberFormat(locale, { style: "currency", currency: format.currency, maximumFractionDigits: 0 });
    }
    if (format.metric === "percent") {
      return { format: function (value) { return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) + (language === "vi" ? " %" : "%"); } };
    }
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  }

  function dayNumber(iso, start) {
    return Math.round((Date.parse(iso) - Date.parse(start)) / 86400000);
  }

  function palette() {
    var style = getComputedStyle(document.documentElement);
    return {
      accent: style.getPropertyValue("--dc-accent").trim() || "#2b59c3",
      muted: style.getPropertyValue("--bs-secondary-color").trim() || "#6c757d",
      warning: style.getPropertyValue("--bs-warning").trim() || "#ffc107",
      danger: style.getPropertyValue("--bs-danger").trim() || "#dc3545",
      grid: style.getPropertyValue("--bs-border-color-translucent").trim() || "rgba(0,0,0,.1)"
    };
  }

  function keyResultChart(canvas, data) {
    var colours = palette();
    var numbers = formatter(data.format, data.language);
    var locale = data.language === "vi" ? "vi-VN" : "en-GB";
    var dates = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short" });
    var end = dayNumber(data.end, data.start);
    var datasets = [
      { label: data.labels.ideal, data: [{ x: 0, y: data.startValue }, { x: end, y: data.target }], borderColor: colours.muted, borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5 },
      { label: data.labels.checkIns, data: data.checkIns.map(function (c) { return { x: dayNumber(c.day, data.start), y: c.value }; }), borderColor: colours.accent, backgroundColor: colours.accent, pointRadius: 4, borderWidth: 2 }
    ];
    if (data.forecast) {
      var from = { x: dayNumber(data.forecast.from.day, data.start), y: data.forecast.from.value };
      if (data.forecast.high !== null) {
        datasets.push({ label: data.labels.high, data: [from, { x: end, y: data.forecast.high }], borderColor: "transparent", pointRadius: 0, fill: false });
        datasets.push({ label: data.labels.low, data: [from, { x: end, y: data.forecast.low }], borderColor: "transparent", backgroundColor: "rgba(255, 193, 7, .18)", pointRadius: 0, fill: "-1" });
      }
      datasets.push({ label: data.labels.forecast, data: [from, { x: end, y: data.forecast.value }], borderColor: colours.warning, borderDash: [3, 3], pointRadius: [0, 4], pointBackgroundColor: colours.warning, borderWidth: 2 });
    }
    return new window.Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: "nearest", intersect: false },
        scales: {
          x: { type: "linear", min: 0, max: end, grid: { color: colours.grid }, ticks: { maxTicksLimit: 7, callback: function (value) { return dates.format(new Date(Date.parse(data.start) + value * 86400000)); } } },
          y: { grid: { color: colours.grid }, ticks: { callback: function (value) { return numbers.format(value); } } }
        },
        plugins: {
          legend: { labels: { filter: function (item) { return item.text !== data.labels.high && item.text !== data.labels.low; } } },
          tooltip: { callbacks: {
            title: function (items) { return items.length ? dates.format(new Date(Date.parse(data.start) + items[0].parsed.x * 86400000)) : ""; },
            label: function (item) { return item.dataset.label + ": " + numbers.format(item.parsed.y); }
          } }
        }
      }
    });
  }

  function standardChart(canvas, data) {
    var colours = palette();
    var numbers = formatter(data.format, data.language);
    var pointColours = data.breached.map(function (b) { return b ? colours.danger : colours.accent; });
    return new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.periods,
        datasets: [
          { label: data.labels.values, data: data.values, borderColor: colours.accent, pointBackgroundColor: pointColours, pointBorderColor: pointColours, pointRadius: data.breached.map(function (b) { return b ? 6 : 4; }), pointStyle: data.breached.map(function (b) { return b ? "rectRot" : "circle"; }), borderWidth: 2 },
          { label: data.labels.threshold, data: data.periods.map(function () { return data.threshold; }), borderColor: colours.muted, borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5 }
        ]
      },
      options: {
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: false, grace: "10%", grid: { color: colours.grid }, ticks: { callback: function (value) { return numbers.format(value); } } }, x: { grid: { display: false } } },
        plugins: { tooltip: { callbacks: { label: function (item) {
          var text = item.dataset.label + ": " + numbers.format(item.parsed.y);
          return item.datasetIndex === 0 && data.breached[item.dataIndex] ? text + " (" + data.labels.breach + ")" : text;
        } } } }
      }
    });
  }

  function drawCharts(root) {
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.getAttribute("data-chart"));
      if (!source || !window.Chart || canvas.dataset.drawn) {
        return;
      }
      var data = JSON.parse(source.textContent);
      canvas.dataset.drawn = "1";
      if (canvas.getAttribute("data-kind") === "standard") {
        standardChart(canvas, data);
      } else {
        keyResultChart(canvas, data);
      }
    });
  }

  function ready() {
    document.querySelectorAll("[data-metric]").forEach(showMetricFields);
    drawCharts(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
  document.body.addEventListener("htmx:afterSwap", function (event) {
    event.target.querySelectorAll("[data-metric]").forEach(showMetricFields);
    drawCharts(event.target);
  });
})();
