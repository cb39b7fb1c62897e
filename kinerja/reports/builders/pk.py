"""The Perjanjian Kinerja document: kop, the agreement, its table and both signatures."""

from __future__ import annotations

from kinerja import rules
from kinerja.reports.document import Document, Heading, Paragraph, Signature, SignaturePair

from .cells import Counter
from .context import LaporanError, ReportContext
from .front import signature
from .planning import pk_tables


def kop(ctx: ReportContext) -> tuple[str, ...]:
    lines = [f"PEMERINTAH {ctx.pemda.nama.upper()}", ctx.nama_unit.upper()]
    if ctx.perangkat.alamat:
        lines.append(ctx.perangkat.alamat)
    return tuple(lines)


def build_pk(ctx: ReportContext) -> Document:
    pk = ctx.pk
    if pk is None:
        raise LaporanError(f"Perjanjian Kinerja {ctx.nama_unit} Tahun {ctx.tahun} belum diisi.")
    p = ctx.perangkat
    pertama = signature(ctx)
    if pk.tanggal or ctx.tanggal.year != ctx.tahun:
        pertama = Signature(
            place_date=f"{ctx.tempat}, {_tanggal(pk.tanggal, ctx.tahun)}",
            jabatan=pertama.jabatan,
            nama=pertama.nama,
            nip=pertama.nip,
            pangkat=pertama.pangkat,
        )
    kedua = Signature(
        place_date="", jabatan=pk.pihak_kedua_jabatan or ctx.atasan, nama=pk.pihak_kedua_nama
    )
    jabatan = p.kepala_jabatan or f"Kepala {p.nama}"
    doc = Document(
        title=f"Perjanjian Kinerja {ctx.nama_unit} Tahun {ctx.tahun}",
        kind="pk",
        unit=ctx.nama_unit,
        kop=kop(ctx),
        logo=ctx.logo,
    )
    doc.add(
        Paragraph.of(f"PERJANJIAN KINERJA TAHUN {ctx.tahun}", style="center", bold=True),
        Paragraph.of(
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
            "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
        ),
        Paragraph.of(_pihak(p.kepala_nama, jabatan, "PIHAK PERTAMA")),
        Paragraph.of(_pihak(pk.pihak_kedua_nama, kedua.jabatan, "PIHAK KEDUA")),
        Paragraph.of(
            "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai "
            "lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah "
            "seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
            "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
        ),
        Paragraph.of(
            "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan "
            "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang "
            "diperlukan dalam rangka pemberian penghargaan dan sanksi."
        ),
        SignaturePair(left=kedua, right=pertama),
        Heading(f"LAMPIRAN PERJANJIAN KINERJA TAHUN {ctx.tahun}", 1),
        Paragraph.of(f"{ctx.nama_unit.upper()}", style="center", bold=True),
        *pk_tables(ctx, Counter("PK")),
        SignaturePair(left=kedua, right=pertama),
    )
    return doc


def _tanggal(tanggal, tahun: int) -> str:
    """The day the PK was signed; unrecorded, only its year: a PK of 2024 is signed early in
    2024, never on the day a report of it is printed in 2025."""
    return rules.format_tanggal(tanggal) if tanggal else str(tahun)


def _pihak(nama: str, jabatan: str, sebutan: str) -> str:
    who = f"{nama}, " if nama else ""
    return f"{who}{jabatan or sebutan.title()}, selanjutnya disebut {sebutan}."
