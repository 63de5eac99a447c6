"""The layers, enforced: only ui/ imports Textual; ui/ reaches data and rules through
services/ (never the store or the checker's rule modules); the domain imports nothing of
the project above it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "itsms_tui"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in sorted((SRC / package).rglob("*.py")) if package else sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC)
        if not package and rel.parts[0] == "ui":
            continue
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                out.append(f"{rel}: imports {name}")
    return out


def test_only_ui_imports_textual() -> None:
    assert _offenders("", ("textual",)) == []


def test_domain_is_pure() -> None:
    forbidden = (
        "textual",
        "tinydb",
        "orjson",
        "itsms_tui.store",
        "itsms_tui.snapshot",
        "itsms_tui.services",
        "itsms_tui.ui",
        "itsms_tui.cli",
    )
    assert _offenders("domain", forbidden) == []


def test_domain_imports_no_layer_above_it() -> None:
    above = (
        "itsms_tui.store",
        "itsms_tui.snapshot",
        "itsms_tui.services",
        "itsms_tui.compliance",
        "itsms_tui.ui",
        "itsms_tui.cli",
    )
    assert _offenders("domain", above) == []


def test_ui_reaches_the_store_and_the_rules_only_through_services() -> None:
    assert _offenders("ui", ("itsms_tui.store", "itsms_tui.compliance.rules")) == []


def test_services_and_the_checker_stay_free_of_textual() -> None:
    for package in ("services", "compliance", "store", "snapshot", "domain"):
        assert _offenders(package, ("textual", "rich.console")) == [], package


def test_store_and_snapshot_do_not_reach_up() -> None:
    up = ("textual", "itsms_tui.services", "itsms_tui.ui", "itsms_tui.cli")
    assert _offenders("store", up) == []
    assert _offenders("snapshot", up) == []


def test_the_checker_sees_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from textual.app import App\n", encoding="utf-8")
    assert "textual.app" in _imports(bad)
