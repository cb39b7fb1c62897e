"""The reports' Indonesian hyphenation: at syllables, by :func:`kinerja.rules.sela`.

WeasyPrint hyphenates the PDF with pyphen's dictionary of the text's language, and the
DOCX's table headers get optional hyphens from the same dictionary (``docx_parts``).
pyphen's Indonesian patterns cut words where no reader would: "Kelur-ahan", "de-ng-an",
"pra-sar-an", "peral-atan", "for-um". Importing this module makes that dictionary, for every
user of it in the process, answer with the syllables of EYD V instead.
"""

from __future__ import annotations

from functools import lru_cache

import pyphen

from kinerja.rules import sela

__all__ = ["HYPHENATOR", "LANG"]

LANG = "id"  # the reports' <html lang>, and the DOCX's language


@lru_cache(maxsize=20000)
def _positions(word: str) -> tuple[int, ...]:
    return tuple(pyphen.DataInt(i) for i in sela(word))  # cached: never to be changed


#: pyphen's Indonesian dictionary (one object per process, shared with WeasyPrint: pyphen
#: caches dictionaries by file), its lookup replaced.
HYPHENATOR = pyphen.Pyphen(lang=LANG)
HYPHENATOR.hd.positions = _positions
