"""A note's excerpt reads its first words without markup, however long the note."""

from django.utils.text import Truncator

from deptcoord.records.markdown_render import markdown_text
from deptcoord.records.templatetags.records import markdown_excerpt


def test_a_long_note_gives_the_same_excerpt_as_rendering_it_whole():
    body = "## Kế hoạch ra mắt **SM Home**\n\n" + "\n\n".join(
        f"- Đại lý [miền Bắc](https://example.com/{n}) cần bảng giá mới số {n}." for n in range(400)
    )
    whole = Truncator(" ".join(markdown_text(body).split())).chars(180)
    assert markdown_excerpt(body) == whole
    assert whole.startswith("Kế hoạch ra mắt SM Home Đại lý miền Bắc cần bảng giá mới số 0.")
    assert "**" not in whole and "](" not in whole


def test_a_short_or_empty_note():
    assert markdown_excerpt("Một *dòng*") == "Một dòng"
    assert markdown_excerpt("") == ""
    assert markdown_excerpt(None) == ""
