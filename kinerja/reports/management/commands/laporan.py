"""``kinerja laporan``: write a unit's report (triwulan, LKjIP or PK) as DOCX and/or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.reports.builders import JENIS, LaporanError
from kinerja.reports.service import find_unit, parse_formats, write_reports


def _tanggal(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"Tanggal '{text}' tidak valid; tulis TTTT-BB-HH, mis. 2025-01-20."
        ) from None


class Command(BaseCommand):
    help = "Tulis laporan kinerja sebuah perangkat daerah sebagai DOCX dan/atau PDF."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="kode perangkat daerah, mis. towuti")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], default=4)
        parser.add_argument("--jenis", choices=list(JENIS), default="triwulan")
        parser.add_argument("--format", default="docx,pdf", help="mis. docx,pdf")
        parser.add_argument("--keluaran", default="out", help="folder tujuan")
        parser.add_argument("--tanggal", help="tanggal penandatanganan (TTTT-BB-HH)")

    def handle(self, *args, unit, tahun, triwulan, jenis, format, keluaran, tanggal, **options):
        try:
            files = write_reports(
                find_unit(unit),
                jenis,
                tahun,
                triwulan,
                parse_formats(format),
                Path(keluaran),
                _tanggal(tanggal) if tanggal else None,
            )
        except LaporanError as error:
            raise CommandError(str(error)) from None
        for berkas in files.berkas:
            self.stdout.write(f"{berkas.path}  ({berkas.size // 1024:,} KB)".replace(",", "."))
        if files.peringatan:
            self.stdout.write("Data yang belum lengkap (tampak di laporan):")
            for note in files.peringatan:
                self.stdout.write(f"  - {note}")
