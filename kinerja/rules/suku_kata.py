"""Where an Indonesian word may be hyphenated at a line's end: between its syllables, by the
rules of EYD V / PUEBI ("Pemenggalan Kata").

- between two vowels: *ma-af*, *re-a-li-sa-si*; never inside *ai*, *au*, *ei*, *oi*, which
  may be one sound (*pan-tai*, *sau-da-ra*);
- before the one consonant between two vowels: *ke-lu-ra-han*, *ba-ngu-nan*;
- between two consonants: *man-di*, *bang-sa*, *peng-gu-na-an*; but before a consonant
  with *r* that begins a loanword's syllable: *pro-gram*;
- after the first of three or more: *in-stru-men*, *kon-struk-si*.

*ng*, *ny*, *kh* and *sy* are one consonant each (*pe-nga-du-an*, *ma-sya-ra-kat*,
*a-khir*). A part that would hold no vowel is never cut off, so an abbreviation (*CPNS*,
*PANRB*) is never hyphenated.

>>> sela("kelurahan")
[2, 4, 6]
>>> pisah("penyelenggaraan")
'pe-nye-leng-ga-ra-an'
"""

from __future__ import annotations

import re

__all__ = ["pisah", "sela"]

_VOKAL = set("aeiou")
_DIFTONG = {"ai", "au", "ei", "oi"}
#: A consonant and *r* that begin a syllable of a loanword, as KBBI divides it: *pro-gram*,
#: *ke-tram-pil-an* (with *l* they would split a native compound: *tin-dak-lan-jut*).
_AWAL = {c + "r" for c in "bdfgkpt"}
#: A letter unit: a two-letter consonant first, so that "ng" is one consonant.
_UNIT = re.compile(r"ng|ny|kh|sy|.", re.DOTALL)


def sela(word: str) -> list[int]:
    """The positions in ``word`` (letters only) after which a hyphen may end a line."""
    units = _UNIT.findall(word.lower())
    starts, at = [], 0
    for unit in units:
        starts.append(at)
        at += len(unit)
    nuclei = _nuclei(units)
    points = []
    for (_, end), (start, _) in zip(nuclei, nuclei[1:], strict=False):
        between = units[end:start]
        if not all(u.isalpha() and u not in _VOKAL for u in between):
            continue  # a digit, a hyphen or an apostrophe between: not one word's syllables
        # between two vowels; before one consonant, or a pair that begins a syllable (pro-
        # gram); after the first of two or more
        one = len(between) <= 1 or "".join(between) in _AWAL
        points.append(starts[end] if one else starts[end + 1])
    return points


def pisah(word: str, hyphen: str = "-") -> str:
    """``word`` with ``hyphen`` at every :func:`sela`: to read the rules, and test them."""
    parts, last = [], 0
    for point in sela(word):
        parts.append(word[last:point])
        last = point
    return hyphen.join([*parts, word[last:]])


def _nuclei(units: list[str]) -> list[tuple[int, int]]:
    """(first, after last) unit index of every vowel nucleus: one vowel, or a pair that may
    be a diphthong (*ai*, *au*, *ei*, *oi*)."""
    nuclei: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        if units[i] in _VOKAL:
            if i + 1 < len(units) and units[i] + units[i + 1] in _DIFTONG:
                nuclei.append((i, i + 2))
                i += 2
                continue
            nuclei.append((i, i + 1))
        i += 1
    return nuclei
