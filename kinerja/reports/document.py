"""The report model: one document tree that every exporter (DOCX, PDF, XLSX, web) lays out.

Builders (``kinerja.reports.builders``) turn data into a :class:`Document`; they format
every figure once, here, as display text in Indonesian form, so that all exporters show
the same characters. A :class:`Cell` also keeps the exact ``value`` for exporters that
write real numbers (XLSX). Every text is made writable by every exporter as it enters the
model (:func:`kinerja.rules.text.clean_text`). Pure Python: no Django, no python-docx, no
WeasyPrint.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from functools import cache
from typing import Literal

from kinerja.rules.text import clean_text

Align = Literal["left", "right", "center"]


class _CleanText:
    """Cleans a dataclass's text fields (``str`` or ``tuple[str, ...]``) as it is made."""

    def __post_init__(self) -> None:
        for name, is_tuple in _text_fields(type(self)):
            value = getattr(self, name)
            if is_tuple and isinstance(value, tuple):
                cleaned = tuple(clean_text(v) if isinstance(v, str) else v for v in value)
            elif isinstance(value, str):
                cleaned = clean_text(value)
            else:  # what a caller gave that is no text (None, say) is left to the exporters
                continue
            if cleaned != value:
                object.__setattr__(self, name, cleaned)  # frozen: set once, as it is made


@cache
def _text_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    kinds = {"str": False, "tuple[str, ...]": True}
    return tuple((f.name, kinds[f.type]) for f in fields(cls) if f.type in kinds)


@dataclass(frozen=True)
class Run(_CleanText):
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: Literal["body", "caption", "note", "center", "formula"] = "body"

    @classmethod
    def of(cls, text: str, style="body", bold=False, italic=False) -> Paragraph:
        return cls((Run(text, bold, italic),), style)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Heading(_CleanText):
    text: str
    level: int = 1  # 1 = BAB, 2 = section, 3 = subsection; all appear in TOC and bookmarks


@dataclass(frozen=True)
class BulletList(_CleanText):
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Cell(_CleanText):
    text: str = ""
    value: Decimal | int | None = None  # the exact number behind ``text`` (for XLSX)
    align: Align = "left"
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    bold: bool = False  # parent rows of a tree, totals
    level: int = 0  # indentation level of a tree row (its cell: Table.indented)
    shade: bool = False  # a total or group row with a light background


WHOLE_TABLE_ROWS = 10  # a table of this many rows or fewer is kept on one page (Table.whole)


@dataclass(frozen=True)
class Table(_CleanText):
    """A real table. ``header`` rows repeat on every page; ``widths`` are relative."""

    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[Row, ...]
    caption: str = ""  # "Tabel 3.1 Pengukuran Capaian Perjanjian Kinerja", shown above
    notes: tuple[str, ...] = ()  # shown under the table, e.g. "– tidak ada target"
    widths: tuple[float, ...] = ()
    font_size: Literal["normal", "small"] = "normal"
    #: Which of a row's cells is indented by its level: this position in ``Row.cells``, or
    #: (None) the row's first left-aligned cell with text. The budget table indents the
    #: names and keeps its codes in a straight column.
    indent_cell: int | None = None

    @property
    def whole(self) -> bool:
        """A short table, never split across pages (PDF and DOCX): a page break inside a few
        rows would leave one or two of them, away from the table's caption and header."""
        return len(self.rows) <= WHOLE_TABLE_ROWS

    def indented(self, row: Row) -> int | None:
        """The position in ``row.cells`` of the cell indented by ``row.level`` (None: none)."""
        if row.level <= 0:
            return None
        if self.indent_cell is not None:
            return self.indent_cell if self.indent_cell < len(row.cells) else None
        cells = enumerate(row.cells)
        return next((i for i, c in cells if c.align == "left" and c.text.strip()), None)


@dataclass(frozen=True)
class Series(_CleanText):
    name: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Chart(_CleanText):
    """A chart described by its data; ``kinerja.reports.charts`` draws it (PDF, SVG or PNG)."""

    kind: Literal["bar", "line", "barh"]
    title: str  # what the chart shows: its text alternative; not drawn in the picture
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    x_label: str = ""
    y_label: str = ""
    caption: str = ""  # "Grafik 3.1 …", shown under the chart as searchable text
    value_format: Literal["angka", "persen", "rupiah"] = "angka"


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class TableOfContents(_CleanText):
    title: str = "DAFTAR ISI"
    depth: int = 3  # the heading levels listed; deeper headings are only bookmarks


@dataclass(frozen=True)
class Signature(_CleanText):
    place_date: str  # "Towuti, 20 Januari 2025"
    jabatan: str
    nama: str
    nip: str = ""
    pangkat: str = ""


@dataclass(frozen=True)
class SignaturePair:
    """Two signatures side by side (Perjanjian Kinerja: pihak kedua left, pertama right)."""

    left: Signature
    right: Signature


@dataclass(frozen=True)
class Cover(_CleanText):
    title: tuple[str, ...]  # lines, e.g. ("LAPORAN EVALUASI KINERJA", "TRIWULAN IV TAHUN 2024")
    organisation: tuple[str, ...]  # ("PEMERINTAH KABUPATEN LUWU TIMUR", "KECAMATAN TOWUTI")
    place_year: str = ""  # "2025"


Block = (
    Paragraph
    | Heading
    | BulletList
    | Table
    | Chart
    | PageBreak
    | TableOfContents
    | Signature
    | SignaturePair
    | Cover
)


@dataclass
class Document(_CleanText):
    title: str  # document title (metadata, running header)
    kind: str  # "triwulan" | "lkjip" | "pk"
    unit: str  # "Kecamatan Towuti"
    blocks: list[Block] = field(default_factory=list)
    kop: tuple[str, ...] = ()  # letterhead lines (PK document)
    logo: bytes | None = None  # PNG/SVG of the unit's logo, if configured
    #: Data the unit has yet to fill in, which the report shows as gaps (not printed in it:
    #: said beside the files, builders.kelengkapan)
    peringatan: tuple[str, ...] = ()

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        return [b for b in self.blocks if isinstance(b, Chart)]

    def keeps_with_next(self, index: int) -> bool:
        """Whether block ``index`` stays on the page of the block after it: a paragraph right
        before a table introduces it ("… sebagai berikut:"), so no page ends on it."""
        blocks = self.blocks
        return (
            isinstance(blocks[index], Paragraph)
            and index + 1 < len(blocks)
            and isinstance(blocks[index + 1], Table)
        )

    @property
    def running_unit(self) -> str:
        """The unit beside the title in the running header, unless the title names it."""
        return self.unit if self.unit.casefold() not in self.title.casefold() else ""
