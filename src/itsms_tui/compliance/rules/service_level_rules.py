"""Clause 8.3.3 service level management, as far as the data allows: every live service
has a customer SLA, SLAs state targets, workload limits and exceptions, and the agreements
underpinning an SLA are at least as strict, target by target (see ``alignment``).

An underpinning agreement usually covers part of an SLA (a carrier states availability and
fault times, not customer satisfaction), so a target it does not state is shown as "not
stated" in the matrix but is not a finding. Only an underpinning agreement that states
none of the SLA's targets is a warning: nothing shows that it supports the SLA.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from itsms_tui.compliance.alignment import (
    AlignmentColumn,
    AlignmentMatrix,
    AlignmentRow,
    alignment_matrices,
    format_value,
)
from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import Check, Evidence, Rule, any_of, missing_list, rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind, AgreementStatus, Direction, ServiceStatus
from itsms_tui.domain.obligations import active_customer_sla, lacks_active_sla

CLAUSE = "8.3.3"

SVC_SLA = Check("SVC-SLA", CLAUSE, Topic.SERVICE_LEVEL)
SLA_CONTENT = Check("SLA-CONTENT", CLAUSE, Topic.SERVICE_LEVEL)
SLA_ALIGN = Check("SLA-ALIGN", CLAUSE, Topic.SLA_ALIGNMENT)


def _live(service: Service) -> bool:
    return service.status is ServiceStatus.LIVE


def service_sla(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for service in data.all(Service):
        if lacks_active_sla(data, service):
            yield SVC_SLA.error(service, "live service has no active customer SLA")


def sla_content(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for sla in data.all(Agreement):
        if not active_customer_sla(sla):
            continue
        missing = missing_list(
            [
                (not sla.targets and not sla.priority_times, "service level targets"),
                (not sla.workload_limits, "workload limits"),
                (not sla.exceptions, "exceptions"),
            ]
        )
        if missing:
            yield SLA_CONTENT.error(sla, f"customer SLA does not state {missing}")


def _gap(row: AlignmentRow, sla_value: float, value: float) -> str:
    unit = f" {row.unit}" if row.unit else ""
    if row.direction is Direction.HIGHER_IS_BETTER:
        word = "below"
    else:
        word = "longer than" if row.unit == "min" else "above"
    return f"{row.name} {format_value(value)}{unit} {word} {format_value(sla_value)}{unit}"


def _column_problem(column: AlignmentColumn) -> str | None:
    if not column.exists:
        return f"underpinning agreement {column.agreement_id} does not exist"
    if column.kind is AgreementKind.CUSTOMER_SLA:
        return f"listed underpinning {column.heading} is a customer SLA, not a supplier agreement"
    if column.status is not AgreementStatus.ACTIVE:
        status = column.status.value if column.status else "unknown"
        return f"underpinning {column.heading} is {status}, not active"
    return None


def _judge(sla: Agreement, matrix: AlignmentMatrix, index: int) -> Finding | None:
    column = matrix.columns[index]
    problem = _column_problem(column)
    if problem is not None:
        return SLA_ALIGN.error(sla, problem, column.agreement_id)
    weaker = [
        _gap(row, row.cells[0].value or 0.0, cell.value)
        for row, cell in matrix.column_cells(index)
        if cell.weaker and cell.value is not None
    ]
    if weaker:
        return SLA_ALIGN.error(
            sla,
            f"underpinning {column.heading} is weaker: {'; '.join(weaker)}",
            column.agreement_id,
        )
    if matrix.rows and len(matrix.not_stated_rows(index)) == len(matrix.rows):
        return SLA_ALIGN.warning(
            sla,
            f"underpinning {column.heading} states none of the SLA's targets: "
            "its alignment cannot be shown",
            column.agreement_id,
        )
    return None


def sla_alignment(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for matrix in alignment_matrices(data, active_only=True):
        sla = data.get_as(Agreement, matrix.sla_id)
        assert sla is not None
        for index, column in enumerate(matrix.columns):
            if index == 0 or not column.listed:
                continue
            found = _judge(sla, matrix, index)
            if found is not None:
                yield found


RULES: tuple[Rule, ...] = (
    rule(
        SVC_SLA,
        "Every live service has a customer SLA",
        "A service in the catalogue with status live is covered by at least one active "
        "customer SLA.",
        service_sla,
        Evidence("live service", any_of(Service, _live), required=True),
    ),
    rule(
        SLA_CONTENT,
        "Customer SLAs state targets, workload limits and exceptions",
        "An active customer SLA states service level targets (or response and resolution "
        "times), workload limits and exceptions.",
        sla_content,
        Evidence("active customer SLA", any_of(Agreement, active_customer_sla), required=True),
    ),
    rule(
        SLA_ALIGN,
        "Underpinning agreements are at least as strict as the SLA",
        "Each agreement an active customer SLA lists as underpinning it is active and, "
        "target by target, not weaker: availability not lower, response and resolution "
        "times not longer, per priority. One that states none of the SLA's targets is a "
        "warning.",
        sla_alignment,
        Evidence("active customer SLA", any_of(Agreement, active_customer_sla)),
    ),
)
