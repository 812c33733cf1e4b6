#!/usr/bin/env python3
"""List the msgids of django-allauth's gettext catalogue.

django-allauth ships no Vietnamese translation, so deptcoord carries its own in
``deptcoord/locale_allauth/vi/LC_MESSAGES/django.po``. allauth's French catalogue
is complete and kept in step with its source, so its msgids serve as the list of
strings to translate. After upgrading allauth, diff this script's output against
the Vietnamese catalogue to see what changed::

    python scripts/allauth_msgids.py > /tmp/allauth.txt
    python scripts/allauth_msgids.py --po deptcoord/locale_allauth/vi/LC_MESSAGES/django.po \
        > /tmp/ours.txt
    diff /tmp/allauth.txt /tmp/ours.txt

or let the script do the comparison::

    python scripts/allauth_msgids.py --check deptcoord/locale_allauth/vi/LC_MESSAGES/django.po

Each message is printed on one line as a JSON array ``[msgctxt, msgid, msgid_plural]``
(``null`` where absent), sorted, so the output diffs cleanly. Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE_LANGUAGE = "fr"


@dataclass
class Entry:
    """One message of a .po file (obsolete ``#~`` entries are never produced)."""

    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translations(self) -> list[str]:
        if self.msgid_plural is not None:
            return [self.msgstr_plural[n] for n in sorted(self.msgstr_plural)]
        return [self.msgstr]


def _unquote(text: str, path: Path, lineno: int) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{path}:{lineno}: expected a quoted string, got {text!r}")
    # .po strings use C escapes, which Python's string literal syntax covers.
    return ast.literal_eval(text)


def parse_po(path: str | Path) -> list[Entry]:
    """Parse a .po file into entries, header included, obsolete entries skipped."""
    path = Path(path)
    entries: list[Entry] = []
    current: Entry | None = None
    has_msgid = has_msgstr = False
    pending_flags: set[str] = set()
    field_name: str | None = None  # the field that continuation lines extend

    def finish() -> None:
        nonlocal current, has_msgid, has_msgstr, field_name
        if current is not None:
            if not (has_msgid and has_msgstr):
                raise ValueError(f"{path}: incomplete entry {current.msgid!r}")
            entries.append(current)
        current = None
        has_msgid = has_msgstr = False
        field_name = None

    def add(name: str, value: str) -> None:
        assert current is not None
        if name.startswith("msgstr["):
            index = int(name[len("msgstr[") : -1])
            current.msgstr_plural[index] = current.msgstr_plural.get(index, "") + value
        elif name == "msgctxt":
            current.msgctxt = (current.msgctxt or "") + value
        elif name == "msgid_plural":
            current.msgid_plural = (current.msgid_plural or "") + value
        else:
            setattr(current, name, getattr(current, name) + value)

    with path.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line or line.startswith("#~"):
                # Blank line, or an obsolete entry (which is ignored).
                finish()
                continue
            if line.startswith("#"):
                if has_msgstr:
                    finish()
                if line.startswith("#,"):
                    pending_flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
                continue
            if line.startswith('"'):
                if field_name is None:
                    raise ValueError(f"{path}:{lineno}: continuation line outside an entry")
                add(field_name, _unquote(line, path, lineno))
                continue
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and has_msgstr:
                finish()
            if current is None:
                current = Entry(flags=pending_flags)
                pending_flags = set()
            if keyword == "msgctxt" and not has_msgid:
                current.msgctxt = ""
            elif keyword == "msgid" and not has_msgid:
                has_msgid = True
            elif keyword == "msgid_plural" and has_msgid and not has_msgstr:
                current.msgid_plural = ""
            elif keyword == "msgstr" or re.fullmatch(r"msgstr\[\d+\]", keyword):
                if not has_msgid:
                    raise ValueError(f"{path}:{lineno}: msgstr without msgid")
                has_msgstr = True
            else:
                raise ValueError(f"{path}:{lineno}: unexpected {keyword!r}")
            field_name = keyword
            add(keyword, _unquote(rest, path, lineno))
    finish()
    return entries


def messages(entries: list[Entry]) -> list[Entry]:
    """The entries minus the header."""
    return [entry for entry in entries if not entry.is_header]


def header_fields(entries: list[Entry]) -> dict[str, str]:
    for entry in entries:
        if entry.is_header:
            fields = {}
            for line in entry.msgstr.splitlines():
                name, sep, value = line.partition(":")
                if sep:
                    fields[name.strip()] = value.strip()
            return fields
    return {}


def allauth_dir() -> Path:
    spec = importlib.util.find_spec("allauth")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("django-allauth is not importable from this Python environment")
    return Path(next(iter(spec.submodule_search_locations)))


def reference_catalogue(base: Path | None = None, language: str = REFERENCE_LANGUAGE) -> Path:
    """Path of allauth's catalogue for ``language`` (French unless told otherwise)."""
    base = allauth_dir() if base is None else base
    return base / "locale" / language / "LC_MESSAGES" / "django.po"


def message_keys(path: str | Path) -> list[tuple[str | None, str, str | None]]:
    return sorted(
        {(e.msgctxt, e.msgid, e.msgid_plural) for e in messages(parse_po(path))},
        key=lambda k: (k[1], k[0] or "", k[2] or ""),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--allauth",
        type=Path,
        help="allauth package directory (default: the one importable by this Python)",
    )
    parser.add_argument(
        "--po",
        type=Path,
        help="print the msgids of this .po file instead of allauth's reference catalogue",
    )
    parser.add_argument(
        "--check",
        type=Path,
        metavar="PO",
        help="report msgids of allauth missing from (or untranslated/fuzzy in) PO",
    )
    args = parser.parse_args(argv)

    source = args.po or reference_catalogue(args.allauth)
    keys = message_keys(source)

    if args.check is None:
        for key in keys:
            print(json.dumps(list(key), ensure_ascii=False))
        return 0

    ours = {e.key: e for e in messages(parse_po(args.check))}
    wanted = {(ctx, msgid) for ctx, msgid, _ in keys}
    problems = 0
    for ctx, msgid, plural in keys:
        entry = ours.get((ctx, msgid))
        if entry is None:
            status = "missing"
        elif entry.fuzzy:
            status = "fuzzy"
        elif not entry.translations or not all(entry.translations):
            status = "untranslated"
        elif entry.msgid_plural != plural:
            status = "plural changed"
        else:
            continue
        problems += 1
        print(f"{status}: {json.dumps([ctx, msgid, plural], ensure_ascii=False)}")
    for key in sorted(set(ours) - wanted, key=lambda k: (k[1], k[0] or "")):
        print(f"no longer in allauth: {json.dumps(list(key), ensure_ascii=False)}")
    print(f"{len(keys)} allauth messages, {problems} need work", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        sys.exit(0)
