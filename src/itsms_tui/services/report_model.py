"""The documents the reports write, as data: sections of typed blocks.

The evidence pack, the supplier scorecard and the service report are all built as a
``Document`` and rendered by the same two templates (``templates/document.html.j2`` and
``document.md.j2``), so the HTML and the Markdown always say the same thing. Every value
here is plain text (user text included): the templates escape it for their format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from itsms_tui.domain.dataset import DataSet

Cell = str
"""A table cell: plain text, escaped by the template."""


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of plain text."""

    text: str
    kind: Literal["para"] = "para"


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section (an agreement, a KPI)."""

    text: str
    anchor: str = ""
    kind: Literal["heading"] = "heading"


@dataclass(frozen=True, slots=True)
class Facts:
    """Label / value pairs; a value that is a list is shown as a bulleted list."""

    items: tuple[tuple[str, str | tuple[str, ...]], ...]
    kind: Literal["facts"] = "facts"


@dataclass(frozen=True, slots=True)
class Table:
    """A captioned table; ``empty`` is shown instead when there are no rows."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str = "None recorded."
    kind: Literal["table"] = "table"


@dataclass(frozen=True, slots=True)
class HeatMap:
    """A likelihood x impact grid: ``cells[row][column]`` holds the risk ids there."""

    caption: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[tuple[str, ...], ...], ...]
    bands: tuple[tuple[str, ...], ...]
    """Each cell's band (``low``, ``medium``, ``high``, ``critical``) for its colour."""
    kind: Literal["heatmap"] = "heatmap"


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart: an SVG document (inline in HTML, a file beside the Markdown)."""

    caption: str
    svg: str
    """A complete ``<svg>`` element drawn by the chart library from escaped text."""
    file_name: str
    """Where the Markdown's image link points (``charts/KPI-0001.svg``)."""
    alt: str
    kind: Literal["chart"] = "chart"


Block = Para | Heading | Facts | Table | HeatMap | Chart


@dataclass(frozen=True, slots=True)
class Section:
    """One clause (or topic) of a document: a page of its own when printed."""

    anchor: str
    clause: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def heading(self) -> str:
        return f"{self.clause} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class Document:
    """A whole report: title page facts, then the sections in order."""

    title: str
    subtitle: str
    generated_at: datetime
    facts: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...] = field(default=())

    def charts(self) -> list[Chart]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]


def text(value: object) -> str:
    """A value as report text: '—' for nothing, labels for vocabularies, ISO dates."""
    if value is None or value == "":
        return "—"
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def record_name(data: DataSet, record_id: str | None) -> str:
    """A referred record as report text: its id and title, the bare id when it is gone."""
    if not record_id:
        return "—"
    record = data.get(record_id)
    return record.display if record is not None else record_id


def items(values: Sequence[object]) -> tuple[str, ...]:
    return tuple(text(v) for v in values)
