"""What needs attention today: the overview's list, drawn from the clause checker's findings.

The overview and the Compliance screen must never disagree, so the list is built from
``run_checks``: every error-severity finding (a requirement not met: red), then the
warnings about a date (a cancel-by coming up, an overdue activity, a stale KPI
measurement: amber). Good-practice warnings that are not about a date (an SLA whose
underpinning agreement states none of its targets) stay on the Compliance screen.

Two things that are not clause failures but still wait for someone are added: changes
awaiting a decision, and KPIs whose latest value is red (unless a finding already names
that KPI). Pure over a DataSet, today and the settings, so it can be tested directly.

The list is ordered by urgency (``urgency_order``): what falls due today first (pinned at
the top), then what is overdue (oldest first) and the other requirements not met, then
what falls due later (soonest first), then what waits without a date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from itsms_tui.compliance.engine import RULES, RULES_BY_ID, run_checks
from itsms_tui.compliance.findings import Finding, Severity
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic as Topic
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import ChangeStatus, KpiStatus
from itsms_tui.domain.kpi_status import kpi_readings
from itsms_tui.domain.kpis import Kpi

AWAITING_APPROVAL = frozenset({ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED})

DATED_WARNING_RULES: frozenset[str] = frozenset(r.id for r in RULES if r.dated)
"""Rules whose warnings are about a date falling due or passed: these belong on the list."""


class Urgency(StrEnum):
    """RED: a requirement is not met, or a KPI is failing. AMBER: due soon or waiting."""

    RED = "red"
    AMBER = "amber"


def topic_of(rule_id: str) -> Topic:
    """The overview's few words for a rule's finding (each rule names its topic)."""
    found = RULES_BY_ID.get(rule_id)
    return found.topic if found is not None else Topic.FINDING


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One line of "needs attention today"; ``record_id`` is where Enter jumps."""

    topic: Topic
    urgency: Urgency
    record_id: str
    record: str
    """The record's display name (user text, shown literally)."""
    detail: str
    """Why it is listed: the finding's problem (``contract review ... was due ...``)."""
    days: int | None = None
    """Days until (positive) or since (negative) the date concerned, when there is one."""
    rule: str = ""
    """The checker rule that found it ("" for a line that is not a finding)."""
    due: date | None = None
    """The date concerned (a due date, a cancel-by date), when the finding has one."""

    @property
    def due_today(self) -> bool:
        """Pinned at the top of the list: the date concerned is today."""
        return self.days == 0

    @property
    def text(self) -> str:
        """``AGR-0002 Hosting: cancel-by date 2026-12-01 is in 6 days ...``; a finding about
        no record at all ("no evidence: ...") is its detail alone."""
        return f"{self.record}: {self.detail}" if self.record else self.detail

    @property
    def key(self) -> str:
        """Unique within one list (a rule may report a record twice, e.g. two agreements)."""
        return f"{self.rule or self.topic.name}:{self.record_id}:{self.detail}"


def wanted(finding: Finding) -> bool:
    """Errors, and the warnings about a date: what someone should act on today."""
    return finding.severity is Severity.ERROR or finding.rule in DATED_WARNING_RULES


def _from_finding(finding: Finding, data: DataSet, today: date) -> AttentionItem:
    """The finding as a line: the record's name, and the message without it as the reason."""
    found = data.get(finding.record_id)
    record = found.display if found is not None else finding.record_id
    prefix = f"{record}: "
    message = finding.message
    detail = message[len(prefix) :] if message.startswith(prefix) else message
    return AttentionItem(
        topic=topic_of(finding.rule),
        urgency=Urgency.RED if finding.severity is Severity.ERROR else Urgency.AMBER,
        record_id=finding.record_id,
        record=record,
        detail=detail,
        rule=finding.rule,
        due=finding.due,
        days=(finding.due - today).days if finding.due is not None else None,
    )


def _red_kpis(
    data: DataSet, today: date, settings: CheckSettings, named: set[str]
) -> list[AttentionItem]:
    """KPIs whose latest value is red, unless a finding already names them."""
    kpis = {k.id: k for k in data.all(Kpi)}
    items: list[AttentionItem] = []
    for kpi_id, reading in kpi_readings(
        data, today, settings.kpi_grace_days, settings.kpi_grace_fraction
    ).items():
        if reading.status is not KpiStatus.RED or kpi_id in named:
            continue
        kpi = kpis[kpi_id]
        value = f"{reading.value:g}" if reading.value is not None else "?"
        items.append(
            AttentionItem(
                Topic.RED_KPI,
                Urgency.RED,
                kpi_id,
                kpi.display,
                f"{value} {kpi.unit}, target {kpi.target:g}",
            )
        )
    return items


def _awaiting_decision(data: DataSet) -> list[AttentionItem]:
    return [
        AttentionItem(
            Topic.CHANGE_APPROVAL,
            Urgency.AMBER,
            change.id,
            change.display,
            f"{change.status.value}, to decide",
        )
        for change in data.all(ChangeRequest)
        if change.status in AWAITING_APPROVAL
    ]


def attention_items(
    data: DataSet,
    today: date,
    settings: CheckSettings | None = None,
    findings: Sequence[Finding] | None = None,
) -> list[AttentionItem]:
    """Everything that needs someone today: red lines first, each group in checker order.

    ``findings``: the checker's findings on this data, when the caller already has them
    (the Compliance screen's run); else the rules are run here.
    """
    settings = settings or CheckSettings()
    if findings is None:
        findings = run_checks(data, settings, today)
    from_checker = [_from_finding(f, data, today) for f in findings if wanted(f)]
    named = {i for f in findings for i in f.record_ids}
    items: Iterable[AttentionItem] = [
        *from_checker,
        *_red_kpis(data, today, settings, named),
        *_awaiting_decision(data),
    ]
    return urgency_order(items)


def urgency_order(items: Iterable[AttentionItem]) -> list[AttentionItem]:
    """Due today first, then overdue (oldest first) and other red lines, then due later
    (soonest first), then amber lines without a date.

    Within a group red comes before amber; the sort is stable, so lines that tie keep the
    checker's clause order.
    """

    def key(item: AttentionItem) -> tuple[int, int, date, bool]:
        days = item.days
        red = item.urgency is Urgency.RED
        if days is not None and days == 0:
            group = 0
        elif (days is not None and days < 0) or (days is None and red):
            group = 1
        elif days is not None:
            group = 2
        else:
            group = 3
        return (group, days is None, item.due or date.min, not red)

    return sorted(items, key=key)


@dataclass(frozen=True, slots=True)
class AttentionGroup:
    """The lines of one topic, most urgent first, with their counts (the overview's tree)."""

    topic: Topic
    items: tuple[AttentionItem, ...]

    @property
    def red(self) -> int:
        """Lines to fix (a requirement not met, a KPI failing)."""
        return sum(1 for i in self.items if i.urgency is Urgency.RED)

    @property
    def overdue(self) -> int:
        """Lines whose date has passed."""
        return sum(1 for i in self.items if i.days is not None and i.days < 0)

    @property
    def urgency(self) -> Urgency:
        """The group's most urgent line's colour."""
        return Urgency.RED if self.red else Urgency.AMBER


def group_by_topic(items: Sequence[AttentionItem]) -> list[AttentionGroup]:
    """``items`` (in ``urgency_order``) by topic; a topic ranks by its most urgent line,
    so the groups come most urgent first and each keeps its lines' order. O(n)."""
    by_topic: dict[Topic, list[AttentionItem]] = {}
    for item in items:
        by_topic.setdefault(item.topic, []).append(item)
    return [AttentionGroup(topic, tuple(lines)) for topic, lines in by_topic.items()]
