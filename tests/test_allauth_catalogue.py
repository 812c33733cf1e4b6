"""The Vietnamese catalogue for django-allauth covers every string allauth ships.

django-allauth has no Vietnamese translation, so deptcoord carries one in
``deptcoord/locale_allauth``. allauth's French catalogue is complete, so its msgids
are the list of strings that must be translated; after an allauth upgrade this test
names whatever is new or changed (``scripts/allauth_msgids.py --check`` does too).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VI_CATALOGUE = ROOT / "deptcoord" / "locale_allauth" / "vi" / "LC_MESSAGES" / "django.po"


def _load_msgids_script():
    path = ROOT / "scripts" / "allauth_msgids.py"
    spec = importlib.util.spec_from_file_location("allauth_msgids", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


allauth_msgids = _load_msgids_script()

# %(name)s, %s, %d … (python-format) and {name}, {} (python-brace-format).
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
BRACE_PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*\}")


def placeholders(text: str) -> list[str]:
    found = PERCENT_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text)
    return sorted(p for p in found if p != "%%")


def describe(key: tuple[str | None, str]) -> str:
    context, msgid = key
    return f"{msgid!r}" + (f" (msgctxt {context!r})" if context is not None else "")


@pytest.fixture(scope="module")
def reference():
    spec = importlib.util.find_spec("allauth")
    assert spec is not None and spec.submodule_search_locations, "django-allauth not installed"
    base = Path(next(iter(spec.submodule_search_locations)))
    path = allauth_msgids.reference_catalogue(base)
    assert path.is_file(), f"allauth's reference catalogue is missing: {path}"
    entries = allauth_msgids.messages(allauth_msgids.parse_po(path))
    assert len(entries) > 300, f"suspiciously few messages in {path}"
    return entries


@pytest.fixture(scope="module")
def vietnamese():
    entries = allauth_msgids.parse_po(VI_CATALOGUE)
    return entries


def test_header_declares_vietnamese(vietnamese):
    fields = allauth_msgids.header_fields(vietnamese)
    assert fields.get("Language") == "vi"
    assert fields.get("Content-Type") == "text/plain; charset=UTF-8"
    assert fields.get("Plural-Forms") == "nplurals=1; plural=0;"


def test_every_allauth_message_is_translated(reference, vietnamese):
    ours = {entry.key: entry for entry in allauth_msgids.messages(vietnamese)}
    missing, untranslated, fuzzy, plural_mismatch = [], [], [], []
    for entry in reference:
        mine = ours.get(entry.key)
        if mine is None:
            missing.append(describe(entry.key))
            continue
        if mine.fuzzy:
            fuzzy.append(describe(entry.key))
        if mine.msgid_plural != entry.msgid_plural:
            plural_mismatch.append(describe(entry.key))
        translations = mine.translations
        if not translations or not all(t.strip() for t in translations):
            untranslated.append(describe(entry.key))
    problems = {
        "missing": missing,
        "untranslated": untranslated,
        "fuzzy": fuzzy,
        "plural form differs": plural_mismatch,
    }
    report = "\n".join(f"{kind}: {msg}" for kind, messages in problems.items() for msg in messages)
    assert not report, f"Vietnamese allauth catalogue needs work:\n{report}"


def test_no_fuzzy_entries_at_all(vietnamese):
    fuzzy = [describe(e.key) for e in allauth_msgids.messages(vietnamese) if e.fuzzy]
    assert not fuzzy


def test_placeholders_are_kept(reference, vietnamese):
    ours = {entry.key: entry for entry in allauth_msgids.messages(vietnamese)}
    broken = []
    for entry in reference:
        mine = ours.get(entry.key)
        if mine is None:
            continue  # reported by test_every_allauth_message_is_translated
        wanted = set(placeholders(entry.msgid))
        if entry.msgid_plural is not None:
            wanted |= set(placeholders(entry.msgid_plural))
        for translation in mine.translations:
            lost = wanted - set(placeholders(translation))
            extra = set(placeholders(translation)) - wanted
            if lost or extra:
                broken.append(f"{describe(entry.key)}: lost {sorted(lost)}, extra {sorted(extra)}")
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def test_leading_and_trailing_newlines_match(reference, vietnamese):
    ours = {entry.key: entry for entry in allauth_msgids.messages(vietnamese)}
    broken = []
    for entry in reference:
        mine = ours.get(entry.key)
        if mine is None:
            continue
        for translation in mine.translations:
            if (translation.startswith("\n"), translation.endswith("\n")) != (
                entry.msgid.startswith("\n"),
                entry.msgid.endswith("\n"),
            ):
                broken.append(describe(entry.key))
    assert not broken
