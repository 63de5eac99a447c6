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
from itsms_tui.store.files import write_file_atomically

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_CONFLICTS = 1


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


def default_conflicts_path(output: Path) -> Path:
    """Where ``merge`` writes its conflicts report unless told: beside the output."""
    return output.with_name(output.name + ".conflicts.toml")


def merge(
    base_file: Path, ours_file: Path, theirs_file: Path, output: Path, conflicts_file: Path | None
) -> int:
    """Three-way merge into ``output``; on conflict exit 1, ``output`` left untouched and a
    conflicts report written (``conflicts_file``, else ``OUTPUT.conflicts.toml``)."""
    from itsms_tui.snapshot.merge import conflicts_report, merge_snapshots

    base = read_snapshot_file(base_file)
    ours = read_snapshot_file(ours_file)
    theirs = read_snapshot_file(theirs_file)
    result = merge_snapshots(
        record_tables(base),
        record_tables(ours),
        record_tables(theirs),
        base_settings=base.settings,
        our_settings=ours.settings,
        their_settings=theirs.settings,
        exported_at=max(ours.exported_at, theirs.exported_at),
        app_version=ours.app_version,
        source=f"merge of {ours_file} and {theirs_file}",
    )
    if result.conflicts:
        report_path = conflicts_file or default_conflicts_path(output)
        report = conflicts_report(
            result.conflicts, base=str(base_file), ours=str(ours_file), theirs=str(theirs_file)
        )
        write_file_atomically(report_path, report.encode("utf-8"))
        for conflict in result.conflicts:
            print(f"conflict: {conflict.line()}", file=sys.stderr)
        print(
            f"{len(result.conflicts)} conflict(s); {output} was not written; "
            f"report in {report_path}",
            file=sys.stderr,
        )
        return EXIT_CONFLICTS
    write_file_atomically(output, result.text.encode("utf-8"))
    total = sum(len(v) for v in result.tables.values())
    print(f"merged {total} records into {output}", file=sys.stderr)
    return EXIT_OK
