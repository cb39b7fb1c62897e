"""kinerja.rules.predikat: scales as data, rounding before classifying."""

from decimal import Decimal

import pytest

from kinerja.rules import PRESETS, Capaian, Pita, SkalaPredikat, get_preset

D = Decimal
PERMENDAGRI = get_preset("permendagri-86-2017")


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("105.78", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        ("90.995", "Sangat Tinggi"),  # rounds to 91.00
        ("90.994", "Tinggi"),
        ("90.99", "Tinggi"),
        ("76", "Tinggi"),
        ("75.999", "Tinggi"),  # rounds to 76.00
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("65.99", "Rendah"),
        ("50.01", "Rendah"),
        ("50.005", "Rendah"),  # rounds to 50.01
        ("50", "Sangat Rendah"),
        ("50.004", "Sangat Rendah"),  # rounds to 50.00
        ("0", "Sangat Rendah"),
        ("-20", "Sangat Rendah"),
    ],
)
def test_permendagri_boundaries(value, label):
    assert PERMENDAGRI.classify(D(value)) == label
    assert PERMENDAGRI.classify(Capaian(D(value))) == label


def test_permendagri_baik_labels_share_the_bands():
    baik = get_preset("permendagri-86-2017-baik")
    labels = [baik.classify(D(v)) for v in ("95", "80", "70", "60", "40")]
    assert labels == ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    assert [p.lower for p in baik.bands] == [p.lower for p in PERMENDAGRI.bands]
    assert baik.source == PERMENDAGRI.source == "Permendagri 86/2017"


def test_towuti_inferred_scale():
    towuti = get_preset("towuti-2024")
    assert towuti.classify(D(100)) == "Sangat Memuaskan"
    assert towuti.classify(D("93.75")) == "Sangat Memuaskan"
    assert towuti.classify(D(80)) == "Memuaskan"
    assert towuti.classify(D(50)) == "Cukup Memuaskan"
    assert towuti.classify(D("49.99")) == "Kurang Memuaskan"
    assert "Towuti" in towuti.source and "isimpulkan" in towuti.source


def test_not_applicable_has_no_predikat():
    assert PERMENDAGRI.classify(None) is None
    assert PERMENDAGRI.classify(Capaian.na("target nol")) is None
    assert PERMENDAGRI.band(None) is None


def test_band_carries_colour():
    pita = PERMENDAGRI.band(D(95))
    assert pita.label == "Sangat Tinggi"
    assert pita.color.startswith("#") and len(pita.color) == 7
    colours = [p.color for p in PERMENDAGRI.bands]
    assert len(set(colours)) == len(colours)


def test_presets_are_valid_and_keyed():
    assert set(PRESETS) == {"permendagri-86-2017", "permendagri-86-2017-baik", "towuti-2024"}
    for key, skala in PRESETS.items():
        assert skala.key == key
        assert skala.name and skala.source
        assert skala.bands[-1].lower is None


def test_get_preset_unknown_key():
    with pytest.raises(ValueError, match="tidak dikenal") as info:
        get_preset("permendagri")
    assert "towuti-2024" in str(info.value)


def test_classify_refuses_float():
    with pytest.raises(TypeError):
        PERMENDAGRI.classify(91.0)


def test_custom_scale_with_exclusive_bounds():
    # AKIP-like grades: "> 90", "> 80", rest.
    skala = SkalaPredikat(
        "contoh",
        "Contoh",
        [Pita("AA", D(90), inclusive=False), Pita("A", D(80), False), Pita("B", None)],
    )
    assert isinstance(skala.bands, tuple)
    assert skala.classify(D("90.01")) == "AA"
    assert skala.classify(D(90)) == "A"
    assert skala.classify(D(80)) == "B"


def test_same_bound_exclusive_above_inclusive_is_allowed():
    skala = SkalaPredikat(
        "x", "x", (Pita("lebih", D(50), False), Pita("pas", D(50), True), Pita("kurang", None))
    )
    assert [skala.classify(D(v)) for v in ("51", "50", "49")] == ["lebih", "pas", "kurang"]


@pytest.mark.parametrize(
    "bands",
    [
        (),
        (Pita("a", D(50)),),  # last band must catch the rest
        (Pita("a", D(50)), Pita("b", D(60)), Pita("c", None)),  # ascending
        (Pita("a", D(50)), Pita("b", D(50)), Pita("c", None)),  # duplicate bound
        (Pita("a", D(50), True), Pita("b", D(50), False), Pita("c", None)),  # >= above >
        (Pita("a", None), Pita("b", None)),  # rest before the end
    ],
)
def test_invalid_scales(bands):
    with pytest.raises(ValueError):
        SkalaPredikat("x", "x", bands)


def test_pita_validation():
    assert Pita("a", 50).lower == D(50)
    with pytest.raises(TypeError):
        Pita("a", 50.0)
    with pytest.raises(ValueError):
        Pita("", D(1))
