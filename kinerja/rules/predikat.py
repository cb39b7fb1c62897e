"""Predikat: mapping a capaian to a label on a scale (*skala predikat*).

Scales, labels and boundary rules (``>=`` or ``>``) are data, not code: a scale
is a :class:`SkalaPredikat` made of :class:`Pita` bands, highest first, and the
value is rounded half-up to two decimals *before* it is tested, so that a
capaian printed as "91,00" never gets the label of "90,99".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .capaian import Capaian
from .numbers import round_half_up, to_decimal

__all__ = ["PRESETS", "Pita", "SkalaPredikat", "get_preset"]


@dataclass(frozen=True)
class Pita:
    """One band of a scale.

    ``lower`` is the band's lower bound; ``None`` means no lower bound (the last
    band, which catches the rest). ``inclusive=True`` tests ``value >= lower``,
    ``False`` tests ``value > lower``. ``color`` is a hex colour for display
    (traffic-light style).
    """

    label: str
    lower: Decimal | None
    inclusive: bool = True
    color: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise ValueError("label pita predikat wajib diisi")
        object.__setattr__(self, "lower", to_decimal(self.lower))

    def matches(self, value: Decimal) -> bool:
        """Whether ``value`` (already rounded) falls in this band or above it."""
        if self.lower is None:
            return True
        return value >= self.lower if self.inclusive else value > self.lower


def _above(a: Pita, b: Pita) -> bool:
    """Whether band ``a``'s threshold is strictly higher than band ``b``'s."""
    if b.lower is None:
        return a.lower is not None
    if a.lower is None:
        return False
    if a.lower != b.lower:
        return a.lower > b.lower
    # Same bound: "> x" above ">= x" leaves exactly x to the second band.
    return not a.inclusive and b.inclusive


@dataclass(frozen=True)
class SkalaPredikat:
    """A predikat scale: ``bands`` highest first, the last without a lower bound.

    >>> skala = get_preset("permendagri-86-2017")
    >>> skala.classify(Decimal("105.78"))
    'Sangat Tinggi'
    >>> skala.classify(Decimal("90.995"))  # rounds to 91.00
    'Sangat Tinggi'
    >>> skala.classify(Capaian.na("target nol")) is None
    True
    """

    key: str
    name: str
    bands: tuple[Pita, ...]
    source: str = ""

    def __post_init__(self) -> None:
        bands = tuple(self.bands)
        object.__setattr__(self, "bands", bands)
        if not bands:
            raise ValueError(f"skala predikat '{self.key}' tidak memiliki pita")
        for band in bands:
            if not isinstance(band, Pita):
                raise TypeError("setiap pita skala predikat harus berupa Pita")
        if bands[-1].lower is not None:
            raise ValueError(
                f"pita terakhir skala '{self.key}' harus tanpa batas bawah (lower=None) "
                "agar setiap nilai mendapat predikat"
            )
        for upper, lower in zip(bands, bands[1:], strict=False):
            if not _above(upper, lower):
                raise ValueError(
                    f"pita skala '{self.key}' harus berurutan dari tertinggi: "
                    f"'{upper.label}' tidak berada di atas '{lower.label}'"
                )

    def band(self, value: Decimal | Capaian | None) -> Pita | None:
        """The band of ``value`` after rounding half-up to 2 decimals.

        ``None`` and a not-applicable :class:`Capaian` have no band (``None``).
        """
        if isinstance(value, Capaian):
            value = value.value
        number = to_decimal(value)
        if number is None:
            return None
        rounded = round_half_up(number, 2)
        for pita in self.bands:
            if pita.matches(rounded):
                return pita
        raise AssertionError("unreachable: the last band has no lower bound")

    def classify(self, value: Decimal | Capaian | None) -> str | None:
        """The label of ``value`` (see :meth:`band`), or ``None`` when N/A."""
        pita = self.band(value)
        return None if pita is None else pita.label


_HIJAU_TUA = "#0f5132"
_HIJAU = "#2e7d32"
_KUNING = "#f9a825"
_JINGGA = "#ef6c00"
_MERAH = "#c62828"


def _permendagri(key: str, name: str, labels: tuple[str, str, str, str, str]) -> SkalaPredikat:
    return SkalaPredikat(
        key=key,
        name=name,
        bands=(
            Pita(labels[0], Decimal(91), True, _HIJAU_TUA),
            Pita(labels[1], Decimal(76), True, _HIJAU),
            Pita(labels[2], Decimal(66), True, _KUNING),
            Pita(labels[3], Decimal(50), False, _JINGGA),
            Pita(labels[4], None, True, _MERAH),
        ),
        source="Permendagri 86/2017",
    )


#: Built-in scales by key. Regions may define their own :class:`SkalaPredikat`.
PRESETS: dict[str, SkalaPredikat] = {
    skala.key: skala
    for skala in (
        _permendagri(
            "permendagri-86-2017",
            "Permendagri 86/2017 (Sangat Tinggi – Sangat Rendah)",
            ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"),
        ),
        _permendagri(
            "permendagri-86-2017-baik",
            "Permendagri 86/2017 (Sangat Baik – Sangat Kurang)",
            ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"),
        ),
        SkalaPredikat(
            key="towuti-2024",
            name="Kecamatan Towuti 2024 (Sangat Memuaskan – Kurang Memuaskan)",
            bands=(
                Pita("Sangat Memuaskan", Decimal(91), True, _HIJAU_TUA),
                Pita("Memuaskan", Decimal(76), True, _HIJAU),
                Pita("Cukup Memuaskan", Decimal(50), True, _KUNING),
                Pita("Kurang Memuaskan", None, True, _MERAH),
            ),
            source=(
                "Disimpulkan dari laporan evaluasi kinerja TW IV 2024 Kecamatan Towuti "
                "(label dari laporan; batas tidak dicetak, ditetapkan agar 100 → Sangat "
                "Memuaskan dan 50 → Cukup Memuaskan)"
            ),
        ),
    )
}


def get_preset(key: str) -> SkalaPredikat:
    """The built-in scale ``key``; ``ValueError`` (Indonesian) if unknown.

    >>> get_preset("towuti-2024").classify(Decimal(50))
    'Cukup Memuaskan'
    """
    try:
        return PRESETS[key]
    except KeyError:
        pilihan = ", ".join(sorted(PRESETS))
        raise ValueError(f"skala predikat '{key}' tidak dikenal; pilihan: {pilihan}") from None
