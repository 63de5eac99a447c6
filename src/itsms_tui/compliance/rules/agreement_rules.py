"""Clause 8.3.4 supplier agreements: what they state, their term dates, and amendments.

Term dates come from ``domain.contract_term`` (cancel-by = last day of the term minus the
notice period; on the cancel-by day notice is still possible). Only agreements whose status
is active are checked, except amendments, which are checked unless their agreement is
expired or terminated.

A tacit agreement passes its cancel-by date every term, usually on purpose. AGR-RENEWED is
therefore an error only when the date passed without a contract review in the warning
horizon before it: the agreement renewed by default, with no recorded decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from itsms_tui.compliance.findings import Finding
from itsms_tui.compliance.rules.base import (
    CONTRACTED_SUPPLIER,
    Check,
    Evidence,
    Rule,
    any_of,
    blank,
    days,
    missing_list,
    rule,
)
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.agreements import SUPPLIER_SIDE_KINDS, Agreement, Amendment
from itsms_tui.domain.contract_term import notice_deadline, renewal_term_end, term_dates
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    AgreementKind,
    AgreementStatus,
    Renewal,
    RenewalDecision,
    SupplierStatus,
)
from itsms_tui.domain.suppliers import Supplier, SupplierReview

AGR_CONTENT = Check("AGR-CONTENT", "8.3.4.1", Topic.AGREEMENT_CONTENT)
AGR_CONTENT_OLA = Check("AGR-CONTENT-OLA", "8.3.4.2", Topic.AGREEMENT_CONTENT)
CONTRACT_KINDS = frozenset({AgreementKind.CONTRACT, AgreementKind.UNDERPINNING_CONTRACT})
AGR_CANCEL_BY = Check("AGR-CANCEL-BY", "8.3.4", Topic.CANCEL_BY, dated=True)
AGR_RENEWED = Check("AGR-RENEWED", "8.3.4", Topic.RENEWAL)
AGR_EXPIRED = Check("AGR-EXPIRED", "8.3.4", Topic.EXPIRED)
AGR_EXITED = Check("AGR-EXITED", "8.3.4", Topic.SUPPLIER)
AMD_IMPACT = Check("AMD-IMPACT", "8.3.4", Topic.AMENDMENT)
AGR_TERMS = Check("AGR-TERMS", "8.3.4", Topic.RENEWAL)
AMD_APPROVAL = Check("AMD-APPROVAL", "8.3.4", Topic.AMENDMENT)

KIND_NAMES: dict[AgreementKind, str] = {
    AgreementKind.CONTRACT: "contract",
    AgreementKind.UNDERPINNING_CONTRACT: "underpinning contract",
    AgreementKind.OLA: "OLA",
    AgreementKind.CUSTOMER_SLA: "customer SLA",
}


def _active_supplier_side(data: DataSet) -> Iterator[Agreement]:
    for agreement in data.all(Agreement):
        if agreement.kind in SUPPLIER_SIDE_KINDS and agreement.status is AgreementStatus.ACTIVE:
            yield agreement


def _any_active_supplier_side(data: DataSet) -> bool:
    return next(_active_supplier_side(data), None) is not None


def _content(check: Check, kinds: frozenset[AgreementKind], data: DataSet) -> Iterator[Finding]:
    for agreement in _active_supplier_side(data):
        if agreement.kind not in kinds:
            continue
        missing = missing_list(
            [
                (not agreement.supplier_id, "supplier"),
                (blank(agreement.scope), "scope"),
                (not agreement.requirements, "requirements"),
                (
                    not agreement.targets and not agreement.priority_times,
                    "service level targets",
                ),
                (not agreement.authorities, "authorities"),
                (not agreement.our_responsibilities, "our responsibilities"),
                (not agreement.their_responsibilities, "the supplier's responsibilities"),
            ]
        )
        if missing:
            kind = KIND_NAMES[agreement.kind]
            yield check.error(
                agreement, f"active {kind} does not state {missing}", agreement.supplier_id
            )


def agreement_content(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _content(AGR_CONTENT, CONTRACT_KINDS, data)


def ola_content(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    yield from _content(AGR_CONTENT_OLA, frozenset({AgreementKind.OLA}), data)


def _any_active_of(kinds: frozenset[AgreementKind]) -> Callable[[DataSet], bool]:
    return lambda data: any(a.kind in kinds for a in _active_supplier_side(data))


def _when(days_left: int) -> str:
    if days_left == 0:
        return "is today"
    if days_left > 0:
        return f"is in {days(days_left)}"
    return f"passed {days(-days_left)} ago"


def _decided(agreement: Agreement, cancel_by: date, horizon: timedelta) -> bool:
    """A renewal decision was recorded in the horizon before ``cancel_by`` (or since)."""
    decided = agreement.decided_on
    return (
        agreement.renewal_decision is not RenewalDecision.NONE
        and decided is not None
        and decided >= cancel_by - horizon
    )


def _exit_without_notice(agreement: Agreement, cancel_by: date) -> bool:
    """Exit was decided, and no notice was given by ``cancel_by``."""
    if agreement.renewal_decision is not RenewalDecision.EXIT:
        return False
    given = agreement.notice_given_on
    return given is None or given > cancel_by


def cancel_by_soon(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    horizon = settings.cancel_by_warning_days
    for agreement in _active_supplier_side(data):
        if agreement.renewal is Renewal.NONE:
            continue
        term = term_dates(agreement, today)
        left, cancel_by = term.days_to_cancel_by, term.cancel_by
        if left is None or cancel_by is None or term.expired:
            continue
        in_horizon = 0 <= left <= horizon if agreement.renewal is Renewal.TACIT else left <= horizon
        if not in_horizon:
            continue
        if _decided(agreement, cancel_by, timedelta(days=horizon)):
            if not _exit_without_notice(agreement, cancel_by) or left < 0:
                continue
            yield AGR_CANCEL_BY.warning(
                agreement,
                f"exit decided on {agreement.decided_on}: give notice by {cancel_by} "
                f"({_when(left)[3:] if left > 0 else 'today'})",
                agreement.supplier_id,
                due=cancel_by,
            )
        elif agreement.renewal is Renewal.TACIT:
            yield AGR_CANCEL_BY.warning(
                agreement,
                f"cancel-by date {cancel_by} {_when(left)}: give notice by then or it "
                f"renews for {agreement.renewal_months} months after {term.earliest_end}",
                agreement.supplier_id,
                due=cancel_by,
            )
        else:
            yield AGR_CANCEL_BY.warning(
                agreement,
                f"cancel-by date {cancel_by} {_when(left)}: the term ends {term.term_end} unless "
                "both parties sign a renewal",
                agreement.supplier_id,
                due=cancel_by,
            )


def renewed_by_default(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    horizon = timedelta(days=settings.cancel_by_warning_days)
    for agreement in _active_supplier_side(data):
        if agreement.renewal is not Renewal.TACIT:
            continue
        term = term_dates(agreement, today)
        passed = term.current_term_cancel_by
        if not term.cancel_by_passed_for_current_term or passed is None:
            continue
        renews_on = term.term_end + timedelta(days=1) if term.term_end else None
        if _decided(agreement, passed, horizon):
            if _exit_without_notice(agreement, passed):
                yield AGR_RENEWED.error(
                    agreement,
                    f"exit was decided but no notice was given by {passed}; it renews for "
                    f"{agreement.renewal_months} months on {renews_on}",
                    agreement.supplier_id,
                    due=passed,
                )
            continue
        reviews = data.referring(agreement.id, SupplierReview)
        if any(passed - horizon <= r.held_on <= passed for r in reviews):
            continue
        yield AGR_RENEWED.error(
            agreement,
            f"cancel-by date {passed} passed without a contract review or a recorded "
            f"renewal decision in the {days(horizon.days)} before it; it renews for "
            f"{agreement.renewal_months} months on {renews_on}",
            agreement.supplier_id,
            due=passed,
        )


def term_problem(agreement: Agreement) -> str | None:
    """Why the renewal and notice terms cannot work, or None when they can."""
    notice = agreement.notice_days
    if agreement.renewal is Renewal.TACIT and notice is None:
        return "renews tacitly but states no notice period: no cancel-by date can be known"
    end = agreement.end_date
    if notice is None or end is None or agreement.renewal is Renewal.NONE:
        return None
    stated = f"{notice} {agreement.notice_unit.value}"
    if agreement.renewal is Renewal.TACIT and agreement.renewal_months:
        try:
            next_end = renewal_term_end(end, agreement.renewal_months, 1)
        except OverflowError:
            return None
        deadline = notice_deadline(agreement, next_end)
        if deadline is not None and deadline < end:
            return (
                f"notice period of {stated} is longer than its "
                f"{agreement.renewal_months}-month renewal term"
            )
        return None
    start = agreement.start_date
    deadline = notice_deadline(agreement, end)
    if start is not None and deadline is not None and deadline < start:
        return f"notice period of {stated} is longer than its term ({start} to {end})"
    return None


def agreement_terms(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for agreement in _active_supplier_side(data):
        problem = term_problem(agreement)
        if problem is not None:
            yield AGR_TERMS.error(agreement, problem, agreement.supplier_id)


def expired_in_use(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    for agreement in data.all(Agreement):
        if agreement.status is not AgreementStatus.ACTIVE:
            continue
        term = term_dates(agreement, today)
        if not term.expired:
            continue
        end = term.term_end
        ended = f"term ended {end} ({days((today - end).days)} ago)" if end else "term ended"
        if agreement.kind is AgreementKind.CUSTOMER_SLA:
            yield AGR_EXPIRED.error(
                agreement, f"customer SLA still active but its {ended}", due=end
            )
            continue
        supplier = data.get_as(Supplier, agreement.supplier_id)
        if supplier is not None and supplier.status in CONTRACTED_SUPPLIER:
            yield AGR_EXPIRED.error(
                agreement,
                f"{ended} while {supplier.display} is still {supplier.status.value}: "
                "renew, replace or end the relationship",
                supplier.id,
                due=end,
            )


def exited_in_force(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    """An agreement still active with a supplier that has exited: the relationship ended on
    paper only, and the agreement's KPIs and SLA links drop out of the supplier rules."""
    for agreement in _active_supplier_side(data):
        supplier = data.get_as(Supplier, agreement.supplier_id)
        if supplier is None or supplier.status is not SupplierStatus.EXITED:
            continue
        slas = [
            a.id
            for a in data.referring(agreement.id, Agreement)
            if a.kind is AgreementKind.CUSTOMER_SLA and a.status is AgreementStatus.ACTIVE
        ]
        underpins = f"; it still underpins {', '.join(slas)}" if slas else ""
        yield AGR_EXITED.error(
            agreement,
            f"still active although {supplier.display} has exited{underpins}: end the "
            "agreement with its reason, or correct the supplier's status",
            supplier.id,
            *slas,
        )


def amendment_impact(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    closed = {AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}
    for amendment in data.all(Amendment):
        agreement = data.get_as(Agreement, amendment.agreement_id)
        if agreement is not None and agreement.status in closed:
            continue
        if blank(amendment.impact_assessment):
            yield AMD_IMPACT.error(
                amendment,
                f"amendment to {amendment.agreement_id} has no impact assessment",
                amendment.agreement_id,
            )


def amendment_approval(data: DataSet, settings: CheckSettings, today: date) -> Iterator[Finding]:
    closed = {AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}
    for amendment in data.all(Amendment):
        effective = amendment.effective_on
        if effective is None or effective > today:
            continue
        agreement = data.get_as(Agreement, amendment.agreement_id)
        if agreement is not None and agreement.status in closed:
            continue
        approved = amendment.approved_on
        if blank(amendment.approved_by):
            problem = f"in force since {effective} without a recorded approval"
        elif approved is not None and approved > effective:
            problem = f"in force since {effective}, before its approval on {approved}"
        else:
            continue
        yield AMD_APPROVAL.error(
            amendment,
            f"amendment to {amendment.agreement_id} {problem}",
            amendment.agreement_id,
            due=effective,
        )


RULES: tuple[Rule, ...] = (
    rule(
        AGR_CONTENT,
        "Supplier contracts state what the clause requires",
        "An active contract or underpinning contract with an external supplier names its "
        "supplier and states scope, requirements, service level targets, authorities, and "
        "the responsibilities of both parties.",
        agreement_content,
        Evidence("active contract", _any_active_of(CONTRACT_KINDS), required=True),
    ),
    rule(
        AGR_CONTENT_OLA,
        "OLAs state what the clause requires",
        "An active OLA with an internal supplier or a customer acting as a supplier names "
        "it and states scope, requirements, service level targets, authorities, and the "
        "responsibilities of both parties.",
        ola_content,
        Evidence("active OLA", _any_active_of(frozenset({AgreementKind.OLA}))),
    ),
    rule(
        AGR_CANCEL_BY,
        "Cancel-by dates coming up",
        "An active agreement that renews tacitly has its cancel-by date within the warning "
        "horizon (exactly at the horizon included); one that renews expressly also once "
        "the date has passed, until its term ends. A renewal decision recorded in the "
        "horizon answers it, unless exit was decided and notice is still to be given.",
        cancel_by_soon,
        Evidence("active supplier agreement", _any_active_supplier_side),
    ),
    rule(
        AGR_RENEWED,
        "Tacit renewals are decided, not defaulted",
        "An active agreement that renews tacitly and whose current term's cancel-by date "
        "has passed had a contract review or a recorded renewal decision in the warning "
        "horizon before that date; an exit decision also needs notice given by then.",
        renewed_by_default,
        Evidence("active supplier agreement", _any_active_supplier_side),
    ),
    rule(
        AGR_TERMS,
        "Renewal and notice terms can work",
        "An active supplier agreement that renews tacitly states a notice period, and no "
        "notice period is longer than the term it ends.",
        agreement_terms,
        Evidence("active supplier agreement", _any_active_supplier_side),
    ),
    rule(
        AGR_EXITED,
        "No agreement stays in force with a supplier that has exited",
        "A contract, underpinning contract or OLA still marked active whose supplier has "
        "exited (the agreement is ended, with its reason, when the relationship ends).",
        exited_in_force,
        Evidence("active supplier agreement", lambda d: any(_active_supplier_side(d))),
    ),
    rule(
        AGR_EXPIRED,
        "No agreement in use has expired",
        "An agreement still marked active whose term has ended (no renewal, or express "
        "renewal not signed) while its supplier is approved, active or under review; "
        "customer SLAs always.",
        expired_in_use,
        Evidence(
            "active agreement", any_of(Agreement, lambda a: a.status is AgreementStatus.ACTIVE)
        ),
    ),
    rule(
        AMD_IMPACT,
        "Amendments have an impact assessment",
        "Every amendment to an agreement that is not expired or terminated records its "
        "impact on services, targets, cost and risk.",
        amendment_impact,
        Evidence("amendment", any_of(Amendment)),
    ),
    rule(
        AMD_APPROVAL,
        "Amendments in force were approved",
        "An amendment whose effective date has come, to an agreement that is not expired "
        "or terminated, names who approved it, and was not approved after it took effect.",
        amendment_approval,
        Evidence("amendment", any_of(Amendment)),
    ),
)
