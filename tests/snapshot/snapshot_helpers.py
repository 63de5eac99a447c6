"""Helpers shared by the snapshot tests: fixed export time, script and benchmark loaders."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from itsms_tui.domain.dataset import DataSet
from itsms_tui.snapshot import export_snapshot

ROOT = Path(__file__).resolve().parents[2]
EXPORTED_AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def export(data: DataSet, settings: Mapping[str, Any] | None = None) -> str:
    """Export with a fixed time and version, so two exports can be compared as text."""
    return export_snapshot(data, exported_at=EXPORTED_AT, app_version="9.9.9", settings=settings)


@cache
def load_module(relative: str) -> ModuleType:
    """Import a repository script (``scripts/...`` or ``benchmarks/...``) by path."""
    path = ROOT / relative
    name = path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
