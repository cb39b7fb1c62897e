"""Bab IV of the SKM report: the suggestions respondents wrote, and a follow-up plan for
the weakest unsur (PermenPANRB 14/2017: "rencana tindak lanjut")."""

from __future__ import annotations

from kinerja import rules
from kinerja.reports.document import BulletList, Heading, Paragraph, Row, Table
from kinerja.survey.hasil import HasilSurvei

from .cells import Counter, judul, number, text

__all__ = ["rencana_tindak_lanjut", "tindak_lanjut"]

#: Follow-up actions for a weak unsur, by unsur name (both presets); others get a generic one.
TINDAK_LANJUT = {
    "persyaratan": "Mengumumkan persyaratan setiap jenis layanan di loket dan laman unit, "
    "serta meninjau persyaratan yang tidak diperlukan.",
    "sistem, mekanisme, dan prosedur": "Menyederhanakan alur layanan dan memasang bagan alur "
    "prosedur yang mudah dipahami di ruang pelayanan.",
    "waktu penyelesaian": "Menetapkan dan mengumumkan waktu penyelesaian setiap layanan, "
    "lalu memantau ketepatannya setiap minggu.",
    "biaya/tarif": "Mengumumkan bahwa layanan tidak dipungut biaya atau tarif resminya, "
    "dan membuka kanal pengaduan pungutan.",
    "produk spesifikasi jenis pelayanan": "Mencocokkan produk layanan dengan standar "
    "pelayanan dan memeriksa ulang dokumen sebelum diserahkan.",
    "kompetensi pelaksana": "Mengikutkan petugas layanan dalam bimbingan teknis dan menyusun "
    "panduan kerja untuk setiap jenis layanan.",
    "perilaku pelaksana": "Menerapkan budaya senyum, sapa, salam serta maklumat pelayanan, "
    "dan mengevaluasi sikap petugas setiap bulan.",
    "sarana dan prasarana": "Memperbaiki ruang tunggu (tempat duduk, penyejuk ruangan, "
    "toilet, papan informasi) dan menyediakan antrean bernomor.",
    "penanganan pengaduan, saran dan masukan": "Menyediakan kanal pengaduan yang jelas, "
    "menanggapi setiap pengaduan dan mengumumkan tindak lanjutnya.",
}


def rencana_tindak_lanjut(nama_unsur: str) -> str:
    return TINDAK_LANJUT.get(
        nama_unsur.strip().lower(),
        f"Menelaah penyebab rendahnya nilai unsur {nama_unsur.lower()} bersama petugas layanan "
        "dan menetapkan perbaikan yang terukur.",
    )


def tindak_lanjut(h: HasilSurvei, c: Counter) -> list:
    s = h.survei
    blok: list = [Heading("BAB IV SARAN DAN RENCANA TINDAK LANJUT", 1)]
    blok.append(Heading("A. Saran dan Masukan Responden", 2))
    if h.saran:
        blok.append(Paragraph.of(f"Diterima {rules.format_bilangan(len(h.saran))} saran tertulis:"))
        blok.append(BulletList(tuple(h.saran)))
    else:
        blok.append(Paragraph.of("Tidak ada saran tertulis dari responden."))
    blok.append(Heading("B. Rencana Tindak Lanjut", 2))
    if not h.ikm.terlemah:
        blok.append(Paragraph.of("Belum ada jawaban; rencana tindak lanjut belum disusun."))
        return blok
    lanjut = (s.triwulan % 4) + 1, s.tahun + (1 if s.triwulan == 4 else 0)
    waktu = f"{rules.format_triwulan(lanjut[0])} {lanjut[1]}"
    pj = s.perangkat.kepala_jabatan or f"Kepala {s.perangkat.nama}"
    nama = ", ".join(u.unsur.nama.lower() for u in h.ikm.terlemah)
    blok.append(
        Paragraph.of(
            f"Unsur dengan nilai terendah adalah {nama} "
            f"(NRR {rules.format_angka(h.ikm.terlemah[0].nrr)}); rencana perbaikannya:"
        )
    )
    blok.append(
        Table(
            header=judul(
                "No", "Unsur", "NRR", "Rencana tindak lanjut", "Waktu", "Penanggung jawab"
            ),
            rows=tuple(
                Row(
                    tuple(text(t) for t in (str(i), u.unsur.nama))
                    + (number(u.nrr, 2),)
                    + tuple(text(t) for t in (rencana_tindak_lanjut(u.unsur.nama), waktu, pj))
                )
                for i, u in enumerate(h.ikm.terlemah, start=1)
            ),
            caption=c.table("Rencana Tindak Lanjut Unsur Terendah"),
            widths=(0.7, 3, 1.2, 6, 2, 2.5),
            font_size="small",
        )
    )
    return blok
