"""Name folding and the name sort key (carenet.domain.text): defined in Python, stored, so the stores agree."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from carenet.domain.text import fold, name_keys, sort_key


def test_fold_is_unicode_case_folding():
    assert fold("İstanbul") == fold("i̇stanbul") == "i̇stanbul"  # LadybugDB's toLower gives 'istanbul'
    assert fold("ΟΔΟΣ") == fold("οδος") == fold("Οδος") == "οδοσ"  # every sigma alike, word-final too
    assert fold("Straße") == fold("STRASSE") == "strasse"
    assert fold("Ａｂｃ") == "abc" and fold("ﬁne") == "fine"  # compatibility forms (NFKC)
    assert fold("École") == fold("E\u0301cole".upper())  # composed and decomposed accents
    assert name_keys(None) == {"name_fold": None, "name_key": None}


def _utf16(text: str) -> bytes:
    """Neo4j (Java) compares strings by UTF-16 code units: big-endian UTF-16 bytes compare the same."""
    return text.encode("utf-16-be")


def test_code_point_and_utf16_orders_differ_and_the_sort_key_does_not():
    smile, private = "\U0001f600", "\ue000"
    assert private < smile and _utf16(smile) < _utf16(private)  # the two stores disagree on names
    assert sort_key(private) < sort_key(smile) and _utf16(sort_key(private)) < _utf16(sort_key(smile))
    assert sort_key("plain ascii, é, ß") == "plain ascii, é, ß"  # nothing below U+D7FF changes


_text = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x7F),
        st.sampled_from("\ud7fe\ud7ff\ue000\uffff"),
        st.characters(min_codepoint=0xD7F0),
        st.characters(),
    ),
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(_text, _text)
def test_sort_key_keeps_code_point_order_under_both_comparisons(a, b):
    ka, kb = sort_key(a), sort_key(b)
    assert all(ord(c) < 0xD800 for c in ka + kb)  # no character where the two orders part
    assert (a < b) == (ka < kb) == (_utf16(ka) < _utf16(kb))
    assert (a == b) == (ka == kb)
    assert b.startswith(a) == kb.startswith(ka)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8))
def test_fold_is_nfkc_casefold_nfkc_and_its_ascii_shortcut_agrees(text):
    import unicodedata

    assert fold(text) == unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    ascii_only = "".join(c for c in text if c.isascii())
    assert fold(ascii_only) == unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ascii_only).casefold())
