"""``kinerja ikm JAWABAN.csv [--preset …]``: compute the IKM of an answer file.

All the work is in :mod:`kinerja.survey.ringkasan` (reading, computing, the text table);
this command parses the arguments and exits 0, or 2 with an Indonesian message when the
file cannot be used. No database is needed.
"""

from __future__ import annotations

import argparse

from kinerja.perintah import PerintahIndonesia
from kinerja.rules.ikm import PRESET_IKM
from kinerja.survey.berkas import BerkasTidakSah
from kinerja.survey.ringkasan import PRESET_BAKU, ringkasan_berkas


def _populasi(teks: str) -> int:
    if not teks.strip().isdigit() or int(teks) < 1:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan bilangan bulat positif")
    return int(teks)


class Command(PerintahIndonesia):
    help = (
        "Hitung Indeks Kepuasan Masyarakat (IKM) dari berkas jawaban CSV atau XLSX: satu baris "
        "per responden, kolom U1…Un berisi 1–4 (kosong bila tidak dijawab). Mencetak NRR per "
        "unsur, NRR tertimbang, IKM, mutu dan kinerja unit pelayanan. Kode keluar: 0 berhasil, "
        "2 berkas tidak dapat dipakai."
    )
    missing_args_message = "sebutkan berkas jawaban, misalnya: kinerja ikm jawaban.csv"

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
