"""``itsms-tui report``: the evidence pack, a supplier's scorecard or a customer SLA's
service report, to a folder.

Reads only (``--read-only`` changes nothing); a data file that does not exist is an
error (exit 2), like every reading command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from itsms_tui.domain.calendar import add_months
from itsms_tui.services.errors import UserError
from itsms_tui.services.report_kpis import ReportPeriod
from itsms_tui.services.report_model import Document
from itsms_tui.services.report_render import WrittenReport, write_document
from itsms_tui.services.workspace import Workspace

EXIT_OK = 0
DEFAULT_MONTHS = 12
"""Without ``--from``: the twelve months up to ``--to``."""

Progress = Callable[[str], None]


def report_period(since: date | None, until: date | None, today: date) -> ReportPeriod:
    """The period ``--from`` / ``--to`` name: up to today, twelve months back by default."""
    end = until or today
    start = since or add_months(end, -DEFAULT_MONTHS)
    if start > end:
        raise UserError(f"--from {start} is after --to {end}")
    return ReportPeriod(start, end)


def build_pack(
    workspace: Workspace, period: ReportPeriod, progress: Progress | None = None
) -> Document:
    """The evidence pack of ``workspace`` for ``period`` (checker and trail included)."""
    from itsms_tui.compliance.engine import run_checks
    from itsms_tui.services.report_pack import PackInputs, evidence_pack

    say = progress or (lambda _: None)
    say("checking the clauses")
    data = workspace.data()
    verdict = workspace.store.verify_audit()
    settings = workspace.checked_settings()
    findings = run_checks(data, settings, period.until, trail=verdict)
    say("reading the audit trail")
    trail = workspace.store.audit_trail()
    say("building the sections")
    return evidence_pack(
        PackInputs(
            data=data,
            period=period,
            findings=findings,
            trail=trail,
            verdict=verdict,
            source=workspace.location,
            generated_at=datetime.now(UTC).replace(microsecond=0),
            complaint_days=settings.complaint_days,
        )
    )


def write_pack(
    workspace: Workspace, period: ReportPeriod, output: Path, progress: Progress | None = None
) -> WrittenReport:
    """Build and write the pack (``evidence-pack.html`` and ``.md``) into ``output``."""
    _check_output(output)
    doc = build_pack(workspace, period, progress)
    if progress is not None:
        progress("writing the files")
    return write_document(doc, output, "evidence-pack")


def _check_output(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise UserError(f"{output}: is a file; -o names a folder to write the report into")


def report(
    data: Path | None,
    demo: bool,
    since: date | None,
    until: date | None,
    output: Path,
    supplier: str | None = None,
    sla: str | None = None,
    last: int = 12,
) -> int:
    """Write the evidence pack, a supplier's scorecard or an SLA's service report."""
    from itsms_tui.services.exchange_commands import open_for_reading

    _check_output(output)
    workspace = open_for_reading(data, demo)
    period = report_period(since, until, workspace.today())
    if supplier is not None:
        from itsms_tui.services.scorecard import write_scorecard

        written = write_scorecard(workspace.data(), supplier, period.until, output, last=last)
    elif sla is not None:
        from itsms_tui.services.scorecard import write_service_report

        written = write_service_report(workspace.data(), sla, period, output)
    else:
        written = write_pack(workspace, period, output)
    print(f"wrote {written.html} and {written.markdown}", file=sys.stderr)
    return EXIT_OK
