"""Template filters of the records pages."""

from functools import lru_cache

from django import template
from django.utils.text import Truncator

from deptcoord.records.markdown_render import markdown_text

register = template.Library()


def _opening(text: str, length: int) -> str:
    """The first lines of a text, enough of them to fill an excerpt of ``length`` characters
    (a long note need not be rendered whole for its first words)."""
    lines, size = [], 0
    for line in (text or "").splitlines():
        lines.append(line)
        size += len(line)
        if size >= length * 2:
            break
    return "\n".join(lines)


@register.filter
def markdown_excerpt(text: str, length: int = 180) -> str:
    """The first words of a Markdown text, without its markup."""
    return _excerpt(text or "", length)


@lru_cache(maxsize=4096)  # lists show the same notes again and again; rendering is slow
def _excerpt(text: str, length: int) -> str:
    return Truncator(" ".join(markdown_text(_opening(text, length)).split())).chars(length)
