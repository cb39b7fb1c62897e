"""Built-in IKM questionnaires and the Krejcie–Morgan sample-size table.

Part of :mod:`kinerja.rules.ikm` (import from there). The wording of questions and
answers follows the questionnaire forms annexed to each regulation; weights are the
equal weight 1/N exactly; bands are the regulation's *nilai interval konversi*.
"""

from __future__ import annotations

from decimal import Decimal

from .formats import format_bilangan
from .ikm_kuesioner import Kuesioner, PitaMutu, Unsur

__all__ = [
    "KREJCIE_MORGAN",
    "PRESET_IKM",
    "kuesioner_preset",
    "minimal_sample",
    "peringatan_sampel",
]

_P = "Bagaimana pendapat Saudara tentang"


def _unsur(rows) -> tuple[Unsur, ...]:
    return tuple(
        Unsur(f"U{i}", nama, pertanyaan, tuple(pilihan.split(" / ")))
        for i, (nama, pertanyaan, pilihan) in enumerate(rows, start=1)
    )


def _pita(rows) -> tuple[PitaMutu, ...]:
    return tuple(PitaMutu(*(Decimal(x) if x[0].isdigit() else x for x in r)) for r in rows)


PERMENPANRB_14_2017 = Kuesioner(
    key="permenpanrb-14-2017",
    nama="PermenPANRB 14/2017 (9 unsur)",
    sumber="Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei "
    "Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik",
    unsur=_unsur(
        (
            (
                "Persyaratan",
                f"{_P} kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
                "Tidak sesuai / Kurang sesuai / Sesuai / Sangat sesuai",
            ),
            (
                "Sistem, mekanisme, dan prosedur",
                "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
                "Tidak mudah / Kurang mudah / Mudah / Sangat mudah",
            ),
            (
                "Waktu penyelesaian",
                f"{_P} kecepatan waktu dalam memberikan pelayanan?",
                "Tidak cepat / Kurang cepat / Cepat / Sangat cepat",
            ),
            (
                "Biaya/tarif",
                f"{_P} kewajaran biaya/tarif dalam pelayanan?",
                "Sangat mahal / Cukup mahal / Murah / Gratis",
            ),
            (
                "Produk spesifikasi jenis pelayanan",
                f"{_P} kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan "
                "dengan hasil yang diberikan?",
                "Tidak sesuai / Kurang sesuai / Sesuai / Sangat sesuai",
            ),
            (
                "Kompetensi pelaksana",
                f"{_P} kompetensi/kemampuan petugas dalam pelayanan?",
                "Tidak kompeten / Kurang kompeten / Kompeten / Sangat kompeten",
            ),
            (
                "Perilaku pelaksana",
                f"{_P} perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
                "Tidak sopan dan ramah / Kurang sopan dan ramah / Sopan dan ramah / "
                "Sangat sopan dan ramah",
            ),
            (
                "Sarana dan prasarana",
                f"{_P} kualitas sarana dan prasarana?",
                "Buruk / Cukup / Baik / Sangat baik",
            ),
            (
                "Penanganan pengaduan, saran dan masukan",
                f"{_P} penanganan pengaduan pengguna layanan?",
                "Tidak ada / Ada tetapi tidak berfungsi / Berfungsi kurang maksimal / "
                "Dikelola dengan baik",
            ),
        )
    ),
    pita=_pita(
        (
            ("D", "Tidak Baik", "25.00", "64.99", "1.00", "2.5996"),
            ("C", "Kurang Baik", "65.00", "76.60", "2.60", "3.064"),
            ("B", "Baik", "76.61", "88.30", "3.0644", "3.532"),
            ("A", "Sangat Baik", "88.31", "100.00", "3.5324", "4.00"),
        )
    ),
)

_PAHAM = "Bagaimana pemahaman Saudara tentang"

KEPMENPAN_25_2004 = Kuesioner(
    key="kepmenpan-25-2004",
    nama="Kepmenpan 25/2004 (14 unsur)",
    sumber="Keputusan Menteri PAN Nomor KEP/25/M.PAN/2/2004 tentang Pedoman Umum Penyusunan "
    "Indeks Kepuasan Masyarakat Unit Pelayanan Instansi Pemerintah",
    unsur=_unsur(
        (
            (
                "Prosedur pelayanan",
                f"{_PAHAM} kemudahan prosedur pelayanan di unit ini?",
                "Tidak mudah / Kurang mudah / Mudah / Sangat mudah",
            ),
            (
                "Persyaratan pelayanan",
                f"{_P} kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
                "Tidak sesuai / Kurang sesuai / Sesuai / Sangat sesuai",
            ),
            (
                "Kejelasan petugas pelayanan",
                f"{_P} kejelasan dan kepastian petugas yang melayani?",
                "Tidak jelas / Kurang jelas / Jelas / Sangat jelas",
            ),
            (
                "Kedisiplinan petugas pelayanan",
                f"{_P} kedisiplinan petugas dalam memberikan pelayanan?",
                "Tidak disiplin / Kurang disiplin / Disiplin / Sangat disiplin",
            ),
            (
                "Tanggung jawab petugas pelayanan",
                f"{_P} tanggung jawab petugas dalam memberikan pelayanan?",
                "Tidak bertanggung jawab / Kurang bertanggung jawab / Bertanggung jawab / "
                "Sangat bertanggung jawab",
            ),
            (
                "Kemampuan petugas pelayanan",
                f"{_P} kemampuan petugas dalam memberikan pelayanan?",
                "Tidak mampu / Kurang mampu / Mampu / Sangat mampu",
            ),
            (
                "Kecepatan pelayanan",
                f"{_P} kecepatan pelayanan di unit ini?",
                "Tidak cepat / Kurang cepat / Cepat / Sangat cepat",
            ),
            (
                "Keadilan mendapatkan pelayanan",
                f"{_P} keadilan untuk mendapatkan pelayanan di unit ini?",
                "Tidak adil / Kurang adil / Adil / Sangat adil",
            ),
            (
                "Kesopanan dan keramahan petugas",
                f"{_P} kesopanan dan keramahan petugas dalam memberikan pelayanan?",
                "Tidak sopan dan ramah / Kurang sopan dan ramah / Sopan dan ramah / "
                "Sangat sopan dan ramah",
            ),
            (
                "Kewajaran biaya pelayanan",
                f"{_P} kewajaran biaya untuk mendapatkan pelayanan?",
                "Tidak wajar / Kurang wajar / Wajar / Sangat wajar",
            ),
            (
                "Kepastian biaya pelayanan",
                f"{_P} kesesuaian antara biaya yang dibayarkan dengan biaya yang telah ditetapkan?",
                "Selalu tidak sesuai / Kadang-kadang sesuai / Banyak sesuainya / Selalu sesuai",
            ),
            (
                "Kepastian jadwal pelayanan",
                f"{_P} ketepatan pelaksanaan terhadap jadwal waktu pelayanan?",
                "Selalu tidak tepat / Kadang-kadang tepat / Banyak tepatnya / Selalu tepat",
            ),
            (
                "Kenyamanan lingkungan",
                f"{_P} kenyamanan di lingkungan unit pelayanan?",
                "Tidak nyaman / Kurang nyaman / Nyaman / Sangat nyaman",
            ),
            (
                "Keamanan pelayanan",
                f"{_P} keamanan pelayanan di unit ini?",
                "Tidak aman / Kurang aman / Aman / Sangat aman",
            ),
        )
    ),
    pita=_pita(
        (
            ("D", "Tidak Baik", "25.00", "43.75", "1.00", "1.75"),
            ("C", "Kurang Baik", "43.76", "62.50", "1.76", "2.50"),
            ("B", "Baik", "62.51", "81.25", "2.51", "3.25"),
            ("A", "Sangat Baik", "81.26", "100.00", "3.26", "4.00"),
        )
    ),
)

#: Built-in questionnaires by key. A unit may define its own :class:`Kuesioner`.
PRESET_IKM: dict[str, Kuesioner] = {k.key: k for k in (PERMENPANRB_14_2017, KEPMENPAN_25_2004)}

#: (populasi N, sampel minimal S), Krejcie & Morgan (1970), 95 % confidence, 5 % error,
#: as reproduced by PermenPANRB 14/2017.
KREJCIE_MORGAN: tuple[tuple[int, int], ...] = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40),
    (50, 44), (55, 48), (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70),
    (90, 73), (95, 76), (100, 80), (110, 86), (120, 92), (130, 97), (140, 103),
    (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132), (210, 136),
    (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162),
    (290, 165), (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196),
    (420, 201), (440, 205), (460, 210), (480, 214), (500, 217), (550, 226), (600, 234),
    (650, 242), (700, 248), (750, 254), (800, 260), (850, 265), (900, 269), (950, 274),
    (1000, 278), (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306),
    (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327),
    (2400, 331), (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351),
    (4500, 354), (5000, 357), (6000, 361), (7000, 364), (8000, 367), (9000, 368),
    (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380), (50000, 381),
    (75000, 382), (1000000, 384),
)  # fmt: skip


def kuesioner_preset(key: str) -> Kuesioner:
    """A built-in questionnaire by key; ``ValueError`` (Indonesian) when unknown."""
    try:
        return PRESET_IKM[key]
    except KeyError:
        pilihan = ", ".join(sorted(PRESET_IKM))
        raise ValueError(f"kuesioner '{key}' tidak dikenal; pilihan: {pilihan}") from None


def minimal_sample(populasi: int) -> int:
    """The minimum number of respondents for ``populasi`` (Krejcie–Morgan table).

    Between two rows of the table the larger population's row is used (conservative);
    a population under 10 is surveyed whole; above the last row, 384.

    >>> minimal_sample(200), minimal_sample(205), minimal_sample(7), minimal_sample(10**7)
    (132, 136, 7, 384)
    """
    if isinstance(populasi, bool) or not isinstance(populasi, int) or populasi < 1:
        raise ValueError(f"populasi harus bilangan bulat positif, bukan {populasi!r}")
    if populasi < KREJCIE_MORGAN[0][0]:
        return populasi
    for n, sampel in KREJCIE_MORGAN:
        if populasi <= n:
            return sampel
    return KREJCIE_MORGAN[-1][1]


def peringatan_sampel(populasi: int | None, responden: int) -> str | None:
    """An Indonesian warning when ``responden`` is below the minimum sample, else ``None``."""
    if populasi is None:
        return None
    minimal = minimal_sample(populasi)
    if responden >= minimal:
        return None
    return (
        f"Jumlah responden {format_bilangan(responden)} kurang dari sampel minimal "
        f"{format_bilangan(minimal)} "
        f"untuk populasi {format_bilangan(populasi)} (tabel Krejcie–Morgan, PermenPANRB 14/2017); "
        "hasil belum mewakili."
    )
