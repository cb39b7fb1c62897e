"""Text as every document format can hold it: XML (DOCX, XLSX, the PDF's HTML) and CSV.

A user's text may come from Word or Excel with characters that XML 1.0 cannot hold:
Word's manual line break (vertical tab, U+000B) and page break (form feed, U+000C), a
stray control character, half a surrogate pair. openpyxl refuses them, WeasyPrint draws a
missing-glyph box for them. :func:`clean_text` keeps what they meant (a line break) and
drops the rest.
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "ringkas"]

#: What XML 1.0 cannot hold: control characters but tab and line feed, surrogates, U+FFFE
#: and U+FFFF; and a carriage return, with the line feed after it if any.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|\r\n?")
_AS_LINE_BREAK = {"\x0b", "\x0c", "\r", "\r\n"}


def clean_text(text: str) -> str:
    """``text`` with Word's line and page breaks and carriage returns (with their line feed)
    as line feeds, and without the other characters XML cannot hold; ``text`` itself if it
    has none.

    >>> clean_text("Faktor pendukung:\\x0bkoordinasi\\x07 lintas sektor\\r\\n")
    'Faktor pendukung:\\nkoordinasi lintas sektor\\n'
    """
    if _NOT_XML.search(text) is None:
        return text
    return _NOT_XML.sub(lambda m: "\n" if m[0] in _AS_LINE_BREAK else "", text)


def ringkas(text: str, batas: int = 60) -> str:
    """``text`` in at most ``batas`` characters, cut after a whole word and ended with "…"
    when it is longer (a name in a message or a list); its words are never cut.

    >>> ringkas("Jumlah dokumen perencanaan yang disusun tepat waktu", 30)
    'Jumlah dokumen perencanaan…'
    >>> ringkas("Laporan", 30)
    'Laporan'
    """
    text = " ".join(text.split())
    if len(text) <= batas:
        return text
    cut = text[: batas - 1]
    if text[batas - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # the word cut in the middle goes whole
    return cut.rstrip(" ,;:.-–—") + "…"
