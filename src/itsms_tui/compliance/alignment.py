"""The SLA alignment matrix: a customer SLA's targets beside those of the agreements under it.

Rows are the SLA's own targets, in its order: each service level target (matched by metric
and unit, case and spacing ignored), then response and resolution minutes per priority.
Column 0 is the SLA itself; then each agreement in its ``underpinning_ids`` (``listed``),
in the order listed; then, for context only, the active contracts, underpinning contracts
and OLAs that cover one of the SLA's services but are not listed (``listed=False``). The
SLA-ALIGN rule judges listed columns only: an unlisted agreement on the same service may
serve another purpose (a licence, a maintenance contract), so it is shown, not judged.

A cell is weaker when the underpinning value is worse than the SLA's in the SLA target's
direction (availability lower, times longer); equal is aligned. A weaker cell is accepted
when one of the SLA's accepted deviations covers it and holds (``deviation_problem``). A target the underpinning
agreement does not state (or states in another unit) is "not stated": never weaker, but
alignment is not shown either.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from itsms_tui.domain.agreements import SUPPLIER_SIDE_KINDS, AcceptedDeviation, Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    DeviationBasis,
    Direction,
    Priority,
)
from itsms_tui.domain.people import Person, Role
from itsms_tui.domain.risks import Risk


class CellState(StrEnum):
    """How an underpinning value compares with the SLA's."""

    SLA = "sla"
    """The SLA's own value (column 0)."""
    ALIGNED = "aligned"
    WEAKER = "weaker"
    ACCEPTED = "accepted"
    """Weaker, but an accepted deviation on the SLA covers it (see ``deviation_problem``)."""
    NOT_STATED = "not_stated"


@dataclass(frozen=True, slots=True)
class AlignmentCell:
    value: float | None
    """The stated value; None when not stated."""
    state: CellState

    @property
    def weaker(self) -> bool:
        return self.state is CellState.WEAKER

    @property
    def stated(self) -> bool:
        return self.value is not None


@dataclass(frozen=True, slots=True)
class AlignmentRow:
    key: str
    """Stable key: ``target:<metric>:<unit>`` or ``P1:response`` / ``P1:resolution``."""
    name: str
    """The SLA's metric as written, or ``P1 response`` / ``P1 resolution``."""
    unit: str
    direction: Direction
    cells: tuple[AlignmentCell, ...]
    """One per column; ``cells[0]`` is the SLA's own value."""

    @property
    def label(self) -> str:
        """``Availability (%)``, ``P1 resolution (min)``."""
        return f"{self.name} ({self.unit})" if self.unit else self.name


@dataclass(frozen=True, slots=True)
class AlignmentColumn:
    agreement_id: str
    heading: str
    """``AGR-0007 Hosting UC``, or the bare id when the agreement does not exist."""
    kind: AgreementKind | None
    """None when the id names no agreement."""
    status: AgreementStatus | None
    listed: bool
    """Named in the SLA's ``underpinning_ids`` (column 0, the SLA itself, counts as listed)."""

    @property
    def exists(self) -> bool:
        return self.kind is not None


@dataclass(frozen=True, slots=True)
class AlignmentMatrix:
    sla_id: str
    columns: tuple[AlignmentColumn, ...]
    """``columns[0]`` is the SLA."""
    rows: tuple[AlignmentRow, ...]

    def column_cells(self, index: int) -> list[tuple[AlignmentRow, AlignmentCell]]:
        return [(row, row.cells[index]) for row in self.rows]

    def weaker_rows(self, index: int) -> list[AlignmentRow]:
        """Rows where column ``index`` is weaker than the SLA."""
        return [row for row in self.rows if row.cells[index].weaker]

    def accepted_rows(self, index: int) -> list[AlignmentRow]:
        """Rows where column ``index`` is weaker but covered by an accepted deviation."""
        return [row for row in self.rows if row.cells[index].state is CellState.ACCEPTED]

    def not_stated_rows(self, index: int) -> list[AlignmentRow]:
        """Rows column ``index`` does not state."""
        return [row for row in self.rows if row.cells[index].state is CellState.NOT_STATED]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _target_values(agreement: Agreement | None) -> dict[str, float]:
    """Row key -> value for every target and priority time the agreement states."""
    if agreement is None:
        return {}
    values: dict[str, float] = {}
    for target in agreement.targets:
        values.setdefault(f"target:{_norm(target.metric)}:{_norm(target.unit)}", target.target)
    for times in agreement.priority_times:
        values[f"{times.priority.value}:response"] = float(times.response_minutes)
        values[f"{times.priority.value}:resolution"] = float(times.resolution_minutes)
    return values


def _sla_rows(sla: Agreement) -> list[tuple[str, str, str, Direction, float]]:
    """(key, name, unit, direction, value) for each of the SLA's targets, in order."""
    rows: list[tuple[str, str, str, Direction, float]] = []
    seen: set[str] = set()
    for target in sla.targets:
        key = f"target:{_norm(target.metric)}:{_norm(target.unit)}"
        if key in seen:
            continue
        seen.add(key)
        rows.append((key, target.metric, target.unit, target.direction, target.target))
    for times in sorted(sla.priority_times, key=lambda t: list(Priority).index(t.priority)):
        p = times.priority.value
        rows.append(
            (
                f"{p}:response",
                f"{p} response",
                "min",
                Direction.LOWER_IS_BETTER,
                float(times.response_minutes),
            )
        )
        rows.append(
            (
                f"{p}:resolution",
                f"{p} resolution",
                "min",
                Direction.LOWER_IS_BETTER,
                float(times.resolution_minutes),
            )
        )
    return rows


def _compare(direction: Direction, sla_value: float, value: float | None) -> AlignmentCell:
    if value is None:
        return AlignmentCell(None, CellState.NOT_STATED)
    worse = value < sla_value if direction is Direction.HIGHER_IS_BETTER else value > sla_value
    return AlignmentCell(value, CellState.WEAKER if worse else CellState.ALIGNED)


DEVIATION_AUTHORITY: frozenset[Role] = frozenset({Role.SUPPLIER_MANAGER, Role.ADMINISTRATOR})
"""The roles that may accept a supplier target weaker than the SLA it underpins."""


def deviation_problem(data: DataSet, sla: Agreement, deviation: AcceptedDeviation) -> str | None:
    """Why an accepted deviation does not hold, or None when it does.

    It names who accepted it and when, a person with the authority to (a supplier manager
    or an administrator; an id that names no person is the integrity check's); accepted as a risk, it links a risk that exists and
    has a review date; allowed by an SLA exception, that exception is one of the SLA's.
    """
    if not deviation.accepted_by:
        return "no one is named as accepting it"
    person = data.get_as(Person, deviation.accepted_by)
    if person is not None and not DEVIATION_AUTHORITY & set(person.roles):
        return f"{person.display}, who accepted it, is not a supplier manager or an administrator"
    if deviation.accepted_on is None:
        return "the acceptance is not dated"
    if deviation.basis is DeviationBasis.SLA_EXCEPTION:
        listed = {_norm(e) for e in sla.exceptions}
        if not deviation.exception.strip() or _norm(deviation.exception) not in listed:
            return "its exception is not one of the SLA's exceptions"
        return None
    if deviation.risk_id is None:
        return "no risk is linked"
    if data.get_as(Risk, deviation.risk_id) is None:
        return f"risk {deviation.risk_id} does not exist"
    if deviation.review_on is None:
        return "it has no review date"
    return None


def deviations_for(sla: Agreement, agreement_id: str, row_name: str) -> list[AcceptedDeviation]:
    """The SLA's deviations about ``agreement_id``'s target ``row_name`` (or all its targets)."""
    return [
        d
        for d in sla.accepted_deviations
        if d.agreement_id == agreement_id
        and (not d.metric.strip() or _norm(d.metric) == _norm(row_name))
    ]


def _column(agreement_id: str, agreement: Agreement | None, listed: bool) -> AlignmentColumn:
    if agreement is None:
        return AlignmentColumn(agreement_id, agreement_id, None, None, listed)
    return AlignmentColumn(
        agreement_id, agreement.display, agreement.kind, agreement.status, listed
    )


def _unlisted(data: DataSet, sla: Agreement) -> list[Agreement]:
    """Active supplier-side agreements on one of the SLA's services, not listed under it."""
    listed = set(sla.underpinning_ids)
    found: dict[str, Agreement] = {}
    for service_id in sla.service_ids:
        for other in data.referring(service_id, Agreement):
            if (
                other.id not in listed
                and other.kind in SUPPLIER_SIDE_KINDS
                and other.status is AgreementStatus.ACTIVE
            ):
                found[other.id] = other
    return [found[k] for k in sorted(found)]


def alignment_matrix(data: DataSet, sla: Agreement) -> AlignmentMatrix:
    """The matrix of ``sla`` (any agreement; only a customer SLA lists underpinning ones)."""
    listed_ids = list(dict.fromkeys(sla.underpinning_ids))
    others: list[tuple[str, Agreement | None, bool]] = [
        (i, data.get_as(Agreement, i), True) for i in listed_ids if i != sla.id
    ]
    others += [(a.id, a, False) for a in _unlisted(data, sla)]
    columns = (_column(sla.id, sla, True), *(_column(i, a, lst) for i, a, lst in others))
    values = [_target_values(a) for _, a, _ in others]

    def judged(agreement_id: str, name: str, cell: AlignmentCell) -> AlignmentCell:
        if cell.state is not CellState.WEAKER:
            return cell
        if any(
            deviation_problem(data, sla, d) is None for d in deviations_for(sla, agreement_id, name)
        ):
            return AlignmentCell(cell.value, CellState.ACCEPTED)
        return cell

    rows = tuple(
        AlignmentRow(
            key=key,
            name=name,
            unit=unit,
            direction=direction,
            cells=(
                AlignmentCell(sla_value, CellState.SLA),
                *(
                    judged(i, name, _compare(direction, sla_value, v.get(key)))
                    for (i, _, _), v in zip(others, values, strict=True)
                ),
            ),
        )
        for key, name, unit, direction, sla_value in _sla_rows(sla)
    )
    return AlignmentMatrix(sla_id=sla.id, columns=columns, rows=rows)


def alignment_matrices(data: DataSet, active_only: bool = True) -> list[AlignmentMatrix]:
    """The matrix of every customer SLA (active ones only, unless asked), in id order."""
    return [
        alignment_matrix(data, a)
        for a in data.all(Agreement)
        if a.kind is AgreementKind.CUSTOMER_SLA
        and (not active_only or a.status is AgreementStatus.ACTIVE)
    ]


def format_value(value: float) -> str:
    """``99.9``, ``240``: no trailing ``.0``, no exponent for ordinary figures."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"
