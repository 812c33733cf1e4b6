// Pickers, keyboard shortcuts and the "go to" palette.
//
// Pickers: a <select data-picker> becomes a search box (Tom Select) that finds names with or
// without accents ("tuan" finds "Tuấn") and shows each option's data-sub line under its name;
// chosen people stay in view as chips. The select itself stays in the form, so the form posts
// and validates as before, and without scripts it is a plain select. A select with
// data-search-url holds only a few options (the likely ones); typing asks that URL (an API list
// taking the words after it, answering {items: [{id, full_name, title}]}) for the rest.
//
// Keys: "/" search, "g t/g/p/m" Today, goals, projects, meetings, "?" the list of shortcuts,
// Ctrl+K (Cmd+K) the palette. None of them fires while typing in a field.
(function () {
  "use strict";

  var script = document.currentScript;

  function fold(text) {
    return (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^0-9a-z]+/).filter(Boolean);
  }

  // ---- Pickers -------------------------------------------------------------------------

  function escapeHtml(text) {
    var span = document.createElement("span");
    span.textContent = text == null ? "" : String(text);
    return span.innerHTML;
  }

  // Every word typed must be found in the name or the line under it, accents aside; names
  // starting with the first word come first.
  function score(search) {
    var wanted = words(search);
    return function (item) {
      if (!wanted.length) {
        return 1;
      }
      if (item.folded === undefined) {
        item.folded = " " + words((item.name || item.text) + " " + (item.sub || "")).join(" ");
      }
      var total = 1;
      for (var index = 0; index < wanted.length; index++) {
        var at = item.folded.indexOf(wanted[index]);
        if (at < 0) {
          return 0;
        }
        if (item.folded.charAt(at - 1) === " ") {
          total += 1;
        }
      }
      return total;
    };
  }

  function enhance(select) {
    if (select.tomselect || !window.TomSelect) {
      return;
    }
    var many = select.multiple;
    var settings = {
      plugins: many ? { remove_button: { title: select.dataset.remove || "" } } : {},
      maxOptions: 50,
      // The options are on the page: filter at once, so that Enter right after typing picks
      // what was typed rather than the first name of the unfiltered list.
      refreshThrottle: 0,
      allowEmptyOption: !select.required,
      placeholder: select.dataset.placeholder || "",
      hidePlaceholder: !many, // a chosen name stands alone; chips keep the prompt beside them
      closeAfterSelect: !many,
      score: score,
      sortField: [{ field: "$score", direction: "desc" }, { field: "$order" }],
      render: {
        option: function (data, escape) {
          var name = data.name || data.text;
          var sub = data.sub ? '<div class="picker-sub">' + escape(data.sub) + "</div>" : "";
          return '<div class="picker-option"><div>' + escape(name) + "</div>" + sub + "</div>";
        },
        item: function (data, escape) {
          return "<div>" + escape(data.name || data.text) + "</div>";
        },
        no_results: function () {
          return '<div class="no-results">' + escapeHtml(select.dataset.noResults || "") + "</div>";
        },
      },
      onItemAdd: function () {
        if (many) {
          this.setTextboxValue("");
          this.refreshOptions(false);
        }
      },
    };
    if (select.dataset.searchUrl) {
      settings.shouldLoad = function (query) {
        return words(query).length > 0;
      };
      settings.load = function (query, callback) {
        fetch(select.dataset.searchUrl + encodeURIComponent(query), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.ok ? response.json() : { items: [] };
          })
          .then(function (found) {
            callback(
              (found.items || []).map(function (person) {
                return {
                  value: String(person.id),
                  text: person.full_name,
                  name: person.full_name,
                  sub: person.title || "",
                };
              })
            );
          })
          .catch(function () {
            callback();
          });
      };
    }
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    var picker = new window.TomSelect(select, settings);
    // Tom Select gives the label to the box one types in; the hidden select keeps its name.
    if (label && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", label.textContent.trim());
    }
    // A picker inside a form that htmx replaces goes with it; nothing to clean up.
    picker.wrapper.classList.add("picker");
    // The help text and the error state of the field belong to the box one types in.
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (select.hasAttribute(name)) {
        picker.control_input.setAttribute(name, select.getAttribute(name));
      }
    });
  }

  var loading = null;

  function whenTomSelect(then) {
    if (window.TomSelect) {
      then();
      return;
    }
    if (!loading) {
      loading = document.createElement("script");
      loading.src = script && script.dataset.tomSelect;
      if (script && script.nonce) {
        loading.nonce = script.nonce;
      }
      document.head.appendChild(loading);
    }
    loading.addEventListener("load", then);
  }

  function enhanceAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var selects = Array.prototype.slice.call(scope.querySelectorAll("select[data-picker]"));
    if (scope.matches && scope.matches("select[data-picker]")) {
      selects.push(scope);
    }
    if (!selects.length) {
      return;
    }
    whenTomSelect(function () {
      selects.forEach(enhance);
    });
  }

  document.addEventListener("htmx:load", function (event) {
    enhanceAll(event.target);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enhanceAll(document);
    });
  } else {
    enhanceAll(document);
  }

  // ---- Keyboard shortcuts ------------------------------------------------------------

  var keys = document.getElementById("keys");
  if (!keys) {
    return; // signed out: no shortcuts
  }

  function typing(target) {
    if (!target || !target.closest) {
      return false;
    }
    return Boolean(
      target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") ||
        target.isContentEditable
    );
  }

  function modal(id) {
    var element = document.getElementById(id);
    return element && window.bootstrap ? window.bootstrap.Modal.getOrCreateInstance(element) : null;
  }

  function anyModalOpen() {
    return Boolean(document.querySelector(".modal.show"));
  }

  function focusSearch() {
    var input = document.querySelector("form[role=search] input[name=q]");
    if (!input) {
      return;
    }
    if (input.offsetParent === null) {
      // The menu is folded away on a narrow screen: open it first.
      var menu = input.closest(".collapse");
      if (menu && window.bootstrap) {
        menu.addEventListener("shown.bs.collapse", function () {
          input.focus();
        }, { once: true });
        window.bootstrap.Collapse.getOrCreateInstance(menu).show();
        return;
      }
    }
    input.focus();
    input.select();
  }

  var GO = { t: "today", g: "goals", p: "projects", m: "meetings" };
  var pendingG = 0;

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K")) {
      event.preventDefault();
      openPalette();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    if (typing(event.target) || anyModalOpen()) {
      return;
    }
    var now = Date.now();
    if (pendingG && now - pendingG < 1500 && GO[event.key]) {
      pendingG = 0;
      event.preventDefault();
      window.location.assign(keys.dataset[GO[event.key]]);
      return;
    }
    pendingG = 0;
    if (event.key === "g") {
      pendingG = now;
    } else if (event.key === "/") {
      event.preventDefault();
      focusSearch();
    } else if (event.key === "?") {
      event.preventDefault();
      var shortcuts = modal("shortcuts");
      if (shortcuts) {
        shortcuts.show();
      }
    }
  });

  // ---- The palette ---------------------------------------------------------------------

  var palette = document.getElementById("palette");
  var input = document.getElementById("palette-input");
  var list = document.getElementById("palette-list");
  var status = document.getElementById("palette-status");
  var results = [];
  var active = -1;
  var asked = 0;
  var answered = 0;
  var timer = null;
  var enterPending = false; // Enter pressed before the answer came: open the first one

  function openPalette() {
    var dialog = modal("palette");
    if (dialog) {
      dialog.show();
    }
  }

  function setActive(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      return;
    }
    active = (index + options.length) % options.length;
    options.forEach(function (option, at) {
      option.setAttribute("aria-selected", at === active ? "true" : "false");
      option.classList.toggle("active", at === active);
    });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function show(found, query) {
    results = found;
    list.textContent = "";
    found.forEach(function (result, index) {
      var option = document.createElement("li");
      option.id = "palette-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "palette-option";
      var icon = document.createElement("i");
      icon.className = "bi " + (result.icon || "bi-circle") + " text-body-secondary";
      icon.setAttribute("aria-hidden", "true");
      var title = document.createElement("span");
      title.className = "palette-title";
      title.textContent = result.title;
      var kind = document.createElement("span");
      kind.className = "palette-kind";
      kind.textContent = result.kind;
      option.append(icon, title, kind);
      option.addEventListener("click", function () {
        go(index);
      });
      option.addEventListener("mousemove", function () {
        if (active !== index) {
          setActive(index);
        }
      });
      list.appendChild(option);
    });
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
    if (!query) {
      status.textContent = "";
    } else if (found.length) {
      status.textContent = keys.dataset.found.replace("{count}", String(found.length));
    } else {
      status.textContent = keys.dataset.nothing;
    }
    setActive(0);
    if (enterPending && query) {
      enterPending = false;
      go(0);
    }
  }

  function ask() {
    var query = input.value.trim();
    var number = ++asked;
    if (!query) {
      answered = number;
      show([], "");
      return;
    }
    fetch(keys.dataset.jump + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        if (number === asked) {
          answered = number;
          show(data.results || [], query);
        }
      })
      .catch(function () {
        if (number === asked) {
          answered = number;
          enterPending = false;
          show([], "");
          status.textContent = keys.dataset.failed;
        }
      });
  }

  function go(index) {
    var result = results[index];
    if (result && result.url) {
      window.location.assign(result.url);
    }
  }

  if (palette && input && list) {
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        timer = null;
        ask();
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (timer === null && answered === asked && results.length && active >= 0) {
          go(active);
        } else {
          window.clearTimeout(timer);
          timer = null;
          enterPending = true;
          ask();
        }
      }
    });
    palette.addEventListener("shown.bs.modal", function () {
      input.focus();
      input.select();
    });
    palette.addEventListener("hidden.bs.modal", function () {
      enterPending = false;
      input.value = "";
      show([], "");
    });
  }
})();
