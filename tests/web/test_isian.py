"""The hand-written field tags: name, id and the value sent back, escaped."""

from django import forms
from django.template import Context, Template


class _Form(forms.Form):
    solusi = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    versi = forms.CharField(required=False, widget=forms.HiddenInput)


def _render(form, text: str) -> str:
    return Template("{% load isian %}" + text).render(Context({"form": form}))


def test_bound_fields_carry_the_value_escaped():
    data = {"r1-solusi": '<script>alert("x")</script> & lanjut', "r1-versi": '7"><b>'}
    form = _Form(data, prefix="r1")
    assert _render(form, "{% kotak_teks form.solusi %}") == (
        '<textarea name="r1-solusi" id="id_r1-solusi" rows="2">\n'
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; lanjut</textarea>"
    )
    assert _render(form, "{% tersembunyi form.versi %}") == (
        '<input type="hidden" name="r1-versi" id="id_r1-versi" value="7&quot;&gt;&lt;b&gt;">'
    )


def test_unbound_fields_show_their_initial_value_or_nothing():
    form = _Form(initial={"solusi": "Koordinasi lintas seksi"})
    assert ">\nKoordinasi lintas seksi</textarea>" in _render(form, "{% kotak_teks form.solusi %}")
    assert 'value=""' in _render(form, "{% tersembunyi form.versi %}")
