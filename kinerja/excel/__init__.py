"""Excel in and out: template workbooks, their import, SIPD budget sheets, XLSX/CSV exports.

* :mod:`kinerja.excel.template` — the template workbook of one unit and year, pre-filled;
* :mod:`kinerja.excel.import_` — ``dry_run`` and ``apply`` of a filled workbook (atomic);
* :mod:`kinerja.excel.sipd` — SIPD-style budget realisation sheets: read, check, import;
* :mod:`kinerja.excel.export` — the tables the app shows, as XLSX or CSV;
* :mod:`kinerja.excel.sheet` — the one writer of formatted sheets (also used by
  ``kinerja.reports.xlsx_export``) and the one reader of cells.
"""
