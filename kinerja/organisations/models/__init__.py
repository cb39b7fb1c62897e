from kinerja.organisations.models.profil import Fasilitas, JumlahPegawai, ProfilTahunan
from kinerja.organisations.models.skala import PitaPredikat, SkalaPredikat
from kinerja.organisations.models.units import PemerintahDaerah, PerangkatDaerah, Seksi

__all__ = [
    "Fasilitas",
    "JumlahPegawai",
    "PemerintahDaerah",
    "PerangkatDaerah",
    "PitaPredikat",
    "ProfilTahunan",
    "Seksi",
    "SkalaPredikat",
]
