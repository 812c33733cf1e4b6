"""Notes render Markdown safely: scripts, event handlers and javascript: links never reach the page."""

from deptcoord.records.markdown_render import render_markdown
from tests.factories import client_for
from tests.records.helpers import note

ATTACK = """# Plan
<script>alert('x')</script>
<img src="/logo.png" onerror="alert(1)">
[Click](javascript:alert(2)) <a href="JaVaScRiPt:alert(3)" onclick="alert(4)">me</a>
<iframe src="https://evil.example"></iframe>
**bold** and a [real link](https://saomai.vn)
"""


def test_script_event_handlers_and_javascript_links_are_removed():
    html = render_markdown(ATTACK)
    lowered = html.lower()
    for danger in ("<script", "alert(", "onerror", "onclick", "javascript:", "<iframe"):
        assert danger not in lowered
    assert "<strong>bold</strong>" in html
    assert 'href="https://saomai.vn"' in html
    assert "<h1>Plan</h1>" in html


def test_the_note_page_shows_the_markdown_without_its_script(world):
    written = note(world.coordinator, world.own, title="Launch", body=ATTACK)
    page = client_for(world.member).get(f"/records/notes/{written.pk}/").content.decode()
    assert "<strong>bold</strong>" in page
    assert "alert(" not in page
    assert "onerror" not in page


def test_the_preview_renders_safely(world):
    response = client_for(world.member).post("/records/notes/preview/", {"body": ATTACK})
    assert response.status_code == 200
    assert "<strong>bold</strong>" in response.content.decode()
    assert "alert(" not in response.content.decode()
