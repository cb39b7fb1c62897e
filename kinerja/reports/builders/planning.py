"""Bab II Perencanaan Kinerja: visi-misi, tujuan and sasaran with their Renstra targets,
IKU and the Perjanjian Kinerja table (also the body of the PK document)."""

from __future__ import annotations

from kinerja.reports.document import BulletList, Cell, Heading, PageBreak, Paragraph, Row, Table

from .cells import Counter, center, head, number, rupiah, text
from .context import RenstraIndikator, ReportContext


def bab_perencanaan(ctx: ReportContext) -> list:
    counter = Counter("2")
    blocks: list = [Heading("BAB II PERENCANAAN KINERJA", 1)]
    if ctx.rpjmd:
        misi = [m.teks for m in sorted(ctx.rpjmd.misi.all(), key=lambda m: m.nomor)]
        blocks += [
            Heading("A. Visi dan Misi", 2),
            Paragraph.of(
                f"Rencana Pembangunan Jangka Menengah Daerah {ctx.pemda.nama} "
                f"{ctx.rpjmd.tahun_awal}–{ctx.rpjmd.tahun_akhir}"
                + (f" ({ctx.rpjmd.peraturan})" if ctx.rpjmd.peraturan else "")
                + " menetapkan visi:"
            ),
            Paragraph.of(f"“{ctx.rpjmd.visi}”", style="center", bold=True),
        ]
        if misi:
            blocks += [
                Paragraph.of(f"Visi tersebut diwujudkan melalui {len(misi)} misi:"),
                BulletList(tuple(misi), ordered=True),
            ]
    if ctx.tujuan:
        blocks += [
            Heading("B. Tujuan dan Sasaran", 2),
            Paragraph.of(
                f"Rencana Strategis {ctx.nama_unit} {ctx.renstra.tahun_awal}–"
                f"{ctx.renstra.tahun_akhir} menetapkan tujuan dan sasaran berikut beserta "
                "indikator dan target jangka menengahnya."
            ),
            renstra_table(ctx, counter),
        ]
        iku = iku_table(ctx, counter)
        if iku:
            blocks += [
                Heading("C. Indikator Kinerja Utama", 2),
                Paragraph.of(
                    "Indikator Kinerja Utama (IKU) adalah ukuran keberhasilan dari tujuan dan "
                    f"sasaran strategis {ctx.nama_unit}:"
                ),
                iku,
            ]
    if ctx.pk:
        blocks += [
            Heading("D. Perjanjian Kinerja", 2),
            Paragraph.of(
                f"Perjanjian Kinerja Tahun {ctx.tahun} memuat sasaran, indikator dan target "
                f"yang menjadi janji kinerja {ctx.nama_unit} kepada "
                f"{(ctx.pk.pihak_kedua_jabatan or ctx.atasan).strip()}:"
            ),
            *pk_tables(ctx, counter),
        ]
    blocks.append(PageBreak())
    return blocks


def renstra_table(ctx: ReportContext, counter: Counter) -> Table:
    years = ctx.renstra_years
    header = (
        (
            head("No", rowspan=2),
            head("Tujuan / Sasaran", rowspan=2),
            head("Indikator", rowspan=2),
            head("Satuan", rowspan=2),
            head("Kondisi Awal", rowspan=2),
            head("Target", colspan=len(years)),
            head("Kondisi Akhir", rowspan=2),
        ),
        tuple(head(str(y)) for y in years),
    )
    rows: list[Row] = []
    for t in ctx.tujuan:
        rows += _renstra_rows(str(t.nomor), f"Tujuan: {t.teks}", t.indikator, years, 0)
        for i, s in enumerate(t.sasaran, 1):  # numbered within its tujuan: 2.1, not 2.2
            rows += _renstra_rows(f"{t.nomor}.{i}", f"Sasaran: {s.teks}", s.indikator, years, 1)
    return Table(
        header=header,
        rows=tuple(rows),
        caption=counter.table(f"Tujuan, Sasaran dan Target Renstra {ctx.nama_unit}"),
        widths=(0.7, 3.1, 3.0, 1.0, 0.9, *([0.85] * len(years)), 0.9),  # "Indeks", "2022" whole
        font_size="small",
    )


def _renstra_rows(no, label, indicators: list[RenstraIndikator], years, level) -> list[Row]:
    if not indicators:
        blank = [Cell("")] * (3 + len(years) + 1)
        return [Row((center(no), text(label), *blank), bold=level == 0, level=level)]
    rows = []
    for i, ind in enumerate(indicators):
        first = i == 0
        cells = (
            center(no if first else ""),
            Cell(label if first else ""),
            text(ind.nama),
            center(ind.satuan or "–"),
            number(ind.kondisi_awal),
            *(number(ind.targets.get(y)) for y in years),
            number(ind.kondisi_akhir),
        )
        rows.append(Row(cells, bold=level == 0, level=level))
    return rows


def iku_table(ctx: ReportContext, counter: Counter) -> Table | None:
    rows = []
    for t in ctx.tujuan:
        owners = [(f"Tujuan: {t.teks}", t.indikator)]
        owners += [(f"Sasaran: {s.teks}", s.indikator) for s in t.sasaran]
        for label, indicators in owners:
            for ind in indicators:
                if ind.iku:
                    rows.append((label, ind))
    if not rows:
        return None
    return Table(
        header=(
            (
                head("No"),
                head("Tujuan / Sasaran"),
                head("Indikator Kinerja Utama"),
                head("Satuan"),
                head("Definisi / Formulasi"),
            ),
        ),
        rows=tuple(
            Row(
                (
                    center(str(i)),
                    text(label),
                    text(ind.nama),
                    center(ind.satuan or "–"),
                    text(ind.definisi),
                )
            )
            for i, (label, ind) in enumerate(rows, 1)
        ),
        caption=counter.table(f"Indikator Kinerja Utama {ctx.nama_unit}"),
        widths=(0.55, 3, 3, 0.9, 3),
        font_size="small",
    )


def pk_tables(ctx: ReportContext, counter: Counter) -> list[Table]:
    """The PK's two tables: sasaran–indikator–target, then program–anggaran."""
    baris = sorted(ctx.pk.baris.all(), key=lambda b: (b.urutan, b.id))
    rows = []
    for i, b in enumerate(baris, 1):
        sasaran = b.indikator.sasaran.teks if b.indikator.sasaran_id else ""
        rows.append(
            Row(
                (
                    center(str(i)),
                    text(sasaran),
                    text(b.indikator.nama),
                    number(b.target),
                    center(b.indikator.satuan or "–"),
                )
            )
        )
    tables = [
        Table(
            header=(
                (
                    head("No"),
                    head("Sasaran Strategis"),
                    head("Indikator Kinerja"),
                    head("Target"),
                    head("Satuan"),
                ),
            ),
            rows=tuple(rows),
            caption=counter.table(f"Perjanjian Kinerja {ctx.nama_unit} Tahun {ctx.tahun}"),
            widths=(0.55, 3.5, 3.5, 0.9, 0.9),
        )
    ]
    budget = ctx.card.budget
    program_rows = tuple(
        Row((center(str(i)), text(f"{p.kode} {p.nama}"), rupiah(budget.of(p).anggaran)))
        for i, p in enumerate(budget.tree.programs, 1)
    )
    if program_rows:
        total = Row(
            (Cell("JUMLAH", colspan=2, bold=True), rupiah(budget.total.anggaran)),
            bold=True,
            shade=True,
        )
        tables.append(
            Table(
                header=((head("No"), head("Program"), head("Anggaran (Rp)")),),
                rows=(*program_rows, total),
                caption=counter.table(f"Program dan Anggaran Tahun {ctx.tahun}"),
                widths=(0.55, 6, 2),
            )
        )
    return tables
