"""What a rule reports: a finding with its rule, clause, severity, records and message.

Findings sort in a stable order (clause numerically, then rule id, then the first record
id by prefix and number, then the message), so text and JSON output are reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache


class Severity(StrEnum):
    """ERROR: the clause is not met. WARNING: good practice, or something falls due soon."""

    ERROR = "error"
    WARNING = "warning"


@cache
def clause_key(clause: str) -> tuple[int, ...]:
    """``"8.3.4.1"`` -> ``(8, 3, 4, 1)``: so 8.3.10 sorts after 8.3.9 and 9.1 after 8.3."""
    return tuple(int(part) if part.isdigit() else 0 for part in clause.split("."))


def record_id_key(record_id: str) -> tuple[str, int, str]:
    """``SUP-0010`` after ``SUP-0009`` and ``SUP-10000`` after ``SUP-9999``."""
    prefix, _, number = record_id.partition("-")
    return (prefix, int(number) if number.isdigit() else -1, record_id)


@dataclass(frozen=True, slots=True)
class Finding:
    """One requirement a record does not meet; ``record_ids[0]`` is the record to open."""

    rule: str
    clause: str
    severity: Severity
    record_ids: tuple[str, ...]
    message: str
    """Starts with the record's display name (``SUP-0004 Northwind Hosting: ...``)."""
    due: date | None = None
    """The date the finding is about (a due date, a cancel-by date), when it has one: the
    overview orders what needs attention by it. Not part of the report's JSON."""
    no_evidence: bool = False
    """The rule had nothing to look at: its requirement is neither met nor not met but
    unproven (an error when the clause requires the thing to exist)."""

    @property
    def record_id(self) -> str:
        """The record the finding is about (where the UI jumps), or "" for none."""
        return self.record_ids[0] if self.record_ids else ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[tuple[int, ...], str, tuple[str, int, str], str]:
        return (clause_key(self.clause), self.rule, record_id_key(self.record_id), self.message)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """The findings in the stable report order (clause, rule, first record id, message)."""
    return sorted(findings, key=Finding.sort_key)
