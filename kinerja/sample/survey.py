"""The sample's IKM survey: TW IV 2024 of Kecamatan Towuti, 120 synthetic questionnaires
that give the printed IKM 84,73 (see ``data/ikm/README.md``), fed into the IKU."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from kinerja.organisations.models import PerangkatDaerah
from kinerja.survey.domain import buat_survei, feed_iku, import_jawaban
from kinerja.survey.models import Survei

JAWABAN = Path(__file__).resolve().parent / "data" / "ikm" / "towuti_tw4_2024.csv"


def load_sample_survey(towuti: PerangkatDaerah) -> Survei:
    """Create the survey once; running it again changes nothing."""
    existing = Survei.objects.filter(
        perangkat=towuti, tahun=2024, triwulan=4, layanan__isnull=True
    ).first()
    if existing is not None and existing.responden.exists():
        return existing
    with transaction.atomic():
        survei = existing or buat_survei(towuti, 2024, 4)
        import_jawaban(JAWABAN, survei)
        feed_iku(survei)
    return survei
