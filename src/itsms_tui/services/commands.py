"""The CLI's subcommands as functions returning exit codes (argparse stays in cli.py)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from itsms_tui.services.errors import UserError
from itsms_tui.services.locations import default_data_path
from itsms_tui.services.workspace import Workspace, read_snapshot_file

EXIT_OK = 0
EXIT_FINDINGS = 1


def open_workspace(data: Path | None, demo: bool, *, read_only: bool = False) -> Workspace:
    """The workspace the options name: demo, ``--data PATH`` or the default data file."""
    if demo:
        return Workspace.open_demo(read_only=read_only)
    return Workspace.open_file(data or default_data_path(), read_only=read_only)


def export(data: Path | None, demo: bool, output: Path | None) -> int:
    workspace = open_workspace(data, demo, read_only=True)
    if output is None:
        sys.stdout.write(workspace.export_text())
        sys.stdout.flush()
        return EXIT_OK
    if output.is_dir():
        raise UserError(f"{output}: is a directory; give a file name with -o")
    count = workspace.export_to(output)
    print(f"exported {count} records to {output}", file=sys.stderr)
    return EXIT_OK


def import_snapshot(file: Path, data: Path | None, dry_run: bool, replace: bool) -> int:
    snapshot = read_snapshot_file(file)
    target = data or default_data_path()
    counts = ", ".join(f"{n} {name}" for name, n in snapshot.counts().items() if n)
    if dry_run:
        existing = len(Workspace.open_file(target, read_only=True).data())
        print(f"{file}: valid snapshot with {snapshot.total()} records ({counts or 'none'})")
        if existing and not replace:
            raise UserError(
                f"{target} already holds {existing} records; the import would be refused "
                "(add --replace); nothing was written (--dry-run)"
            )
        verdict = f"would replace its {existing} records" if existing else "would fill it"
        print(f"{target}: {verdict}; nothing was written (--dry-run)")
        return EXIT_OK
    workspace = Workspace.open_file(target)
    workspace.import_snapshot(snapshot, replace=replace, source=str(file))
    print(f"imported {snapshot.total()} records into {target} ({counts or 'none'})")
    return EXIT_OK


def check(
    data: Path | None,
    demo: bool,
    snapshot_file: Path | None,
    output_format: str,
    rule_ids: list[str],
) -> int:
    """Print findings grouped by clause; exit 1 when an error-severity finding exists."""
    from itsms_tui.compliance.engine import format_json, format_text, has_errors, select_rules
    from itsms_tui.services.checking import findings_for

    if snapshot_file is not None:
        if data is not None or demo:
            raise UserError("--snapshot cannot be combined with --data or --demo")
        snapshot = read_snapshot_file(snapshot_file)
        dataset, settings, source = snapshot.dataset, snapshot.settings, str(snapshot_file)
        today = date.today()
    else:
        workspace = open_workspace(data, demo, read_only=True)
        dataset, settings, source = workspace.data(), workspace.settings(), workspace.location
        today = workspace.today()
    findings = findings_for(dataset, settings, today, source=source, rule_ids=rule_ids)
    if output_format == "json":
        text = format_json(findings)
    else:
        text = format_text(findings, select_rules(rule_ids or None))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK
