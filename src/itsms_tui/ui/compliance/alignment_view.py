"""The SLA alignment matrix on screen: the list of customer SLAs and the grid of one of them.

The grid keeps the target names and the SLA's own column in place and pages through the
underpinning agreements with ← and →, so it stays readable at 80 columns however many
agreements sit under an SLA. A weaker cell is red *and* marked ``✖``; an aligned one is
green and marked ``●``; a weaker one an accepted deviation covers is amber and marked ``◇``;
a target the agreement does not state is ``—``. Agreements on the
same service that the SLA does not list are context: shown dim, in parentheses, not judged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget

from itsms_tui.compliance.alignment import (
    AlignmentCell,
    AlignmentColumn,
    AlignmentMatrix,
    CellState,
    format_value,
)
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind
from itsms_tui.ui.theme import STYLES, rag_text
from itsms_tui.ui.widgets.record_table import Column

LABEL_WIDTH = 24
"""Target names wrap beyond this many cells."""

WEAKER_STYLE = STYLES["red"]
ALIGNED_STYLE = STYLES["green"]
ACCEPTED_STYLE = STYLES["amber"]


@dataclass(frozen=True, slots=True)
class SlaChoice:
    """One line of the SLA list: the SLA, its matrix and how many listed cells are weaker."""

    matrix: AlignmentMatrix
    title: str
    status: str
    weaker: int
    listed: int
    """Underpinning agreements the SLA lists (judged columns)."""
    accepted: int = 0
    """Weaker cells an accepted deviation covers."""

    @property
    def sla_id(self) -> str:
        return self.matrix.sla_id


def sla_choices(matrices: Sequence[AlignmentMatrix], data: DataSet) -> list[SlaChoice]:
    """The SLA list's rows, in the matrices' (id) order."""
    out: list[SlaChoice] = []
    for matrix in matrices:
        sla = data.get_as(Agreement, matrix.sla_id)
        judged = [i for i, c in enumerate(matrix.columns) if i and c.listed]
        out.append(
            SlaChoice(
                matrix=matrix,
                title=sla.heading if sla is not None else "",
                status=sla.status.value if sla is not None else "",
                weaker=sum(len(matrix.weaker_rows(i)) for i in judged),
                listed=len(judged),
                accepted=sum(len(matrix.accepted_rows(i)) for i in judged),
            )
        )
    return out


def alignment_word(choice: SlaChoice) -> Text:
    """``✖ 6 weaker``, ``● aligned`` or ``○ none listed``: never colour alone."""
    if choice.weaker:
        return rag_text("red", f"{choice.weaker} weaker")
    if not choice.listed:
        return rag_text("grey", "none listed")
    if choice.accepted:
        return Text(f"◇ {choice.accepted} accepted", style=ACCEPTED_STYLE)
    return rag_text("green", "aligned")


def alignment_label(choices: Sequence[SlaChoice]) -> Text:
    """The alignment tab's label: ``SLA alignment: 2 of 4 SLAs weaker``."""
    weaker = sum(1 for c in choices if c.weaker)
    if not choices:
        return Text("SLA alignment")
    if not weaker:
        return Text(f"SLA alignment: {len(choices)} SLA(s) aligned")
    return Text(f"SLA alignment: {weaker} of {len(choices)} SLAs weaker")


SLA_COLUMNS: list[Column[SlaChoice]] = [
    Column("sla", "SLA", lambda c: c.sla_id, width=8),
    Column("title", "Customer SLA", lambda c: c.title, width=16, flex=1),
    Column("status", "Status", lambda c: c.status, width=11),
    Column("alignment", "Alignment", alignment_word, width=14, sort_key=lambda c: -c.weaker),
]


def cell_text(cell: AlignmentCell, column: AlignmentColumn, index: int) -> Text:
    """A value with its judgement: ``✖ 99.5`` (weaker), ``◇ 99.5`` (weaker, accepted),
    ``● 99.95``, ``—`` not stated."""
    if cell.value is None:
        return Text("—", style="dim")
    value = format_value(cell.value)
    if index == 0 or cell.state is CellState.SLA:
        return Text(value, style="bold")
    if not column.listed:
        return Text(value, style="dim")
    if cell.state is CellState.WEAKER:
        return Text(f"✖ {value}", style=WEAKER_STYLE)
    if cell.state is CellState.ACCEPTED:
        return Text(f"◇ {value}", style=ACCEPTED_STYLE)
    return Text(f"● {value}", style=ALIGNED_STYLE)


def _kind_word(kind: AgreementKind, width: int) -> str:
    """The kind's words when they fit under the id (``contract``), else its short form."""
    return kind.label if len(kind.label) <= width else kind.short


def header_text(column: AlignmentColumn) -> Text:
    """Two lines: the id, then the kind (in parentheses for context columns)."""
    kind = "missing" if column.kind is None else _kind_word(column.kind, len(column.agreement_id))
    if not column.listed:
        return Text(f"{column.agreement_id}\n({kind})", style="dim italic")
    return Text(f"{column.agreement_id}\n{kind}")


def _column_width(matrix: AlignmentMatrix, index: int) -> int:
    column = matrix.columns[index]
    cells = [cell_text(row.cells[index], column, index).cell_len for row in matrix.rows]
    return max([header_text(column).cell_len // 2 + 1, len(column.agreement_id), *cells])


def visible_columns(matrix: AlignmentMatrix, first: int, width: int) -> list[int]:
    """Column indices (after the SLA's) that fit in ``width`` cells from ``first`` on."""
    label = min(LABEL_WIDTH, max([6, *(Text(r.label).cell_len for r in matrix.rows)]))
    used = label + 2 + _column_width(matrix, 0) + 2
    shown: list[int] = []
    for index in range(max(1, first), len(matrix.columns)):
        needed = _column_width(matrix, index) + 2
        if shown and used + needed > width:
            break
        shown.append(index)
        used += needed
    return shown


def legend_lines(matrix: AlignmentMatrix, data: DataSet) -> list[Text]:
    """What the marks mean, then one line per column naming the agreement."""
    key = Text.assemble(
        ("✖ weaker", WEAKER_STYLE),
        " than the SLA  ",
        ("● as strict", ALIGNED_STYLE),
        " or stricter  ",
        ("◇ accepted", ACCEPTED_STYLE),
        " deviation  ",
        ("—", "dim"),
        " not stated  ",
        ("(kind)", "dim italic"),
        " context: same service, not listed, not judged",
    )
    lines = [key]
    for column in matrix.columns:
        line = Text(overflow="ellipsis")
        line.append(f"{column.agreement_id:<9}", style="bold")
        agreement = data.get_as(Agreement, column.agreement_id)
        if column.kind is None or agreement is None:
            line.append("listed under the SLA, but no such agreement exists")
        else:
            role = (
                "the SLA"
                if column is matrix.columns[0]
                else ("listed" if column.listed else "context")
            )
            line.append(f"{column.kind.label}, {role}, {agreement.status.value}: ")
            line.append(agreement.heading)
        lines.append(line)
    return lines


class AlignmentGrid(Widget, can_focus=True):
    """One SLA's matrix: target names and the SLA column fixed, ← → page the others."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "columns(-1)", "Earlier columns", show=False, id="compliance.columns_left"),
        Binding("right", "columns(1)", "Later columns", show=False, id="compliance.columns_right"),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.matrix: AlignmentMatrix | None = None
        self.data = DataSet()
        self.first = 1

    def show(self, matrix: AlignmentMatrix | None, data: DataSet) -> None:
        """Show ``matrix`` (None: nothing chosen); a new SLA starts at its first column."""
        if matrix is None or self.matrix is None or matrix.sla_id != self.matrix.sla_id:
            self.first = 1
        self.matrix = matrix
        self.data = data
        self.refresh(layout=True)

    def shown_columns(self) -> list[int]:
        """Indices of the columns on screen now (0, the SLA, is always first)."""
        if self.matrix is None:
            return []
        return [0, *visible_columns(self.matrix, self.first, self._width())]

    def _width(self) -> int:
        return self.size.width or 80

    def action_columns(self, step: int) -> None:
        matrix = self.matrix
        if matrix is None:
            return
        self.first = max(1, min(self._last_first(), self.first + step))
        self.refresh(layout=True)

    def _last_first(self) -> int:
        """The first column of the last page: the page that ends with the last column."""
        assert self.matrix is not None
        last = len(self.matrix.columns) - 1
        first = last
        while first > 1 and last in visible_columns(self.matrix, first - 1, self._width()):
            first -= 1
        return max(1, first)

    def render(self) -> RenderableType:
        matrix = self.matrix
        if matrix is None:
            return Text("No customer SLA to show: add one on the Agreements screen (4).")
        if not matrix.rows:
            return Group(
                Text(f"{matrix.sla_id} states no targets to compare."),
                *legend_lines(matrix, self.data),
            )
        return Group(
            self._position_line(),
            self._table(),
            *legend_lines(matrix, self.data),
        )

    def _position_line(self) -> Text:
        assert self.matrix is not None
        others = len(self.matrix.columns) - 1
        shown = self.shown_columns()[1:]
        if not others:
            return Text("No agreement underpins this SLA.", style="italic")
        if len(shown) >= others:
            return Text(f"{others} underpinning or context agreement(s)", style="dim")
        return Text(
            f"Agreements {shown[0]}-{shown[-1]} of {others} · ← → show the others", style="dim"
        )

    def _table(self) -> Table:
        matrix = self.matrix
        assert matrix is not None
        table = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            expand=False,
            padding=(0, 1),
        )
        table.add_column(Text("Target"), max_width=LABEL_WIDTH, overflow="fold")
        indices = self.shown_columns()
        for index in indices:
            table.add_column(header_text(matrix.columns[index]), justify="right", no_wrap=True)
        for row in matrix.rows:
            cells = [cell_text(row.cells[i], matrix.columns[i], i) for i in indices]
            table.add_row(Text(row.label), *cells)
        return table
