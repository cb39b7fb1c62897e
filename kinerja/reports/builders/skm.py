"""Laporan Survei Kepuasan Masyarakat (SKM) of one survey, in the outline PermenPANRB 14/2017
asks for: method, respondents' profile, NRR per unsur, IKM and mutu, trend over the
quarters, suggestions received and a follow-up plan for the weakest unsur.

``build_skm(survei)`` returns a :class:`~kinerja.reports.document.Document`; any exporter
(``get_exporter("docx")``, ``get_exporter("pdf")``) renders it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja import rules
from kinerja.measurement.models import Realisasi
from kinerja.planning.models import TargetTriwulan
from kinerja.reports import narrative
from kinerja.reports.document import (
    BulletList,
    Cell,
    Chart,
    Cover,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Series,
    Signature,
    Table,
    TableOfContents,
)
from kinerja.survey.domain import indikator_iku
from kinerja.survey.hasil import HasilSurvei, hasil
from kinerja.survey.models import Survei

from .cells import Counter, center, judul, number, text
from .skm_tindak_lanjut import tindak_lanjut

__all__ = ["build_skm"]


@dataclass(frozen=True)
class AcuanIku:
    """The unit's IKM indicator (IKU) of the survey's year: its quarterly targets and the
    realisasi recorded for it, also where a quarter has no survey of its own."""

    polaritas: str = rules.Polaritas.POSITIF.value
    target: dict[int, Decimal] = field(default_factory=dict)
    realisasi: dict[int, Decimal] = field(default_factory=dict)


def _acuan(s: Survei) -> AcuanIku:
    if s.layanan_id is not None:  # a single service's survey: the unit's IKU is not its own
        return AcuanIku()
    try:
        iku = indikator_iku(s.perangkat, s.tahun)
    except ValidationError:
        return AcuanIku()
    return AcuanIku(
        iku.polaritas,
        dict(
            TargetTriwulan.objects.filter(indikator=iku, tahun=s.tahun).values_list(
                "triwulan", "nilai"
            )
        ),
        dict(
            Realisasi.objects.filter(indikator=iku, tahun=s.tahun, nilai__isnull=False).values_list(
                "triwulan", "nilai"
            )
        ),
    )


def _dua(value: Decimal | None) -> Decimal | None:
    """A figure rounded half-up to 2 decimals for a chart label."""
    return None if value is None else rules.round_half_up(value, 2)


def _persen(bagian: int, total: int) -> str:
    return rules.format_persen(Decimal(bagian) * 100 / total) if total else rules.KOSONG


def _periode(survei: Survei) -> str:
    periode = f"{rules.format_triwulan(survei.triwulan)} Tahun {survei.tahun}"
    return f"{periode}, layanan {survei.layanan}" if survei.layanan_id else periode


def _metode(h: HasilSurvei, c: Counter) -> list:
    k = h.ikm.kuesioner
    s = h.survei
    unsur = Table(
        header=judul("No", "Unsur pelayanan", "Bobot"),
        rows=tuple(
            Row((center(u.kode), text(u.nama), center(str(u.bobot).replace("/", " / "))))
            for u in k.unsur
        ),
        caption=c.table("Unsur Survei Kepuasan Masyarakat"),
        widths=(1, 6, 2),
    )
    sampel = [
        f"Survei dilaksanakan pada {_periode(s)} dengan kuesioner menurut "
        f"{k.sumber or k.nama}, yang terdiri atas {narrative.jumlah(len(k.unsur))} unsur "
        "pelayanan; setiap unsur dijawab dengan nilai persepsi 1 sampai 4."
    ]
    if s.populasi:
        sampel.append(
            f"Populasi penerima layanan {rules.format_bilangan(s.populasi)} orang; "
            "sampel minimal menurut tabel "
            f"Krejcie–Morgan {rules.format_bilangan(h.sampel_minimal)} responden; jumlah responden "
            f"{rules.format_bilangan(h.responden)} orang."
        )
    else:
        sampel.append(f"Jumlah responden {rules.format_bilangan(h.responden)} orang.")
    interval = Table(
        header=judul(
            "Nilai persepsi",
            "Nilai interval",
            "Nilai interval konversi",
            "Mutu pelayanan",
            "Kinerja unit pelayanan",
        ),
        rows=tuple(
            Row(
                (
                    center(str(i)),
                    center(_rentang(p.interval_bawah, p.interval_atas)),
                    center(_rentang(p.bawah, p.atas)),
                    center(p.mutu),
                    center(p.kinerja),
                )
            )
            for i, p in enumerate(k.pita, start=1)
        ),
        caption=c.table("Nilai Persepsi, Interval dan Mutu Pelayanan"),
    )
    return [
        Heading("BAB II METODE SURVEI", 1),
        Heading("A. Kuesioner dan Responden", 2),
        *(Paragraph.of(t) for t in sampel),
        *([Paragraph.of(f"Catatan: {h.peringatan}", "note")] if h.peringatan else []),
        unsur,
        Heading("B. Pengolahan Data", 2),
        Paragraph.of(
            "Nilai rata-rata (NRR) per unsur = jumlah nilai unsur ÷ jumlah responden yang "
            "menjawab unsur itu",
            "formula",
        ),
        Paragraph.of("NRR tertimbang = Σ (NRR per unsur × bobot unsur)", "formula"),
        Paragraph.of("IKM = NRR tertimbang × 25", "formula"),
        Paragraph.of(
            "Setiap unsur berbobot sama, 1/N dari N unsur, tanpa pembulatan. Nilai dibulatkan "
            "hanya untuk penyajian; mutu pelayanan ditentukan dari IKM yang dibulatkan dua "
            "desimal."
        ),
        interval,
    ]


def _rentang(bawah: Decimal | None, atas: Decimal | None) -> str:
    """A band as the regulation prints it, with the decimals it states (at least two)."""
    if bawah is None or atas is None:
        return rules.KOSONG
    return " – ".join(rules.format_angka(x, max(2, -x.as_tuple().exponent)) for x in (bawah, atas))


def _profil(h: HasilSurvei, c: Counter) -> list:
    blok: list = [Heading("A. Profil Responden", 2)]
    for menurut, baris in h.profil.items():
        total = sum(n for _, n in baris)
        blok.append(
            Table(
                header=judul("No", menurut, "Jumlah", "Persentase"),
                rows=tuple(
                    Row((center(str(i)), text(label), number(n, 0), _sel_persen(n, total)))
                    for i, (label, n) in enumerate(baris, start=1)
                )
                + (
                    Row(
                        (text("Jumlah"), Cell(""), number(total, 0), _sel_persen(total, total)),
                        bold=True,
                        shade=True,
                    ),
                ),
                caption=c.table(f"Responden menurut {menurut.lower()}"),
                widths=(1, 5, 2, 2),
            )
        )
    return blok


def _sel_persen(bagian: int, total: int) -> Cell:
    return Cell(_persen(bagian, total), align="right")


def _angka_unsur(u) -> tuple[Cell, ...]:
    cells = (u.responden, 0), (u.jumlah_nilai, 0), (u.nrr, 2), (u.nrr_tertimbang, 3)
    return tuple(number(v, places) for v, places in cells)


def _nrr(h: HasilSurvei, c: Counter) -> list:
    hk = h.ikm
    rows = [Row((center(u.unsur.kode), text(u.unsur.nama), *_angka_unsur(u))) for u in hk.unsur]
    total = (text("NRR tertimbang", colspan=5), number(hk.nrr_tertimbang, 3))
    rows.append(Row(total, bold=True, shade=True))
    tabel = Table(
        header=judul("No", "Unsur", "Menjawab", "Jumlah nilai", "NRR", "NRR tertimbang"),
        rows=tuple(rows),
        caption=c.table("Nilai Rata-rata per Unsur Pelayanan"),
        notes=("Responden yang tidak menjawab suatu unsur tidak dihitung pada unsur itu.",),
        widths=(1, 5, 2, 2, 1.5, 2),
    )
    grafik = Chart(
        kind="barh",
        title="Nilai Rata-rata (NRR) per Unsur",
        categories=tuple(u.unsur.nama for u in hk.unsur),
        series=(Series("NRR", tuple(_dua(u.nrr) for u in hk.unsur)),),
        x_label="NRR (1–4)",
        caption=c.chart("NRR per Unsur Pelayanan"),
    )
    return [Heading("B. Nilai Rata-rata per Unsur", 2), tabel, grafik]


def _banding_target(h: HasilSurvei, acuan: AcuanIku) -> str:
    """ "Target IKM … capaian …%", or nothing where the quarter has no target."""
    target = acuan.target.get(h.survei.triwulan)
    if target is None or h.ikm.ikm_tepat is None:
        return ""
    capaian = rules.compute_capaian(target, h.ikm.ikm_dibulatkan, polaritas=acuan.polaritas)
    return (
        f" Target IKM {rules.format_triwulan(h.survei.triwulan)} adalah "
        f"{narrative.angka(target)}, sehingga capaian {narrative.persen(capaian)}."
    )


def _ikm(h: HasilSurvei, c: Counter, acuan: AcuanIku) -> list:
    hk = h.ikm
    if hk.ikm_tepat is None:
        return [
            Heading("C. Indeks Kepuasan Masyarakat", 2),
            Paragraph.of(f"IKM belum dapat dihitung: {hk.alasan}."),
        ]
    tabel = Table(
        header=judul("Uraian", "Nilai"),
        rows=(
            Row((text("Jumlah responden"), number(h.responden, 0))),
            Row((text("NRR tertimbang"), number(hk.nrr_tertimbang, 3))),
            Row((text("IKM (NRR tertimbang × 25)"), number(hk.ikm, 2)), bold=True),
            Row((text("Mutu pelayanan"), center(hk.mutu))),
            Row((text("Kinerja unit pelayanan"), center(hk.kinerja))),
        ),
        caption=c.table("Indeks Kepuasan Masyarakat"),
        widths=(5, 3),
    )
    return [
        Heading("C. Indeks Kepuasan Masyarakat", 2),
        Paragraph.of(
            f"Indeks Kepuasan Masyarakat {h.survei.perangkat} {_periode(h.survei)} adalah "
            f"{rules.format_angka(hk.ikm)} dengan mutu pelayanan {hk.mutu} "
            f"({hk.kinerja})." + _banding_target(h, acuan)
        ),
        tabel,
    ]


def _tren(h: HasilSurvei, c: Counter, acuan: AcuanIku) -> list:
    """IKM per quarter: the survey's own; for a quarter without a survey here, the IKM
    recorded as the IKU's realisasi (as the performance reports print it), so noted."""
    s = h.survei
    semua = Survei.objects.filter(
        perangkat=s.perangkat, layanan=s.layanan, tahun=s.tahun, triwulan__lte=s.triwulan
    ).order_by("triwulan")
    nilai = {x.triwulan: (h if x.pk == s.pk else hasil(x)).ikm.ikm_dibulatkan for x in semua}
    kuartal = range(1, s.triwulan + 1)
    tercatat = [q for q in kuartal if nilai.get(q) is None and q in acuan.realisasi]
    nilai.update({q: acuan.realisasi[q] for q in tercatat})
    label = tuple(f"{rules.format_triwulan(q, short=True)} {s.tahun}" for q in kuartal)
    series = [Series("IKM", tuple(nilai.get(q) for q in kuartal))]
    if acuan.target:
        series.insert(0, Series("Target", tuple(acuan.target.get(q) for q in kuartal)))
    notes = []
    if tercatat:
        which = narrative.daftar([rules.format_triwulan(q, short=True) for q in tercatat])
        notes.append(
            f"IKM {which}: realisasi indikator IKM yang tercatat, tanpa data responden survei."
        )
    if any(v is None for x in series for v in x.values):
        notes.append(f"{rules.KOSONG} : tidak ada survei atau target pada triwulan itu.")
    tabel = Table(
        header=judul("Triwulan", *(x.name for x in series)),
        rows=tuple(
            Row((center(label[i]), *(number(x.values[i], 2) for x in series)))
            for i in range(len(label))
        ),
        caption=c.table(f"IKM per Triwulan Tahun {s.tahun}"),
        notes=tuple(notes),
    )
    grafik = Chart(
        kind="line",
        title=f"Indeks Kepuasan Masyarakat Tahun {s.tahun}",
        categories=label,
        series=tuple(series),
        caption=c.chart(f"Tren IKM Tahun {s.tahun}"),
        y_label="IKM",
    )
    return [Heading("D. Tren IKM per Triwulan", 2), tabel, grafik]


def build_skm(survei: Survei, tanggal: date | None = None) -> Document:
    """The SKM report of ``survei`` (numbers from :func:`kinerja.survey.hasil.hasil`)."""
    h = hasil(survei)
    p = survei.perangkat
    tanggal = tanggal or timezone.localdate()
    periode = _periode(survei)
    judul = f"Laporan Survei Kepuasan Masyarakat {p.nama} {periode}"
    doc = Document(title=judul, kind="skm", unit=p.nama)
    doc.add(
        Cover(
            title=("LAPORAN SURVEI KEPUASAN MASYARAKAT", periode.upper()),
            organisation=(f"PEMERINTAH {p.pemda.nama.upper()}", p.nama.upper()),
            place_year=str(tanggal.year),
        ),
        TableOfContents(),
        PageBreak(),
        Heading("BAB I PENDAHULUAN", 1),
        Paragraph.of(
            "Survei Kepuasan Masyarakat mengukur kepuasan penerima layanan sebagai bahan "
            f"perbaikan pelayanan publik {p.nama}. Hasilnya, Indeks Kepuasan Masyarakat "
            f"(IKM), sekaligus menjadi realisasi indikator kinerja utama {p.nama}."
        ),
        Paragraph.of("Dasar hukum:"),
        BulletList(
            (
                "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang "
                "Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                h.ikm.kuesioner.sumber or h.ikm.kuesioner.nama,
            )
        ),
    )
    bab2, bab3 = Counter("2"), Counter("3")
    doc.add(*_metode(h, bab2))
    doc.add(Heading("BAB III HASIL SURVEI", 1))
    acuan = _acuan(survei)
    doc.add(*_profil(h, bab3), *_nrr(h, bab3), *_ikm(h, bab3, acuan), *_tren(h, bab3, acuan))
    doc.add(*tindak_lanjut(h, Counter("4")))
    kesimpulan = (
        f"IKM {periode} adalah {rules.format_angka(h.ikm.ikm)}, mutu pelayanan "
        f"{h.ikm.mutu} ({h.ikm.kinerja}), dari {rules.format_bilangan(h.responden)} responden."
        + _banding_target(h, acuan)
        if h.ikm.ikm_tepat is not None
        else f"IKM {periode} belum dapat dihitung: {h.ikm.alasan}."
    )
    doc.add(
        Heading("BAB V PENUTUP", 1),
        Paragraph.of(kesimpulan),
        Signature(
            place_date=f"{p.tempat_laporan or p.ibu_kota or p.nama}, "
            f"{rules.format_tanggal(tanggal)}",
            jabatan=p.kepala_jabatan or f"Kepala {p.nama}",
            nama=p.kepala_nama,
            nip=p.kepala_nip,
            pangkat=p.kepala_pangkat,
        ),
    )
    return doc
