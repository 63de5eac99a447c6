"""The evidence pack's 8.3.2 section on the demo: per customer the relationship manager,
services, satisfaction results with their trend, complaints, reviews and findings, in
the HTML and the Markdown alike; hostile customer text shown literally."""

from __future__ import annotations

from datetime import timedelta

import pytest

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.customers import Complaint, ComplaintSeverity, Customer, SatisfactionResult
from itsms_tui.domain.dataset import DataSet
from itsms_tui.services.report_commands import build_pack, report_period
from itsms_tui.services.report_model import Document
from itsms_tui.services.report_pack import SECTION_IDS, PackInputs, evidence_pack
from itsms_tui.services.report_relationships import satisfaction_trend
from itsms_tui.services.report_render import escape_markdown, render_html, render_markdown
from itsms_tui.services.workspace import Workspace
from tests.reports.report_support import DEMO_TODAY, SCRIPT_NAME, hostile_demo, outline

EVIL_COMPLAINT = "[red]Boom[/red] | <b>bold</b> *now*"


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    workspace = hostile_demo()
    evil = workspace.save(Customer(name=SCRIPT_NAME))
    workspace.save(
        Complaint(
            customer_id=evil.id,
            title=EVIL_COMPLAINT,
            received_on=DEMO_TODAY - timedelta(days=3),
            severity=ComplaintSeverity.LOW,
        )
    )
    workspace.save(
        SatisfactionResult(
            customer_id=evil.id,
            measured_on=DEMO_TODAY - timedelta(days=800),  # before the period: left out
            score=1,
            scale_max=5,
            analysis="an old survey outside the period",
        )
    )
    return workspace


@pytest.fixture(scope="module")
def pack(workspace: Workspace) -> Document:
    return build_pack(workspace, report_period(None, None, DEMO_TODAY))


def _html_section(pack: Document) -> str:
    html = render_html(pack)
    start = html.index('id="clause-8-3-2-relationships"')
    return html[start : html.index("<section", start)]


def _md_section(pack: Document) -> str:
    md = render_markdown(pack)
    return md.split("\n## 8.3.2 Business relationship management\n", 1)[1].split("\n## ", 1)[0]


def test_the_section_comes_before_8_3_3_with_a_page_of_its_own(pack: Document) -> None:
    assert SECTION_IDS.index("clause-8-3-2-relationships") + 1 == SECTION_IDS.index(
        "clause-8-3-3-customers"
    )
    html = render_html(pack)
    assert outline(html).sections == list(SECTION_IDS)
    assert (
        '<section class="clause-section" id="clause-8-3-2-relationships" data-clause="8.3.2">'
        in html
    )
    assert "\n4. 8.3.2 Business relationship management\n" in render_markdown(pack)


def test_each_customer_with_manager_services_and_satisfaction_in_both_outputs(
    pack: Document,
) -> None:
    texts = outline(_html_section(pack)).texts
    md = _md_section(pack)
    for wanted in (
        "CUS-0001 Harrowby Insurance plc",
        "CUS-0003 Aldermoor Borough Council",
        "CUS-0004 Kestrel Health Partners",
        "Elena Marsh",  # Aldermoor's relationship manager
        "SVC-0006 Security Monitoring (24x7 SOC) (live)",
        "SAT-0012",
        "2.9/5",
        "Three respondents cite slow progress on the SOC alert backlog.",
    ):
        assert wanted in texts, wanted
        assert str(escape_markdown(wanted)) in md, wanted
    trend = "worsening: 4.2/5 on "
    assert any(t.startswith(trend) and t.endswith("over 4 results") for t in texts)
    assert f"**Satisfaction trend:** {trend}" in md
    assert "an old survey outside the period" not in texts + [md]


def test_complaints_with_their_status_escalation_and_target(pack: Document) -> None:
    texts = outline(_html_section(pack)).texts
    md = _md_section(pack)
    row = "| CMP-0002 | Leeds depot offline twice in one week | SVC-0003 Managed Network (SD-WAN) |"
    assert row in md
    line = next(x for x in md.splitlines() if x.startswith("| CMP-0002 |"))
    cells = [c.strip() for c in line.strip("| ").split(" | ")]
    assert cells[4:9] == ["high", "Aisha Khan", "Priya Raman", cells[7], "investigating"]
    assert cells[9].endswith("(by severity)")
    for wanted in ("CMP-0002", "Leeds depot offline twice in one week", "investigating"):
        assert wanted in texts, wanted
    closed = next(x for x in md.splitlines() if x.startswith("| CMP-0001 |"))
    assert "| closed |" in closed and "HelpPoint weekend rota" in closed


def test_reviews_and_findings_per_customer(pack: Document) -> None:
    texts = outline(_html_section(pack)).texts
    md = _md_section(pack)
    assert "CRV-0001" in texts and "| CRV-0001 |" in md
    assert "Elena Marsh, Marcus Reid, Daniel Fischer, Fiona Blake" in texts
    aldermoor = md.split("### CUS-0003 Aldermoor Borough Council", 1)[1].split("### ", 1)[0]
    assert "| CMP-OVERDUE | error | CMP-0003 |" in aldermoor
    assert "| SAT-ACTION | error | SAT-0012 |" in aldermoor
    harrowby = md.split("### CUS-0001 Harrowby Insurance plc", 1)[1].split("### ", 1)[0]
    assert "No 8.3.2 finding about this customer." in harrowby


def test_hostile_customer_text_is_literal_in_both_outputs(pack: Document) -> None:
    section = _html_section(pack)
    parsed = outline(section)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert EVIL_COMPLAINT in parsed.texts
    assert any(t.endswith(SCRIPT_NAME) for t in parsed.texts)
    md = _md_section(pack)
    assert "<script>" not in md and "<b>" not in md
    assert str(escape_markdown(EVIL_COMPLAINT)) in md
    for line in md.splitlines():
        if line.startswith("| "):
            assert line.rstrip().endswith("|"), line


def _result(day: int, score: float, scale: float = 5) -> SatisfactionResult:
    return SatisfactionResult(
        id=f"SAT-{day:04d}",
        customer_id="CUS-0001",
        measured_on=DEMO_TODAY - timedelta(days=100 - day),
        score=score,
        scale_max=scale,
    )


def test_satisfaction_trend_compares_shares_of_their_scales() -> None:
    assert satisfaction_trend([]) == "no result in the period"
    assert satisfaction_trend([_result(1, 4)]).startswith("one result (4/5)")
    rising = [_result(1, 3), _result(2, 80, 100), _result(3, 4.5)]
    assert satisfaction_trend(rising).startswith("improving: 3/5 on ")
    assert satisfaction_trend([_result(1, 4.5), _result(2, 3.1), _result(3, 2.2)]).startswith(
        "worsening"
    )
    assert satisfaction_trend([_result(1, 4), _result(2, 4.5), _result(3, 4)]).startswith("steady")


def test_an_empty_data_set_lists_the_unproven_requirements_under_no_customer() -> None:
    period = report_period(None, None, DEMO_TODAY)
    findings = run_checks(DataSet(), CheckSettings(), DEMO_TODAY)
    doc = evidence_pack(PackInputs(DataSet(), period, findings, [], None, "empty"))
    md = render_markdown(doc)
    part = md.split("\n## 8.3.2 Business relationship management\n", 1)[1].split("\n## ", 1)[0]
    assert part.startswith("\n0 customers.")
    assert "**Clause 8.3.2 findings about no single customer**" in part
    assert "| CUS-SATISFACTION | error | — |" in part
