"""Cover, Kata Pengantar and Bab I Pendahuluan, from the unit's profile and staff data.

A part whose data is missing is left out (a dinas has no wilayah), never filled with a
placeholder.
"""

from __future__ import annotations

from kinerja import rules
from kinerja.organisations.staff import GENDERS, StaffTable
from kinerja.reports import narrative
from kinerja.reports.document import (
    BulletList,
    Cell,
    Cover,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Signature,
    Table,
)

from .cells import Counter, center, head, number, text
from .context import ReportContext

_STAFF = {
    "golongan": (
        "Golongan",
        "Kualifikasi Pendidikan",
        "Jumlah Pegawai Berdasarkan Kualifikasi Pendidikan, Pangkat dan Golongan",
    ),
    "eselon": (
        "Eselon",
        "Kualifikasi Pendidikan",
        "Jumlah Pejabat Struktural Berdasarkan Eselon dan Kualifikasi Pendidikan",
    ),
    "diklat": ("Eselon", "Diklat yang Diikuti", "Jumlah Pejabat Berdasarkan Diklat yang Diikuti"),
}


def cover(ctx: ReportContext, *title: str) -> Cover:
    return Cover(
        title=title,
        organisation=(f"PEMERINTAH {ctx.pemda.nama.upper()}", ctx.nama_unit.upper()),
        place_year=str(ctx.tanggal.year),
    )


def signature(ctx: ReportContext) -> Signature:
    p = ctx.perangkat
    return Signature(
        place_date=f"{ctx.tempat}, {rules.format_tanggal(ctx.tanggal)}",
        jabatan=p.kepala_jabatan or f"Kepala {p.nama}",
        nama=p.kepala_nama,
        nip=p.kepala_nip,
        pangkat=p.kepala_pangkat,
    )


def kata_pengantar(ctx: ReportContext, judul: str) -> list:
    unit, tahun = ctx.nama_unit, ctx.tahun
    return [
        Heading("KATA PENGANTAR", 1),
        Paragraph.of(
            "Dengan memanjatkan puji dan syukur ke hadirat Tuhan Yang Maha Esa, "
            f"{judul} {unit} Tahun {tahun} dapat diselesaikan sebagai bentuk "
            f"akuntabilitas penyelenggaraan pemerintahan {ctx.periode}."
        ),
        Paragraph.of(
            "Laporan ini disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang "
            "Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri "
            "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
            "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara "
            "Reviu atas Laporan Kinerja Instansi Pemerintah. Laporan memuat pendahuluan, "
            "perencanaan kinerja, akuntabilitas kinerja dan penutup."
        ),
        Paragraph.of(
            "Seluruh angka dalam laporan ini dihitung dari data target dan realisasi yang "
            "tercatat, dengan rumus dan skala predikat yang ditetapkan "
            f"{ctx.pemda.nama}. Kami berharap laporan ini menjadi bahan "
            "evaluasi dan perbaikan kinerja yang berkesinambungan."
        ),
        signature(ctx),
        PageBreak(),
    ]


def bab_pendahuluan(ctx: ReportContext, judul: str) -> list:
    counter = Counter("1")
    blocks: list = [Heading("BAB I PENDAHULUAN", 1), Heading("A. Latar Belakang", 2)]
    blocks += [
        Paragraph.of(
            "Dalam rangka terselenggaranya tata kelola pemerintahan yang baik diperlukan "
            "sistem pertanggungjawaban yang tepat, jelas, terukur dan sah, sehingga "
            "penyelenggaraan pemerintahan dan pembangunan berlangsung secara berdaya guna, "
            "berhasil guna, bersih dan bertanggung jawab."
        ),
        Paragraph.of(
            f"{ctx.nama_unit} selaku perangkat daerah {ctx.pemda.nama} wajib "
            f"mempertanggungjawabkan pelaksanaan tugas dan fungsinya melalui Sistem "
            f"Akuntabilitas Kinerja Instansi Pemerintah (SAKIP). {judul} ini menyajikan "
            f"pengukuran, evaluasi dan analisis capaian kinerja {ctx.periode}."
        ),
    ]
    blocks += _gambaran_umum(ctx, counter)
    if ctx.perangkat.tugas_fungsi.strip():
        blocks += [
            Heading("C. Tugas dan Fungsi", 2),
            Paragraph.of(f"Dalam melaksanakan tugasnya, {ctx.nama_unit} menyelenggarakan fungsi:"),
            BulletList(tuple(_lines(ctx.perangkat.tugas_fungsi))),
        ]
    blocks += _sumber_daya(ctx, counter)
    seksi = list(ctx.perangkat.seksi.order_by("urutan", "id").values_list("nama", flat=True))
    if seksi:
        blocks += [
            Heading("E. Peran Strategis Organisasi", 2),
            Paragraph.of(
                f"Kinerja {ctx.nama_unit} dicapai bersama oleh unit kerjanya, yang masing-"
                "masing menjadi sumber data indikator yang menjadi tanggung jawabnya:"
            ),
            BulletList(tuple(seksi)),
        ]
    if ctx.isu:
        blocks += [
            Heading("F. Isu Strategis", 2),
            Paragraph.of(f"Isu strategis yang dihadapi {ctx.nama_unit} adalah sebagai berikut:"),
            BulletList(tuple(ctx.isu), ordered=True),
        ]
    blocks += [
        Heading("G. Sistematika Penulisan", 2),
        BulletList(
            (
                "Bab I Pendahuluan: latar belakang, gambaran umum, tugas dan fungsi, sumber "
                "daya aparatur, peran strategis dan isu strategis.",
                "Bab II Perencanaan Kinerja: visi dan misi, tujuan dan sasaran, indikator "
                "kinerja utama dan perjanjian kinerja.",
                (
                    "Bab III Akuntabilitas Kinerja: capaian kinerja organisasi (pengukuran, "
                    "perbandingan dengan tahun sebelumnya dan dengan target jangka menengah, "
                    "efisiensi, analisis per sasaran, program, kegiatan dan sub kegiatan) "
                    "serta realisasi anggaran."
                    if ctx.tahunan
                    else "Bab III Akuntabilitas Kinerja: pengukuran capaian, evaluasi dan "
                    "analisis per sasaran, program, kegiatan dan sub kegiatan, realisasi "
                    "anggaran serta matriks tindak lanjut hasil evaluasi."
                ),
                "Bab IV Penutup: kesimpulan dan langkah perbaikan.",
                "Lampiran: target dan realisasi setiap indikator per triwulan.",
            )
        ),
        PageBreak(),
    ]
    return blocks


def _gambaran_umum(ctx: ReportContext, counter: Counter) -> list:
    profil = ctx.profil
    if profil is None:
        return []
    sentences = []
    if profil.luas_wilayah_km2:
        luas = f"Luas wilayah {ctx.nama_unit} adalah {_km2(profil.luas_wilayah_km2)}"
        parts = [
            f"{label} {_km2(v)}"
            for label, v in (
                ("daratan", profil.luas_daratan_km2),
                ("perairan", profil.luas_perairan_km2),
            )
            if v
        ]
        sentences.append(luas + (f", terdiri atas {' dan '.join(parts)}" if parts else "") + ".")
    if profil.letak_lintang and profil.letak_bujur:
        sentences.append(f"Letak geografisnya {profil.letak_lintang} dan {profil.letak_bujur}.")
    wilayah = [
        f"{v} {label}"
        for label, v in (
            ("desa", profil.jumlah_desa),
            ("kelurahan", profil.jumlah_kelurahan),
            ("dusun/lingkungan", profil.jumlah_dusun),
            ("RT", profil.jumlah_rt),
        )
        if v
    ]
    if wilayah:
        sentences.append(f"Wilayahnya terdiri atas {narrative.daftar(wilayah)}.")
    if profil.penduduk_total:
        sentences.append(
            f"Jumlah penduduk tahun {profil.tahun} sebanyak "
            f"{rules.format_angka(profil.penduduk_total, 0)} jiwa, terdiri atas laki-laki "
            f"{rules.format_angka(profil.penduduk_laki_laki, 0)} jiwa dan perempuan "
            f"{rules.format_angka(profil.penduduk_perempuan, 0)} jiwa."
        )
    blocks: list = [Heading("B. Gambaran Umum", 2), Paragraph.of(" ".join(sentences))]
    desa = _lines(profil.daftar_desa)
    if desa:
        blocks.append(
            Paragraph.of(f"Desa/kelurahan di wilayah {ctx.nama_unit}: {narrative.daftar(desa)}.")
        )
    fasilitas = list(profil.fasilitas.all())
    if fasilitas:
        rows = tuple(
            Row((center(str(i)), text(f.kategori.capitalize()), text(f.nama), number(f.jumlah)))
            for i, f in enumerate(fasilitas, 1)
        )
        blocks.append(
            Table(
                header=((head("No"), head("Bidang"), head("Fasilitas"), head("Jumlah")),),
                rows=rows,
                caption=counter.table(f"Fasilitas Umum di {ctx.nama_unit}"),
                widths=(0.6, 2, 4, 1.2),
            )
        )
    return blocks


def _sumber_daya(ctx: ReportContext, counter: Counter) -> list:
    tables = [t for key in _STAFF if (t := ctx.staff.get(key)) and t.rows]
    if not tables:
        return []
    blocks: list = [Heading("D. Sumber Daya Aparatur", 2)]
    for table in tables:
        blocks.append(staff_table(table, counter, ctx.nama_unit))
        if table.tabel == "golongan":
            blocks.append(
                Paragraph.of(
                    f"Jumlah pegawai {ctx.nama_unit} seluruhnya {table.total()} orang, "
                    f"terdiri atas {table.total('L')} laki-laki dan {table.total('P')} "
                    "perempuan."
                )
            )
    return blocks


def staff_table(table: StaffTable, counter: Counter, unit: str) -> Table:
    """Rows × columns × L/P with row and column totals, under a three-row header."""
    row_label, group_label, title = _STAFF.get(table.tabel, ("", "", table.tabel))
    n = len(table.columns)
    header = (
        (
            head("No", rowspan=3),
            head(row_label, rowspan=3),
            head(group_label, colspan=2 * n),
            head("Jumlah", colspan=2, rowspan=2),
        ),
        tuple(head(c, colspan=2) for c in table.columns),
        tuple(head(g) for _ in range(n + 1) for g in GENDERS),
    )
    rows = []
    for i, r in enumerate(table.rows, 1):
        cells = [center(str(i)), text(r)]
        cells += [_count(table.cell(r, c, g)) for c in table.columns for g in GENDERS]
        cells += [number(table.row_total(r, g), bold=True) for g in GENDERS]
        rows.append(Row(tuple(cells)))
    total = [Cell("JUMLAH", colspan=2, bold=True)]
    total += [number(table.column_total(c, g)) for c in table.columns for g in GENDERS]
    total += [number(table.total(g)) for g in GENDERS]
    rows.append(Row(tuple(total), bold=True, shade=True))
    return Table(
        header=header,
        rows=tuple(rows),
        caption=counter.table(f"{title} {unit}"),
        widths=(0.55, 1.6, *([0.55] * (2 * n + 2))),
        font_size="small",
        notes=("L: laki-laki, P: perempuan; sel kosong: tidak ada pegawai.",),
    )


def _count(value: int | None) -> Cell:
    return Cell("", None, "right") if not value else number(value)


def _km2(value) -> str:
    return f"{rules.format_angka(value, None)} km²"


def _lines(value: str) -> list[str]:
    return [line.strip(" -•·\t") for line in value.splitlines() if line.strip(" -•·\t")]
