"""``kinerja ikm JAWABAN.csv [--preset …]``: compute the IKM of an answer file.

All the work is in :mod:`kinerja.survey.ringkasan` (reading, computing, the text table);
this command parses the arguments and exits 0, or 2 with an Indonesian message when the
file cannot be used. No database is needed.
"""

from __future__ import annotations

import argparse

from django.core.management.base import BaseCommand

from kinerja.periksa.management.commands.periksa import _Formatter, _terjemahkan
from kinerja.rules.ikm import PRESET_IKM
from kinerja.survey.berkas import BerkasTidakSah
from kinerja.survey.ringkasan import PRESET_BAKU, ringkasan_berkas


def _populasi(teks: str) -> int:
    if not teks.strip().isdigit() or int(teks) < 1:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan bilangan bulat positif")
    return int(teks)


class Command(BaseCommand):
    help = (
        "Hitung Indeks Kepuasan Masyarakat (IKM) dari berkas jawaban CSV atau XLSX: satu baris "
        "per responden, kolom U1…Un berisi 1–4 (kosong bila tidak dijawab). Mencetak NRR per "
        "unsur, NRR tertimbang, IKM, mutu dan kinerja unit pelayanan. Kode keluar: 0 berhasil, "
        "2 berkas tidak dapat dipakai."
    )
    missing_args_message = "sebutkan berkas jawaban, misalnya: kinerja ikm jawaban.csv"
    requires_system_checks = []
    requires_migrations_checks = False

    def create_parser(self, prog_name, subcommand, **kwargs):
        # The same Indonesian argparse front as ``kinerja periksa``: usage errors exit 2.
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser._positionals.title = "argumen"
        parser._optionals.title = "opsi"
        parser.add_argument("-h", "--help", action="help", help="Tampilkan bantuan ini.")
        asli = parser.error

        def error(pesan: str):
            if not parser.called_from_command_line:
                asli(_terjemahkan(pesan))
            parser.print_usage(self.stderr._out)
            parser.exit(2, f"{parser.prog}: galat: {_terjemahkan(pesan)}\n")

        parser.error = error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("berkas", metavar="JAWABAN.csv", help="Berkas jawaban (CSV atau XLSX).")
        parser.add_argument(
            "--preset",
            choices=sorted(PRESET_IKM),
            default=PRESET_BAKU,
            help=f"Kuesioner yang dipakai (bawaan {PRESET_BAKU}).",
        )
        parser.add_argument(
            "--populasi",
            type=_populasi,
            metavar="N",
            help="Jumlah penerima layanan dalam periode survei, untuk memeriksa sampel minimal.",
        )

    def handle(self, *args, **options):
        try:
            teks = ringkasan_berkas(options["berkas"], options["preset"], options["populasi"])
        except (BerkasTidakSah, ValueError) as exc:
            self.stderr.write(str(exc))
            raise SystemExit(2) from None
        self.stdout.write(teks)
