"""The CLI's subcommands as functions returning exit codes (argparse stays in cli.py)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from itsms_tui.services.errors import UserError
from itsms_tui.services.locations import backup_policy, default_data_path
from itsms_tui.services.opening import existing_data_path, workspace_opener
from itsms_tui.services.workspace import Workspace, read_snapshot_file
from itsms_tui.store.errors import InvalidDataError

__all__ = ["existing_data_path", "workspace_opener"]  # and the commands below

EXIT_OK = 0
EXIT_FINDINGS = 1


def open_workspace(data: Path | None, demo: bool, *, read_only: bool = False) -> Workspace:
    """The workspace the options name: demo, ``--data PATH`` or the default data file.

    A read-only workspace must have a data file already: nothing would ever create it.
    """
    if demo:
        return Workspace.open_demo(read_only=read_only)
    path = existing_data_path(data) if read_only else data or default_data_path()
    return Workspace.open_file(path, read_only=read_only)


def refuse_read_only(command: str, read_only: bool) -> None:
    """``--read-only`` with a command that writes: refused, before anything is opened."""
    if read_only:
        raise UserError(f"{command} writes the data file, which --read-only forbids")


def export(data: Path | None, demo: bool, output: Path | None, *, with_audit: bool = False) -> int:
    workspace = open_workspace(data, demo, read_only=True)
    if output is None:
        sys.stdout.write(workspace.export_text(with_audit=with_audit))
        sys.stdout.flush()
        return EXIT_OK
    if output.is_dir():
        raise UserError(f"{output}: is a directory; give a file name with -o")
    existed = output.exists()
    count = workspace.export_to(output, with_audit=with_audit)
    how = (
        "its mode was kept"
        if existed
        else f"mode {workspace.export_mode:04o}, like the data file"
        if workspace.store.file_mode is not None
        else f"mode {workspace.export_mode:04o}, private"
    )
    print(f"exported {count} records to {output} ({how})", file=sys.stderr)
    return EXIT_OK


def import_snapshot(
    file: Path,
    data: Path | None,
    dry_run: bool,
    replace: bool,
    *,
    read_only: bool = False,
    allow_history: bool = False,
) -> int:
    if not dry_run:
        refuse_read_only("import", read_only)
    if dry_run:
        snapshot = read_snapshot_file(file, allow_history=allow_history)
    else:
        # Validated once: the trial write in memory that ``read_snapshot_file`` adds (so a
        # dry run refuses what the store would) is the real write itself here, which
        # refuses the same things before it touches the disk (a second of 50k records).
        from itsms_tui.snapshot.importer import load_snapshot

        snapshot = load_snapshot(file.read_bytes(), source=str(file), allow_history=allow_history)
    target = data or default_data_path()
    counts = ", ".join(f"{n} {name}" for name, n in snapshot.counts().items() if n)
    if dry_run:
        workspace = Workspace.open_file(target)  # opened to ask, written never
        existing = len(workspace.data())
        print(f"{file}: valid snapshot with {snapshot.total()} records ({counts or 'none'})")
        reason = workspace.store.read_only_reason
        if reason is not None:
            raise UserError(
                f"{target}: read-only ({reason}); the import would fail; "
                "nothing was written (--dry-run)"
            )
        if existing and not replace:
            raise UserError(
                f"{target} already holds {existing} records; the import would be refused "
                "(add --replace); nothing was written (--dry-run)"
            )
        verdict = f"would replace its {existing} records" if existing else "would fill it"
        print(f"{target}: {verdict}; nothing was written (--dry-run)")
        return EXIT_OK
    workspace = Workspace.open_file(target)
    try:
        workspace.import_snapshot(snapshot, replace=replace, source=str(file))
    except InvalidDataError as error:  # as the trial write would have said it
        raise UserError(f"{file}: {error.problem}") from None
    print(f"imported {snapshot.total()} records into {target} ({counts or 'none'})")
    return EXIT_OK


def check(
    data: Path | None,
    demo: bool,
    snapshot_file: Path | None,
    output_format: str,
    rule_ids: list[str],
    *,
    allow_history: bool = False,
) -> int:
    """Print findings grouped by clause; exit 1 when an error-severity finding exists."""
    from itsms_tui.compliance.engine import (
        applicable,
        format_json,
        format_text,
        has_errors,
        select_rules,
    )
    from itsms_tui.services.checking import findings_for

    if snapshot_file is not None:
        if data is not None or demo:
            raise UserError("--snapshot cannot be combined with --data or --demo")
        snapshot = read_snapshot_file(snapshot_file, allow_history=allow_history)
        dataset, settings, source = snapshot.dataset, snapshot.settings, str(snapshot_file)
        today = date.today()
        trail = None
    else:
        workspace = open_workspace(data, demo, read_only=True)
        dataset, settings, source = workspace.data(), workspace.settings(), workspace.location
        today = workspace.today()
        trail = workspace.store.verify_audit()
    if allow_history and snapshot_file is None:
        raise UserError("--allow-history applies only with --snapshot")
    findings = findings_for(dataset, settings, today, source=source, rule_ids=rule_ids, trail=trail)
    ran = applicable(select_rules(rule_ids or None), trail_checked=trail is not None)
    text = format_json(findings, ran) if output_format == "json" else format_text(findings, ran)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def backups(data: Path | None) -> int:
    """List the data file's backups, newest first: time, size, records, who saved."""
    from itsms_tui.store.restore import describe_backups

    path = existing_data_path(data)
    found = describe_backups(path)
    if not found:
        print(f"{path}: no backups yet (one is kept before every save)")
        return EXIT_OK
    print(f"backups of {path}, newest first:")
    for info in found:
        held = f"{info.records} records" if info.records is not None else "unreadable"
        who = f"saved by {info.saved_by}" if info.saved_by else ""
        line = f"  {info.path.name}  {info.saved_at:%Y-%m-%d %H:%M:%S} UTC  {info.size:>9} bytes  "
        print(f"{line}{held:<13} {who or info.problem}".rstrip())
    return EXIT_OK


def _require_administrator(path: Path, doing: str) -> None:
    """Refuse unless the session is an administrator of the data file at ``path``.

    A file that cannot be read names no administrator; restoring over it is left to
    whoever the OS lets write it (that is what a restore is for).
    """
    from itsms_tui.services.authority import Capability
    from itsms_tui.store.errors import StoreError

    try:
        workspace = Workspace.open_file(path, read_only=True)
    except (StoreError, UserError):
        return
    try:
        workspace.actor.require(Capability.ADMINISTER, doing)
    finally:
        workspace.store.close()


def restore(backup: Path, data: Path | None, *, read_only: bool = False) -> int:
    """Restore one backup over the data file (atomic, audited; the current file kept)."""
    from itsms_tui.store.restore import resolve_backup, restore_backup

    refuse_read_only("restore", read_only)
    path = data or default_data_path()
    source = resolve_backup(path, backup)
    _require_administrator(path, "restore a backup")
    info = restore_backup(path, source, backups=backup_policy())
    print(
        f"restored {source} ({info.records} records, saved {info.saved_at:%Y-%m-%d %H:%M:%S} "
        f"UTC) into {path}; the file it replaced is kept as the newest backup"
    )
    return EXIT_OK
