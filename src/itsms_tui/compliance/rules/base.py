"""The shape of a rule and the helpers rule modules share.

A rule is a pure function ``(data, settings, today) -> Iterable[Finding]`` registered as a
``Rule`` with a short stable id (``AREA-TOPIC``: the area is the kind of record the finding
is about, e.g. ``SUP-CONTRACT``, ``AGR-CANCEL-BY``) and the clause it checks. A ``Check``
binds the id and clause once so a rule function cannot report under the wrong one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from itsms_tui.compliance.findings import Finding, Severity
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.compliance.topics import Topic
from itsms_tui.domain.audit_chain import ChainVerdict
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import SupplierStatus
from itsms_tui.domain.record import Record

RuleFn = Callable[[DataSet, CheckSettings, date], Iterable[Finding]]
TrailFn = Callable[[ChainVerdict], Iterable[Finding]]
"""A rule about the audit trail: it reads the chain verdict that services computed."""


CONTRACTED_SUPPLIER: frozenset[SupplierStatus] = frozenset(
    {SupplierStatus.APPROVED, SupplierStatus.ACTIVE, SupplierStatus.UNDER_REVIEW}
)
"""Suppliers that must have an agreement in force (suspended ones deliver nothing)."""

DELIVERING_SUPPLIER: frozenset[SupplierStatus] = frozenset(
    {SupplierStatus.ACTIVE, SupplierStatus.UNDER_REVIEW}
)
"""Suppliers delivering today, whose performance must be monitored."""


@dataclass(frozen=True, slots=True)
class Check:
    """A rule's id and clause, what it is about, and constructors for its findings."""

    id: str
    clause: str
    topic: Topic = Topic.FINDING
    dated: bool = False
    """Its warnings are about a date falling due or passed (they belong on the overview)."""

    def finding(
        self,
        severity: Severity,
        record: Record,
        problem: str,
        *related: str | None,
        due: date | None = None,
    ) -> Finding:
        """A finding about ``record`` ("<id> <name>: <problem>"), with related record ids.

        ``due``: the date the finding is about (see ``Finding.due``).
        """
        ids = (record.id, *(r for r in related if r and r != record.id))
        return Finding(
            rule=self.id,
            clause=self.clause,
            severity=severity,
            record_ids=tuple(dict.fromkeys(ids)),
            message=f"{record.display}: {problem}",
            due=due,
        )

    def error(
        self, record: Record, problem: str, *related: str | None, due: date | None = None
    ) -> Finding:
        return self.finding(Severity.ERROR, record, problem, *related, due=due)

    def warning(
        self, record: Record, problem: str, *related: str | None, due: date | None = None
    ) -> Finding:
        return self.finding(Severity.WARNING, record, problem, *related, due=due)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a rule looks at, so that nothing to look at reads "no evidence", never "met".

    ``present`` is true when the data holds at least one record the rule judges; ``what``
    names them in the singular ("process"); ``required``: the clause requires such a record
    to exist, so having none is an error (otherwise a warning: unproven, not failed).
    """

    what: str
    present: Callable[[DataSet], bool]
    required: bool = False

    def finding(self, rule_id: str, clause: str) -> Finding:
        """The one finding of a rule with nothing to look at."""
        return Finding(
            rule=rule_id,
            clause=clause,
            severity=Severity.ERROR if self.required else Severity.WARNING,
            record_ids=(),
            message=f"no evidence: no {self.what} recorded",
            no_evidence=True,
        )


def any_of(
    model: type[Record], keep: Callable[[Any], bool] | None = None
) -> Callable[[DataSet], bool]:
    """``present`` for an Evidence: some record of ``model`` (that ``keep`` accepts)."""

    def present(data: DataSet) -> bool:
        return any(keep is None or keep(r) for r in data.all(model))

    return present


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: id, clause, a short title, what it checks and why, the function."""

    id: str
    clause: str
    title: str
    description: str
    fn: RuleFn | None
    trail_fn: TrailFn | None = None
    topic: Topic = Topic.FINDING
    dated: bool = False
    evidence: Evidence | None = None
    """What the rule looks at; None: it always has something (or is about the trail)."""

    def run(
        self,
        data: DataSet,
        settings: CheckSettings,
        today: date,
        trail: ChainVerdict | None = None,
    ) -> list[Finding]:
        """The findings; a trail rule finds nothing when no trail was verified (a snapshot)."""
        if self.trail_fn is not None:
            return list(self.trail_fn(trail)) if trail is not None else []
        if self.evidence is not None and not self.evidence.present(data):
            return [self.evidence.finding(self.id, self.clause)]
        return list(self.fn(data, settings, today)) if self.fn is not None else []


def rule(
    check: Check, title: str, description: str, fn: RuleFn, evidence: Evidence | None = None
) -> Rule:
    """Register ``fn`` under ``check``'s id and clause, with what it looks at."""
    return Rule(
        check.id,
        check.clause,
        title,
        description,
        fn,
        topic=check.topic,
        dated=check.dated,
        evidence=evidence,
    )


def missing_list(items: Iterable[tuple[bool, str]]) -> str:
    """``"scope, requirements and authorities"`` from (is_missing, name) pairs; "" if none."""
    names = [name for missing, name in items if missing]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def blank(text: str | None) -> bool:
    return text is None or not text.strip()


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
