"""Store the rules core's predikat presets as data, so each pemda can pick or edit one."""

from django.db import migrations


def seed(apps, schema_editor):
    from kinerja.rules import PRESETS

    SkalaPredikat = apps.get_model("organisations", "SkalaPredikat")
    PitaPredikat = apps.get_model("organisations", "PitaPredikat")
    for skala in PRESETS.values():
        obj, created = SkalaPredikat.objects.get_or_create(
            kode=skala.key, defaults={"nama": skala.name, "sumber": skala.source}
        )
        if not created:
            continue
        for i, band in enumerate(skala.bands, start=1):
            PitaPredikat.objects.create(
                skala=obj, urutan=i, label=band.label, batas_bawah=band.lower,
                inklusif=band.inclusive, warna=band.color,
            )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
