"""Normalising text for search: diacritics and case ignored, positions kept for highlighting."""

from hypothesis import given
from hypothesis import strategies as st

from deptcoord.search.text_search import (
    excerpt,
    fts5_query,
    highlight,
    normalise,
    query_words,
    tsquery,
)


def test_vietnamese_loses_its_diacritics_and_d_stroke():
    assert normalise("Kế hoạch ĐẠI LÝ đường") == "ke hoach dai ly duong"


def test_punctuation_only_has_no_words():
    assert query_words("!!! ... ??? — «»") == []


def test_query_words_are_normalised_once_each():
    assert query_words("Kế hoạch, KE HOACH; ra mắt") == ["ke", "hoach", "ra", "mat"]


def test_full_text_queries_need_every_word_and_take_the_last_as_a_prefix():
    assert fts5_query(["ke", "hoach"]) == '"ke" AND "hoach"*'
    assert tsquery(["ke", "hoach"]) == "ke & hoach:*"


def test_highlight_marks_the_words_as_written():
    segments = highlight("Đây là kế hoạch", ["ke", "hoach"])
    assert [segment.text for segment in segments if segment.matched] == ["kế", "hoạch"]


def test_excerpt_is_a_window_around_the_first_match():
    text = "Mở đầu. " * 100 + "Giá bán lẻ đề xuất 1.990.000 ₫." + " Kết thúc." * 100
    segments = excerpt(text, ["gia", "ban"])
    shown = "".join(segment.text for segment in segments)
    assert shown.startswith("… ") and shown.endswith(" …")
    assert [segment.text for segment in segments if segment.matched] == ["Giá", "bán"]
    assert len(shown) < 300


@given(st.text())
def test_normalising_keeps_the_length_and_is_idempotent(text):
    normalised = normalise(text)
    assert len(normalised) == len(text)
    assert normalise(normalised) == normalised
    assert normalised.isascii()


@given(st.text(), st.lists(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True), max_size=4))
def test_highlight_segments_put_back_together_are_the_text(text, words):
    assert "".join(segment.text for segment in highlight(text, words)) == text
