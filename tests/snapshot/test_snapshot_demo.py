"""The bundled demo: reproducible, valid, rich enough to show every screen, always current."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from itsms_tui.domain.agreements import Agreement, Amendment
from itsms_tui.domain.capacity import resource_loads
from itsms_tui.domain.changes import REQUIRED_FIELDS, ChangeRequest
from itsms_tui.domain.contract_term import term_dates
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    ActionStatus,
    AgreementKind,
    ChangeKind,
    ChangeStatus,
    Criticality,
    Direction,
    DisputeStatus,
    Frequency,
    KpiStatus,
    ObjectiveStatus,
    ProcessCategory,
    SelectionDecision,
    SupplierKind,
)
from itsms_tui.domain.kpi_status import kpi_readings
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.plan import Activity, Objective, Process
from itsms_tui.domain.record import Record
from itsms_tui.domain.review_schedule import supplier_review_statuses
from itsms_tui.domain.risk_rating import RiskBand, rated_band
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.resources import sample_data_path
from itsms_tui.snapshot import load_demo, load_demo_snapshot, load_snapshot
from tests.snapshot.snapshot_helpers import load_module

TODAYS = (date(2026, 11, 25), date(2027, 1, 31), date(2028, 2, 29), date(2031, 12, 31))


@pytest.fixture(scope="module", params=TODAYS, ids=str)
def today(request: pytest.FixtureRequest) -> date:
    day: date = request.param
    return day


@pytest.fixture(scope="module")
def demo(today: date) -> DataSet:
    return load_demo(today)


def test_the_committed_file_is_what_the_generator_writes() -> None:
    builder = load_module("scripts/build_demo_data.py")
    committed = sample_data_path("demo.toml").read_text(encoding="utf-8")
    assert committed == builder.render(), "run: .venv/bin/python -m scripts.build_demo_data"


def test_the_file_is_anchored_on_the_generators_day() -> None:
    builder = load_module("scripts/build_demo_data.py")
    raw = load_snapshot(sample_data_path("demo.toml").read_bytes(), source="demo.toml")
    assert raw.exported_at == builder.EXPORTED_AT


def test_sizes(demo: DataSet) -> None:
    counts = demo.counts()
    assert counts["services"] == 8
    assert counts["suppliers"] >= 12 and counts["agreements"] >= 15
    assert counts["kpis"] >= 20 and counts["risks"] >= 15 and counts["changes"] >= 10
    assert counts["measurements"] >= 12 * 20
    assert all(counts.values()), "every collection has records"


def test_names_are_plausible_not_placeholders(demo: DataSet) -> None:
    names = [r.heading for r in demo]
    assert not [n for n in names if re.fullmatch(r"(Supplier|Agreement|KPI|Risk) \d+", n)]
    assert len(set(s.name for s in demo.all(Supplier))) == len(demo.all(Supplier))


def test_suppliers_cover_every_kind_tier_and_many_states(demo: DataSet) -> None:
    suppliers = demo.all(Supplier)
    assert {s.kind for s in suppliers} == set(SupplierKind)
    assert {s.criticality for s in suppliers} == set(Criticality)
    assert len({s.status for s in suppliers}) >= 5
    assert all(s.category for s in suppliers)
    escalations = [c.escalation_level for s in suppliers for c in s.contacts]
    assert {0, 1, 2} <= set(escalations)
    assert any(s.requirements and s.supplier_responsibilities and s.interfaces for s in suppliers)


def test_evaluations_reviews_actions_and_disputes(demo: DataSet, today: date) -> None:
    evaluations = demo.all(Evaluation)
    assert {e.decision for e in evaluations} >= {
        SelectionDecision.SELECTED,
        SelectionDecision.CONDITIONAL,
        SelectionDecision.PENDING,
        SelectionDecision.REJECTED,
    }
    assert any(len(e.criteria) > 4 for e in evaluations), "a user-defined criterion"
    assert all(r.minutes and r.performance_summary for r in demo.all(SupplierReview))
    actions = demo.all(ImprovementAction)
    open_states = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    assert any(a.status in open_states and a.due_date and a.due_date < today for a in actions)
    assert any(a.status is ActionStatus.DONE and a.completed_on for a in actions)
    disputes = demo.all(Dispute)
    closed = (DisputeStatus.RESOLVED, DisputeStatus.CLOSED)
    assert any(d.status not in closed and (today - d.raised_on).days > 90 for d in disputes)
    assert any(d.status in closed and d.resolved_on for d in disputes)
    overdue = [s for s in supplier_review_statuses(demo, today).values() if s.overdue]
    assert overdue, "a supplier review is overdue"


def test_agreements_cover_kinds_and_term_situations(demo: DataSet, today: date) -> None:
    agreements = demo.all(Agreement)
    assert {a.kind for a in agreements} == set(AgreementKind)
    terms = {a.id: term_dates(a, today) for a in agreements}
    expiring = [
        a
        for a in agreements
        if not terms[a.id].expired
        and terms[a.id].term_end is not None
        and terms[a.id].renewal.value != "tacit"
        and (terms[a.id].term_end - today).days <= 90  # type: ignore[operator]
    ]
    assert len(expiring) >= 2
    assert [
        a.title
        for a in agreements
        if terms[a.id].cancel_by_passed_for_current_term and a.renewal.value == "tacit"
    ] == ["Docklands Colocation - Colocation Services Agreement"]
    slas = [a for a in agreements if a.kind is AgreementKind.CUSTOMER_SLA]
    assert all(a.targets and a.underpinning_ids for a in slas)
    assert any(a.workload_limits and a.exceptions for a in slas)
    amendments = demo.all(Amendment)
    assert any(m.impact_assessment for m in amendments)
    assert any(not m.impact_assessment for m in amendments)


def _weaker(sla: Agreement, uc: Agreement) -> list[str]:
    """Where the underpinning agreement promises less than the SLA (same metric or priority)."""
    found = []
    theirs = {t.metric: t for t in uc.targets}
    for ours in sla.targets:
        other = theirs.get(ours.metric)
        if other and other.direction is ours.direction:
            worse = (
                other.target < ours.target
                if ours.direction is Direction.HIGHER_IS_BETTER
                else other.target > ours.target
            )
            if worse:
                found.append(ours.metric)
    times = {p.priority: p for p in uc.priority_times}
    for ours_p in sla.priority_times:
        other_p = times.get(ours_p.priority)
        if other_p and other_p.resolution_minutes > ours_p.resolution_minutes:
            found.append(f"{ours_p.priority.value} resolution")
    return found


def test_exactly_one_underpinning_contract_is_weaker_than_its_sla(demo: DataSet) -> None:
    weaker = {
        (sla.id, uc_id): _weaker(sla, uc)
        for sla in demo.all(Agreement)
        for uc_id in sla.underpinning_ids
        if (uc := demo.get_as(Agreement, uc_id)) is not None and _weaker(sla, uc)
    }
    underpinning = {uc for _, uc in weaker}
    assert len(underpinning) == 1
    (uc_id,) = underpinning
    uc = demo.get_as(Agreement, uc_id)
    assert uc is not None and uc.kind is AgreementKind.UNDERPINNING_CONTRACT
    assert any({"availability", "P1 resolution"} <= set(found) for found in weaker.values())


def test_kpis_show_every_status_over_a_year_of_measurements(demo: DataSet, today: date) -> None:
    readings = kpi_readings(demo, today)
    statuses = Counter(r.status for r in readings.values())
    assert set(statuses) == {KpiStatus.GREEN, KpiStatus.AMBER, KpiStatus.RED, KpiStatus.GREY}
    kpis = demo.all(Kpi)
    assert {k.subject_id[:3] for k in kpis} >= {"OBJ", "PRC", "SUP", "AGR"}
    assert {k.frequency for k in kpis} >= {Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY}
    monthly = [k for k in kpis if k.frequency is Frequency.MONTHLY]
    per_kpi = Counter(m.kpi_id for m in demo.all(Measurement))
    assert sum(1 for k in monthly if per_kpi[k.id] >= 12) >= 15


def test_risks_spread_over_the_heat_map(demo: DataSet) -> None:
    risks = demo.all(Risk)
    cells = {(r.likelihood, r.impact) for r in risks}
    assert len(cells) >= 12
    assert {r.likelihood for r in risks} == {1, 2, 3, 4, 5}
    assert {r.impact for r in risks} == {1, 2, 3, 4, 5}
    unmitigated = [
        r
        for r in risks
        if rated_band(r) in (RiskBand.HIGH, RiskBand.CRITICAL)
        and not r.mitigation_actions
        and r.treatment.value == "mitigate"
    ]
    assert len(unmitigated) >= 2


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _passed(change: ChangeRequest) -> list[ChangeStatus]:
    """The states a change in its current state has been through (its own included)."""
    S = ChangeStatus
    if change.kind is ChangeKind.UNPLANNED:
        path = [S.IMPLEMENTED, S.REVIEWED, S.CLOSED]
    elif change.status is S.REJECTED or (
        change.status is S.CLOSED and change.implemented_on is None
    ):
        path = [S.SUBMITTED, S.REJECTED, S.CLOSED]
    elif change.kind is ChangeKind.STANDARD and change.requested_on == change.approved_on:
        path = [S.APPROVED, S.IMPLEMENTED, S.REVIEWED, S.CLOSED]
    else:
        path = [S.SUBMITTED, S.ASSESSED, S.APPROVED, S.IMPLEMENTED, S.REVIEWED, S.CLOSED]
    return path[: path.index(change.status) + 1] if change.status in path else []


def test_changes_cover_every_state_and_kind_with_consistent_fields(demo: DataSet) -> None:
    changes = demo.all(ChangeRequest)
    assert {c.status for c in changes} == set(ChangeStatus)
    assert {c.kind for c in changes} == set(ChangeKind)
    for change in changes:
        if change.status is ChangeStatus.DRAFT:
            continue
        if change.status in (ChangeStatus.WITHDRAWN, ChangeStatus.CANCELLED):
            assert change.end_reason and change.ended_on, change.display
            assert change.implemented_on is None, change.display
            continue
        passed = _passed(change)
        assert passed, change.display
        for state in passed:
            missing = [f for f in REQUIRED_FIELDS[state] if _blank(getattr(change, f))]
            assert not missing, f"{change.display} ({state.value}) lacks {missing}"
        if change.kind is ChangeKind.UNPLANNED:
            assert not change.approver, "an unplanned change was never approved"


def test_plan_objectives_processes_activities_and_resources(demo: DataSet, today: date) -> None:
    objectives = demo.all(Objective)
    assert sum(o.status is ObjectiveStatus.ACHIEVED for o in objectives) >= 2
    done = (ObjectiveStatus.ACHIEVED, ObjectiveStatus.CANCELLED)
    assert [o for o in objectives if o.due_date and o.due_date < today and o.status not in done]
    assert {p.category for p in demo.all(Process)} == set(ProcessCategory)
    activities = demo.all(Activity)
    assert len({a.status for a in activities}) == 5
    assert all(a.responsible and a.accountable for a in activities)
    assert len([a for a in activities if a.supplier_id and a.agreement_id]) >= 4
    over = [load for load in resource_loads(demo) if load.over_allocated]
    assert [load.resource_id for load in over] == ["RES-0002"]


# --- moving the demo in time -------------------------------------------------------------------


def _dates(record: Record) -> dict[str, date]:
    """Every date and timestamp of a record (top-level fields) by field name."""
    return {k: v for k, v in record.model_dump().items() if isinstance(v, date)}


def test_load_demo_moves_every_date_by_the_same_number_of_days(today: date) -> None:
    raw = load_snapshot(sample_data_path("demo.toml").read_bytes(), source="demo.toml")
    anchor = raw.exported_at.date()
    moved = load_demo_snapshot(today)
    shift = today - anchor
    assert moved.exported_at == raw.exported_at + shift
    assert moved.exported_at.date() == today
    checked = 0
    for before in raw.dataset:
        after = moved.dataset.get(before.id)
        assert after is not None
        old, new = _dates(before), _dates(after)
        assert set(old) == set(new)
        for field, value in old.items():
            assert new[field] - value == shift, f"{before.id}.{field}"
            # the same distance from today as from the anchor: "due in 3 days" stays so
            reference: date = today if not isinstance(value, datetime) else moved.exported_at
            origin: date = anchor if not isinstance(value, datetime) else raw.exported_at
            assert new[field] - reference == value - origin
            checked += 1
        rest_before = before.model_dump(exclude=set(old))
        rest_after = after.model_dump(exclude=set(old))
        for field, rows in rest_before.items():  # dates inside rows (accepted deviations)
            if isinstance(rows, list) and rows and isinstance(rows[0], dict):
                for row_before, row_after in zip(rows, rest_after[field], strict=True):
                    for key, value in row_before.items():
                        if isinstance(value, date):
                            assert row_after[key] - value == shift, f"{before.id}.{field}"
                            row_after[key] = value
        assert rest_after == rest_before
    assert checked > 1000


def test_load_demo_on_its_anchor_day_changes_nothing() -> None:
    raw = load_snapshot(sample_data_path("demo.toml").read_bytes(), source="demo.toml")
    same = load_demo(raw.exported_at.date())
    assert [r.model_dump() for r in same] == [r.model_dump() for r in raw.dataset]


def test_gaps_between_dates_are_preserved() -> None:
    a = load_demo(date(2027, 3, 1))
    b = load_demo(date(2027, 3, 1) + timedelta(days=400))
    for first, second in zip(a.all(Agreement), b.all(Agreement), strict=True):
        if first.start_date and first.end_date:
            assert (first.end_date - first.start_date) == (second.end_date - second.start_date)  # type: ignore[operator]
