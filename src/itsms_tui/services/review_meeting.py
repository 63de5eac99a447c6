"""Review-meeting mode (clause 8.3.4): the steps of a supplier review and what it records.

A meeting walks through the supplier's KPIs (one step each, met or missed per period),
its agreements' targets, the open improvement actions and the open disputes, then a last
step that records the review. ``meeting_steps`` builds the steps from the records, so the
screen only shows them; ``parse_actions`` reads the new improvement actions typed one per
line; ``Workspace.record_review`` writes the review and its actions in one transaction.

Person fields (attendees, an action's owner) are typed as names or ids; recording the
meeting (``Workspace.record_review``) files them as people (``services.people``).
The review record has no field of its own for decisions: they are written into the
minutes under "Decisions", and each note taken at a step under that step's title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpi_periods import Outcome, counts
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.obligations import OPEN_ACTION, OPEN_DISPUTE
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.review_schedule import ReviewStatus
from itsms_tui.domain.suppliers import Dispute, ImprovementAction, Supplier, SupplierReview
from itsms_tui.services.errors import UserError
from itsms_tui.services.report_kpis import ReportPeriod, share_text, summarise_kpi, value_text

MEETING_PERIODS = 6
"""Each KPI step shows the KPI's last six periods (months, or quarters)."""


OUTCOME_MARKS: Mapping[Outcome, str] = {
    Outcome.MET: "✓",
    Outcome.MISSED: "✗",
    Outcome.NOT_MEASURED: "·",
    Outcome.OPEN: "○",
}
"""A period's result in one sign that reads without colour (as in the scorecard)."""


class StepKind(StrEnum):
    KPI = "kpi"
    TARGETS = "targets"
    ACTIONS = "actions"
    DISPUTES = "disputes"
    RECORD = "record"


@dataclass(frozen=True, slots=True)
class MeetingStep:
    kind: StepKind
    title: str
    lines: tuple[str, ...]
    kpi_id: str | None = None
    summary: str = ""
    """A KPI step's results in one line (the review's performance summary)."""


@dataclass(frozen=True, slots=True)
class NewAction:
    """An improvement action agreed at the meeting."""

    description: str
    owner: str
    due_date: date | None


@dataclass(frozen=True, slots=True)
class ReviewDraft:
    """Everything the meeting records, as typed."""

    supplier_id: str
    held_on: date
    attendees: tuple[str, ...]
    minutes: str
    performance_summary: str = ""
    actions: tuple[NewAction, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class RecordedReview:
    review: SupplierReview
    actions: tuple[ImprovementAction, ...]
    schedule: ReviewStatus
    """The supplier's review schedule after this review: ``next_due`` follows from it."""


def _kpi_step(data: DataSet, kpi: Kpi, today: date) -> MeetingStep:
    summary = summarise_kpi(data, kpi, ReportPeriod(today, today), last=MEETING_PERIODS)
    results = summary.results
    tally = counts(results)
    subject = data.get(kpi.subject_id)
    result_line = (
        f"Met {tally[Outcome.MET]}, missed {tally[Outcome.MISSED]}, "
        f"not measured {tally[Outcome.NOT_MEASURED]}; on target {share_text(summary.share)}; "
        f"trend {summary.trend.value}"
    )
    lines = [
        f"Subject: {subject.display if subject is not None else kpi.subject_id}",
        f"Target {kpi.target:g} {kpi.unit}, warning {kpi.warning:g} {kpi.unit} "
        f"({kpi.direction.label}); measured {kpi.frequency.value}",
        "Periods: " + " ".join(f"{r.period.label} {OUTCOME_MARKS[r.outcome]}" for r in results),
        result_line,
    ]
    for result in summary.missed:
        lines.append(
            f"Missed {result.period.label}: {value_text(result.value, kpi.unit)} "
            f"against {kpi.target:g}"
        )
    return MeetingStep(StepKind.KPI, kpi.display, tuple(lines), kpi_id=kpi.id, summary=result_line)


def _targets_step(agreements: Sequence[Agreement]) -> MeetingStep:
    lines: list[str] = []
    for agreement in agreements:
        lines.append(f"{agreement.display} ({agreement.kind.label}, {agreement.status.label})")
        for target in agreement.targets:
            lines.append(
                f"  {target.metric}: {target.target:g} {target.unit} ({target.direction.label})"
            )
        if not agreement.targets:
            lines.append("  no service level target")
    return MeetingStep(
        StepKind.TARGETS,
        "Agreement targets",
        tuple(lines) or ("No agreement with this supplier.",),
    )


def _action_line(action: ImprovementAction, data: DataSet) -> str:
    due = f", due {action.due_date.isoformat()}" if action.due_date else ""
    owner = f", owner {person_name(data, action.owner)}" if action.owner else ""
    return f"{action.display} ({action.status.label}{owner}{due})"


def supplier_actions(data: DataSet, supplier: Supplier) -> list[ImprovementAction]:
    """The supplier's improvement actions: its own and those of its reviews."""
    reviews = {r.id for r in data.referring(supplier.id, SupplierReview)}
    found = {a.id: a for a in data.referring(supplier.id, ImprovementAction)}
    for action in data.all(ImprovementAction):
        if action.review_id in reviews:
            found[action.id] = action
    return sorted(found.values(), key=lambda a: a.id)


def meeting_steps(data: DataSet, supplier_id: str, today: date) -> list[MeetingStep]:
    """The steps of a review of ``supplier_id``: its KPIs (and its agreements'), the
    agreement targets, open actions, open disputes, then recording the review."""
    supplier = data.get_as(Supplier, supplier_id)
    if supplier is None:
        raise UserError(f"{supplier_id}: no such supplier")
    agreements = sorted(data.referring(supplier.id, Agreement), key=lambda a: a.id)
    subjects = {supplier.id, *(a.id for a in agreements)}
    kpis = sorted((k for k in data.all(Kpi) if k.subject_id in subjects), key=lambda k: k.id)
    steps = [_kpi_step(data, kpi, today) for kpi in kpis]
    steps.append(_targets_step(agreements))
    actions = [a for a in supplier_actions(data, supplier) if a.status in OPEN_ACTION]
    steps.append(
        MeetingStep(
            StepKind.ACTIONS,
            "Open improvement actions",
            tuple(_action_line(a, data) for a in actions) or ("No open improvement action.",),
        )
    )
    disputes = sorted(
        (d for d in data.referring(supplier.id, Dispute) if d.status in OPEN_DISPUTE),
        key=lambda d: d.id,
    )
    steps.append(
        MeetingStep(
            StepKind.DISPUTES,
            "Open disputes",
            tuple(
                f"{d.display} ({d.status.label}, raised {d.raised_on.isoformat()})"
                for d in disputes
            )
            or ("No open dispute.",),
        )
    )
    steps.append(
        MeetingStep(
            StepKind.RECORD,
            "Record the review",
            ("Date, attendees, decisions and new improvement actions; ctrl+s records.",),
        )
    )
    return steps


def performance_summary(steps: Sequence[MeetingStep]) -> str:
    """One line per KPI step: the KPI and its met/missed counts."""
    return "\n".join(f"{s.title}: {s.summary}" for s in steps if s.kind is StepKind.KPI)


def meeting_minutes(
    steps: Sequence[MeetingStep], notes: Mapping[int, str], decisions: Sequence[str]
) -> str:
    """The minutes: the decisions, then each step's note under the step's title."""
    parts: list[str] = []
    if decisions:
        parts.append("Decisions:\n" + "\n".join(f"- {d}" for d in decisions))
    for index, step in enumerate(steps):
        note = notes.get(index, "").strip()
        if note:
            parts.append(f"{step.title}:\n{note}")
    return "\n\n".join(parts)


def split_lines(text: str) -> list[str]:
    """Non-empty lines, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_names(text: str) -> list[str]:
    """Attendees typed one per line or separated by commas or semicolons."""
    names: list[str] = []
    for line in text.replace(";", ",").splitlines():
        names.extend(part.strip() for part in line.split(",") if part.strip())
    return names


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{what}: {text.strip()!r} is not a date (YYYY-MM-DD)") from None


def parse_actions(text: str) -> list[NewAction]:
    """New actions, one per line: ``description; owner; YYYY-MM-DD`` (owner, date optional).

    A bad date is refused naming the line, so nothing is recorded half-way.
    """
    actions: list[NewAction] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(";")]
        if len(parts) > 3:
            raise UserError(
                f"new action line {number}: expected 'action; owner; YYYY-MM-DD', "
                f"got {len(parts)} parts"
            )
        description, owner, due = (parts + ["", ""])[:3]
        if not description:
            raise UserError(f"new action line {number}: the action is empty")
        due_date = parse_day(due, f"new action line {number}: due date") if due else None
        actions.append(NewAction(description, owner, due_date))
    return actions
