"""The checker is pure: it imports only the domain, pydantic and the standard library."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "itsms_tui" / "compliance"
ALLOWED_PREFIXES = ("itsms_tui.domain", "itsms_tui.compliance", "pydantic", "__future__")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_compliance_imports_only_domain_pydantic_and_stdlib() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert files
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in files
        for name in sorted(_imports(path))
        if not name.startswith(ALLOWED_PREFIXES)
        and name.split(".")[0] not in sys.stdlib_module_names
    ]
    assert offenders == []
