"""``kinerja demo``: database ready, Towuti 2024 sample loaded, its figures printed, site served."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from kinerja.measurement.scorecard import build_scorecard
from kinerja.organisations.models import PerangkatDaerah
from kinerja.reports.service import write_reports
from kinerja.sample import summary
from kinerja.sample.loader import load_sample
from kinerja.sample.survey import load_sample_survey
from kinerja.web.demo import create_demo_users

DEMO_USER, DEMO_PASSWORD = "admin", "kinerja-demo"
PROGRAM_PENUNJANG = "7.01.01"
# The sample report is signed "Towuti, 20 Januari 2025"; the demo's reports carry that date.
TANGGAL_LAPORAN = date(2025, 1, 20)
DEMO_REPORTS = (("triwulan", 4), ("lkjip", None), ("pk", None), ("skm", 4))


class Command(BaseCommand):
    help = (
        "Siapkan basis data, muat contoh Kecamatan Towuti 2024, cetak angkanya, "
        "lalu jalankan situs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tanpa-server", action="store_true", help="berhenti setelah mencetak")
        parser.add_argument("--alamat", default="127.0.0.1:8000", help="alamat situs (host:port)")
        parser.add_argument("--keluaran", default="out", help="folder laporan DOCX dan PDF")
        parser.add_argument("--tanpa-laporan", action="store_true", help="jangan tulis laporan")

    def handle(self, *args, tanpa_server: bool, alamat: str, keluaran: str, **options):
        call_command("migrate", verbosity=0)
        counts = load_sample()
        self.stdout.write(f"Contoh data Kecamatan Towuti 2024 dimuat ({counts.summary()}).\n")
        towuti = PerangkatDaerah.objects.get(kode="towuti")
        survei = load_sample_survey(towuti)
        self.stdout.write(
            f"Survei kepuasan masyarakat TW IV 2024: {survei.responden.count()} "
            "responden, IKM menjadi realisasi IKU.\n"
        )
        card = build_scorecard(towuti, 2024, 4)
        self.stdout.write(summary.full(card, PROGRAM_PENUNJANG) + "\n")
        if not options["tanpa_laporan"]:
            self._write_reports(card.perangkat, Path(keluaran))
        if tanpa_server:
            return
        self.stdout.write(f"\nSitus: http://{alamat}/  (admin: http://{alamat}/admin/)\n")
        if settings.KINERJA_DEMO:
            users = get_user_model().objects
            if not users.filter(username=DEMO_USER).exists():
                users.create_superuser(DEMO_USER, "", DEMO_PASSWORD)
            akun = create_demo_users(PerangkatDaerah.objects.get(kode="towuti"))
            daftar = "".join(f"  {nama:<18} {peran}\n" for nama, peran in akun)
            self.stdout.write(
                f"Akun demo, kata sandi {DEMO_PASSWORD}:\n  {DEMO_USER:<18} Admin pemda\n{daftar}"
            )
        else:
            self.stdout.write("Instalasi produksi: akun demo tidak dibuat.\n")
        self.stdout.write("Hentikan dengan Ctrl+C.\n")
        call_command("runserver", alamat, "--insecure", "--noreload", "--skip-checks")

    def _write_reports(self, towuti: PerangkatDaerah, folder: Path) -> None:
        self.stdout.write("\nLaporan (DOCX dan PDF):\n")
        peringatan: dict[str, None] = {}  # each note once, in order
        for jenis, triwulan in DEMO_REPORTS:
            ditulis = write_reports(
                towuti, jenis, 2024, triwulan, ["docx", "pdf"], folder, TANGGAL_LAPORAN
            )
            for berkas in ditulis.berkas:
                self.stdout.write(f"  {berkas.path}\n")
            peringatan.update(dict.fromkeys(ditulis.peringatan))
        if peringatan:
            self.stdout.write("Data contoh yang belum lengkap (tampak di laporan):\n")
            self.stdout.write("".join(f"  - {note}\n" for note in peringatan))
