"""``kinerja impor BERKAS.xlsx --unit KODE``: import a filled template or a SIPD budget sheet.

``--coba`` is a dry run. The output lists every row created or changed (old → new value of
each field) and every problem (sheet, row, column, value, reason), then ends with the line
``dibuat: N, diubah: N, tetap: N, galat: N``. Exit 0 clean, 1 errors (nothing saved),
2 unreadable file or unknown unit.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from kinerja.excel import import_
from kinerja.excel.progress import bar
from kinerja.excel.sheet import Buku, BukuError
from kinerja.organisations.models import PerangkatDaerah
from kinerja.planning.models import Program


def tahun_berkas(buku: Buku) -> int | None:
    """The year written on the template's Petunjuk sheet, if any."""
    if "Petunjuk" not in buku.lembar:
        return None
    for label, value in buku.nilai["Petunjuk"].iter_rows(max_row=10, max_col=2, values_only=True):
        if str(label or "").strip().casefold() == "tahun" and str(value or "").strip().isdigit():
            return int(str(value).strip())
    return None


class Command(BaseCommand):
    help = (
        "Impor templat Excel yang sudah diisi, atau lembar realisasi anggaran bergaya SIPD. "
        "Semua atau tidak sama sekali: bila ada galat, tidak ada yang disimpan."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", metavar="BERKAS.xlsx")
        parser.add_argument("--unit", required=True, help="kode perangkat daerah, mis. towuti")
        parser.add_argument("--tahun", type=int, help="bawaan: tahun pada lembar Petunjuk")
        parser.add_argument(
            "--triwulan",
            type=int,
            choices=[1, 2, 3, 4],
            default=4,
            help="triwulan realisasi lembar SIPD (kumulatif), bawaan 4",
        )
        parser.add_argument("--coba", action="store_true", help="hanya pratinjau, tidak disimpan")

    def _gagal(self, pesan: str) -> None:
        self.stderr.write(pesan)
        raise SystemExit(2)

    def handle(self, *args, berkas, unit, tahun, triwulan, coba, **options):
        perangkat = PerangkatDaerah.objects.filter(kode=unit).select_related("pemda").first()
        if perangkat is None:
            self._gagal(f"Unit '{unit}' tidak dikenal.")
        path = Path(berkas)
        try:
            data = path.read_bytes()
            if tahun is None:
                tahun = tahun_berkas(Buku(data, path.name))
        except OSError as exc:
            self._gagal(f"Berkas '{path}' tidak dapat dibuka: {exc.strerror or exc}.")
        except BukuError as exc:
            self._gagal(str(exc))
        if tahun is None:
            tahun = (
                Program.objects.filter(perangkat=perangkat)
                .order_by("-tahun")
                .values_list("tahun", flat=True)
                .first()
            )
        if tahun is None:
            self._gagal("Tahun tidak diketahui; sebutkan dengan --tahun.")
        run = import_.dry_run if coba else import_.apply
        try:
            hasil = run(path, perangkat, tahun, progress=bar(self.stderr._out), triwulan=triwulan)
        except BukuError as exc:
            self._gagal(str(exc))
        except Exception as exc:  # never a traceback for the user; --traceback shows it
            if options.get("traceback"):
                raise
            self._gagal(
                f"Impor gagal karena kesalahan tak terduga, tidak ada yang disimpan: {exc!r}"
            )
        for item in [*hasil.dibuat, *hasil.diubah]:
            self.stdout.write(str(item))
        for masalah in hasil.galat:
            self.stdout.write(f"galat   {masalah}")
        if coba:
            self.stdout.write("Pratinjau (--coba): tidak ada yang disimpan.")
        elif hasil.disimpan:
            self.stdout.write(f"Tersimpan untuk {perangkat} tahun {tahun}.")
        else:
            self.stdout.write("Ada galat: tidak ada yang disimpan.")
        self.stdout.write(hasil.ringkasan())
        if hasil.kode_keluar:
            raise SystemExit(hasil.kode_keluar)
