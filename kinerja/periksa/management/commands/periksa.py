"""``kinerja periksa TABEL.csv``: check the printed figures of a table (the Inspektorat's reviu).

All the work is in :mod:`kinerja.periksa.check`; this command parses the arguments, calls it,
writes the output CSV and the summary, and exits with 0 (all match), 1 (some ``selisih``) or
2 (unusable input, with an Indonesian message and no traceback).
"""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management.base import BaseCommand, DjangoHelpFormatter

from kinerja.periksa.check import DESIMAL, SKALA_BAKU, Opsi, PeriksaError, periksa_berkas
from kinerja.rules import PRESETS, RumusNegatif

#: argparse's own (English) error messages, in Indonesian.
_TERJEMAHAN = (
    (r"the following arguments are required: (.*)", r"argumen wajib belum diisi: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"opsi \1: \2 bukan pilihan yang sah (pilihan: \3)",
    ),
    (r"argument (\S+): expected one argument", r"opsi \1 memerlukan satu nilai"),
    (r"ambiguous option: (.*)", r"opsi ambigu: \1"),
    (r"argument (\S+): (.*)", r"opsi \1: \2"),
)


def _terjemahkan(pesan: str) -> str:
    for pola, ganti in _TERJEMAHAN:
        if re.fullmatch(pola, pesan):
            return re.sub(pola, ganti, pesan)
    return pesan


class _Formatter(DjangoHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "penggunaan: ")


def _identitas(teks: str) -> str:
    return teks


class Command(BaseCommand):
    help = (
        "Periksa angka tercetak pada tabel CSV yang disalin dari laporan: capaian "
        "(kolom target, realisasi, polaritas, capaian) atau serapan anggaran (kolom anggaran, "
        "realisasi, persen). Keluaran: tabel yang sama ditambah kolom hitung, predikat, hasil "
        "dan keterangan. Kode keluar: 0 semua cocok, 1 ada selisih, 2 masukan tidak dapat dipakai."
    )
    missing_args_message = "sebutkan berkas tabel CSV, misalnya: kinerja periksa tabel_3_1.csv"
    requires_system_checks = []
    requires_migrations_checks = False

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser._positionals.title = "argumen"
        parser._optionals.title = "opsi"
        parser.add_argument(
            "-h", "--help", action="help", help="Tampilkan bantuan ini lalu keluar."
        )
        asli = parser.error

        def error(pesan: str):
            if not parser.called_from_command_line:
                asli(_terjemahkan(pesan))
            parser.print_usage(self.stderr._out)
            parser.exit(2, f"{parser.prog}: galat: {_terjemahkan(pesan)}\n")

        parser.error = error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("tabel", metavar="TABEL.csv", help="Berkas CSV yang akan diperiksa.")
        parser.add_argument(
            "--desimal",
            choices=DESIMAL,
            default="koma",
            help="Gaya angka: koma (bawaan; 84,73 dan 4.094.740.600,00) atau titik "
            "(84.73 dan 4094740600.00). Dipakai untuk membaca dan menulis kolom hitung.",
        )
        parser.add_argument(
            "--rumus-negatif",
            choices=[r.value for r in RumusNegatif],
            default=RumusNegatif.DUA_T_KURANG_R.value,
            help="Rumus capaian indikator berpolaritas negatif: 2T-R (bawaan, "
            "(2·target − realisasi) / target × 100) atau T/R (target / realisasi × 100).",
        )
        parser.add_argument(
            "--skala",
            default=SKALA_BAKU,
            metavar="KUNCI",
            help=f"Skala predikat (bawaan {SKALA_BAKU}); pilihan: {', '.join(sorted(PRESETS))}.",
        )
        parser.add_argument(
            "--keluaran",
            metavar="BERKAS",
            help="Tulis tabel hasil ke berkas ini (bawaan: layar/stdout).",
        )

    def _gagal(self, pesan: str) -> None:
        self.stderr.write(pesan)
        raise SystemExit(2)

    def handle(self, *args, **options):
        opsi = Opsi(
            desimal=options["desimal"],
            rumus_negatif=options["rumus_negatif"],
            skala=options["skala"],
        )
        try:
            laporan = periksa_berkas(options["tabel"], opsi)
        except PeriksaError as exc:
            self._gagal(str(exc))
        except Exception as exc:  # no traceback for the user; --traceback shows it
            if options.get("traceback"):
                raise
            self._gagal(f"Tabel tidak dapat diperiksa karena kesalahan tak terduga: {exc!r}")

        teks = laporan.tabel.ke_csv()
        if options.get("keluaran"):
            tujuan = Path(options["keluaran"])
            encoding = "utf-8-sig" if laporan.tabel.bom else "utf-8"
            try:
                tujuan.write_text(teks, encoding=encoding, newline="")
            except OSError as exc:
                self._gagal(
                    f"Berkas keluaran '{tujuan}' tidak dapat ditulis: {exc.strerror or exc}."
                )
        else:
            self.stdout.write(teks, ending="")
        self.stderr.write(laporan.ringkasan(), style_func=_identitas)
        if laporan.kode_keluar:
            raise SystemExit(laporan.kode_keluar)
