"""The audit trail for the CLI and the TUI's audit screen: verify its chain, filter and list it.

``matches_person`` is the one place that decides whether an entry belongs to a person:
the person id it records, or the OS login it was made under.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.audit_chain import ChainVerdict
from itsms_tui.services.commands import EXIT_FINDINGS, EXIT_OK, open_workspace
from itsms_tui.services.errors import UserError

if TYPE_CHECKING:
    from itsms_tui.services.workspace import Workspace

CSV_COLUMNS = (
    "seq",
    "at",
    "user",
    "person",
    "action",
    "collection",
    "record_id",
    "summary",
    "changes",
)


@dataclass(frozen=True, slots=True)
class TrailFilter:
    """Which entries to list; None means no restriction. Dates are inclusive (UTC days)."""

    since: date | None = None
    until: date | None = None
    person: str | None = None
    record_id: str | None = None
    collection: str | None = None


def matches_person(entry: AuditEntry, person: str) -> bool:
    """Whether ``entry`` was written by ``person``: a person id (``PER-0001``) or a login."""
    return person in (entry.person, entry.user)


def select_entries(entries: Iterable[AuditEntry], wanted: TrailFilter) -> list[AuditEntry]:
    """The entries ``wanted`` names, oldest first."""
    out: list[AuditEntry] = []
    for entry in entries:
        day = entry.at.date()
        if wanted.since is not None and day < wanted.since:
            continue
        if wanted.until is not None and day > wanted.until:
            continue
        if wanted.person is not None and not matches_person(entry, wanted.person):
            continue
        if wanted.record_id is not None and entry.record_id != wanted.record_id.strip().upper():
            continue
        if wanted.collection is not None and entry.collection != wanted.collection:
            continue
        out.append(entry)
    return sorted(out, key=lambda e: e.seq)


@dataclass(frozen=True, slots=True)
class TrailReading:
    """The whole trail (oldest first) and the verdict on its chain, read together."""

    entries: list[AuditEntry]
    verdict: ChainVerdict


def read_trail(workspace: Workspace) -> TrailReading:
    """Every audit entry and the chain's verdict (blocks on disk: call it from a worker)."""
    return TrailReading(workspace.store.audit_trail(), workspace.store.verify_audit())


def entry_text(entry: AuditEntry) -> str:
    """The summary, then each changed field as ``field: old -> new``, on one line."""
    changes = _change_text(entry)
    if entry.summary and changes:
        return f"{entry.summary}; {changes}"
    return entry.summary or changes


def trail_filter(
    *, person: str, record_id: str, collection: str, since: str, until: str
) -> tuple[TrailFilter, list[str]]:
    """A filter from typed text (blank: no restriction) and what is wrong with the text.

    A date that does not parse is left out of the filter and named in the problems.
    """
    problems: list[str] = []
    days: list[date | None] = []
    for label, text in (("From", since), ("To", until)):
        try:
            days.append(parse_day(text.strip() or None, label))
        except UserError as error:
            problems.append(str(error))
            days.append(None)
    first, last = days
    if first is not None and last is not None and first > last:
        problems.append(f"From {first} is after To {last}")
    wanted = TrailFilter(
        since=first,
        until=last,
        person=person.strip() or None,
        record_id=record_id.strip() or None,
        collection=collection.strip().casefold() or None,
    )
    return wanted, problems


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} {text!r}: not a date (YYYY-MM-DD)") from None


def _change_text(entry: AuditEntry) -> str:
    return "; ".join(f"{c.field}: {_value(c.old)} -> {_value(c.new)}" for c in entry.changes)


def _value(value: Any) -> str:
    if value is None:
        return "(unset)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def format_entries(entries: Sequence[AuditEntry], output_format: str) -> str:
    """The entries as text lines, a JSON list, or CSV with a header row."""
    if output_format == "json":
        items = [e.model_dump(mode="json") for e in entries]
        return json.dumps(items, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for e in entries:
            writer.writerow(
                [
                    e.seq,
                    e.at.isoformat(),
                    e.user,
                    e.person,
                    e.action.value,
                    e.collection,
                    e.record_id,
                    e.summary,
                    _change_text(e),
                ]
            )
        return buffer.getvalue()
    lines = []
    for e in entries:
        record = e.record_id or e.collection or "-"
        who = f"{e.person} ({e.user})" if e.person else e.user
        head = f"{e.seq:>6}  {e.at:%Y-%m-%d %H:%M:%S}  {who:<12} {e.action.value:<7} {record}"
        lines.append(f"{head}  {e.summary}".rstrip())
        lines.extend(f"        {c.field}: {_value(c.old)} -> {_value(c.new)}" for c in e.changes)
    lines.append("1 audit entry" if len(entries) == 1 else f"{len(entries)} audit entries")
    return "\n".join(lines) + "\n"


def list_trail(data: Path | None, demo: bool, wanted: TrailFilter, output_format: str) -> int:
    """``itsms-tui audit``: print the filtered trail; exit 0."""
    workspace = open_workspace(data, demo, read_only=True)
    entries = select_entries(workspace.store.audit_trail(), wanted)
    sys.stdout.write(format_entries(entries, output_format))
    return EXIT_OK


def verify(data: Path | None, demo: bool) -> int:
    """``itsms-tui audit verify``: one line; exit 0 intact, 1 broken (naming the entry)."""
    workspace = open_workspace(data, demo, read_only=True)
    verdict: ChainVerdict = workspace.store.verify_audit()
    if verdict.intact:
        print(f"{workspace.location}: {verdict.summary()}")
        return EXIT_OK
    print(f"{workspace.location}: audit trail broken at {verdict.summary()}")
    return EXIT_FINDINGS
