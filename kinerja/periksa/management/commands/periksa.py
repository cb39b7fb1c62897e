"""``kinerja periksa TABEL.csv``: check the printed figures of a table (the Inspektorat's reviu).

All the work is in :mod:`kinerja.periksa.check`; this command parses the arguments, calls it,
writes the output CSV and the summary, and exits with 0 (all match), 1 (some ``selisih``) or
2 (unusable input, with an Indonesian message and no traceback).
"""

from __future__ import annotations

from pathlib import Path

from kinerja.periksa.check import DESIMAL, SKALA_BAKU, Opsi, PeriksaError, periksa_berkas
from kinerja.perintah import PerintahIndonesia
from kinerja.rules import PRESETS, RumusNegatif


def _identitas(teks: str) -> str:
    return teks


class Command(PerintahIndonesia):
    help = (
        "Periksa angka tercetak pada tabel CSV yang disalin dari laporan: capaian "
        "(kolom target, realisasi, polaritas, capaian) atau serapan anggaran (kolom anggaran, "
        "realisasi, persen). Keluaran: tabel yang sama ditambah kolom hitung, predikat, hasil "
        "dan keterangan. Kode keluar: 0 semua cocok, 1 ada selisih, 2 masukan tidak dapat dipakai."
    )
    missing_args_message = "sebutkan berkas tabel CSV, misalnya: kinerja periksa tabel_3_1.csv"

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
