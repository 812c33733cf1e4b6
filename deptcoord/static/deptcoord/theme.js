// Apply the saved colour mode before the page paints (light, dark, or the system's choice).
(function () {
  var saved = localStorage.getItem("deptcoord-theme");
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.setAttribute("data-bs-theme", saved || (dark ? "dark" : "light"));
})();
