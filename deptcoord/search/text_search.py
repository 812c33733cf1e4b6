"""Search text without diacritics: normalising, query words, full-text queries and highlights.

Pure: imports nothing from Django. Normalising maps every character to exactly one character
(lower case, Vietnamese diacritics dropped, "đ" → "d", punctuation → space), so a position in
the normalised text is the same position in the original: that is how matches are highlighted.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MAX_WORDS = 12
MIN_PREFIX = 2
WORD = re.compile(r"[0-9a-z]+")
SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "a", "œ": "o", "ß": "s"}


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    if char in SPECIAL:
        return SPECIAL[char]
    base = unicodedata.normalize("NFD", char)[0].lower()
    if len(base) != 1 or not base.isascii() or not base.isalnum():
        return " "
    return base


def normalise(text: str) -> str:
    """Lower case, no diacritics, letters and digits only; exactly as long as ``text``."""
    if text.isascii():
        return re.sub(r"[^0-9a-z]", " ", text.lower())
    return "".join(_fold(char) for char in text)


def query_words(query: str) -> list[str]:
    """The words of a search, normalised, in order, without repeats (at most ``MAX_WORDS``)."""
    words: list[str] = []
    for word in WORD.findall(normalise(query or "")):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def fts5_query(words: list[str]) -> str:
    """An FTS5 query finding entries with every word (the last one also as a prefix)."""
    parts = [f'"{word}"' for word in words]
    if parts and len(words[-1]) >= MIN_PREFIX:
        parts[-1] = f'"{words[-1]}"*'
    return " AND ".join(parts)


def tsquery(words: list[str]) -> str:
    """A PostgreSQL tsquery (config 'simple') with every word, the last one also as a prefix."""
    parts = list(words)
    if parts and len(parts[-1]) >= MIN_PREFIX:
        parts[-1] = f"{parts[-1]}:*"
    return " & ".join(parts)


@dataclass(frozen=True)
class Segment:
    """A piece of displayed text, and whether it matched a searched word."""

    text: str
    matched: bool


def _spans(normalised: str, words: list[str]) -> list[tuple[int, int]]:
    spans = []
    for found in WORD.finditer(normalised):
        token = found.group()
        for index, word in enumerate(words):
            last = index == len(words) - 1
            if token == word or (last and len(word) >= MIN_PREFIX and token.startswith(word)):
                spans.append((found.start(), found.start() + len(word)))
                break
    return spans


def highlight(text: str, words: list[str]) -> list[Segment]:
    """The text cut into segments, the searched words marked (diacritics ignored)."""
    spans = _spans(normalise(text), words)
    segments, cursor = [], 0
    for start, end in spans:
        if start > cursor:
            segments.append(Segment(text[cursor:start], False))
        segments.append(Segment(text[start:end], True))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:], False))
    return segments


def _first_match(normalised: str, words: list[str]) -> int:
    """Where the first searched word starts in normalised text (0 when none is found)."""
    if not words:
        return 0
    whole = [re.escape(word) for word in words]
    last = re.escape(words[-1]) if len(words[-1]) >= MIN_PREFIX else whole[-1]
    pattern = rf"(?<![0-9a-z])(?:(?:{'|'.join(whole)})(?![0-9a-z])|{last})"
    found = re.search(pattern, normalised)
    return found.start() if found else 0


def excerpt(
    text: str, words: list[str], width: int = 220, normalised: str | None = None
) -> list[Segment]:
    """A window of about ``width`` characters around the first match, highlighted. Pass the
    stored ``normalised`` text (the same length as ``text``) to avoid normalising long texts."""
    if normalised is None or len(normalised) != len(text):
        normalised = normalise(text)
    position = _first_match(normalised, words)
    start = max(0, position - width // 3)
    if start:
        space = text.find(" ", start, position)
        start = space + 1 if space >= 0 else start
    window = text[start : start + width]
    segments = highlight(window, words)
    if start:
        segments.insert(0, Segment("… ", False))
    if start + width < len(text):
        segments.append(Segment(" …", False))
    return segments
