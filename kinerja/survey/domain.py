"""What the survey app does: create surveys, take responses, import paper forms, feed the IKU.

The public web form calls :func:`submit_response`; admins call :func:`import_jawaban`
for paper questionnaires; :func:`feed_iku` writes the quarter's IKM as the realisasi of
the unit's IKU "Indeks Kepuasan Masyarakat". Results are in :mod:`kinerja.survey.hasil`.
Every error is a :class:`~django.core.exceptions.ValidationError` with an Indonesian
message; multi-row writes are atomic.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from kinerja.measurement.lock import assert_editable
from kinerja.measurement.models import Realisasi
from kinerja.planning.models import Indikator
from kinerja.rules import ikm
from kinerja.survey.berkas import BarisJawaban, BerkasTidakSah, baca_berkas
from kinerja.survey.kode import baca_kode
from kinerja.survey.models import Jawaban, Kuesioner, Responden, Survei, sidik_definisi
from kinerja.survey.profil import baca_profil

NAMA_IKU = "Indeks Kepuasan Masyarakat"
PRESET_BAKU = "permenpanrb-14-2017"
JENDELA_DUPLIKAT = timedelta(hours=24)


class ResponDuplikat(ValidationError):
    """The same respondent (one-time code or client fingerprint) answered already."""


def simpan_kuesioner(kuesioner: ikm.Kuesioner | str, preset: str = "") -> Kuesioner:
    """The frozen snapshot row of a questionnaire (a preset key or a rules object).

    The same definition always gives the same row; a changed definition gives a new one.
    """
    if isinstance(kuesioner, str):
        preset, kuesioner = kuesioner, ikm.kuesioner_preset(kuesioner)
    elif ikm.PRESET_IKM.get(kuesioner.key) == kuesioner:
        preset = kuesioner.key
    definisi = kuesioner.ke_data()
    baris, _ = Kuesioner.objects.get_or_create(
        sidik=sidik_definisi(definisi),
        defaults={"nama": kuesioner.nama, "preset": preset, "definisi": definisi},
    )
    return baris


def buat_survei(
    perangkat,
    tahun: int,
    triwulan: int,
    *,
    kuesioner: ikm.Kuesioner | str = PRESET_BAKU,
    layanan=None,
    populasi: int | None = None,
) -> Survei:
    """A new survey of a unit (or one of its services) for one quarter."""
    if layanan is not None and layanan.perangkat_id != perangkat.pk:
        raise ValidationError(f"Layanan '{layanan}' bukan layanan {perangkat}.")
    survei = Survei(
        perangkat=perangkat,
        layanan=layanan,
        kuesioner=simpan_kuesioner(kuesioner),
        tahun=tahun,
        triwulan=triwulan,
        populasi=populasi,
    )
    survei.full_clean(validate_unique=False, validate_constraints=False)
    exists = Survei.objects.filter(
        perangkat=perangkat, layanan=layanan, tahun=tahun, triwulan=triwulan
    )
    if exists.exists():
        raise ValidationError(f"Survei {survei} sudah ada.")
    survei.save()
    return survei


def sidik(teks: str) -> str:
    """A keyed hash of a client fingerprint: duplicates are found, the raw value is not kept."""
    kunci = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(kunci, teks.encode("utf-8"), hashlib.sha256).hexdigest()


def _baca_jawaban(survei: Survei, jawaban, boleh_kosong: bool) -> tuple[list, dict[str, str]]:
    n = len(survei.kuesioner.definisi["unsur"])
    if isinstance(jawaban, Mapping):
        lain = sorted(str(k) for k in jawaban if not (isinstance(k, int) and 1 <= k <= n))
        nilai = [jawaban.get(i) for i in range(1, n + 1)]
    else:
        nilai = list(jawaban)
        lain = [f"U{i}" for i in range(n + 1, len(nilai) + 1)]
        nilai = (nilai + [None] * n)[:n]
    galat: dict[str, str] = {}
    if lain:
        galat["jawaban"] = f"unsur tidak dikenal: {', '.join(lain)} (kuesioner {n} unsur)"
    bersih: list[int | None] = []
    for i, v in enumerate(nilai, start=1):
        if isinstance(v, str) and v.strip().isdigit():
            v = int(v.strip())
        elif isinstance(v, str) and not v.strip():
            v = None
        if v is None:
            if not boleh_kosong:
                galat[f"U{i}"] = "wajib dijawab"
        elif type(v) is not int or v not in ikm.SKOR:
            galat[f"U{i}"] = f"jawaban '{v}' tidak sah; pilih 1 sampai 4"
            v = None
        bersih.append(v)
    if all(v is None for v in bersih) and "jawaban" not in galat:
        galat.setdefault("jawaban", "belum ada satu pun jawaban")
    return bersih, galat


def _buat_responden(survei: Survei, jawaban, profil: dict, **fields) -> Responden:
    responden = Responden.objects.create(survei=survei, **profil, **fields)
    Jawaban.objects.bulk_create(
        Jawaban(responden=responden, unsur=i, nilai=v)
        for i, v in enumerate(jawaban, start=1)
        if v is not None
    )
    return responden


def submit_response(
    survei: Survei,
    jawaban: Mapping[int, int | None] | Sequence[int | None],
    *,
    profil: Mapping[str, object] | None = None,
    kode_sekali: str = "",
    sidik_klien: str = "",
    boleh_kosong: bool = False,
    jendela: timedelta = JENDELA_DUPLIKAT,
) -> Responden:
    """Store one response from the public form (the web app calls this; it handles its own
    honeypot/CSRF before). ``jawaban``: ``{1: 4, 2: 3, …}`` or ``[4, 3, …]`` (U1 first).

    ``profil``: raw form values (``jenis_kelamin``, ``usia``, ``pendidikan``,
    ``pekerjaan``, ``pekerjaan_lainnya``, ``jenis_layanan``, ``saran``). Duplicates: a used
    ``kode_sekali`` is refused; a ``sidik_klien`` (e.g. a browser cookie token, hashed here)
    seen in the same survey within ``jendela`` is refused. A survey with ``wajib_kode``
    takes only a code printed for it (:mod:`kinerja.survey.kode`). Raises ``ValidationError`` with
    a dict of Indonesian messages keyed by field (``U1``…, profile fields, ``survei``).
    """
    if not survei.dibuka:
        raise ValidationError({"survei": "Survei ini sudah ditutup dan tidak menerima isian."})
    assert_editable(survei.perangkat, survei.tahun, survei.triwulan)
    nilai, galat = _baca_jawaban(survei, jawaban, boleh_kosong)
    bersih, salah_profil = baca_profil(profil or {})
    galat.update(salah_profil)
    kode_sekali = (kode_sekali or "").strip()
    if len(kode_sekali) > 64:
        galat["kode_sekali"] = "kode sekali pakai paling panjang 64 huruf"
    elif survei.wajib_kode:  # only codes printed for this survey (kinerja.survey.kode)
        if not kode_sekali:
            galat["kode_sekali"] = "kode survei wajib diisi; lihat kode pada tanda terima layanan"
        elif (kanonik := baca_kode(survei.pk, kode_sekali)) is None:
            galat["kode_sekali"] = (
                "kode survei tidak dikenal; periksa kembali kode pada tanda terima"
            )
        else:
            kode_sekali = kanonik
    if galat:
        raise ValidationError(galat)
    hash_klien = sidik(sidik_klien) if sidik_klien else ""
    sama = Responden.objects.filter(survei=survei)
    if kode_sekali and sama.filter(kode_sekali=kode_sekali).exists():
        raise ResponDuplikat({"kode_sekali": "Kode ini sudah dipakai untuk mengisi survei."})
    if (
        hash_klien
        and sama.filter(sidik_klien=hash_klien, dibuat__gte=timezone.now() - jendela).exists()
    ):
        raise ResponDuplikat({"survei": "Anda sudah mengisi survei ini. Terima kasih."})
    try:
        with transaction.atomic():
            return _buat_responden(
                survei,
                nilai,
                bersih,
                sumber=Responden.Sumber.DARING,
                kode_sekali=kode_sekali,
                sidik_klien=hash_klien,
            )
    except IntegrityError:  # the same code submitted twice at the same moment
        raise ResponDuplikat(
            {"kode_sekali": "Kode ini sudah dipakai untuk mengisi survei."}
        ) from None


def import_jawaban(berkas, survei: Survei) -> list[Responden]:
    """Import paper questionnaires (CSV or XLSX, see :mod:`kinerja.survey.berkas`).

    All rows or nothing: any row error raises :class:`BerkasTidakSah` (a ``ValueError``)
    listing sheet, row, column, value and reason, and nothing is written.
    """
    assert_editable(survei.perangkat, survei.tahun, survei.triwulan)
    n = len(survei.kuesioner.definisi["unsur"])
    baris: list[BarisJawaban] = baca_berkas(berkas, jumlah_unsur=n)
    with transaction.atomic():
        return [
            _buat_responden(survei, b.jawaban, b.profil, sumber=Responden.Sumber.KERTAS)
            for b in baris
        ]


def indikator_iku(perangkat, tahun: int) -> Indikator:
    """The unit's IKU named "Indeks Kepuasan Masyarakat" in the Renstra covering ``tahun``."""
    renstra = {
        "renstra__perangkat": perangkat,
        "renstra__tahun_awal__lte": tahun,
        "renstra__tahun_akhir__gte": tahun,
    }
    di_sasaran = Q(**{f"sasaran__tujuan__{k}": v for k, v in renstra.items()})
    di_tujuan = Q(**{f"tujuan__{k}": v for k, v in renstra.items()})
    calon = list(
        Indikator.objects.filter(di_sasaran | di_tujuan, iku=True, nama__istartswith=NAMA_IKU)
    )
    if not calon:
        raise ValidationError(
            f"{perangkat} tidak memiliki indikator IKU '{NAMA_IKU}' pada Renstra yang "
            f"mencakup tahun {tahun}."
        )
    if len(calon) > 1:
        nama = "; ".join(sorted(i.nama for i in calon))
        raise ValidationError(f"{perangkat} memiliki lebih dari satu IKU '{NAMA_IKU}': {nama}.")
    return calon[0]


def feed_iku(survei: Survei) -> Realisasi:
    """Write the survey's IKM (rounded half-up to 2 decimals, the published and classified
    value) as the realisasi of the unit's IKU for the survey's quarter, linked to the survey.

    Only a survey of the whole unit (no layanan) feeds the IKU. Respects the quarter lock.
    """
    from kinerja.survey.hasil import hasil

    if survei.layanan_id is not None:
        raise ValidationError(
            "Survei per layanan tidak mengisi IKU unit; gunakan survei seluruh layanan "
            "(tanpa layanan)."
        )
    assert_editable(survei.perangkat, survei.tahun, survei.triwulan)
    indikator = indikator_iku(survei.perangkat, survei.tahun)
    h = hasil(survei).ikm
    if h.ikm_tepat is None:
        raise ValidationError(f"IKM {survei} belum dapat dihitung: {h.alasan}.")
    with transaction.atomic():
        realisasi, _ = Realisasi.objects.update_or_create(
            indikator=indikator,
            tahun=survei.tahun,
            triwulan=survei.triwulan,
            defaults={"nilai": h.ikm_dibulatkan},
        )
        Survei.objects.filter(pk=survei.pk).update(realisasi=realisasi)
        survei.realisasi = realisasi
    return realisasi


__all__ = [
    "BerkasTidakSah",
    "ResponDuplikat",
    "buat_survei",
    "feed_iku",
    "import_jawaban",
    "indikator_iku",
    "simpan_kuesioner",
    "submit_response",
]
