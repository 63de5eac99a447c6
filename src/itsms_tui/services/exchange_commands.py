"""The data-exchange subcommands (diff, merge, spreadsheets, calendar, due) as functions
returning exit codes; argparse stays in ``cli_exchange``."""

from __future__ import annotations

import sys
from pathlib import Path

from itsms_tui.services.workspace import read_snapshot_file
from itsms_tui.snapshot.compare import record_tables
from itsms_tui.snapshot.diff import diff_tables
from itsms_tui.snapshot.diff import format_json as diff_json
from itsms_tui.snapshot.diff import format_text as diff_text

EXIT_OK = 0
EXIT_DIFFERENT = 1


def _write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def diff(old_file: Path, new_file: Path, output_format: str) -> int:
    """Print what changed from ``old_file`` to ``new_file``; exit 1 when they differ."""
    old = read_snapshot_file(old_file)
    new = read_snapshot_file(new_file)
    result = diff_tables(record_tables(old), record_tables(new), old.settings, new.settings)
    if output_format == "json":
        _write_stdout(diff_json(result))
    else:
        _write_stdout(diff_text(result, str(old_file), str(new_file)))
    return EXIT_OK if result.equal else EXIT_DIFFERENT
