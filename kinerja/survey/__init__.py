"""Survei Kepuasan Masyarakat (SKM/IKM): questionnaires, responses, results, the IKU feed.

API for the web app (public form and dashboard), all in :mod:`kinerja.survey.domain`
and :mod:`kinerja.survey.hasil`:

- open surveys: ``Survei.objects.filter(perangkat__kode=…, dibuka=True)``; the questions
  and answer wording: ``survei.kuesioner.to_rules().unsur`` (``kode``, ``nama``,
  ``pertanyaan``, ``pilihan`` = the four answers, score 1…4); profile choices:
  ``Responden.JenisKelamin``, ``Responden.Pendidikan``, ``Responden.Pekerjaan``;
- ``submit_response(survei, {1: 4, …}, profil={...}, kode_sekali=…, sidik_klien=…)``
  stores one response or raises ``ValidationError`` (Indonesian messages keyed by field,
  ``U1``… for answers); ``ResponDuplikat`` for a repeated code or client token;
- ``import_jawaban(uploaded_file, survei)`` for paper forms (CSV/XLSX), all or nothing;
- ``hasil(survei)`` → NRR per unsur, IKM, mutu, sample check, profile, suggestions;
- ``feed_iku(survei)`` writes the IKM as the realisasi of the unit's IKU;
- the report: ``kinerja.reports.builders.skm.build_skm(survei)`` → any exporter.
"""
