"""``kinerja ekspor --unit KODE --tahun 2024 --keluaran out/``: the unit's tables as XLSX/CSV.

Realisasi and capaian per quarter, the budget tree, the follow-up matrix and the pemda
recap: one workbook, or one CSV per table (UTF-8 with BOM; ``--pemisah ;`` for Excel in
Indonesian). ``--templat`` also writes the pre-filled template to fill in and import.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.excel.export import FORMATS, PEMISAH, tulis_ekspor
from kinerja.excel.template import template_xlsx
from kinerja.organisations.models import PerangkatDaerah


class Command(BaseCommand):
    help = "Ekspor tabel sebuah perangkat daerah (capaian, anggaran, tindak lanjut) ke XLSX/CSV."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="kode perangkat daerah, mis. towuti")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], default=4)
        parser.add_argument("--keluaran", default="out", help="folder tujuan (bawaan: out)")
        parser.add_argument("--format", choices=FORMATS, default="xlsx")
        parser.add_argument("--pemisah", choices=PEMISAH, default=",", help="pemisah kolom CSV")
        parser.add_argument("--templat", action="store_true", help="tulis juga templat isian")

    def handle(self, *args, unit, tahun, triwulan, keluaran, format, pemisah, templat, **opts):
        perangkat = (
            PerangkatDaerah.objects.filter(kode=unit)
            .select_related("pemda__skala_predikat")
            .first()
        )
        if perangkat is None:
            raise CommandError(f"Unit '{unit}' tidak dikenal.")
        folder = Path(keluaran)
        try:
            files = tulis_ekspor(perangkat, tahun, folder, format, pemisah, triwulan)
            if templat:
                path = folder / f"{perangkat.kode}-{tahun}-templat.xlsx"
                path.write_bytes(template_xlsx(perangkat, tahun))
                files.append(type(files[0])(path, path.stat().st_size))
        except OSError as exc:
            raise CommandError(
                f"Folder '{folder}' tidak dapat ditulis: {exc.strerror or exc}."
            ) from None
        for berkas in files:
            self.stdout.write(f"{berkas.path}  ({berkas.size:,} bita)".replace(",", "."))
