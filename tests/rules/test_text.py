"""clean_text: what every document format can hold, whatever a user typed or pasted."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kinerja.rules import clean_text

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\r]")


@given(st.text())
def test_a_clean_text_holds_only_what_xml_can(text):
    cleaned = clean_text(text)
    assert NOT_XML.search(cleaned) is None
    assert clean_text(cleaned) == cleaned
    if NOT_XML.search(text) is None:
        assert cleaned is text


def test_breaks_pasted_from_word_or_windows_stay_line_breaks():
    assert clean_text("satu\x0bdua\x0ctiga\r\nempat\rlima") == "satu\ndua\ntiga\nempat\nlima"
    assert clean_text("bel\x07 dan nul\x00") == "bel dan nul"
    assert clean_text("tab\tdan baris\n") == "tab\tdan baris\n"
