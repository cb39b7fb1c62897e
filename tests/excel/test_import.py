"""Import of a filled template: changes with old and new values, problems, all or nothing."""

from __future__ import annotations

from decimal import Decimal

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.excel import import_
from kinerja.excel.template import template_xlsx
from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.planning.models import Indikator, Kegiatan, TargetTriwulan

from .helpers import edit, find_row

SUB = "7.01.01.2.01.0001"


def counts():
    return [
        m.objects.count()
        for m in (Indikator, TargetTriwulan, Realisasi, Belanja, RealisasiBelanja, Kegiatan)
    ]


def realisasi_row(data, pemilik=SUB, triwulan=4):
    return find_row(data, "Realisasi", Pemilik=pemilik, Triwulan=triwulan)


def test_changes_are_previewed_with_old_and_new_then_applied(towuti):
    data = template_xlsx(towuti, 2024)
    r = realisasi_row(data)
    i = find_row(data, "Indikator", Pemilik=SUB)
    changed = edit(data, "Realisasi", {(r, "Realisasi"): "2", (r, "Solusi"): "Rapat bulanan"})
    changed = edit(changed, "Indikator", {(i, "Target TW IV"): 2})
    before = counts()
    preview = import_.dry_run(changed, towuti, 2024)
    assert preview.galat == []
    assert len(preview.diubah) == 2 and not preview.dibuat
    fields = {f: (old, new) for p in preview.diubah for f, old, new in p.rincian}
    assert fields["target TW IV"] == ("1", "2")
    assert fields["realisasi"] == ("1", "2")
    assert fields["solusi"] == ("–", "Rapat bulanan")
    assert "diubah: 2" in preview.ringkasan() and not preview.disimpan
    assert counts() == before
    assert Realisasi.objects.get(indikator__sub_kegiatan__kode=SUB, triwulan=4).nilai == 1

    applied = import_.apply(changed, towuti, 2024)
    assert applied.disimpan and applied.ringkasan() == preview.ringkasan()
    real = Realisasi.objects.get(indikator__sub_kegiatan__kode=SUB, triwulan=4)
    assert real.nilai == 2 and real.solusi == "Rapat bulanan"
    assert import_.dry_run(changed, towuti, 2024).diubah == []


def test_every_problem_names_sheet_row_column_value_and_reason(towuti):
    data = template_xlsx(towuti, 2024)
    r = realisasi_row(data)
    i = find_row(data, "Indikator", Pemilik=SUB)
    bad = edit(data, "Realisasi", {(r, "Realisasi"): "dua"})
    bad = edit(bad, "Indikator", {(i, "Pemilik"): "9.99.99", (i + 1, "Target TW I"): "1.234,5"})
    bad = edit(bad, "Program", {(3, "Kode"): "7.01.01"})  # duplicate of row 2
    before = counts()
    preview = import_.apply(bad, towuti, 2024)
    assert not preview.disimpan and counts() == before
    text = [str(m) for m in preview.galat]
    assert any(
        t.startswith(f"lembar Realisasi, baris {r}, kolom F (Realisasi): teks di sel angka")
        and "'dua'" in t
        for t in text
    ), text
    assert any(
        f"lembar Indikator, baris {i}, kolom B (Pemilik): kode tidak dikenal" in t for t in text
    )
    assert any(
        "lembar Program, baris 3, kolom B (Kode): kode ganda: sudah ada di baris 2" in t
        for t in text
    )
    # "1.234,5" typed as Indonesian text is a number, not a problem
    assert not any(f"baris {i + 1}," in t and "Indikator" in t for t in text)
    assert preview.ringkasan().endswith(f"galat: {len(preview.galat)}")


def test_realisasi_for_a_quarter_without_target_is_refused(towuti):
    data = template_xlsx(towuti, 2024)
    r = realisasi_row(data, triwulan=1)  # this indicator has a target only in TW IV
    preview = import_.dry_run(edit(data, "Realisasi", {(r, "Realisasi"): 1}), towuti, 2024)
    assert [m.alasan for m in preview.galat] == [
        "realisasi TW I tanpa target; isi dulu target TW I di lembar Indikator"
    ]


def test_parent_total_that_is_not_the_sum_of_its_lines(towuti):
    data = template_xlsx(towuti, 2024)
    sub = find_row(data, "Anggaran", Kode=SUB)
    preview = import_.dry_run(edit(data, "Anggaran", {(sub, "Anggaran"): 1}), towuti, 2024)
    [problem] = preview.galat
    assert (problem.lembar, problem.baris, problem.kolom) == ("Anggaran", sub, "F (Anggaran)")
    assert "33.070.500,00" in problem.alasan
    assert preview.tetap == preview.dibaca - 1  # the wrong row is not counted as unchanged


def test_a_locked_quarter_is_never_changed(towuti):
    StatusTriwulan.objects.create(perangkat=towuti, tahun=2024, triwulan=4, status="terkunci")
    data = template_xlsx(towuti, 2024)
    r = realisasi_row(data)
    line = find_row(data, "Anggaran", Uraian="Honorarium Pengelola Perencanaan")
    changed = edit(data, "Realisasi", {(r, "Realisasi"): 3})
    changed = edit(changed, "Anggaran", {(line, "Realisasi s.d. TW IV"): 1})
    assert import_.dry_run(data, towuti, 2024).galat == []  # unchanged rows pass
    before = counts()
    preview = import_.apply(changed, towuti, 2024)
    locked = [m for m in preview.galat if "Triwulan IV 2024" in m.alasan]
    assert len(locked) == 2 and all("Terkunci" in m.alasan for m in locked)
    assert not preview.disimpan and counts() == before


def test_new_rows_are_created(towuti):
    data = template_xlsx(towuti, 2024)
    n = find_row(data, "Program", Kode="7.01.06.2.01") + 1
    changed = edit(
        data,
        "Program",
        {(56, "Tingkat"): "kegiatan", (56, "Kode"): "7.01.06.2.09", (56, "Nama"): "Kegiatan Baru"},
    )
    assert n <= 56
    i = find_row(data, "Indikator", Pemilik=SUB) + 0
    last = 46
    changed = edit(
        changed,
        "Indikator",
        {
            (last, "Pemilik"): "7.01.06.2.09",
            (last, "Indikator"): "Jumlah desa dibina",
            (last, "Satuan"): "Desa",
            (last, "Target TW IV"): 10,
        },
    )
    assert i < last
    before = counts()
    preview = import_.apply(changed, towuti, 2024)
    assert preview.galat == [], [str(m) for m in preview.galat]
    assert len(preview.dibuat) == 2 and preview.disimpan
    ind = Indikator.objects.get(nama="Jumlah desa dibina")
    assert ind.kegiatan.nama == "Kegiatan Baru"
    assert TargetTriwulan.objects.get(indikator=ind, triwulan=4).nilai == Decimal(10)
    assert counts()[0] == before[0] + 1 and counts()[5] == before[5] + 1


def test_new_belanja_line_with_its_realisasi(towuti):
    data = template_xlsx(towuti, 2024)
    sub = find_row(data, "Anggaran", Kode=SUB)
    rows = {
        (sub + 1, "Tingkat"): "belanja",
        (sub + 1, "ID"): None,
        (sub + 1, "Uraian"): "Belanja Baru",
        (sub + 1, "Anggaran"): "1.000.000,00",
        (sub + 1, "Realisasi s.d. TW IV"): 400000,
    }
    wb_data = _insert_row(data, "Anggaran", sub + 1)
    changed = edit(wb_data, "Anggaran", rows)
    preview = import_.apply(changed, towuti, 2024)
    # the sub kegiatan's stated total is a formula without a cached value: not stated
    assert preview.galat == [] and len(preview.dibuat) == 1 and preview.disimpan
    line = Belanja.objects.get(uraian="Belanja Baru")
    assert line.anggaran == Decimal("1000000") and line.sub_kegiatan.kode == SUB
    assert RealisasiBelanja.objects.get(belanja=line, triwulan=4).nilai == Decimal("400000")


def _insert_row(data: bytes, sheet: str, row: int) -> bytes:
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    wb[sheet].insert_rows(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_renstra_and_pk_targets(towuti):
    data = template_xlsx(towuti, 2024)
    r = find_row(data, "Renstra", Jenis="sasaran", Nomor=1)
    p = find_row(data, "PK", Sasaran=1)
    changed = edit(data, "Renstra", {(r, "Target 2025"): "82,5"})
    changed = edit(changed, "PK", {(p, "Target PK"): 81})
    preview = import_.apply(changed, towuti, 2024)
    assert preview.galat == [] and len(preview.diubah) == 2
    assert {f: (a, b) for c in preview.diubah for f, a, b in c.rincian} == {
        "target 2025": ("81,9", "82,5"),
        "target PK": ("80,1", "81"),
    }
    ind = Indikator.objects.get(nama="Indeks Kepuasan Masyarakat")
    assert ind.target_tahunan.get(tahun=2025).nilai == Decimal("82.5")


def test_a_template_of_another_year_is_refused(towuti):
    before = counts()
    preview = import_.apply(template_xlsx(towuti, 2024), towuti, 2025)
    assert (
        "lembar Petunjuk, baris 3, kolom B (Tahun): templat ini untuk tahun '2024', bukan "
        "'2025' (nilai: '2024')" in [str(m) for m in preview.galat]
    )
    assert not preview.disimpan and counts() == before


def test_the_summary_counts_in_indonesian_form():
    """A large import reads "tetap: 5.000", as every number a user sees."""
    assert (
        import_.Pratinjau(tetap=5000).ringkasan() == "dibuat: 0, diubah: 0, tetap: 5.000, galat: 0"
    )


def test_a_summed_indicator_takes_no_negative_realisasi_or_target(towuti):
    """As the pages and the API refuse them (the model's own check): a count never falls
    below zero, and one negative row would have blocked every later save of the page."""
    assert Indikator.objects.get(sub_kegiatan__kode=SUB).agregasi == "jumlah"
    data = template_xlsx(towuti, 2024)
    r, i = realisasi_row(data), find_row(data, "Indikator", Pemilik=SUB)
    bad = edit(data, "Realisasi", {(r, "Realisasi"): -3})
    bad = edit(bad, "Indikator", {(i, "Target TW III"): -1})
    before = counts()
    preview = import_.apply(bad, towuti, 2024)
    assert not preview.disimpan and counts() == before
    assert sorted((m.lembar, m.baris, m.kolom.split(" ")[1], m.alasan) for m in preview.galat) == [
        ("Indikator", i, "(Target", "Target tidak boleh negatif: indikator ini dijumlahkan "
         "per triwulan (banyaknya dokumen, orang, kegiatan, …)."),
        ("Realisasi", r, "(Realisasi)", "Realisasi tidak boleh negatif: indikator ini "
         "dijumlahkan per triwulan (banyaknya dokumen, orang, kegiatan, …)."),
    ]  # fmt: skip
    assert Realisasi.objects.get(indikator__sub_kegiatan__kode=SUB, triwulan=4).nilai == 1
