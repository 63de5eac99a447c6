"""Clause 8.3.3 service level management, as far as the data allows: every live service
has a customer SLA, SLAs state targets, workload limits and exceptions, and workload is
measured against those limits by workload KPIs on the SLA (``Kpi.kind``; a reading over a
limit is ``kpi_rules``' KPI-OVER-LIMIT); and the alignment
of supplier targets with the SLAs they underpin (8.3.4.1 c for contracts, 8.3.4.2 for
OLAs): the agreements underpinning an SLA are at least as strict, target by target (see
``alignment``), and an agreement on an SLA's service is listed under it or says why not.

An underpinning agreement usually covers part of an SLA (a carrier states availability and
fault times, not customer satisfaction), so a target it does not state is shown as "not
stated" in the matrix but is not a finding. Only an underpinning agreement that states
none of the SLA's targets is a warning: nothing shows that it supports the SLA.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from itsms_tui.compliance.alignment import (
    AlignmentColumn,
    AlignmentMatrix,
    AlignmentRow,
    alignment_matrices,
    deviation_problem,
    deviations_for,
    format_value,
)
from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.agreement_rules import term_problem
from itsms_tui.compliance.rules.base import Check, Evidence, Rule, any_of, days, missing_list, rule
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.contract_term import term_dates
from itsms_tui.domain.customer_refs import customer_name
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    DeviationBasis,
    Direction,
    Renewal,
    RenewalDecision,
    ServiceStatus,
)
from itsms_tui.domain.kpis import Kpi, is_workload
from itsms_tui.domain.obligations import (
    active_customer_sla,
    lacks_active_sla,
    uncovered_customers,
)

CLAUSE = "8.3.3"

SVC_SLA = Check("SVC-SLA", CLAUSE, Topic.SERVICE_LEVEL)
SLA_CONTENT = Check("SLA-CONTENT", CLAUSE, Topic.SERVICE_LEVEL)
SLA_ALIGN = Check("SLA-ALIGN", "8.3.4.1", Topic.SLA_ALIGNMENT)
SLA_ALIGN_OLA = Check("SLA-ALIGN-OLA", "8.3.4.2", Topic.SLA_ALIGNMENT)
SLA_RETIRED = Check("SLA-RETIRED", CLAUSE, Topic.SERVICE_LEVEL)
SLA_KPI = Check("SLA-KPI", CLAUSE, Topic.SERVICE_LEVEL)
SLA_WORKLOAD = Check("SLA-WORKLOAD", CLAUSE, Topic.WORKLOAD)
SLA_TERM = Check("SLA-TERM", CLAUSE, Topic.RENEWAL, dated=True)
SLA_DEVIATION = Check("SLA-DEVIATION", "8.3.4.1", Topic.SLA_ALIGNMENT)
SLA_UNDERPIN = Check("SLA-UNDERPIN", "8.3.4.1", Topic.SLA_ALIGNMENT)
SLA_UNDERPIN_OLA = Check("SLA-UNDERPIN-OLA", "8.3.4.2", Topic.SLA_ALIGNMENT)

CONTRACT_KINDS = frozenset({AgreementKind.CONTRACT, AgreementKind.UNDERPINNING_CONTRACT})
OLA_KINDS = frozenset({AgreementKind.OLA})
RETIRED = frozenset({AgreementStatus.EXPIRED, AgreementStatus.TERMINATED})


def _live(service: Service) -> bool:
    return service.status is ServiceStatus.LIVE


def service_sla(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for service in data.all(Service):
        uncovered = uncovered_customers(data, service)
        if lacks_active_sla(data, service) and not uncovered:
            yield SVC_SLA.error(service, "live service has no active customer SLA")
        for customer_id in uncovered:
            yield SVC_SLA.error(
                service,
                f"live service has no active customer SLA for its customer "
                f"{_customer(data, customer_id)}",
                customer_id,
            )


def _customer(data: DataSet, customer_id: str) -> str:
    customer = data.get_as(Customer, customer_id)
    return customer.display if customer is not None else customer_id


def sla_content(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for sla in data.all(Agreement):
        if not active_customer_sla(sla):
            continue
        missing = missing_list(
            [
                (not sla.requirements, "service requirements"),
                (not sla.targets and not sla.priority_times, "service level targets"),
                (not sla.workload_limits, "workload limits"),
                (not sla.exceptions, "exceptions"),
                (sla.signed_on is None, "the date it was agreed (signed on)"),
            ]
        )
        if missing:
            yield SLA_CONTENT.error(sla, f"customer SLA does not state {missing}")


def sla_kpi(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for sla in data.all(Agreement):
        if not active_customer_sla(sla) or not (sla.targets or sla.priority_times):
            continue
        if any(not is_workload(k) for k in data.referring(sla.id, Kpi)):
            continue
        yield SLA_KPI.error(
            sla, "states service level targets but no performance KPI reports against them"
        )


def _limits_text(limits: list[str]) -> str:
    shown = "; ".join(limits[:3])
    return shown + (f" and {len(limits) - 3} more" if len(limits) > 3 else "")


def sla_workload(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for sla in data.all(Agreement):
        if not active_customer_sla(sla) or not sla.workload_limits:
            continue
        kpis = [k for k in data.referring(sla.id, Kpi) if is_workload(k)]
        limits = len(sla.workload_limits)
        if not kpis:
            yield SLA_WORKLOAD.error(
                sla,
                f"states workload limits ({_limits_text(sla.workload_limits)}) but no "
                "workload KPI measures them: workload is not measured against its limits",
            )
        elif len(kpis) < limits:
            ids = [k.id for k in kpis]
            kpi_word = "KPI measures" if len(kpis) == 1 else "KPIs measure"
            yield SLA_WORKLOAD.warning(
                sla,
                f"states {limits} workload limits but only {len(kpis)} workload {kpi_word} "
                f"them ({', '.join(ids)}): record a workload KPI for each limit",
                *ids,
            )


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


def _judge(
    check: Check, data: DataSet, sla: Agreement, matrix: AlignmentMatrix, index: int
) -> Finding | None:
    column = matrix.columns[index]
    problem = _column_problem(column)
    if problem is not None:
        return check.error(sla, problem, column.agreement_id)
    weak = [(r, c) for r, c in matrix.column_cells(index) if c.weaker and c.value is not None]
    weaker = [_gap(row, row.cells[0].value or 0.0, cell.value or 0.0) for row, cell in weak]
    if weaker:
        invalid = [
            problem
            for row, _ in weak
            for d in deviations_for(sla, column.agreement_id, row.name)
            if (problem := deviation_problem(data, sla, d)) is not None
        ]
        note = f" (accepted deviation is not valid: {invalid[0]})" if invalid else ""
        return check.error(
            sla,
            f"underpinning {column.heading} is weaker: {'; '.join(weaker)}{note}",
            column.agreement_id,
        )
    if matrix.rows and len(matrix.not_stated_rows(index)) == len(matrix.rows):
        return check.warning(
            sla,
            f"underpinning {column.heading} states none of the SLA's targets: "
            "its alignment cannot be shown",
            column.agreement_id,
        )
    return None


def _alignment(check: Check, ola: bool, data: DataSet) -> Iterator[Finding]:
    """Listed columns of every active SLA: OLAs (``ola``) or everything else."""
    for matrix in alignment_matrices(data, active_only=True):
        sla = data.get_as(Agreement, matrix.sla_id)
        assert sla is not None
        for index, column in enumerate(matrix.columns):
            if index == 0 or not column.listed or (column.kind is AgreementKind.OLA) != ola:
                continue
            found = _judge(check, data, sla, matrix, index)
            if found is not None:
                yield found


def sla_alignment(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _alignment(SLA_ALIGN, False, data)


def ola_alignment(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _alignment(SLA_ALIGN_OLA, True, data)


def _lists(ola: bool) -> Callable[[DataSet], bool]:
    """Some active SLA lists an OLA (``ola``), or anything else, as underpinning it."""

    def present(data: DataSet) -> bool:
        for sla in data.all(Agreement):
            if active_customer_sla(sla):
                for agreement_id in sla.underpinning_ids:
                    other = data.get_as(Agreement, agreement_id)
                    is_ola = other is not None and other.kind is AgreementKind.OLA
                    if is_ola == ola:
                        return True
        return False

    return present


def _decided_since(sla: Agreement, day: date) -> bool:
    decided = sla.decided_on
    return (
        sla.renewal_decision is not RenewalDecision.NONE and decided is not None and decided >= day
    )


def _in(today: date, day: date) -> str:
    left = (day - today).days
    if left == 0:
        return "today"
    return f"in {days(left)}" if left > 0 else f"{days(-left)} ago"


def sla_term(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    horizon = timedelta(days=settings.cancel_by_warning_days)
    for sla in data.all(Agreement):
        if not active_customer_sla(sla):
            continue
        problem = term_problem(sla)
        if problem is not None:
            yield SLA_TERM.error(sla, problem)
            continue
        term = term_dates(sla, today)
        if term.expired or term.term_end is None:
            continue  # expired: AGR-EXPIRED; open-ended: nothing to decide
        decide_by = term.cancel_by if sla.renewal is not Renewal.NONE else term.term_end
        if decide_by is None:
            continue
        if _decided_since(sla, decide_by - horizon):
            continue
        if sla.renewal is not Renewal.NONE and decide_by < today:
            ago = days((today - decide_by).days)
            yield SLA_TERM.error(
                sla,
                f"decision date {decide_by} passed {ago} ago with no renewal decision "
                f"recorded; the term ends {term.term_end}",
                due=decide_by,
            )
        elif decide_by - horizon <= today:
            if sla.renewal is Renewal.NONE:
                what = f"term ends {decide_by} ({_in(today, decide_by)}) and does not renew"
            else:
                what = f"cancel-by date {decide_by} is {_in(today, decide_by)}"
            yield SLA_TERM.warning(
                sla, f"{what}: record the renewal decision with the customer", due=decide_by
            )


def sla_deviation(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for sla in data.all(Agreement):
        if not active_customer_sla(sla):
            continue
        for deviation in sla.accepted_deviations:
            due = deviation.review_on
            if deviation.basis is not DeviationBasis.ACCEPTED or due is None or due >= today:
                continue
            what = deviation.metric or "every target"
            yield SLA_DEVIATION.error(
                sla,
                f"accepted deviation on {what} of {deviation.agreement_id}: its review was "
                f"due {due} ({days((today - due).days)} ago)",
                deviation.agreement_id,
                deviation.risk_id,
                due=due,
            )


def _uncovered_pairs(data: DataSet, sla: Agreement) -> list[str]:
    """The live services of a retired SLA its customer has no other active SLA for."""
    left: list[str] = []
    for service_id in sla.service_ids:
        service = data.get_as(Service, service_id)
        if service is None or service.status is not ServiceStatus.LIVE:
            continue
        others = [
            a
            for a in data.referring(service_id, Agreement)
            if a.id != sla.id and active_customer_sla(a) and a.customer_id == sla.customer_id
        ]
        if not others:
            left.append(service.display)
    return left


def sla_retired(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for sla in data.all(Agreement):
        if sla.kind is not AgreementKind.CUSTOMER_SLA or sla.status not in RETIRED:
            continue
        if sla.end_reason.strip():
            continue
        left = _uncovered_pairs(data, sla)
        if left:
            customer = customer_name(data, sla.customer_id) or "its customer"
            yield SLA_RETIRED.error(
                sla,
                f"{sla.status.value} without a recorded reason, and {customer} has no other "
                f"active SLA for {', '.join(left)}, still live",
            )


def _slas_not_listing(data: DataSet, agreement: Agreement) -> list[Agreement]:
    """Active customer SLAs on one of the agreement's services that do not list it."""
    found: dict[str, Agreement] = {}
    for service_id in agreement.service_ids:
        for sla in data.referring(service_id, Agreement):
            if active_customer_sla(sla) and agreement.id not in sla.underpinning_ids:
                found[sla.id] = sla
    return [found[k] for k in sorted(found)]


def _underpins_nothing(
    check: Check, kinds: frozenset[AgreementKind], data: DataSet
) -> Iterator[Finding]:
    for agreement in data.all(Agreement):
        if agreement.kind not in kinds or agreement.status is not AgreementStatus.ACTIVE:
            continue
        if agreement.not_underpinning_reason.strip():
            continue
        slas = _slas_not_listing(data, agreement)
        if slas:
            listed = ", ".join(s.display for s in slas[:3])
            more = f" and {len(slas) - 3} more" if len(slas) > 3 else ""
            verb = "commits" if len(slas) == 1 else "commit"
            yield check.error(
                agreement,
                f"covers a service {listed}{more} {verb} to without listing it as "
                "underpinning, and no reason is recorded: its targets are not checked "
                "against the SLA",
                *(s.id for s in slas),
            )


def contract_underpinning(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _underpins_nothing(SLA_UNDERPIN, CONTRACT_KINDS, data)


def ola_underpinning(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _underpins_nothing(SLA_UNDERPIN_OLA, OLA_KINDS, data)


def _customer_sla(agreement: Agreement) -> bool:
    return agreement.kind is AgreementKind.CUSTOMER_SLA


def _active_of(kinds: frozenset[AgreementKind]) -> Callable[[Agreement], bool]:
    return lambda a: a.kind in kinds and a.status is AgreementStatus.ACTIVE


RULES: tuple[Rule, ...] = (
    rule(
        SVC_SLA,
        "Every live service has a customer SLA for each of its customers",
        "A service in the catalogue with status live is covered by an active customer SLA, "
        "and each customer it names has an active SLA of their own committing to it.",
        service_sla,
        Evidence("live service", any_of(Service, _live), required=True),
    ),
    rule(
        SLA_CONTENT,
        "Customer SLAs state requirements, targets, limits and exceptions, and are signed",
        "An active customer SLA states the documented service requirements, service level "
        "targets (or response and resolution times), workload limits and exceptions, and "
        "the date it was agreed (signed on).",
        sla_content,
        Evidence("active customer SLA", any_of(Agreement, active_customer_sla), required=True),
    ),
    rule(
        SLA_KPI,
        "SLA performance is reported by KPIs",
        "An active customer SLA that states service level targets (or response and "
        "resolution times) has a performance KPI on it, so performance against the targets "
        "is reported at the KPI's planned interval.",
        sla_kpi,
        Evidence(
            "active customer SLA with targets",
            any_of(
                Agreement,
                lambda a: active_customer_sla(a) and bool(a.targets or a.priority_times),
            ),
        ),
    ),
    rule(
        SLA_WORKLOAD,
        "Workload is measured against the SLA's limits",
        "An active customer SLA that states workload limits has a workload KPI (its target "
        "the limit) for each of them, so workload against the limits is reported at the "
        "KPI's planned interval; none is an error, fewer than the limits a warning.",
        sla_workload,
        Evidence(
            "active customer SLA with workload limits",
            any_of(Agreement, lambda a: active_customer_sla(a) and bool(a.workload_limits)),
        ),
    ),
    rule(
        SLA_ALIGN,
        "Underpinning contracts are at least as strict as the SLA",
        "Each contract or underpinning contract an active customer SLA lists as "
        "underpinning it exists, is active and, target by target, is not weaker: "
        "availability not lower, response and resolution times not longer, per priority. "
        "One that states none of the SLA's targets is a warning.",
        sla_alignment,
        Evidence("SLA underpinned by a contract", _lists(ola=False)),
    ),
    rule(
        SLA_ALIGN_OLA,
        "Underpinning OLAs are at least as strict as the SLA",
        "Each OLA an active customer SLA lists as underpinning it is active and, target by "
        "target, not weaker. One that states none of the SLA's targets is a warning.",
        ola_alignment,
        Evidence("SLA underpinned by an OLA", _lists(ola=True)),
    ),
    rule(
        SLA_RETIRED,
        "A retired SLA leaves no customer without cover",
        "A customer SLA expired or terminated without a recorded reason leaves none of its "
        "live services without another active SLA for the same customer.",
        sla_retired,
        Evidence("customer SLA", any_of(Agreement, _customer_sla)),
    ),
    rule(
        SLA_TERM,
        "Customer SLA terms are decided in time",
        "An active customer SLA states workable renewal and notice terms; its end date "
        "(no renewal) or cancel-by date within the warning horizon is a warning, a passed "
        "cancel-by date with no renewal decision recorded an error.",
        sla_term,
        Evidence("active customer SLA", any_of(Agreement, active_customer_sla)),
    ),
    rule(
        SLA_DEVIATION,
        "Accepted deviations are reviewed",
        "An accepted deviation on an active customer SLA (an underpinning target weaker "
        "than the SLA's, accepted as a risk) is reviewed by its review date.",
        sla_deviation,
        Evidence("active customer SLA", any_of(Agreement, active_customer_sla)),
    ),
    rule(
        SLA_UNDERPIN,
        "Contracts on an SLA's services underpin it",
        "An active contract or underpinning contract covering a service an active customer "
        "SLA commits to is listed as underpinning that SLA, or records why not.",
        contract_underpinning,
        Evidence("active contract", any_of(Agreement, _active_of(CONTRACT_KINDS))),
    ),
    rule(
        SLA_UNDERPIN_OLA,
        "OLAs on an SLA's services underpin it",
        "An active OLA covering a service an active customer SLA commits to is listed as "
        "underpinning that SLA, or records why not.",
        ola_underpinning,
        Evidence("active OLA", any_of(Agreement, _active_of(OLA_KINDS))),
    ),
)
