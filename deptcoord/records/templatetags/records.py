"""Template filters of the records pages."""

from django import template
from django.utils.text import Truncator

from deptcoord.records.markdown_render import markdown_text

register = template.Library()


@register.filter
def markdown_excerpt(text: str, length: int = 180) -> str:
    """The first words of a Markdown text, without its markup."""
    return Truncator(" ".join(markdown_text(text).split())).chars(length)
