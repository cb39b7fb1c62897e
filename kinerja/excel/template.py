"""The template workbook of one unit and year, pre-filled with the current data.

Sheets: Petunjuk (instructions, unit and year), Program (tree), Indikator (with quarterly
targets), Realisasi (per indicator and quarter, with the analysis texts), Anggaran (belanja
lines under the tree, parents as SUM formulas), Renstra (yearly targets of tujuan and
sasaran), PK (Perjanjian Kinerja targets) and a hidden Pilihan sheet feeding the drop-downs.
The import (:mod:`kinerja.excel.import_`) reads the same columns back.
"""

from __future__ import annotations

import io

from django.db.models import Q
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja import rules
from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.measurement.models import Realisasi
from kinerja.planning.models import (
    Indikator,
    PerjanjianKinerjaIndikator,
    Renstra,
    TargetTahunan,
    TargetTriwulan,
)
from kinerja.planning.tree import load_tree
from kinerja.rules import format_triwulan

from .sheet import Kolom, Lembar, tulis_lembar

TW = (1, 2, 3, 4)
TINGKAT = {"program": "program", "kegiatan": "kegiatan", "sub kegiatan": "sub_kegiatan"}
TINGKAT_LABEL = {v: k for k, v in TINGKAT.items()}
SATUAN_UMUM = ("%", "Dokumen", "Indeks", "Nilai", "Orang", "Kegiatan", "Laporan", "Unit", "Desa")

PROGRAM = [Kolom("Tingkat"), Kolom("Kode", "kode"), Kolom("Nama"), Kolom("Sasaran", "bulat")]
INDIKATOR = [
    Kolom("ID", "kode"),
    Kolom("Pemilik", "kode"),
    Kolom("Indikator"),
    Kolom("Satuan"),
    Kolom("Polaritas"),
    Kolom("Agregasi"),
    Kolom("Mode target"),
    *(Kolom(f"Target {format_triwulan(q, short=True)}", "angka") for q in TW),
]
REALISASI = [
    Kolom("ID", "kode"),
    Kolom("Pemilik", "kode"),
    Kolom("Indikator"),
    Kolom("Triwulan", "bulat"),
    Kolom("Target", "angka"),
    Kolom("Realisasi", "angka"),
    Kolom("Faktor pendukung", lebar=40),
    Kolom("Faktor penghambat", lebar=40),
    Kolom("Solusi", lebar=40),
]
ANGGARAN = [
    Kolom("Tingkat"),
    Kolom("Kode", "kode"),
    Kolom("Uraian"),
    Kolom("ID", "kode"),
    Kolom("Kode rekening", "kode"),
    Kolom("Anggaran", "rupiah"),
    *(Kolom(f"Realisasi s.d. {format_triwulan(q, short=True)}", "rupiah") for q in TW),
]
PK = [
    Kolom("ID", "kode"),
    Kolom("Sasaran", "bulat"),
    Kolom("Indikator"),
    Kolom("Target PK", "angka"),
]


def renstra_of(perangkat, tahun: int) -> Renstra | None:
    return Renstra.objects.filter(
        perangkat=perangkat, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
    ).first()


def renstra_kolom(renstra: Renstra | None) -> list[Kolom]:
    years = range(renstra.tahun_awal, renstra.tahun_akhir + 1) if renstra else ()
    return [
        Kolom("ID", "kode"),
        Kolom("Jenis"),
        Kolom("Nomor", "bulat"),
        Kolom("Indikator"),
        Kolom("Satuan"),
        Kolom("Kondisi awal", "angka"),
        *(Kolom(f"Target {y}", "angka") for y in years),
        Kolom("Kondisi akhir", "angka"),
    ]


def indikator_scope(perangkat, tahun: int) -> Q:
    """Every indicator of a unit's year: of its program tree and of its Renstra in force."""
    tree = {"perangkat": perangkat, "tahun": tahun}
    renstra = {
        "renstra__perangkat": perangkat,
        "renstra__tahun_awal__lte": tahun,
        "renstra__tahun_akhir__gte": tahun,
    }
    return (
        Q(**{f"program__{k}": v for k, v in tree.items()})
        | Q(**{f"kegiatan__program__{k}": v for k, v in tree.items()})
        | Q(**{f"sub_kegiatan__kegiatan__program__{k}": v for k, v in tree.items()})
        | Q(**{f"sasaran__tujuan__{k}": v for k, v in renstra.items()})
        | Q(**{f"tujuan__{k}": v for k, v in renstra.items()})
    )


def pemilik_of(ind: Indikator) -> str:
    if ind.sasaran_id:
        return f"sasaran {ind.sasaran.nomor}"
    if ind.tujuan_id:
        return f"tujuan {ind.tujuan.nomor}"
    return ind.owner.kode


def target_teks(nilai, atas):
    """A quarterly target as a cell: the number, or ``80 – 90`` (text) for a range."""
    if nilai is None:
        return None
    if atas is None:
        return nilai
    return f"{rules.format_angka(nilai, None)} – {rules.format_angka(atas, None)}"


def load_indicators(perangkat, tahun: int) -> list[Indikator]:
    qs = Indikator.objects.filter(indikator_scope(perangkat, tahun)).select_related(
        "sasaran", "tujuan", "program", "kegiatan", "sub_kegiatan"
    )
    return list(qs.order_by("tujuan_id", "sasaran__nomor", "urutan", "id"))


def _pilihan(wb: Workbook) -> dict[str, str]:
    """The hidden sheet of drop-down lists; returns the list ranges by name."""
    ws = wb.create_sheet("Pilihan")
    lists = {
        "tingkat": [*TINGKAT, "belanja"],
        "polaritas": [p.value for p in rules.Polaritas],
        "agregasi": [a.value for a in rules.Agregasi],
        "mode": [m.value for m in rules.ModeTarget],
        "satuan": list(SATUAN_UMUM),
    }
    ranges = {}
    for col, (name, values) in enumerate(lists.items(), start=1):
        ws.cell(row=1, column=col, value=name)
        for r, v in enumerate(values, start=2):
            ws.cell(row=r, column=col, value=v)
        letter = get_column_letter(col)
        ranges[name] = f"Pilihan!${letter}$2:${letter}${len(values) + 1}"
    ws.sheet_state = "hidden"
    return ranges


def _dropdown(ws, col: int, source: str, strict: bool = True) -> None:
    letter = get_column_letter(col)
    dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
    dv.showErrorMessage = strict
    dv.error = "Pilih salah satu nilai dari daftar."
    dv.add(f"{letter}2:{letter}{max(ws.max_row, 2) + 500}")
    ws.add_data_validation(dv)


def _petunjuk(wb: Workbook, perangkat, tahun: int) -> None:
    ws = wb.create_sheet("Petunjuk", 0)
    lines = [
        ("Templat data kinerja", ""),
        ("Unit", perangkat.kode),
        ("Tahun", str(tahun)),
        ("Nama unit", perangkat.nama),
        ("", ""),
        ("Cara mengisi", ""),
        (
            "1.",
            "Isi atau ubah sel pada lembar Program, Indikator, Realisasi, Anggaran, Renstra "
            "dan PK. Jangan mengubah nama lembar, judul kolom, maupun kolom ID.",
        ),
        (
            "2.",
            "Baris baru: biarkan kolom ID kosong. Indikator baru diisi Pemilik berupa kode "
            "program/kegiatan/sub kegiatan atau 'sasaran N'. Belanja baru ditulis di bawah baris "
            "sub kegiatannya dengan Tingkat 'belanja'.",
        ),
        (
            "3.",
            "Angka diketik sebagai angka. Teks angka boleh dalam format Indonesia "
            "(1.234,56). Target rentang ditulis '80 – 90'. Sel kosong berarti tidak ada target "
            "atau realisasi belum diisi (bukan nol).",
        ),
        ("4.", "Kode ditulis sebagai teks (7.01.01.2.01), jangan diubah menjadi angka."),
        (
            "5.",
            "Baris induk pada lembar Anggaran berisi rumus jumlah; jumlah yang diketik harus "
            "sama dengan jumlah baris di bawahnya.",
        ),
        (
            "6.",
            "Realisasi hanya boleh diisi untuk triwulan yang memiliki target. Triwulan yang "
            "sudah diajukan, diverifikasi atau dikunci tidak dapat diubah lewat impor.",
        ),
        (
            "7.",
            "Impor: kinerja impor BERKAS.xlsx --unit KODE --coba (periksa dulu), lalu tanpa "
            "--coba untuk menyimpan. Bila ada satu galat saja, tidak ada yang disimpan.",
        ),
        ("8.", "Impor tidak menghapus program, indikator atau belanja; hapus lewat aplikasi."),
    ]
    for r, (a, b) in enumerate(lines, start=1):
        ws.cell(row=r, column=1, value=a)
        cell = ws.cell(row=r, column=2, value=b)
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A6"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 100


def template_lembar(perangkat, tahun: int) -> list[tuple[Lembar, dict]]:
    """The data sheets of the template with their drop-downs ({column index: list name})."""
    tree = load_tree(perangkat.id, tahun)
    sasaran_nomor = dict(
        perangkat.renstra.values_list("tujuan__sasaran__id", "tujuan__sasaran__nomor")
    )
    program = Lembar("Program", PROGRAM)
    for node in tree.walk():
        nomor = sasaran_nomor.get(node.sasaran_id) if node.level == "program" else None
        program.tambah([TINGKAT_LABEL[node.level], node.kode, node.nama, nomor])

    indicators = load_indicators(perangkat, tahun)
    ids = [i.id for i in indicators]
    targets: dict[tuple[int, int], tuple] = {}
    for iid, q, nilai, atas in TargetTriwulan.objects.filter(
        indikator_id__in=ids, tahun=tahun
    ).values_list("indikator_id", "triwulan", "nilai", "nilai_atas"):
        targets[(iid, q)] = (nilai, atas)
    realisasi = {
        (r.indikator_id, r.triwulan): r
        for r in Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun)
    }
    ind_sheet = Lembar("Indikator", INDIKATOR)
    real_sheet = Lembar("Realisasi", REALISASI)
    for ind in indicators:
        if ind.tujuan_id:
            continue  # tujuan indicators have yearly Renstra targets only
        owner = pemilik_of(ind)
        tw = [target_teks(*targets.get((ind.id, q), (None, None))) for q in TW]
        ind_sheet.tambah(
            [
                str(ind.id),
                owner,
                ind.nama,
                ind.satuan,
                ind.polaritas,
                ind.agregasi,
                ind.mode_target,
                *tw,
            ]
        )
        if ind.realisasi_dari_id:
            continue  # realisasi computed from the program's capaian
        for q in TW:
            r = realisasi.get((ind.id, q))
            real_sheet.tambah(
                [
                    str(ind.id),
                    owner,
                    ind.nama,
                    q,
                    tw[q - 1],
                    r.nilai if r else None,
                    r.faktor_pendukung if r else "",
                    r.faktor_penghambat if r else "",
                    r.solusi if r else "",
                ]
            )

    anggaran = _anggaran_lembar(tree, perangkat, tahun)
    renstra = renstra_of(perangkat, tahun)
    renstra_sheet = Lembar("Renstra", renstra_kolom(renstra))
    yearly = {
        (iid, y): v
        for iid, y, v in TargetTahunan.objects.filter(indikator_id__in=ids).values_list(
            "indikator_id", "tahun", "nilai"
        )
    }
    years = range(renstra.tahun_awal, renstra.tahun_akhir + 1) if renstra else ()
    for ind in indicators:
        if ind.tujuan_id or ind.sasaran_id:
            jenis, nomor = (
                ("tujuan", ind.tujuan.nomor) if ind.tujuan_id else ("sasaran", ind.sasaran.nomor)
            )
            renstra_sheet.tambah(
                [
                    str(ind.id),
                    jenis,
                    nomor,
                    ind.nama,
                    ind.satuan,
                    ind.kondisi_awal,
                    *(yearly.get((ind.id, y)) for y in years),
                    ind.kondisi_akhir,
                ]
            )
    pk_sheet = Lembar("PK", PK)
    for row in PerjanjianKinerjaIndikator.objects.filter(
        perjanjian__perangkat=perangkat, perjanjian__tahun=tahun
    ).select_related("indikator__sasaran"):
        nomor = row.indikator.sasaran.nomor if row.indikator.sasaran_id else None
        pk_sheet.tambah([str(row.indikator_id), nomor, row.indikator.nama, row.target])
    return [
        (program, {1: "tingkat"}),
        (ind_sheet, {5: "polaritas", 6: "agregasi", 7: "mode", 4: "satuan"}),
        (real_sheet, {}),
        (anggaran, {1: "tingkat"}),
        (renstra_sheet, {}),
        (pk_sheet, {}),
    ]


def _anggaran_lembar(tree, perangkat, tahun: int) -> Lembar:
    sheet = Lembar("Anggaran", ANGGARAN)
    lines: dict[int, list[Belanja]] = {}
    scope = {
        "sub_kegiatan__kegiatan__program__perangkat": perangkat,
        "sub_kegiatan__kegiatan__program__tahun": tahun,
    }
    for b in Belanja.objects.filter(**scope).order_by("urutan", "id"):
        lines.setdefault(b.sub_kegiatan_id, []).append(b)
    spent = {
        (bid, q): v
        for bid, q, v in RealisasiBelanja.objects.filter(
            **{f"belanja__{k}": v for k, v in scope.items()}
        ).values_list("belanja_id", "triwulan", "nilai")
    }
    value_cols = range(6, 6 + 1 + len(TW))

    def add(node, depth: int) -> int:
        row = len(sheet.baris) + 2
        sheet.tambah([TINGKAT_LABEL[node.level], node.kode, node.nama, None, None], depth, True)
        kids: list[int] = []
        if node.level == "sub_kegiatan":
            for b in lines.get(node.id, []):
                kids.append(len(sheet.baris) + 2)
                sheet.tambah(
                    [
                        "belanja",
                        None,
                        b.uraian,
                        str(b.id),
                        b.kode_rekening or None,
                        b.anggaran,
                        *(spent.get((b.id, q)) for q in TW),
                    ],
                    depth + 1,
                )
        for child in node.children:
            kids.append(add(child, depth + 1))
        formulas = [_sum(get_column_letter(c), kids) for c in value_cols]
        sheet.baris[row - 2].extend(formulas)
        return row

    for program in tree.programs:
        add(program, 0)
    return sheet


def _sum(letter: str, rows: list[int]) -> str | None:
    """A SUM formula of the given rows: a range when they are contiguous (rows inserted
    inside it are included by Excel), otherwise a list."""
    if not rows:
        return None
    if rows == list(range(rows[0], rows[-1] + 1)):
        return f"=SUM({letter}{rows[0]}:{letter}{rows[-1]})"
    return f"=SUM({','.join(f'{letter}{r}' for r in rows)})"


def template_xlsx(perangkat, tahun: int) -> bytes:
    """The pre-filled template workbook of ``perangkat`` and ``tahun``, as XLSX bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    _petunjuk(wb, perangkat, tahun)
    ranges = _pilihan(wb)
    for lembar, dropdowns in template_lembar(perangkat, tahun):
        ws = tulis_lembar(wb, lembar)
        for col, name in dropdowns.items():
            _dropdown(ws, col, ranges[name], strict=name != "satuan")
    wb.move_sheet("Pilihan", offset=len(wb.sheetnames))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
