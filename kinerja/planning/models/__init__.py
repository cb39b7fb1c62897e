from kinerja.planning.models.indikator import Indikator, TargetTahunan, TargetTriwulan
from kinerja.planning.models.program import Kegiatan, Program, SubKegiatan
from kinerja.planning.models.strategi import (
    IsuStrategis,
    Misi,
    PerjanjianKinerja,
    PerjanjianKinerjaIndikator,
    Renstra,
    Rpjmd,
    Sasaran,
    Tujuan,
)

__all__ = [
    "Indikator",
    "IsuStrategis",
    "Kegiatan",
    "Misi",
    "PerjanjianKinerja",
    "PerjanjianKinerjaIndikator",
    "Program",
    "Renstra",
    "Rpjmd",
    "Sasaran",
    "SubKegiatan",
    "TargetTahunan",
    "TargetTriwulan",
    "Tujuan",
]
