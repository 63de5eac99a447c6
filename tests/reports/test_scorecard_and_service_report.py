"""The supplier scorecard and the customer SLA service report, on the demo."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.enums import ActionStatus, AgreementKind, DisputeStatus
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.suppliers import (
    Dispute,
    Evaluation,
    ImprovementAction,
    Supplier,
    SupplierReview,
)
from itsms_tui.services.report_kpis import ReportPeriod
from itsms_tui.services.report_render import render_html, render_markdown
from itsms_tui.services.scorecard import (
    SCORECARD_SECTIONS,
    SERVICE_REPORT_SECTIONS,
    service_report,
    supplier_scorecard,
)
from itsms_tui.services.workspace import Workspace
from tests.reports.report_support import DEMO_TODAY, SCRIPT_NAME, hostile_demo, outline


def _evil_supplier(workspace: Workspace) -> Supplier:
    return next(s for s in workspace.data().all(Supplier) if s.name == SCRIPT_NAME)


def test_scorecard_of_a_demo_supplier_has_every_part() -> None:
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    data = workspace.data()
    supplier = data.get_as(Supplier, "SUP-0001")
    assert supplier is not None
    doc = supplier_scorecard(data, "sup-0001", DEMO_TODAY, last=6)
    parsed = outline(render_html(doc))
    assert parsed.sections == list(SCORECARD_SECTIONS)
    agreements = [a for a in data.all(Agreement) if a.supplier_id == supplier.id]
    kpis = [k for k in data.all(Kpi) if k.subject_id in {supplier.id, *(a.id for a in agreements)}]
    assert kpis and agreements
    for kpi in kpis:
        marks = parsed.texts[parsed.texts.index(kpi.display) + 8]  # the table row's last cell
        assert len(marks.split()) == 6 and set(marks) <= set("✓✗·○ "), marks  # one per period
    for agreement in agreements:
        assert agreement.display in parsed.texts
    for evaluation in data.referring(supplier.id, Evaluation):
        assert evaluation.id in parsed.texts
    for review in data.referring(supplier.id, SupplierReview):
        assert review.id in parsed.texts


def test_scorecard_counts_met_and_missed_and_lists_open_items_only(tmp_path: Path) -> None:
    workspace = hostile_demo()
    evil = _evil_supplier(workspace)
    kpi = workspace.save(
        Kpi(name=f"Uptime of {SCRIPT_NAME}", target=99.0, warning=98.0, subject_id=evil.id)
    )
    first = DEMO_TODAY.replace(day=1)
    last_month = first - timedelta(days=1)
    two_back = last_month.replace(day=1) - timedelta(days=1)
    workspace.save(Measurement(kpi_id=kpi.id, measured_on=two_back, value=99.5))  # met
    workspace.save(Measurement(kpi_id=kpi.id, measured_on=last_month, value=97.0))  # missed
    workspace.save(ImprovementAction(description="Fix the <b>uptime</b>", supplier_id=evil.id))
    workspace.save(
        ImprovementAction(
            description="Already done",
            supplier_id=evil.id,
            status=ActionStatus.DONE,
            completed_on=DEMO_TODAY,
        )
    )
    workspace.save(Dispute(supplier_id=evil.id, title="Credits owed", raised_on=DEMO_TODAY))
    workspace.save(
        Dispute(
            supplier_id=evil.id,
            title="Settled long ago",
            raised_on=date(2024, 1, 1),
            status=DisputeStatus.CLOSED,
            resolved_on=date(2024, 2, 1),
            resolution="paid",
        )
    )
    doc = supplier_scorecard(workspace.data(), evil.id, DEMO_TODAY, last=3)
    parsed = outline(render_html(doc))
    row = parsed.texts.index(kpi.display)
    # met, missed, and this month, not over: open (not counted as not measured)
    assert parsed.texts[row + 2 : row + 9] == ["97 %", "1", "1", "0", "50%", "worsening", "✓ ✗ ○"]
    assert "Fix the <b>uptime</b>" in parsed.texts and "Already done" not in parsed.texts
    assert "Credits owed" in parsed.texts and "Settled long ago" not in parsed.texts
    assert "script" not in parsed.tags and SCRIPT_NAME in doc.title
    md = render_markdown(doc)
    assert "<script>" not in md and "<b>" not in md


def test_scorecard_command_writes_and_refuses_an_unknown_supplier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sc"
    code = main(["report", "--demo", "--supplier", "SUP-0001", "--periods", "6", "-o", str(out)])
    assert code == 0
    html = (out / "scorecard-SUP-0001.html").read_text(encoding="utf-8")
    assert outline(html).sections == list(SCORECARD_SECTIONS)
    assert (out / "scorecard-SUP-0001.md").is_file()
    assert main(["report", "--demo", "--supplier", "SUP-9999", "-o", str(out)]) == 2
    assert "--supplier SUP-9999: no such supplier" in capsys.readouterr().err
    code = main(["report", "--demo", "--supplier", "SUP-0001", "--periods", "0", "-o", str(out)])
    assert code == 2
    assert "--periods 0" in capsys.readouterr().err


def _demo_sla(workspace: Workspace) -> Agreement:
    return next(
        a
        for a in workspace.data().all(Agreement)
        if a.kind is AgreementKind.CUSTOMER_SLA
        and a.workload_limits
        and any(k.subject_id == a.id for k in workspace.data().all(Kpi))
    )


def test_service_report_shows_targets_workload_missed_periods_and_actions() -> None:
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    sla = _demo_sla(workspace)
    kpi = next(k for k in workspace.data().all(Kpi) if k.subject_id == sla.id)
    workspace.save(
        Measurement(kpi_id=kpi.id, measured_on=DEMO_TODAY, value=kpi.warning - 1, note="bad")
    )
    workspace.save(ImprovementAction(description="Add a second shift", kpi_id=kpi.id))
    period = ReportPeriod(DEMO_TODAY - timedelta(days=365), DEMO_TODAY)
    doc = service_report(workspace.data(), sla.id, period)
    parsed = outline(render_html(doc))
    assert parsed.sections == list(SERVICE_REPORT_SECTIONS)
    for target in sla.targets:
        assert target.metric in parsed.texts
    for limit in sla.workload_limits:
        assert limit in parsed.texts
    this_month = DEMO_TODAY.strftime("%Y-%m")
    missed = html_rows_after(parsed.texts, "Missed targets")
    assert any(this_month in r and "Add a second shift" in " ".join(r) for r in missed)
    assert f"charts/{sla.id}/{kpi.id}.svg" in render_markdown(doc)


def test_service_report_shows_workload_readings_against_the_limits() -> None:
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    data = workspace.data()
    [kpi] = [k for k in data.all(Kpi) if k.name == "Harrowby service desk contacts"]
    period = ReportPeriod(DEMO_TODAY - timedelta(days=365), DEMO_TODAY)
    parsed = outline(render_html(service_report(data, kpi.subject_id, period)))
    texts = parsed.texts
    table = texts.index(f"Workload in {period.label} against the limits")
    assert texts[table + 1 : table + 3] == ["KPI", "Limit"]
    row = texts.index(kpi.display, table)
    assert texts[row + 1] == "2500 contacts (lower is better)"
    assert texts[row + 4] == "1"  # one period (June) over the limit
    [over, *_] = html_rows_after(texts, "Periods over a limit")
    assert over[0] == kpi.display
    assert over[2:] == ["2710 contacts", "2500 contacts", "none recorded"]
    # performance KPIs stay in their own table; the workload KPI is not a missed target
    missed = html_rows_after(texts, "Missed targets")
    assert not any(kpi.display == r[0] for r in missed)


def html_rows_after(texts: list[str], caption: str) -> list[list[str]]:
    """The texts after ``caption`` in groups of five (the missed-targets table's columns)."""
    start = texts.index(caption) + 6  # caption and the five headers
    body = texts[start:]
    return [body[i : i + 5] for i in range(0, len(body) - 4, 5)]


def test_service_report_command_refuses_what_is_not_a_customer_sla(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = Workspace.open_demo(today=lambda: DEMO_TODAY)
    contract = next(
        a for a in workspace.data().all(Agreement) if a.kind is not AgreementKind.CUSTOMER_SLA
    )
    assert main(["report", "--demo", "--sla", contract.id, "-o", str(tmp_path / "x")]) == 2
    assert f"--sla {contract.id}: no such customer SLA" in capsys.readouterr().err
    sla = _demo_sla(workspace)
    assert main(["report", "--demo", "--sla", sla.id, "-o", str(tmp_path / "y")]) == 0
    assert (tmp_path / "y" / f"service-report-{sla.id}.html").is_file()
