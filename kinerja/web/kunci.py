"""The quarter lock in the Django admin: forms and inlines refuse changes to locked quarters.

Which quarter a row belongs to: a Realisasi or TargetTriwulan by its indicator's unit and
its own year and quarter; a RealisasiBelanja by its belanja line's program (unit, year).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError

from kinerja.measurement.lock import TriwulanTerkunci, assert_editable


def perangkat_of_indikator(indikator):
    if indikator.sasaran_id:
        return indikator.sasaran.tujuan.renstra.perangkat
    if indikator.tujuan_id:
        return indikator.tujuan.renstra.perangkat
    if indikator.program_id:
        return indikator.program.perangkat
    if indikator.kegiatan_id:
        return indikator.kegiatan.program.perangkat
    if indikator.sub_kegiatan_id:
        return indikator.sub_kegiatan.kegiatan.program.perangkat
    return None


def period_of(values: dict):
    """(perangkat, tahun, triwulan) of a row given as field values, or None if unknown."""
    try:
        if values.get("belanja") is not None:
            program = values["belanja"].sub_kegiatan.kegiatan.program
            return program.perangkat, program.tahun, values["triwulan"]
        if values.get("indikator") is not None:
            perangkat = perangkat_of_indikator(values["indikator"])
            if perangkat is None or values.get("tahun") is None:
                return None
            return perangkat, values["tahun"], values["triwulan"]
    except (KeyError, ObjectDoesNotExist):
        return None
    return None


NAMES = ("indikator", "belanja", "tahun", "triwulan")


def _values(instance, cleaned: dict | None = None) -> dict:
    """The row's period fields: from ``cleaned`` where given, else from the instance."""
    values = {}
    for name in NAMES:
        if cleaned is not None and name in cleaned:
            values[name] = cleaned[name]
            continue
        try:
            values[name] = getattr(instance, name)
        except (AttributeError, ObjectDoesNotExist):
            continue
    return values


def _stored(instance) -> dict:
    return {} if instance.pk is None else _values(instance)


def check(*value_sets: dict) -> None:
    """Raise a form ValidationError if any of the rows' quarters is locked."""
    for values in value_sets:
        key = period_of(values)
        if key and key[2] in (1, 2, 3, 4):
            try:
                assert_editable(*key)
            except TriwulanTerkunci as exc:
                raise ValidationError(exc.messages) from None


class KunciForm(forms.ModelForm):
    """ModelForm for locked-aware admin pages: the stored and the new quarter must be open."""

    def clean(self):
        cleaned = super().clean()
        check(_stored(self.instance), _values(self.instance, cleaned))
        return cleaned


class KunciInlineFormSet(forms.BaseInlineFormSet):
    """Deleting a row of a locked quarter through an inline is refused too."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            check(_stored(form.instance))


class KunciAdminMixin:
    """For a ModelAdmin of Realisasi-like rows: locked rows are neither saved nor deleted."""

    form = KunciForm

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            try:
                check(_stored(obj))
            except ValidationError:
                return False
        return super().has_delete_permission(request, obj)


class KunciInlineMixin:
    form = KunciForm
    formset = KunciInlineFormSet
