"""Notes' Markdown turned into safe HTML: scripts, event handlers and javascript: links are
removed by an allow-list sanitiser after rendering."""

import html
import threading

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "td": {"align"},
    "th": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}


_local = threading.local()


def _converter() -> markdown.Markdown:
    """One converter per thread, reset between texts (building one loads every extension)."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
        _local.converter = converter
    return converter.reset()


def render_markdown(text: str) -> str:
    """Markdown as HTML that is safe to show on the page."""
    html = _converter().convert(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def markdown_text(text: str) -> str:
    """The words of a Markdown text without its markup (for search and short excerpts)."""
    rendered = render_markdown(text)
    rendered = rendered.replace("</p>", "</p>\n").replace("</li>", "</li>\n")
    plain = nh3.clean(rendered, tags=set())
    return html.unescape(plain).strip()
