"""Syllables for hyphenation (EYD V, "Pemenggalan Kata"): the rules on real words of the
reports, and properties that hold for any word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.rules import pisah, sela

VOKAL = set("aeiouAEIOU")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # pyphen's Indonesian patterns cut these as Kelur-ahan, de-ng-an, pra-sar-an,
        # peral-atan, for-um, Kawas-an, ma-sya-ra-k-at
        ("Kelurahan", "Ke-lu-ra-han"),
        ("dengan", "de-ngan"),
        ("prasarana", "pra-sa-ra-na"),
        ("peralatan", "pe-ra-la-tan"),
        ("Forum", "Fo-rum"),
        ("Kawasan", "Ka-wa-san"),
        ("masyarakat", "ma-sya-ra-kat"),
        # two vowels; one consonant; two consonants; three or more
        ("realisasi", "re-a-li-sa-si"),
        ("koordinasi", "ko-or-di-na-si"),
        ("ditindaklanjuti", "di-tin-dak-lan-ju-ti"),
        ("penyelenggaraan", "pe-nye-leng-ga-ra-an"),
        ("pengaduan", "pe-nga-du-an"),
        ("konstruksi", "kon-struk-si"),
        ("implementasi", "im-ple-men-ta-si"),
        ("akhir", "a-khir"),
        ("Program", "Pro-gram"),
        ("ketrampilan", "ke-tram-pi-lan"),
        ("republik", "re-pub-lik"),
        ("musyawarah", "mu-sya-wa-rah"),
        # a diphthong is never split; an abbreviation never hyphenated
        ("pantai", "pan-tai"),
        ("saudara", "sau-da-ra"),
        ("Capaian", "Ca-pai-an"),
        ("CPNS", "CPNS"),
        ("PANRB", "PANRB"),
        ("satu-satunya", "sa-tu-sa-tu-nya"),
    ],
)
def test_words_of_the_reports(word, expected):
    assert pisah(word) == expected


@given(st.text(alphabet="abdeghiklmnoprstuwyAEIKNS", max_size=20))
def test_every_part_holds_a_vowel_and_the_word_stays_whole(word):
    points = sela(word)
    assert points == sorted(set(points))
    assert all(0 < p < len(word) for p in points)
    parts = pisah(word, "|").split("|")
    assert "".join(parts) == word
    if len(parts) > 1:
        assert all(set(part) & VOKAL for part in parts)


@given(st.text(alphabet="bcdfghjklmnpqrstvwxyzBCDFGHJKLMNPQRSTVWXYZ0123456789", max_size=12))
def test_a_word_without_vowels_is_never_hyphenated(word):
    assert sela(word) == []
