"""The evidence pack on the demo: every clause, supplier and agreement; user text escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from itsms_tui.cli import main
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.kpis import Measurement
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.services.report_commands import build_pack, report_period
from itsms_tui.services.report_model import Document
from itsms_tui.services.report_pack import SECTION_IDS
from itsms_tui.services.report_render import escape_markdown, render_html, render_markdown
from itsms_tui.services.workspace import Workspace
from tests.reports.report_support import (
    DEMO_TODAY,
    MARKUP_NAME,
    SCOPE,
    SCRIPT_NAME,
    hostile_demo,
    outline,
)

RICH_MARKUP = re.compile(r"\[/?(?:b|bold|i|dim|red|green|yellow|reverse|link)[^\]]*\]")


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return hostile_demo()


@pytest.fixture(scope="module")
def pack(workspace: Workspace) -> Document:
    return build_pack(workspace, report_period(None, None, DEMO_TODAY))


@pytest.fixture(scope="module")
def html(pack: Document) -> str:
    return render_html(pack)


def test_every_clause_section_is_present_in_order(html: str) -> None:
    parsed = outline(html)
    assert parsed.sections == list(SECTION_IDS)
    for heading in (
        "Operational planning and control",
        "Risks",
        "Change management",
        "Business relationship management",
        "Customers and service level agreements",
        "Supplier register",
        "Agreements",
        "Supplier reviews, improvement actions and disputes",
        "Monitoring and measurement: KPIs",
        "Checker findings",
        "Audit trail",
    ):
        assert heading in parsed.texts, heading


def test_every_supplier_and_agreement_is_in_the_pack(workspace: Workspace, html: str) -> None:
    parsed = outline(html)
    data = workspace.data()
    suppliers, agreements = data.all(Supplier), data.all(Agreement)
    assert len(suppliers) >= 14 and len(agreements) >= 17
    for supplier in suppliers:
        assert supplier.name in parsed.texts, supplier.id
    for agreement in agreements:
        assert f"agreement-{agreement.id}" in parsed.ids
        assert agreement.display in parsed.texts


def test_user_text_is_escaped_and_nothing_is_executable_or_external(html: str) -> None:
    parsed = outline(html)
    assert "script" not in parsed.tags
    assert SCRIPT_NAME in parsed.texts  # shown literally, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert MARKUP_NAME in parsed.texts and SCOPE in parsed.texts
    assert parsed.external == []
    assert "@import" not in html and "url(" not in html
    rich = [t for t in parsed.texts if RICH_MARKUP.search(t) and t not in (MARKUP_NAME, SCOPE)]
    assert rich == []


def test_the_pack_prints_one_clause_per_page(html: str) -> None:
    assert "@media print" in html
    assert re.search(r"section\.clause-section\s*\{[^}]*break-before:\s*page", html)


def test_kpis_have_period_tables_trends_and_inline_charts(
    workspace: Workspace, html: str, pack: Document
) -> None:
    parsed = outline(html)
    measured = {m.kpi_id for m in workspace.data().all(Measurement)}
    assert parsed.svgs == len(pack.charts()) >= len(measured) - 5 > 0
    assert "KPI-0001 by period" in parsed.texts
    assert {"met", "missed"} <= set(parsed.texts)
    assert any(t in parsed.texts for t in ("improving", "worsening", "steady"))


def test_heat_map_counts_every_open_risk(html: str, workspace: Workspace) -> None:
    from itsms_tui.domain.enums import RiskStatus
    from itsms_tui.domain.risks import Risk

    open_risks = [r for r in workspace.data().all(Risk) if r.status is not RiskStatus.CLOSED]
    grid = html.split('class="heatmap"', 1)[1].split("</table>", 1)[0]
    counts = [int(n) for n in re.findall(r"<strong>(\d+)</strong>", grid)]
    assert sum(counts) == len(open_risks)


def test_audit_summary_counts_per_person_and_verifies_the_chain(html: str) -> None:
    parsed = outline(html)
    audit = parsed.text.split("Audit trail")[-1]
    assert "Changes per person" in audit
    assert "verified: audit trail intact" in audit


def test_markdown_has_the_same_sections_and_escapes_user_text(pack: Document) -> None:
    md = render_markdown(pack)
    for section in pack.sections:
        assert f"\n## {escape_markdown(section.heading)}\n" in md
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md or "&lt;script&gt;alert(1)" in md
    assert "<script>" not in md
    assert "\\[bold\\]Loud\\[/bold\\]" in md
    assert "\\| a pipe, \\*stars\\* and a \\[link\\](http://example.com)" in md
    for line in md.splitlines():
        if line.startswith("| "):
            assert line.rstrip().endswith("|"), line


def test_escape_markdown_flattens_lines_and_neutralises_syntax() -> None:
    assert escape_markdown("a\n\n b|c") == "a b\\|c"
    assert escape_markdown("<b>&") == "&lt;b&gt;&amp;"
    assert escape_markdown(3) == 3


def test_report_command_writes_html_markdown_and_charts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack"
    assert main(["report", "--demo", "--read-only", "-o", str(out)]) == 0
    html = (out / "evidence-pack.html").read_text(encoding="utf-8")
    md = (out / "evidence-pack.md").read_text(encoding="utf-8")
    assert outline(html).sections == list(SECTION_IDS)
    charts = sorted((out / "charts").glob("KPI-*.svg"))
    assert charts and all(f"](charts/{c.name})" in md for c in charts)
    assert "wrote" in capsys.readouterr().err


def test_report_period_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pack"
    code = main(["report", "--demo", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(out)])
    assert code == 0
    md = (out / "evidence-pack.md").read_text(encoding="utf-8")
    assert "Period 2026-01-01 to 2026-03-31" in md
    assert main(["report", "--demo", "--from", "2026-04-01", "--to", "2026-03-31", "-o", str(out)])
    assert "--from 2026-04-01 is after --to 2026-03-31" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--data", "{missing}"], "no such data file"),
        (["--demo", "--from", "June"], "--from 'June': not a date"),
    ],
)
def test_report_command_refuses_bad_input_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    argv = [a.replace("{missing}", str(tmp_path / "none.json")) for a in args]
    assert main(["report", *argv, "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_report_into_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a-file"
    target.write_text("keep", encoding="utf-8")
    assert main(["report", "--demo", "-o", str(target)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep"


def test_report_on_a_data_file_reads_only(tmp_path: Path) -> None:
    data = tmp_path / "itsms.json"
    workspace = Workspace.open_file(data)
    workspace.save(Supplier(name=SCRIPT_NAME))
    before = data.read_bytes()
    out = tmp_path / "pack"
    assert main(["--read-only", "report", "--data", str(data), "-o", str(out)]) == 0
    assert data.read_bytes() == before
    md = (out / "evidence-pack.md").read_text(encoding="utf-8")
    assert "verified: audit trail intact" in md and "&lt;script&gt;" in md
