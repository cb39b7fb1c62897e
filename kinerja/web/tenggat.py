"""Quarter deadlines set on the site by the admin pemda: the input period of a quarter and
the exceptions that let one unit keep entering after it, until they expire.

The lock itself lives in :mod:`kinerja.measurement.lock`; these forms only write its rows.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone

from kinerja.measurement.models import PengecualianTenggat, PeriodeInput
from kinerja.organisations.models import PerangkatDaerah

_WAKTU = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
_PESAN_WAKTU = {
    "required": "Isi tanggal dan jam.",
    "invalid": "Tanggal dan jam tidak dikenal; gunakan isian tanggal–jam.",
}


class PeriodeInputForm(forms.ModelForm):
    """When the quarter's entry opens and closes for every unit of the pemda."""

    class Meta:
        model = PeriodeInput
        fields = ["dibuka", "ditutup"]
        widgets = {"dibuka": _WAKTU, "ditutup": _WAKTU}
        error_messages = {"dibuka": _PESAN_WAKTU, "ditutup": _PESAN_WAKTU}

    def clean(self):
        data = super().clean()
        dibuka, ditutup = data.get("dibuka"), data.get("ditutup")
        if dibuka and ditutup and ditutup <= dibuka:
            self.add_error("ditutup", "Tenggat harus sesudah waktu dibuka.")
        return data

    def validate_constraints(self, exclude=None):
        # The order of the two times is checked in clean() with a message in Indonesian.
        pass


class PengecualianTenggatForm(forms.ModelForm):
    """One unit may keep entering the quarter after the deadline, until ``berlaku_sampai``."""

    class Meta:
        model = PengecualianTenggat
        fields = ["perangkat", "berlaku_sampai", "alasan"]
        widgets = {"berlaku_sampai": _WAKTU, "alasan": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "berlaku_sampai": _PESAN_WAKTU,
            "perangkat": {
                "required": "Pilih perangkat daerah.",
                "invalid_choice": "Pilih perangkat daerah dari daftar.",
            },
            "alasan": {"required": "Tuliskan alasan pengecualian."},
        }

    def __init__(self, *args, pemda, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["perangkat"]
        field.queryset = PerangkatDaerah.objects.filter(pemda=pemda).order_by("nama")
        field.empty_label = "— pilih perangkat daerah —"

    def clean_berlaku_sampai(self):
        sampai = self.cleaned_data["berlaku_sampai"]
        if sampai <= timezone.now():
            raise forms.ValidationError("Batas pengecualian harus di masa depan.")
        return sampai
