"""The data-exchange subcommands (diff, merge, spreadsheets, calendar, due) as functions
returning exit codes; argparse stays in ``cli_exchange``."""

from __future__ import annotations

import sys
from pathlib import Path

from itsms_tui.services.workspace import Workspace, read_snapshot_file
from itsms_tui.snapshot.compare import record_tables
from itsms_tui.snapshot.diff import diff_tables
from itsms_tui.snapshot.diff import format_json as diff_json
from itsms_tui.snapshot.diff import format_text as diff_text
from itsms_tui.store.files import write_file_atomically

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_CONFLICTS = 1


def open_for_reading(data: Path | None, demo: bool) -> Workspace:
    """The workspace a read-only command reads; a data file that does not exist is an error
    (exit 2), never silently an empty organisation."""
    from itsms_tui.services.commands import open_workspace
    from itsms_tui.services.errors import UserError
    from itsms_tui.services.locations import default_data_path

    if not demo:
        path = data or default_data_path()
        if not path.exists():
            raise UserError(f"{path}: no such data file (give --data PATH or --demo)")
    return open_workspace(data, demo, read_only=True)


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


def export_spreadsheet(
    data: Path | None, demo: bool, output: Path | None, file_format: str, collection: str
) -> int:
    """One register as CSV (stdout without -o) or XLSX (needs -o)."""
    from itsms_tui.services.errors import UserError
    from itsms_tui.services.spreadsheet_export import (
        check_export_collection,
        register_sheet,
        register_sheets,
    )
    from itsms_tui.services.spreadsheet_files import csv_text, xlsx_bytes

    check_export_collection(collection)
    if output is not None and output.is_dir():
        raise UserError(f"{output}: is a directory; give a file name with -o")
    if file_format == "xlsx" and output is None:
        raise UserError("--format xlsx writes a binary file: give its name with -o FILE.xlsx")
    workspace = open_for_reading(data, demo)
    dataset, today = workspace.data(), workspace.today()
    if file_format == "xlsx":
        assert output is not None
        sheets = register_sheets(dataset, collection, today)
        write_file_atomically(output, xlsx_bytes(sheets))
        rows = len(sheets[0][2])
    else:
        _, header, body = register_sheet(dataset, collection, today)
        text = csv_text(header, body)
        rows = len(body)
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return EXIT_OK
        write_file_atomically(output, b"\xef\xbb\xbf" + text.encode("utf-8"))
    print(f"exported {rows} {collection} to {output}", file=sys.stderr)
    return EXIT_OK


def import_spreadsheet(
    file: Path, data: Path | None, collection: str, dry_run: bool, encoding: str | None
) -> int:
    """Preview (and unless ``dry_run`` apply) a register import; exit 2 on any row error."""
    from itsms_tui.services.errors import UserError
    from itsms_tui.services.locations import default_data_path
    from itsms_tui.services.spreadsheet_files import read_sheet
    from itsms_tui.services.spreadsheet_import import (
        apply_import,
        check_import_collection,
        plan_import,
        preview_lines,
    )
    from itsms_tui.services.workspace import Workspace

    check_import_collection(collection)
    sheet = read_sheet(file, collection=collection, encoding=encoding)
    target = data or default_data_path()
    workspace = Workspace.open_file(target, read_only=dry_run)
    plan = plan_import(
        sheet,
        collection,
        workspace.data(),
        source=str(file),
        context=workspace.integrity_context(),
    )
    for line in preview_lines(plan):
        print(line)
    if plan.errors:
        for error in plan.errors:
            print(error.line(str(file)), file=sys.stderr)
        raise UserError(
            f"{file}: {len(plan.errors)} row error(s); nothing was imported "
            f"(first: {plan.errors[0].line(str(file))})"
        )
    if dry_run:
        print(f"{target}: nothing was written (--dry-run)")
        return EXIT_OK
    count = apply_import(workspace, plan)
    print(f"{target}: saved {count} {collection} record(s) in one transaction")
    return EXIT_OK


def calendar(data: Path | None, demo: bool, output: Path | None, person: str | None) -> int:
    """The due dates as iCalendar (stdout without -o)."""
    from datetime import UTC, datetime

    from itsms_tui.services.calendar_feed import calendar_ics
    from itsms_tui.services.due_dates import due_items, for_person

    workspace = open_for_reading(data, demo)
    items = for_person(due_items(workspace.data(), workspace.today(), workspace.settings()), person)
    name = "itsms-tui due dates" + (f" for {person}" if person else "")
    payload = calendar_ics(items, generated_at=datetime.now(UTC).replace(microsecond=0), name=name)
    if output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return EXIT_OK
    write_file_atomically(output, payload)
    print(f"wrote {len(items)} due dates to {output}", file=sys.stderr)
    return EXIT_OK


EXIT_OVERDUE = 1


def due(data: Path | None, demo: bool, within: str, person: str | None, output_format: str) -> int:
    """What is overdue or falls due soon, by person; exit 1 when anything is overdue."""
    from itsms_tui.services import due_digest
    from itsms_tui.services.due_dates import due_items, for_person

    within_days = due_digest.parse_within(within)
    workspace = open_for_reading(data, demo)
    today = workspace.today()
    items = for_person(due_items(workspace.data(), today, workspace.settings()), person)
    items = due_digest.select_due(items, today, within_days)
    if output_format == "json":
        _write_stdout(due_digest.format_json(items, today, within_days))
    else:
        _write_stdout(due_digest.format_text(items, today, within_days))
    return EXIT_OVERDUE if any(i.overdue(today) for i in items) else EXIT_OK
