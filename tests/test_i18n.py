"""Every user-facing string has a Vietnamese translation, and pages follow the language."""

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.factories import client_for

ROOT = Path(__file__).resolve().parent.parent


def _entries(po_text: str) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) of each entry, from a .po file's text (plurals: first form)."""
    entries, fuzzy, current, field = [], False, {}, None
    for line in [*po_text.splitlines(), ""]:
        if not line.strip():
            if "msgid" in current:
                entries.append((current["msgid"], current.get("msgstr", ""), fuzzy))
            fuzzy, current, field = False, {}, None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith(("msgid ", "msgstr ", "msgstr[0] ")):
            key, _, value = line.partition(" ")
            field = "msgstr" if key.startswith("msgstr") else key
            current[field] = value.strip()[1:-1]
        elif line.startswith(("msgid_plural", "msgstr[", "msgctxt")):
            field = None
        elif line.startswith('"') and field:
            current[field] += line.strip()[1:-1]
    return entries


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is installed by make test")
def test_vietnamese_catalogue_is_complete(tmp_path):
    """Extract the strings afresh from a copy of the code; every one must be translated."""
    shutil.copytree(
        ROOT / "deptcoord",
        tmp_path / "deptcoord",
        ignore=shutil.ignore_patterns("__pycache__", "static"),
    )
    shutil.copy(ROOT / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DEPTCOORD_VAR_DIR": str(tmp_path)},
    )
    po = (tmp_path / "deptcoord/locale/vi/LC_MESSAGES/django.po").read_text()
    missing = [msgid for msgid, msgstr, fuzzy in _entries(po)[1:] if not msgstr or fuzzy]
    assert missing == []


def test_pages_follow_the_chosen_language(world):
    client = client_for(world.member)
    english = client.get("/org/people/").content.decode()
    assert "People" in english
    client.post("/language/", {"language": "vi", "next": "/org/people/"})
    world.member.refresh_from_db()
    assert world.member.language == "vi"
    vietnamese = client.get("/org/people/").content.decode()
    assert 'lang="vi"' in vietnamese
    assert "Nhân sự" in vietnamese


def test_browser_language_is_the_default(world):
    client = client_for(world.peer)
    page = client.get("/", headers={"Accept-Language": "vi,en;q=0.5"}).content.decode()
    assert 'lang="vi"' in page


def test_numbers_and_dates_follow_the_language():
    from datetime import date

    from django.template import Context, Template
    from django.utils import translation

    template = Template('{% load deptcoord %}{{ amount|money }} {{ day|date:"SHORT_DATE_FORMAT" }}')
    context = Context({"amount": 1234567, "day": date(2026, 11, 26)})
    with translation.override("vi"):
        assert template.render(context) == "1.234.567\u00a0₫ 26/11/2026"
    with translation.override("en"):
        assert template.render(context) == "₫1,234,567 2026-11-26"


def test_a_vietnamese_export_keeps_its_file_name(world):
    """The download is named in the person's language, encoded so browsers show it as is."""
    client = client_for(world.member)
    client.post("/language/", {"language": "vi", "next": "/"})
    response = client.get("/work/my-steps.csv")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert unquote(disposition.split("''", 1)[1]) == "bước-của-tôi.csv"
