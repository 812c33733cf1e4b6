"""What a Vietnamese reader must never see on a page at phone width, and how to look for it.

The browser collects the page's own text (demo data included) and measures its width; the rules
here turn that into findings: English sentences of the product, raw stored values, machine dates,
Python reprs, and a page wider than the phone.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from tests.test_i18n import _entries

CATALOGUE = Path(__file__).resolve().parents[2] / "deptcoord/locale/vi/LC_MESSAGES/django.po"

# English that Django and allauth show when a template or form forgets to say it in Vietnamese.
FRAMEWORK_ENGLISH = [
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Sign In",
    "Sign Out",
    "Sign Up",
    "Forgot your password",
    "Remember Me",
    "Currently:",
    "Change:",
    "No file chosen",
    "Choose File",
    "Page not found",
    "Server Error",
    "---------",
]

# The page's text: every text node outside scripts, form values and code (column names of an
# import file are shown as code on purpose), plus the texts people read on controls
# (placeholders and button values). Each with where it is: "history" in a history panel.
COLLECT_TEXT = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest("script, style, template, noscript, textarea, code, kbd, samp, pre")) continue;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    const history = node.parentElement.closest("[aria-labelledby=history-title]");
    if (text) parts.push([text, history ? "history" : ""]);
  }
  for (const el of document.querySelectorAll("[placeholder], input[type=submit][value]")) {
    parts.push([el.getAttribute("placeholder") || el.value, ""]);
  }
  return parts;
}"""

# Width: how far the page is wider than the window, which elements stick out (outside any box
# that clips or scrolls them), and which boxes scroll sideways on purpose, with what inside.
MEASURE_WIDTH = """() => {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    const classes = [...el.classList].filter((c) => !c.startsWith("htmx")).slice(0, 3);
    if (classes.length) name += "." + classes.join(".");
    const text = (el.innerText || "").replace(/\\s+/g, " ").trim().slice(0, 40);
    return text ? `${name} "${text}"` : name;
  };
  // Whether a box that clips or scrolls holds the element in: for a positioned element, only
  // from its containing block up (a visually hidden label escapes a scroller that is static).
  const clipped = (el) => {
    let position = getComputedStyle(el).position;
    if (position === "fixed") return false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (position === "absolute" && style.position === "static") continue;
      position = style.position;
      if (style.overflowX !== "visible") return true;
    }
    return false;
  };
  const sticksOut = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  };
  // The outermost elements that stick out of the window without a box holding them in.
  const wide = [];
  if (root.scrollWidth > width) {
    for (const el of document.body.querySelectorAll("*")) {
      if (!sticksOut(el) || clipped(el)) continue;
      const parent = el.parentElement;
      if (parent === document.body || !sticksOut(parent) || clipped(parent)) wide.push(describe(el));
    }
  }
  const scrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (!["auto", "scroll"].includes(style.overflowX) || el.scrollWidth <= el.clientWidth + 1)
      continue;
    if (el.closest("[hidden], .d-none, .collapse:not(.show), .modal:not(.show)")) continue;
    const chart = el.querySelector("table, svg, canvas");
    scrollers.push({box: describe(el), holds: chart ? chart.tagName.toLowerCase() : ""});
  }
  return {overflow: root.scrollWidth - width, wide: wide.slice(0, 5), scrollers};
}"""

SNAKE_CASE = re.compile(r"(?<![\w@./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])")
ISO_TIMESTAMP = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
PYTHON_REPR = re.compile(r"\[['\"]|['\"]\]|\{['\"]|\bNone\b|\bTrue\b|\bFalse\b")


@dataclass(frozen=True, order=True)
class Finding:
    """One thing wrong on one page: ``kind`` names the rule, ``detail`` what was seen."""

    page: str
    kind: str
    detail: str

    def __str__(self):
        return f"{self.page}: {self.kind}: {self.detail}"


def untranslated_phrases() -> re.Pattern:
    """Every English msgid of several words that the catalogue says differently in Vietnamese,
    and the framework's own English, as one pattern matching whole phrases."""
    phrases = set(FRAMEWORK_ENGLISH)
    for msgid, msgstr, _fuzzy in _entries(CATALOGUE.read_text())[1:]:
        if msgstr and msgstr != msgid and " " in msgid.strip() and not re.search(r"[%{<\\]", msgid):
            phrases.add(" ".join(msgid.split()))
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def text_findings(page: str, parts: list[list[str]], english: re.Pattern) -> list[Finding]:
    """English, raw values, machine dates and reprs in a page's text nodes; the detail of a
    finding in a history panel starts with "history: "."""
    rules = [
        ("english", english),
        ("iso-timestamp", ISO_TIMESTAMP),
        ("iso-date", ISO_DATE),
        ("raw-value", SNAKE_CASE),
        ("python-repr", PYTHON_REPR),
    ]
    found = []
    for text, region in parts:
        where = f"{region}: " if region else ""
        for kind, rule in rules:
            for match in rule.finditer(text):
                if kind == "iso-date" and ISO_TIMESTAMP.match(text, match.start()):
                    continue
                start, end = max(match.start() - 40, 0), match.end() + 40
                found.append(Finding(page, kind, f"{where}{match.group()} in «{text[start:end]}»"))
    return found


def width_findings(page: str, measured: dict) -> tuple[list[Finding], list[str]]:
    """A page wider than the phone, or a sideways scroller around something else than a table
    or a chart. Also returns the scrollers that are fine (a wide table or chart), to report."""
    found, accepted = [], []
    if measured["overflow"] > 0:
        culprits = ", ".join(measured["wide"]) or "?"
        found.append(Finding(page, "overflow", f"{measured['overflow']}px wider: {culprits}"))
    for scroller in measured["scrollers"]:
        if scroller["holds"]:
            accepted.append(f"{page}: {scroller['box']} scrolls a {scroller['holds']}")
        else:
            found.append(Finding(page, "sideways-scroller", scroller["box"]))
    return found, accepted
