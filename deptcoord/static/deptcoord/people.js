// People: the skill history chart (each skill's level over time).
(function () {
  "use strict";

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-skill-chart"));
    if (!source || typeof Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var language = document.documentElement.lang || "en";
    new Chart(canvas, {
      type: "line",
      data: {
        datasets: data.series.map(function (series) {
          return {
            label: series.label,
            data: series.points.map(function (point) { return { x: Date.parse(point.x), y: point.y }; }),
            stepped: true,
            pointStyle: series.points.map(function (point) { return point.kind === "self" ? "circle" : "rectRot"; }),
            pointRadius: 4
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            type: "linear",
            ticks: {
              callback: function (value) {
                return new Date(value).toLocaleDateString(language === "vi" ? "vi-VN" : "en-GB");
              }
            }
          },
          y: { min: 0, max: 5, ticks: { stepSize: 1 } }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  document.querySelectorAll("canvas[data-skill-chart]").forEach(draw);
})();

// Feedback form: the level and reason are for warnings; only praise can be public.
(function () {
  "use strict";

  function showWarningFields(kind) {
    var form = kind.form;
    var warning = kind.value === "warning";
    ["level", "reason"].forEach(function (name) {
      var input = form.querySelector("[name=" + name + "]");
      var wrapper = input && input.closest(".mb-3");
      if (wrapper) {
        wrapper.hidden = !warning;
      }
    });
    var visibility = form.querySelector("[name=visibility]");
    if (visibility && kind.value !== "praise") {
      visibility.value = "private";
    }
  }

  document.querySelectorAll("form [name=kind][data-feedback-kind]").forEach(function (kind) {
    showWarningFields(kind);
    kind.addEventListener("change", function () { showWarningFields(kind); });
  });
})();
