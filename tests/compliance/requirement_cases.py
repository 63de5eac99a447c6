"""One case per checker rule: a requirement of the standard, violated alone in a copy of the demo.

Each case names the clause, the requirement (short, in the standard's words), the rule ids
that check it, a one-line description of the violation, and ``mutate``: a function that
takes a copy of the demo data set (``demo()``, dated at ``TODAY``) and breaks that one
requirement. ``run_case`` runs the checker on the demo and on the mutated copy and keeps the
findings that are new: the requirement is caught when a case rule reports a new finding
naming the record the case changed (``names``).

A violation that necessarily breaks another requirement too (retiring an SLA leaves its
services without one) lists those rules in ``also`` with the reason in ``not_alone``; any
other rule that reacts is a failure of the case, so a case proves one requirement at a time.
``test_requirement_coverage`` runs every case; ``python -m tests.compliance.requirement_table``
prints them as a Markdown table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.findings import Finding, clause_key, sort_findings
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement, PriorityTimes
from itsms_tui.domain.audit_chain import ChainBreak, ChainHead, ChainVerdict
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    ActionStatus,
    AgreementStatus,
    ChangeStatus,
    DisputeStatus,
    SupplierStatus,
)
from itsms_tui.domain.kpis import Measurement
from itsms_tui.domain.suppliers import Supplier
from tests.compliance.builders import changed, edit, without

TODAY = date(2026, 3, 2)
"""The day the demo is checked on (as in ``test_demo_findings``); its dates move with it."""

Mutation = Callable[[DataSet], DataSet]

INTACT_TRAIL = ChainVerdict(1200, 0, ChainHead(1200, "a" * 64))
"""The audit chain verdict both runs get, unless a case breaks it."""


@dataclass(frozen=True, slots=True)
class RequirementCase:
    """A requirement, the rules that check it, and a change to the demo that violates it."""

    clause: str
    requirement: str
    rules: tuple[str, ...]
    violation: str
    mutate: Mutation
    names: str
    """The record the new finding must name (in its record ids): the one the case changed."""
    also: tuple[str, ...] = ()
    """Other rules the violation necessarily triggers too."""
    not_alone: str = ""
    """Why the requirement cannot be violated alone (when ``also`` is not empty)."""
    trail: ChainVerdict | None = None
    """The audit chain verdict of the mutated run (for audit-trail rules)."""
    xfail: str = ""
    """Why the checker does not catch this violation (a known gap), when it does not."""
    variant: str = ""
    """Tells apart a second case of the same rule (another part of its requirement)."""

    @property
    def id(self) -> str:
        rules = "+".join(self.rules)
        return f"{rules}:{self.variant}" if self.variant else rules


@dataclass(frozen=True, slots=True)
class Demo:
    """The demo data set, its settings and the findings the checker reports on it."""

    data: DataSet
    settings: CheckSettings
    findings: tuple[Finding, ...]

    def reported(self, finding: Finding) -> bool:
        """The demo has this finding already, or one of the same rule and severity about
        the same record that names at least the same records (a mutation that narrows a
        finding, e.g. one SLA fewer in an "underpins nothing" list, reports nothing new)."""
        return any(
            f.rule == finding.rule
            and f.severity is finding.severity
            and f.record_id == finding.record_id
            and (f == finding or set(finding.record_ids) < set(f.record_ids))
            for f in self.findings
        )


@cache
def demo() -> Demo:
    """The demo, loaded and checked once per process (cases copy its data set)."""
    from itsms_tui.snapshot.demo import load_demo_snapshot

    snapshot = load_demo_snapshot(TODAY)
    settings = CheckSettings.from_saved(snapshot.settings)
    found = run_checks(snapshot.dataset, settings, TODAY, trail=INTACT_TRAIL)
    return Demo(snapshot.dataset, settings, tuple(found))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the checker reported on the mutated copy that it did not on the demo."""

    case: RequirementCase
    new: tuple[Finding, ...]

    @property
    def caught(self) -> bool:
        """Every rule of the case has a new finding naming the changed record."""
        return all(
            any(f.rule == rule and self.case.names in f.record_ids for f in self.new)
            for rule in self.case.rules
        )

    @property
    def other_rules(self) -> tuple[str, ...]:
        """Rules outside the case (and its ``also``) with a new finding."""
        expected = {*self.case.rules, *self.case.also}
        return tuple(sorted({f.rule for f in self.new} - expected))


def run_case(case: RequirementCase) -> Outcome:
    """Run the checker on a copy of the demo mutated by ``case``; keep the new findings."""
    base = demo()
    data = case.mutate(DataSet(base.data))
    trail = case.trail or INTACT_TRAIL
    found = run_checks(data, base.settings, TODAY, trail=trail)
    return Outcome(case, tuple(f for f in sort_findings(found) if not base.reported(f)))


# -- mutation helpers ------------------------------------------------------------------------


def _days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def _drop_measurements_since(kpi_id: str, since: date) -> Mutation:
    """Delete the KPI's measurements on or after ``since``: it stops being measured."""

    def mutate(data: DataSet) -> DataSet:
        recent = [
            m.id for m in data.all(Measurement) if m.kpi_id == kpi_id and m.measured_on >= since
        ]
        assert recent, kpi_id
        return without(data, *recent)

    return mutate


def _drop_kpi(kpi_id: str) -> Mutation:
    """Delete a KPI with its measurements."""

    def mutate(data: DataSet) -> DataSet:
        readings = [m.id for m in data.all(Measurement) if m.kpi_id == kpi_id]
        return without(data, kpi_id, *readings)

    return mutate


def _set_latest_measurement(kpi_id: str, value: float) -> Mutation:
    def mutate(data: DataSet) -> DataSet:
        readings = [m for m in data.all(Measurement) if m.kpi_id == kpi_id]
        latest = max(readings, key=lambda m: (m.measured_on, m.created_at, m.id))
        data.add(changed(latest, value=value))
        return data

    return mutate


def _new_internal_supplier(data: DataSet) -> DataSet:
    """A copy of the network team as a new internal team, approved, with no OLA."""
    network = data.get_as(Supplier, "SUP-0008")
    assert network is not None
    team = changed(
        network,
        id="SUP-0099",
        name="Desktop Engineering Team",
        category="Internal desktop team",
        services_provided=["Laptop builds and imaging"],
        status=SupplierStatus.APPROVED,
        approved_on=_days_ago(10),
    )
    data.add(team)
    return data


def _weaker_target(agreement_id: str, metric: str, target: float) -> Mutation:
    def mutate(data: DataSet) -> DataSet:
        agreement = data.get_as(Agreement, agreement_id)
        assert agreement is not None
        targets = [
            t.model_copy(update={"target": target}) if t.metric == metric else t
            for t in agreement.targets
        ]
        assert targets != agreement.targets, (agreement_id, metric)
        return edit(data, agreement_id, targets=[t.model_dump() for t in targets])

    return mutate


def _slower_resolution(agreement_id: str, priority: str, minutes: int) -> Mutation:
    def mutate(data: DataSet) -> DataSet:
        agreement = data.get_as(Agreement, agreement_id)
        assert agreement is not None
        times: list[PriorityTimes] = [
            p.model_copy(update={"resolution_minutes": minutes}) if p.priority == priority else p
            for p in agreement.priority_times
        ]
        return edit(data, agreement_id, priority_times=[p.model_dump() for p in times])

    return mutate


def _without_service(sla_id: str, service_id: str) -> Mutation:
    def mutate(data: DataSet) -> DataSet:
        sla = data.get_as(Agreement, sla_id)
        assert sla is not None and service_id in sla.service_ids
        return edit(data, sla_id, service_ids=[s for s in sla.service_ids if s != service_id])

    return mutate


def _not_underpinned_by(sla_id: str, agreement_id: str) -> Mutation:
    def mutate(data: DataSet) -> DataSet:
        sla = data.get_as(Agreement, sla_id)
        assert sla is not None and agreement_id in sla.underpinning_ids
        kept = [a for a in sla.underpinning_ids if a != agreement_id]
        return edit(data, sla_id, underpinning_ids=kept)

    return mutate


def _deviation_review_passed(sla_id: str) -> Mutation:
    def mutate(data: DataSet) -> DataSet:
        sla = data.get_as(Agreement, sla_id)
        assert sla is not None
        deviations = [
            d.model_copy(update={"review_on": _days_ago(10)}) if d.review_on else d
            for d in sla.accepted_deviations
        ]
        return edit(data, sla_id, accepted_deviations=[d.model_dump() for d in deviations])

    return mutate


# -- the cases ---------------------------------------------------------------------------------

C = RequirementCase

CASES: tuple[RequirementCase, ...] = (
    # 8.1 operational planning and control
    C(
        "8.1",
        "Processes are planned and controlled, each with a person accountable for it",
        ("PRC-OWNER",),
        "PRC-0003 Incident management loses its owner",
        lambda d: edit(d, "PRC-0003", owner=None),
        "PRC-0003",
    ),
    C(
        "8.1",
        "Criteria for the processes are established",
        ("PRC-CRITERIA",),
        "PRC-0003 Incident management states no performance criteria",
        lambda d: edit(d, "PRC-0003", performance_criteria=[]),
        "PRC-0003",
    ),
    C(
        "8.1",
        "Processes operated by other parties are controlled (8.2.3.2)",
        ("PRC-OUTSOURCED",),
        "ACT-0001, outsourced to HelpPoint, names no agreement covering it",
        lambda d: edit(d, "ACT-0001", agreement_id=None),
        "ACT-0001",
    ),
    C(
        "8.1",
        "Processes operated by other parties are controlled (8.2.3.2)",
        ("PRC-OUTSOURCED",),
        "HelpPoint SUP-0004 set to exited while it still runs out-of-hours logging ACT-0001",
        lambda d: edit(d, "SUP-0004", status=SupplierStatus.EXITED),
        "ACT-0001",
        variant="exited",
        also=("AGR-EXITED",),
        not_alone="HelpPoint's contract AGR-0004 stays active, which an exited supplier "
        "cannot have",
    ),
    C(
        "8.1",
        "Processes are implemented and controlled in accordance with their criteria",
        ("PRC-CONTROLLED",),
        "PRC-0003 Incident management states no controls",
        lambda d: edit(d, "PRC-0003", controls=[]),
        "PRC-0003",
    ),
    C(
        "8.1",
        "Objectives state who is responsible, when complete, how results are evaluated (6.2.2)",
        ("OBJ-DEFINED",),
        "OBJ-0001 99.9 % availability loses how its results are evaluated",
        lambda d: edit(d, "OBJ-0001", evaluation=""),
        "OBJ-0001",
    ),
    C(
        "8.1",
        "Objectives are measurable and monitored (6.2.1)",
        ("OBJ-KPI",),
        "KPI-0001, the only KPI on OBJ-0001, deleted with its measurements",
        _drop_kpi("KPI-0001"),
        "OBJ-0001",
    ),
    C(
        "8.1",
        "Plans to achieve objectives state what resources are required (6.2.2)",
        ("OBJ-RESOURCES",),
        "OBJ-0001 states no resources",
        lambda d: edit(d, "OBJ-0001", resources=[]),
        "OBJ-0001",
    ),
    C(
        "8.1",
        "Plans to achieve objectives state when they will be completed (6.2.2)",
        ("OBJ-OVERDUE",),
        "OBJ-0001, still on track, was due 10 days ago",
        lambda d: edit(d, "OBJ-0001", due_date=_days_ago(10)),
        "OBJ-0001",
    ),
    C(
        "8.1",
        "Planned activities have responsibilities and timescales (8.1 planning)",
        ("ACT-DEFINED",),
        "ACT-0002 Major incident review names no responsible party",
        lambda d: edit(d, "ACT-0002", responsible=None),
        "ACT-0002",
    ),
    C(
        "8.1",
        "Planned activities are carried out as planned",
        ("ACT-OVERDUE",),
        "ACT-0002, in progress, was due 5 days ago",
        lambda d: edit(d, "ACT-0002", due_date=_days_ago(5)),
        "ACT-0002",
    ),
    C(
        "8.1",
        "Human, technical and financial resources needed are determined and available (7.1)",
        ("RES-CAPACITY",),
        "RES-0001 Service desk analysts' capacity cut from 14 to 2 FTE",
        lambda d: edit(d, "RES-0001", capacity=2.0),
        "RES-0001",
    ),
    # 8.5.1 control of changes (reported under 8.1)
    C(
        "8.1",
        "Change requests are approved before they are implemented (8.5.1.3)",
        ("CHG-APPROVAL",),
        "CHG-0006 ITSM upgrade, implemented, has its approval removed",
        lambda d: edit(d, "CHG-0006", approver=None, approved_on=None),
        "CHG-0006",
    ),
    C(
        "8.1",
        "Emergency changes are reviewed after implementation (8.5.1.3)",
        ("CHG-EMERGENCY-REVIEW",),
        "CHG-0011 VPN patch implemented 19 days ago, still not reviewed",
        lambda d: edit(
            d,
            "CHG-0011",
            requested_on=_days_ago(20),
            approved_on=_days_ago(20),
            implemented_on=_days_ago(19),
        ),
        "CHG-0011",
    ),
    C(
        "8.1",
        "Changes made outside the process are reviewed (8.5.1.3)",
        ("CHG-UNPLANNED-REVIEW",),
        "CHG-0013 carrier re-route happened 20 days ago, still not reviewed",
        lambda d: edit(d, "CHG-0013", requested_on=_days_ago(20), implemented_on=_days_ago(20)),
        "CHG-0013",
    ),
    C(
        "8.1",
        "The success of changes is reviewed after implementation (8.5.1.3)",
        ("CHG-PIR",),
        "CHG-0007 retention change's post-implementation review deleted",
        lambda d: edit(
            d, "CHG-0007", status=ChangeStatus.IMPLEMENTED, reviewed_on=None, review_notes=""
        ),
        "CHG-0007",
    ),
    C(
        "8.1",
        "Records of changes are complete (7.5.3 evidence)",
        ("CHG-HISTORY",),
        "CHG-0004, approved, imported as history without its impact assessment",
        lambda d: edit(d, "CHG-0004", imported_history=True, impact_assessment=""),
        "CHG-0004",
    ),
    C(
        "8.1",
        "Authorities for decisions are kept apart: no one approves their own change (5.3)",
        ("SOD-CHANGE",),
        "CHG-0006 approved by its own requester",
        lambda d: edit(d, "CHG-0006", approver="PER-0008"),
        "CHG-0006",
    ),
    C(
        "8.1",
        "Exceptions to the separation of duties are visible to the auditor (5.3)",
        ("SOD-OVERRIDE",),
        "CHG-0006 approved by its own requester, with an administrator's override",
        lambda d: edit(d, "CHG-0006", approver="PER-0008", sod_override="Only approver available"),
        "CHG-0006",
    ),
    # 6.1 risks
    C(
        "6.1",
        "Risks are assigned an owner who is accountable for them (6.1.2)",
        ("RSK-OWNER",),
        "RSK-0003 out-of-hours desk risk (score 12) loses its owner",
        lambda d: edit(d, "RSK-0003", owner=None),
        "RSK-0003",
    ),
    C(
        "6.1",
        "Risks are accepted against the criteria for accepting risks (6.1.2 b)",
        ("RSK-TREATMENT",),
        "RSK-0007, accepted, has its residual impact raised to 4 (residual score 12 > 9)",
        lambda d: edit(d, "RSK-0007", residual_impact=4),
        "RSK-0007",
    ),
    C(
        "6.1",
        "Risks related to the organisation, to not meeting the service requirements and to "
        "the involvement of other parties are determined (6.1.1)",
        ("RSK-AREAS",),
        "Every open risk about the organisation deleted (RSK-0002, -0006, -0008, -0017, -0018); "
        "the finding is about the register (named by its first risk, RSK-0001)",
        lambda d: without(d, "RSK-0002", "RSK-0006", "RSK-0008", "RSK-0017", "RSK-0018"),
        "RSK-0001",
    ),
    C(
        "6.1",
        "The impact on customers of risks is determined (6.1.2 c)",
        ("RSK-DEFINED",),
        "RSK-0009 states no impact on customers",
        lambda d: edit(d, "RSK-0009", customer_impact=""),
        "RSK-0009",
    ),
    C(
        "6.1",
        "The effectiveness of actions taken on risks is evaluated (6.1.3)",
        ("RSK-REVIEW",),
        "RSK-0009's review was due 3 days ago",
        lambda d: edit(d, "RSK-0009", review_date=_days_ago(3)),
        "RSK-0009",
    ),
    C(
        "6.1",
        "The effectiveness of actions taken on risks is evaluated (6.1.3)",
        ("RSK-REVIEW",),
        "RSK-0009 reviewed 5 days ago without evaluating its treatment's effectiveness",
        lambda d: edit(d, "RSK-0009", reviewed_on=_days_ago(5), effectiveness=""),
        "RSK-0009",
        variant="effectiveness",
    ),
    # 8.3.2 business relationship management
    C(
        "8.3.2",
        "Customer satisfaction is measured at planned intervals",
        ("CUS-SATISFACTION",),
        "Harrowby's two latest satisfaction results (SAT-0007, SAT-0010) deleted",
        lambda d: without(d, "SAT-0007", "SAT-0010"),
        "CUS-0001",
    ),
    C(
        "8.3.2",
        "Results of satisfaction measurement are analysed and acted on",
        ("SAT-ACTION",),
        "SAT-0011 Calder's latest score lowered to 2.5 of 5, no action",
        lambda d: edit(d, "SAT-0011", score=2.5),
        "SAT-0011",
    ),
    C(
        "8.3.2",
        "Results of satisfaction measurement are analysed",
        ("SAT-ACTION",),
        "SAT-0011 Calder's latest result loses its analysis",
        lambda d: edit(d, "SAT-0011", analysis=""),
        "SAT-0011",
        variant="analysis",
    ),
    C(
        "8.3.2",
        "Designated individuals manage the relationship with each customer",
        ("CUS-MANAGER",),
        "Calder CUS-0002 loses its relationship manager",
        lambda d: edit(d, "CUS-0002", relationship_manager=None),
        "CUS-0002",
    ),
    C(
        "8.3.2",
        "Service complaints are investigated, acted upon and closed",
        ("CMP-OVERDUE",),
        "CMP-0002 (high) received 20 days ago, past its 10-day target",
        lambda d: edit(d, "CMP-0002", received_on=_days_ago(20), escalated_on=_days_ago(19)),
        "CMP-0002",
    ),
    C(
        "8.3.2",
        "A complaint not resolved through the normal channels is escalated",
        ("CMP-ESCALATE",),
        "CMP-0002 (high, investigating) loses its escalation",
        lambda d: edit(d, "CMP-0002", escalated_to=None, escalated_on=None),
        "CMP-0002",
    ),
    C(
        "8.3.2",
        "Service reviews with the customer are held at planned intervals",
        ("CUS-REVIEW",),
        "Harrowby's service reviews (CRV-0001, CRV-0002) deleted",
        lambda d: without(d, "CRV-0001", "CRV-0002"),
        "CUS-0001",
        also=("KPI-OVER-LIMIT",),
        not_alone="the August review is what answered Harrowby's June workload excess "
        "(KPI-0031), so deleting the reviews leaves that excess unanswered",
    ),
    C(
        "8.3.2",
        "Service reviews with the customer record their outcomes",
        ("CUS-REVIEW",),
        "CRV-0002, Harrowby's latest service review, loses its outcomes",
        lambda d: edit(d, "CRV-0002", outcomes=""),
        "CRV-0002",
        variant="outcomes",
    ),
    # 8.3.3 service level management
    C(
        "8.3.3",
        "One or more SLAs are agreed with the customer for each service delivered",
        ("SVC-SLA",),
        "Harrowby's SLA AGR-0014 no longer commits to SVC-0006 Security Monitoring",
        _without_service("AGR-0014", "SVC-0006"),
        "SVC-0006",
    ),
    C(
        "8.3.3",
        "Performance against service level targets is reported at planned intervals",
        ("SLA-KPI",),
        "KPI-0022, the only performance KPI on Calder's SLA AGR-0015, deleted with its readings",
        _drop_kpi("KPI-0022"),
        "AGR-0015",
    ),
    C(
        "8.3.3",
        "Workload is measured and reported against the SLA's workload limits",
        ("SLA-WORKLOAD",),
        "Calder's workload KPIs on AGR-0015 (KPI-0034, KPI-0035) deleted with their readings",
        lambda d: _drop_kpi("KPI-0035")(_drop_kpi("KPI-0034")(d)),
        "AGR-0015",
    ),
    C(
        "8.3.3",
        "Workload over an SLA's limit is acted on",
        ("KPI-OVER-LIMIT",),
        "Calder's latest new-laptops reading (KPI-0034) raised to 45 against a limit of 40",
        _set_latest_measurement("KPI-0034", 45.0),
        "KPI-0034",
    ),
    C(
        "8.3.3",
        "SLAs state service level targets, workload limits and exceptions",
        ("SLA-CONTENT",),
        "AGR-0014 Harrowby SLA loses its exceptions",
        lambda d: edit(d, "AGR-0014", exceptions=[]),
        "AGR-0014",
    ),
    C(
        "8.3.3",
        "SLAs document the service requirements",
        ("SLA-CONTENT",),
        "AGR-0014 Harrowby SLA loses its documented requirements",
        lambda d: edit(d, "AGR-0014", requirements=[]),
        "AGR-0014",
        variant="requirements",
    ),
    C(
        "8.3.3",
        "SLAs are agreed with the customer: the date it was agreed or signed is recorded",
        ("SLA-CONTENT",),
        "AGR-0014 Harrowby SLA, active, loses its signed date",
        lambda d: edit(d, "AGR-0014", signed_on=None),
        "AGR-0014",
        variant="signed",
    ),
    C(
        "8.3.4.1",
        "Contracts with external suppliers support the SLAs' targets (8.3.4.1 c)",
        ("SLA-ALIGN",),
        "Stratus contract AGR-0001 availability lowered to 99.5 %, under Harrowby's 99.9 %",
        _weaker_target("AGR-0001", "availability", 99.5),
        "AGR-0001",
    ),
    C(
        "8.3.4.2",
        "Agreements with internal suppliers support the SLAs' targets (8.3.4.2)",
        ("SLA-ALIGN-OLA",),
        "Database team OLA AGR-0010: P1 resolution slowed to 300 min (Harrowby SLA: 240)",
        _slower_resolution("AGR-0010", "P1", 300),
        "AGR-0010",
    ),
    C(
        "8.3.3",
        "Each service delivered keeps its SLA: retiring one is a decision, not a gap",
        ("SLA-RETIRED",),
        "Harrowby's SLA AGR-0014 set to expired with no reason recorded",
        lambda d: edit(d, "AGR-0014", status=AgreementStatus.EXPIRED),
        "AGR-0014",
        also=("SVC-SLA",),
        not_alone="an SLA retired without a reason leaves the customer's live services "
        "without an SLA, which SVC-SLA reports for each of them",
    ),
    C(
        "8.3.3",
        "SLAs are reviewed and renewed in time with the customer",
        ("SLA-TERM",),
        "Calder's SLA AGR-0015 renews tacitly and states no notice period",
        lambda d: edit(d, "AGR-0015", notice_days=None),
        "AGR-0015",
    ),
    C(
        "8.3.4.1",
        "Accepted weaker supplier targets are reviewed as risks (8.3.4.1 c, 6.1)",
        ("SLA-DEVIATION",),
        "AGR-0015's accepted deviation for Meridian's AGR-0002 was due for review 10 days ago",
        _deviation_review_passed("AGR-0015"),
        "AGR-0015",
    ),
    C(
        "8.3.4.1",
        "Contracts supporting an SLA are aligned with it (8.3.4.1 c)",
        ("SLA-UNDERPIN",),
        "Sentinel SOC contract AGR-0006 taken off Harrowby's underpinning list",
        _not_underpinned_by("AGR-0014", "AGR-0006"),
        "AGR-0006",
    ),
    C(
        "8.3.4.2",
        "Agreements with internal suppliers supporting an SLA are aligned with it (8.3.4.2)",
        ("SLA-UNDERPIN-OLA",),
        "Database team OLA AGR-0010 taken off Harrowby's underpinning list",
        _not_underpinned_by("AGR-0014", "AGR-0010"),
        "AGR-0010",
    ),
    # 8.3.4 supplier management
    C(
        "8.3.4.1",
        "A contract is in place with each external supplier (8.3.4.1)",
        ("SUP-CONTRACT",),
        "Ledgerline's only contract AGR-0005 set to expired while Ledgerline is active",
        lambda d: edit(d, "AGR-0005", status=AgreementStatus.EXPIRED),
        "SUP-0005",
    ),
    C(
        "8.3.4.2",
        "A documented agreement is in place with each internal supplier (8.3.4.2)",
        ("SUP-OLA",),
        "A new internal team SUP-0099 approved as a supplier with no agreement",
        _new_internal_supplier,
        "SUP-0099",
    ),
    C(
        "8.3.4",
        "A person is responsible for managing the relationship with each supplier",
        ("SUP-OWNER",),
        "SUP-0005 Ledgerline loses its relationship owner",
        lambda d: edit(d, "SUP-0005", relationship_owner=None),
        "SUP-0005",
    ),
    C(
        "8.3.4",
        "Interfaces with the supplier are defined (8.3.4.1 a)",
        ("SUP-INTERFACES",),
        "SUP-0005 Ledgerline's interfaces description removed",
        lambda d: edit(d, "SUP-0005", interfaces=""),
        "SUP-0005",
    ),
    C(
        "8.3.4.1",
        "External suppliers are evaluated and selected (8.3.4.1; 8.2.3 for processes)",
        ("SUP-EVALUATION",),
        "Ledgerline's selecting evaluation EVL-0009 deleted",
        lambda d: without(d, "EVL-0009"),
        "SUP-0005",
    ),
    C(
        "8.3.4",
        "Records of supplier approval are complete (7.5.3 evidence)",
        ("SUP-HISTORY",),
        "SUP-0005 Ledgerline imported as history without its approval date",
        lambda d: edit(d, "SUP-0005", imported_history=True, approved_on=None),
        "SUP-0005",
    ),
    C(
        "8.3.4",
        "Contractual disputes are recorded and managed to closure (8.3.4.1 h)",
        ("DSP-OPEN",),
        "DSP-0003 Felixstowe dispute raised 90 days ago, still in negotiation",
        lambda d: edit(d, "DSP-0003", raised_on=_days_ago(90)),
        "DSP-0003",
    ),
    C(
        "8.3.4",
        "Contractual disputes are managed to closure (8.3.4.1 h)",
        ("DSP-CLOSED",),
        "DSP-0003 closed with no resolution or date",
        lambda d: edit(d, "DSP-0003", status=DisputeStatus.CLOSED),
        "DSP-0003",
    ),
    C(
        "8.3.4.1",
        "The contract states scope, requirements, targets, authorities and responsibilities "
        "(8.3.4.1 b)",
        ("AGR-CONTENT",),
        "Stratus contract AGR-0001 loses its authorities",
        lambda d: edit(d, "AGR-0001", authorities=[]),
        "AGR-0001",
    ),
    C(
        "8.3.4.2",
        "The agreement with an internal supplier states scope, targets and responsibilities "
        "(8.3.4.2)",
        ("AGR-CONTENT-OLA",),
        "Database team OLA AGR-0010 loses its scope",
        lambda d: edit(d, "AGR-0010", scope=""),
        "AGR-0010",
    ),
    C(
        "8.3.4",
        "Contracts are reviewed at planned intervals before they renew (8.3.4.1 f)",
        ("AGR-CANCEL-BY",),
        "Meridian contract AGR-0002 ends a month earlier: cancel-by in 75 days",
        lambda d: edit(d, "AGR-0002", end_date=date(2026, 8, 14)),
        "AGR-0002",
    ),
    C(
        "8.3.4",
        "Contract renewals are decided on a review (8.3.4.1 f)",
        ("AGR-RENEWED",),
        "Ledgerline subscription AGR-0005's notice raised to 120 days: cancel-by passed "
        "40 days ago without a review",
        lambda d: edit(d, "AGR-0005", notice_days=120),
        "AGR-0005",
    ),
    C(
        "8.3.4",
        "Contract terms for renewal and notice are workable (8.3.4.1 b)",
        ("AGR-TERMS",),
        "Sentinel contract AGR-0006 renews tacitly and states no notice period",
        lambda d: edit(d, "AGR-0006", notice_days=None),
        "AGR-0006",
    ),
    C(
        "8.3.4",
        "A contract is in place for each supplier in use (8.3.4.1)",
        ("AGR-EXPIRED",),
        "Harrowby identity contract AGR-0008's term ended 29 days ago; it is still active",
        lambda d: edit(d, "AGR-0008", end_date=_days_ago(29)),
        "AGR-0008",
    ),
    C(
        "8.3.4",
        "A supplier relationship that ended ends its contract (8.3.4.1)",
        ("AGR-EXITED",),
        "HelpPoint SUP-0004 set to exited while its contract AGR-0004 stays active",
        lambda d: edit(d, "SUP-0004", status=SupplierStatus.EXITED),
        "AGR-0004",
        also=("PRC-OUTSOURCED",),
        not_alone="HelpPoint still runs the out-of-hours logging activity ACT-0001, an "
        "outsourced process now run by an exited supplier",
    ),
    C(
        "8.3.4",
        "Changes to contracts are assessed for impact before approval (8.3.4.1 g)",
        ("AMD-IMPACT",),
        "AMD-0001 Stratus DR region amendment loses its impact assessment",
        lambda d: edit(d, "AMD-0001", impact_assessment=""),
        "AMD-0001",
    ),
    C(
        "8.3.4",
        "Changes to contracts are approved before they take effect (8.3.4.1 g)",
        ("AMD-APPROVAL",),
        "AMD-0005 HelpPoint bank-holiday cover, in force, loses its approval",
        lambda d: edit(d, "AMD-0005", approved_by=None),
        "AMD-0005",
    ),
    C(
        "8.3.4.1",
        "Supplier selection is approved by someone other than its evaluator (5.3); "
        "amendments by someone other than their author",
        ("SOD-SUPPLIER",),
        "AMD-0001 approved by its own author",
        lambda d: edit(d, "AMD-0001", author="PER-0002"),
        "AMD-0001",
    ),
    C(
        "8.3.4",
        "Supplier performance is reviewed at planned intervals (8.3.4.1 e)",
        ("SUP-REVIEW",),
        "Ledgerline SUP-0005 to be reviewed quarterly; its last review was 2025-08-14",
        lambda d: edit(d, "SUP-0005", review_interval_months=3),
        "SUP-0005",
    ),
    C(
        "8.3.4",
        "Contracts are reviewed at planned intervals (8.3.4.1 f)",
        ("AGR-REVIEW",),
        "Database team OLA AGR-0010 asks for quarterly reviews; the last was 5 months ago",
        lambda d: edit(d, "AGR-0010", review_interval_months=3),
        "AGR-0010",
    ),
    C(
        "8.3.4",
        "Actions for improvement from reviews are carried out (8.3.4.1 e, 10.2)",
        ("ACN-OVERDUE",),
        "ACN-0002 HelpPoint action was due 10 days ago, still open",
        lambda d: edit(d, "ACN-0002", due_date=_days_ago(10)),
        "ACN-0002",
    ),
    # 9.1 and the KPIs of 8.3.3 / 8.3.4
    C(
        "9.1",
        "What is measured, the methods, and when results are evaluated are determined",
        ("KPI-DEFINED",),
        "KPI-0005 P1 within SLA states no method",
        lambda d: edit(d, "KPI-0005", method=""),
        "KPI-0005",
    ),
    C(
        "9.1",
        "Monitoring and measuring are performed when determined",
        ("KPI-CURRENT",),
        "KPI-0005 (monthly) has no measurement in the last 75 days",
        _drop_measurements_since("KPI-0005", _days_ago(75)),
        "KPI-0005",
    ),
    C(
        "8.3.4",
        "The performance of the supplier is monitored (8.3.4.1 d)",
        ("SUP-KPI",),
        "KPI-0024, the only KPI on Ledgerline or its contract, deleted with its measurements",
        _drop_kpi("KPI-0024"),
        "SUP-0005",
    ),
    C(
        "8.3.4",
        "The performance of the supplier is monitored when determined (8.3.4.1 d)",
        ("SUP-KPI-CURRENT",),
        "KPI-0016 HelpPoint calls answered (weekly) has no measurement in the last 3 weeks",
        _drop_measurements_since("KPI-0016", _days_ago(21)),
        "KPI-0016",
    ),
    C(
        "8.3.3",
        "Actions are taken when service level targets are not met (8.3.3, 10.2)",
        ("KPI-MISSED",),
        "KPI-0015 Meridian availability made green in its latest month; the action on its "
        "earlier misses, ACN-0003, cancelled",
        lambda d: edit(
            _set_latest_measurement("KPI-0015", 99.95)(d),
            "ACN-0003",
            status=ActionStatus.CANCELLED,
        ),
        "KPI-0015",
    ),
    C(
        "8.3.4",
        "Supplier performance against targets is acted on (8.3.4.1 d-e)",
        ("SUP-KPI-RED",),
        "KPI-0014 Stratus availability's latest reading made red (99.0 %)",
        _set_latest_measurement("KPI-0014", 99.0),
        "KPI-0014",
        also=("KPI-MISSED",),
        not_alone="a red supplier KPI is also a missed target; KPI-0014 already had an "
        "unanswered amber miss, which KPI-MISSED now reports at the red reading",
    ),
    C(
        "8.3.4",
        "A supplier still under contract is still monitored (8.3.4.1 d)",
        ("SUP-SUSPENDED",),
        "Docklands SUP-0003 suspended, contract AGR-0003 still active, KPI-0029 not measured "
        "for 75 days",
        lambda d: edit(
            _drop_measurements_since("KPI-0029", _days_ago(75))(d),
            "SUP-0003",
            status=SupplierStatus.SUSPENDED,
        ),
        "SUP-0003",
    ),
    # 7.5.3 control of documented information
    C(
        "7.5.3",
        "Documented information is protected from loss of integrity",
        ("AUD-CHAIN",),
        "The audit trail's entry for AGR-0014 altered after it was written (chain broken)",
        lambda d: d,
        "AGR-0014",
        trail=ChainVerdict(
            1200,
            0,
            ChainHead(1200, "a" * 64),
            ChainBreak(877, "AGR-0014", "changed", "its hash does not match its content"),
        ),
    ),
)


def ordered_cases() -> list[RequirementCase]:
    """The cases in clause order (then as listed): the order of the table."""
    return sorted(CASES, key=lambda c: clause_key(c.clause))
