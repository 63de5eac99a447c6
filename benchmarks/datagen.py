"""Synthetic data at scale: a valid, referentially consistent DataSet of about n records.

For store, checker, export and UI benchmarks. Proportions follow a real register: most
records are KPI measurements; suppliers are about 2 %, agreements about 3 %. Every
record passes model validation and every reference points at an existing record.

    from benchmarks.datagen import generate   # from the repository root
    data = generate(10_000, seed=1)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from itsms_tui.domain.agreements import Agreement, Amendment, PriorityTimes, ServiceTarget
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ENDINGS, REQUIRED_FIELDS, ChangeRequest
from itsms_tui.domain.customers import Complaint, Customer, CustomerReview, SatisfactionResult
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import (
    ActionStatus,
    ActivityStatus,
    AgreementKind,
    AgreementStatus,
    ChangeKind,
    ChangeStatus,
    Criticality,
    Direction,
    DisputeStatus,
    Frequency,
    ObjectiveStatus,
    Priority,
    ProcessCategory,
    Renewal,
    ResourceKind,
    RiskLevel,
    RiskStatus,
    RiskTreatment,
    SelectionDecision,
    SupplierKind,
    SupplierStatus,
)
from itsms_tui.domain.evaluation_score import DEFAULT_SELECTION_THRESHOLD, weighted_score
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.people import Person, Role
from itsms_tui.domain.plan import Activity, Allocation, Objective, Process, Resource
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import format_id
from itsms_tui.domain.risks import Risk
from itsms_tui.domain.supplier_integrity import lifecycle_facts
from itsms_tui.domain.suppliers import (
    Contact,
    Criterion,
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)

SHARES: dict[str, float] = {
    "people": 0.002,
    "customers": 0.002,
    "satisfaction": 0.004,
    "complaints": 0.004,
    "customer_reviews": 0.004,
    "services": 0.004,
    "objectives": 0.004,
    "processes": 0.004,
    "resources": 0.006,
    "suppliers": 0.02,
    "agreements": 0.03,
    "activities": 0.04,
    "allocations": 0.03,
    "risks": 0.03,
    "changes": 0.06,
    "evaluations": 0.015,
    "reviews": 0.03,
    "disputes": 0.004,
    "amendments": 0.015,
    "kpis": 0.03,
    "actions": 0.03,
}
"""Share of the records per collection; measurements make up the rest (about 60 %)."""

TODAY = date(2026, 1, 15)
"""Dates are spread over the three years before and the year after this day."""

_WORDS = (
    "Northwind",
    "Meridian",
    "Harbour",
    "Granite",
    "Beacon",
    "Summit",
    "Cobalt",
    "Juniper",
    "Atlas",
    "Lumen",
    "Vertex",
    "Keystone",
    "Riverside",
    "Falcon",
    "Orchard",
    "Pioneer",
)
_TRADES = (
    "Cloud Hosting",
    "Fibre Networks",
    "Colocation",
    "Service Desk Services",
    "Software",
    "Security Operations",
    "Hardware Maintenance",
    "Managed Print",
    "Data Centre Services",
    "Telecom",
)
_PEOPLE = (
    "Priya Raman",
    "Tom Okafor",
    "Elena Marsh",
    "Daniel Fischer",
    "Aisha Khan",
    "Marcus Reid",
    "Sofia Lindqvist",
    "Ben Hartley",
    "Grace Mwangi",
    "Liam O'Connor",
)
_METRICS = (
    "availability",
    "first-contact resolution",
    "calls answered in 60 s",
    "on-time delivery",
)
_NOT_FOR_UNPLANNED = (ChangeStatus.ASSESSED, ChangeStatus.APPROVED)
"""An unplanned change is recorded after the fact: never assessed or approved."""
_KPI_SUBJECTS = ("objectives", "processes", "suppliers", "agreements", "services")


def counts_for(n_records: int) -> dict[str, int]:
    """How many records of each collection ``generate(n_records)`` makes."""
    counts = {name: max(1, round(n_records * share)) for name, share in SHARES.items()}
    counts["measurements"] = max(1, n_records - sum(counts.values()))
    return counts


def generate(n_records: int, seed: int = 0) -> DataSet:
    """About ``n_records`` valid records (at least one per collection), same seed same data."""
    return _Generator(random.Random(seed), counts_for(n_records)).run()


class _Generator:
    def __init__(self, rng: random.Random, counts: dict[str, int]) -> None:
        self.rng = rng
        self.counts = counts
        self.records: list[Record] = []
        self.ids: dict[str, list[str]] = {}
        self.agreements_of: dict[str, list[str]] = {}
        self.stamp = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)

    def run(self) -> DataSet:
        makers: list[tuple[str, Callable[[int], Record]]] = [
            ("people", self.person_record),
            ("customers", self.customer),
            ("services", self.service),
            ("objectives", self.objective),
            ("processes", self.process),
            ("resources", self.resource),
            ("suppliers", self.supplier),
            ("agreements", self.agreement),
            ("activities", self.activity),
            ("allocations", self.allocation),
            ("risks", self.risk),
            ("changes", self.change),
            ("evaluations", self.evaluation),
            ("reviews", self.review),
            ("disputes", self.dispute),
            ("amendments", self.amendment),
            ("kpis", self.kpi),
            ("measurements", self.measurement),
            ("satisfaction", self.satisfaction),
            ("complaints", self.complaint),
            ("customer_reviews", self.customer_review),
            ("actions", self.action),
        ]
        for collection, make in makers:
            made = self.ids.setdefault(collection, [])
            for i in range(1, self.counts[collection] + 1):
                record = make(i)
                self.records.append(record)
                made.append(record.id)
                if isinstance(record, Agreement) and record.supplier_id:
                    self.agreements_of.setdefault(record.supplier_id, []).append(record.id)
        return DataSet(self.records)

    # --- helpers -------------------------------------------------------------------------

    def pick(self, collection: str) -> str:
        return self.rng.choice(self.ids[collection])

    def maybe(self, collection: str, chance: float = 0.5) -> str | None:
        return self.pick(collection) if self.rng.random() < chance else None

    def maybe_agreement_of(self, supplier_id: str, chance: float) -> str | None:
        """One of the supplier's own agreements (the integrity rule), or None."""
        own = self.agreements_of.get(supplier_id, [])
        return self.rng.choice(own) if own and self.rng.random() < chance else None

    def day(self, lo: int = -1000, hi: int = 365) -> date:
        return TODAY + timedelta(days=self.rng.randint(lo, hi))

    def person(self) -> str:
        return self.pick("people")

    def person_record(self, i: int) -> Record:
        roles = [Role.EDITOR] + ([Role.CHANGE_AUTHORITY] if i % 5 == 0 else [])
        return Person(
            **self.base("PER", i),
            name=f"{self.rng.choice(_PEOPLE)} {i}",
            logins=[f"user{i}"],
            roles=[Role.ADMINISTRATOR] if i == 1 else roles,
        )

    def base(self, prefix: str, i: int) -> dict[str, Any]:
        created = self.stamp - timedelta(minutes=self.rng.randint(60, 1_500_000))
        return {
            "id": format_id(prefix, i),
            "revision": self.rng.randint(1, 6),
            "created_at": created,
            "updated_at": created + timedelta(minutes=self.rng.randint(0, 50_000)),
        }

    # --- one maker per collection ----------------------------------------------------------

    def customer(self, i: int) -> Record:
        return Customer(
            **self.base("CUS", i),
            name=f"{self.rng.choice(_WORDS)} plc {i}",
            relationship_manager=self.person(),
        )

    def satisfaction(self, i: int) -> Record:
        return SatisfactionResult(
            **self.base("SAT", i),
            customer_id=self.pick("customers"),
            measured_on=self.day(-700, -1),
            score=round(self.rng.uniform(2, 5), 1),
        )

    def complaint(self, i: int) -> Record:
        return Complaint(
            **self.base("CMP", i),
            customer_id=self.pick("customers"),
            title=f"Complaint {i}",
            received_on=self.day(-400, -1),
            owner=self.person(),
        )

    def customer_review(self, i: int) -> Record:
        return CustomerReview(
            **self.base("CRV", i),
            customer_id=self.pick("customers"),
            held_on=self.day(-700, -1),
            attendees=[self.person()],
        )

    def service(self, i: int) -> Record:
        return Service(
            **self.base("SVC", i),
            name=f"{self.rng.choice(_WORDS)} {self.rng.choice(('Hosting', 'Desk', 'Network', 'Backup', 'Workplace'))} {i}",
            owner=self.person(),
            customer_ids=[self.pick("customers")],
        )

    def objective(self, i: int) -> Record:
        return Objective(
            **self.base("OBJ", i),
            title=f"Objective {i}: raise {self.rng.choice(_METRICS)}",
            owner=self.person(),
            due_date=self.day(-200, 400),
            status=self.rng.choice(list(ObjectiveStatus)),
        )

    def process(self, i: int) -> Record:
        category = self.rng.choice(list(ProcessCategory))
        return Process(
            **self.base("PRC", i),
            name=f"{category.value.replace('_', ' ').capitalize()} process {i}",
            category=category,
            owner=self.person(),
            performance_criteria=["Targets met in 95 % of months"],
            controls=["Monthly review"],
        )

    def resource(self, i: int) -> Record:
        kind = self.rng.choice(list(ResourceKind))
        return Resource(
            **self.base("RES", i),
            name=f"{kind.value.capitalize()} pool {i}",
            kind=kind,
            capacity=float(self.rng.randint(2, 40)),
            unit="FTE" if kind is ResourceKind.PERSONNEL else "units",
            owner=self.person(),
        )

    def supplier(self, i: int) -> Record:
        kind = self.rng.choices(list(SupplierKind), weights=(8, 2, 1))[0]
        base = self.base("SUP", i)
        status = self.rng.choice(list(SupplierStatus))
        # A status past approval holds the approval's facts (domain.supplier_integrity).
        approved = base["created_at"].date() if "approved_on" in lifecycle_facts(status) else None
        return Supplier(
            **base,
            name=f"{self.rng.choice(_WORDS)} {self.rng.choice(_TRADES)} {i}",
            kind=kind,
            category=self.rng.choice(_TRADES),
            services_provided=[self.rng.choice(_TRADES)],
            criticality=self.rng.choice(list(Criticality)),
            status=status,
            approved_on=approved,
            relationship_owner=self.person(),
            contacts=[
                Contact(name=self.person(), role="Account manager", escalation_level=level)
                for level in range(self.rng.randint(0, 3))
            ],
            requirements=["ISO/IEC 27001 certified"],
            review_interval_months=self.rng.choice((None, 3, 6, 12)),
        )

    def agreement(self, i: int) -> Record:
        kind = self.rng.choice(list(AgreementKind))
        start = self.day(-1200, 60)
        renewal = self.rng.choice(list(Renewal))
        sla = kind is AgreementKind.CUSTOMER_SLA
        earlier = self.ids["agreements"]
        return Agreement(
            **self.base("AGR", i),
            title=f"{kind.value.replace('_', ' ').title()} {i}",
            kind=kind,
            status=self.rng.choice(list(AgreementStatus)),
            supplier_id=None if sla else self.pick("suppliers"),
            customer_id=self.pick("customers") if sla else None,
            service_ids=[self.pick("services")],
            underpinning_ids=self.rng.sample(earlier, min(len(earlier), 2)) if sla else [],
            owner=self.person(),
            scope="Services as described in schedule 1.",
            targets=[
                ServiceTarget(metric="availability", target=self.rng.choice((99.5, 99.9, 99.95)))
            ],
            priority_times=[
                PriorityTimes(priority=Priority.P1, response_minutes=15, resolution_minutes=240)
            ],
            start_date=start,
            end_date=start + timedelta(days=self.rng.choice((364, 729, 1094))),
            renewal=renewal,
            renewal_months=12 if renewal is Renewal.TACIT else None,
            notice_days=self.rng.choice((None, 30, 90, 180)),
            value=float(self.rng.randint(5, 2000) * 1000),
            review_interval_months=self.rng.choice((None, 3, 6, 12)),
        )

    def activity(self, i: int) -> Record:
        start = self.day(-400, 100)
        outsourced = self.rng.random() < 0.3
        return Activity(
            **self.base("ACT", i),
            process_id=self.pick("processes"),
            name=f"Activity {i}",
            responsible=self.person(),
            accountable=self.person(),
            start_date=start,
            due_date=start + timedelta(days=self.rng.randint(0, 120)),
            status=self.rng.choice(list(ActivityStatus)),
            supplier_id=self.pick("suppliers") if outsourced else None,
            agreement_id=self.pick("agreements") if outsourced else None,
        )

    def allocation(self, i: int) -> Record:
        activity = self.maybe("activities", 0.3)
        return Allocation(
            **self.base("ALC", i),
            resource_id=self.pick("resources"),
            process_id=self.pick("processes"),
            activity_id=activity,
            amount=round(self.rng.uniform(0.1, 3.0), 1),
        )

    def risk(self, i: int) -> Record:
        residual = self.rng.random() < 0.6
        base = self.base("RSK", i)
        title = f"Risk {i}: {self.rng.choice(_TRADES).lower()} failure"
        owner = self.person()
        likelihood = self.rng.randint(1, 5)
        impact = self.rng.randint(1, 5)
        treatment = self.rng.choice(list(RiskTreatment))
        mitigation = ["Review quarterly"] if self.rng.random() < 0.7 else []
        # treatment never makes a risk worse: the residual is at most the inherent rating
        return Risk(
            **base,
            title=title,
            owner=owner,
            likelihood=likelihood,
            impact=impact,
            treatment=treatment,
            mitigation_actions=mitigation,
            residual_likelihood=min(likelihood, self.rng.randint(1, 3)) if residual else None,
            residual_impact=min(impact, self.rng.randint(1, 3)) if residual else None,
            review_date=self.day(-100, 200),
            status=self.rng.choice(list(RiskStatus)),
            supplier_id=self.maybe("suppliers", 0.3),
            process_id=self.maybe("processes", 0.3),
        )

    def change(self, i: int) -> Record:
        status = self.rng.choice([s for s in ChangeStatus if s not in ENDINGS])
        kind = (
            ChangeKind.UNPLANNED
            if status is ChangeStatus.IMPLEMENTED and self.rng.random() < 0.2
            else self.rng.choice((ChangeKind.NORMAL, ChangeKind.STANDARD, ChangeKind.EMERGENCY))
        )
        requested = self.day(-500, -10)  # every step date falls on or before today
        values: dict[str, Any] = {
            **self.base("CHG", i),
            "title": f"Change {i}",
            "kind": kind,
            "status": status,
            "service_id": self.maybe("services", 0.7),
            "supplier_id": self.maybe("suppliers", 0.2),
        }
        # Fill what every state on the way to ``status`` requires (see REQUIRED_FIELDS).
        fill: dict[str, Any] = {
            "requested_by": self.person(),
            "requested_on": requested,
            "impact_assessment": "Low impact; tested in staging.",
            "risk_level": self.rng.choice(list(RiskLevel)),
            "backout_plan": "Restore the previous version.",
            "approver": self.person(),
            "approved_on": requested + timedelta(days=2),
            "decision_notes": "Agreed at CAB.",
            "implemented_on": requested + timedelta(days=5),
            "review_notes": "Implemented as planned.",
            "reviewed_on": requested + timedelta(days=9),
            "closed_on": requested + timedelta(days=10),
        }
        order = list(ChangeStatus)
        for state in order[1 : order.index(status) + 1]:
            if state is ChangeStatus.REJECTED and status is not ChangeStatus.REJECTED:
                continue
            if kind is ChangeKind.UNPLANNED and state in _NOT_FOR_UNPLANNED:
                continue
            for name in REQUIRED_FIELDS.get(state, ()):
                values[name] = fill[name]
        return ChangeRequest(**values)

    def evaluation(self, i: int) -> Record:
        criteria = [
            Criterion(name=n, weight=w, score=float(self.rng.randint(1, 5)))
            for n, w in (
                ("capability", 30.0),
                ("expertise", 20.0),
                ("reliability", 30.0),
                ("alignment", 20.0),
            )
        ]
        decision = self.rng.choice(list(SelectionDecision))
        low = (weighted_score(criteria) or 0.0) < DEFAULT_SELECTION_THRESHOLD
        return Evaluation(
            **self.base("EVL", i),
            supplier_id=self.pick("suppliers"),
            evaluated_on=self.day(-900, 0),
            evaluator=self.person(),
            criteria=criteria,
            decision=decision,
            below_threshold_reason=(
                "Sole source in the region."
                if low and decision is SelectionDecision.SELECTED
                else ""
            ),
        )

    def review(self, i: int) -> Record:
        supplier_id = self.pick("suppliers")
        return SupplierReview(
            **self.base("REV", i),
            supplier_id=supplier_id,
            agreement_id=self.maybe_agreement_of(supplier_id, 0.5),
            held_on=self.day(-700, 0),
            attendees=[self.person(), self.person()],
            performance_summary="Targets met apart from one month.",
            minutes="1. Performance\n2. Improvement actions\n3. Next review",
        )

    def dispute(self, i: int) -> Record:
        raised = self.day(-600, 0)
        status = self.rng.choice(list(DisputeStatus))
        done = status in (DisputeStatus.RESOLVED, DisputeStatus.CLOSED)
        supplier_id = self.pick("suppliers")
        return Dispute(
            **self.base("DSP", i),
            supplier_id=supplier_id,
            agreement_id=self.maybe_agreement_of(supplier_id, 0.6),
            title=f"Dispute {i}: service credits",
            raised_on=raised,
            raised_by=self.person(),
            status=status,
            resolution="Credits agreed." if done else "",
            resolved_on=raised + timedelta(days=self.rng.randint(5, 90)) if done else None,
        )

    def amendment(self, i: int) -> Record:
        return Amendment(
            **self.base("AMD", i),
            agreement_id=self.pick("agreements"),
            title=f"Amendment {i}",
            effective_on=self.day(-600, 60),
            impact_assessment="Cost +2 %." if self.rng.random() < 0.7 else "",
            approved_by=self.person(),
        )

    def kpi(self, i: int) -> Record:
        lower = self.rng.random() < 0.3
        target = (
            float(self.rng.choice((5, 10, 20))) if lower else float(self.rng.choice((90, 95, 99)))
        )
        warning = target * (1.5 if lower else 0.95)
        subject = self.pick(self.rng.choice([c for c in _KPI_SUBJECTS if self.ids[c]]))
        return Kpi(
            **self.base("KPI", i),
            name=f"KPI {i}: {self.rng.choice(_METRICS)}",
            unit="%",
            direction=Direction.LOWER_IS_BETTER if lower else Direction.HIGHER_IS_BETTER,
            target=target,
            warning=round(warning, 2),
            frequency=self.rng.choices(list(Frequency), weights=(1, 3, 10, 3, 1))[0],
            owner=self.person(),
            subject_id=subject,
        )

    def measurement(self, i: int) -> Record:
        return Measurement(
            **self.base("MEA", i),
            kpi_id=self.pick("kpis"),
            measured_on=self.day(-730, 0),
            value=round(self.rng.uniform(0, 100), 2),
            recorded_by=self.person(),
        )

    def action(self, i: int) -> Record:
        status = self.rng.choice(list(ActionStatus))
        due = self.day(-300, 200)
        return ImprovementAction(
            **self.base("ACN", i),
            description=f"Improvement action {i}",
            owner=self.person(),
            due_date=due,
            status=status,
            review_id=self.maybe("reviews", 0.5),
            supplier_id=self.maybe("suppliers", 0.4),
            kpi_id=self.maybe("kpis", 0.3),
            completed_on=due if status is ActionStatus.DONE else None,
        )


if __name__ == "__main__":
    import sys
    import time

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    started = time.perf_counter()
    data = generate(size)
    print(f"{len(data)} records in {time.perf_counter() - started:.2f} s: {data.counts()}")
