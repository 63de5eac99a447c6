"""The ``itsms-tui`` command line: open the TUI, export, import, check.

Exit codes (a public contract): 0 success; 1 ``check`` found requirements not met;
2 bad usage or bad data, with one line on stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from itsms_tui import __version__

EXIT_OK = 0
EXIT_BAD = 2
"""Exit 1 (check found requirements not met) is decided in services.commands.check."""

PROG = "itsms-tui"
_ALLOW_HISTORY_HELP = (
    "keep changes whose workflow record is incomplete (historic data), marked as "
    "imported history, which check reports"
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD, f"{self.prog}: {message} (see {PROG} --help)\n")


def _source_options(parser: argparse.ArgumentParser, *, demo: bool = True) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--data",
        type=Path,
        metavar="PATH",
        help="data file (default: $ITSMS_TUI_DATA, else the user data directory)",
    )
    if demo:
        group.add_argument(
            "--demo", action="store_true", help="use the bundled sample data, in memory only"
        )


def _read_only_option(parser: argparse.ArgumentParser) -> None:
    """``--read-only`` after the command too; SUPPRESS keeps one given before it."""
    parser.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS,
        help="write nothing (refused by commands that must write)",
    )


def _add_backup_commands(sub: Any) -> None:
    backups = sub.add_parser("backups", help="list the rotating backups of the data file")
    _source_options(backups, demo=False)
    _read_only_option(backups)
    restore = sub.add_parser(
        "restore", help="restore a backup (atomic, audited; the current file is kept)"
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="a path or a listed name")
    _source_options(restore, demo=False)
    _read_only_option(restore)


def _add_audit_commands(sub: Any) -> None:
    audit = sub.add_parser("audit", help="list the audit trail, or verify its hash chain")
    _source_options(audit)
    _read_only_option(audit)
    audit.add_argument("--from", dest="since", metavar="DATE", help="from this day (UTC)")
    audit.add_argument("--to", dest="until", metavar="DATE", help="up to this day (UTC)")
    audit.add_argument(
        "--person",
        metavar="ID",
        help="only entries by this person (person id, e.g. PER-0001, or OS login)",
    )
    audit.add_argument("--record", metavar="ID", help="only entries about this record")
    audit.add_argument("--format", choices=("text", "json", "csv"), default="text")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", parser_class=_Parser)
    verify = actions.add_parser("verify", help="check the chain; exit 1 naming the first break")
    _source_options(verify)
    _read_only_option(verify)
    for action in verify._actions:  # given before ``verify`` too: keep the value given there
        if action.dest in ("data", "demo"):
            action.default = argparse.SUPPRESS


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="ISO/IEC 20000-1 operational planning (8.1) and supplier management (8.3).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _source_options(parser)
    parser.add_argument("--read-only", action="store_true", help="open without editing")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    export = sub.add_parser("export", help="write a TOML snapshot (stdout without -o)")
    _source_options(export)
    _read_only_option(export)
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="snapshot file to write")
    export.add_argument(
        "--with-audit", action="store_true", help="include the audit trail, with its hashes"
    )

    imp = sub.add_parser("import", help="load a TOML snapshot into a new or empty data file")
    imp.add_argument("file", type=Path, metavar="FILE")
    _source_options(imp, demo=False)
    _read_only_option(imp)
    imp.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    imp.add_argument(
        "--replace", action="store_true", help="replace every record of a non-empty data file"
    )
    imp.add_argument("--allow-history", action="store_true", help=_ALLOW_HISTORY_HELP)

    check = sub.add_parser("check", help="list what does not yet meet clauses 8.1 and 8.3")
    _source_options(check)
    _read_only_option(check)
    check.add_argument(
        "--snapshot", type=Path, metavar="FILE", help="check a snapshot file instead"
    )
    check.add_argument(
        "--allow-history", action="store_true", help="with --snapshot: " + _ALLOW_HISTORY_HELP
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--rule", action="append", default=[], metavar="ID", help="only this rule (repeatable)"
    )
    _add_backup_commands(sub)
    _add_audit_commands(sub)
    from itsms_tui import cli_exchange

    cli_exchange.add_commands(sub, _source_options, _read_only_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Nothing escapes as a traceback: an exception nobody expected becomes exit 2, one
    line on stderr, and the traceback in a log file the line names.
    """
    try:
        return _run(argv)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        from itsms_tui.services.crash_log import one_line, write_crash_log

        log = write_crash_log(error, list(sys.argv if argv is None else argv))
        where = f"details in {log}" if log else "no log file could be written"
        print(f"{PROG}: unexpected error ({one_line(error)}); {where}", file=sys.stderr)
        return EXIT_BAD


def _audit(args: argparse.Namespace) -> int:
    from itsms_tui.services import audit_trail

    if args.audit_command == "verify":
        return audit_trail.verify(args.data, args.demo)
    wanted = audit_trail.TrailFilter(
        since=audit_trail.parse_day(args.since, "--from"),
        until=audit_trail.parse_day(args.until, "--to"),
        person=args.person,
        record_id=args.record,
    )
    return audit_trail.list_trail(args.data, args.demo, wanted, args.format)


def _tui(args: argparse.Namespace) -> int:
    """The shell paints first and the data is opened in its load worker. What makes a file
    unusable is checked now where that is cheap (one line on stderr, exit 2, before the
    UI); what only a full read finds ends the app with that same line. Nothing here
    imports the models: the first frame does not wait for them."""
    from itsms_tui.services.opening import workspace_opener

    opener, location = workspace_opener(args.data, args.demo, read_only=args.read_only)
    from itsms_tui.ui.app import run_app

    return run_app(opener, location=location)


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    from itsms_tui.services.errors import EXPECTED_ERRORS, SAVED_BUT_UNSYNCED, describe

    try:
        if args.command is None:
            return _tui(args)
        from itsms_tui.cli_exchange import dispatch
        from itsms_tui.services import commands

        exchanged = dispatch(args)
        if exchanged is not None:
            return exchanged
        if args.command == "export":
            return commands.export(args.data, args.demo, args.output, with_audit=args.with_audit)
        if args.command == "import":
            return commands.import_snapshot(
                args.file,
                args.data,
                args.dry_run,
                args.replace,
                read_only=args.read_only,
                allow_history=args.allow_history,
            )
        if args.command == "audit":
            return _audit(args)
        if args.command == "backups":
            return commands.backups(args.data)
        if args.command == "restore":
            return commands.restore(args.backup, args.data, read_only=args.read_only)
        if args.command == "check":
            return commands.check(
                args.data,
                args.demo,
                args.snapshot,
                args.format,
                args.rule,
                allow_history=args.allow_history,
            )
        raise AssertionError(f"unhandled command {args.command!r}")
    except SAVED_BUT_UNSYNCED as warning:
        print(f"{PROG}: warning: {describe(warning)}", file=sys.stderr)
        return EXIT_OK
    except EXPECTED_ERRORS as error:
        print(f"{PROG}: {describe(error)}", file=sys.stderr)
        return EXIT_BAD
    except KeyboardInterrupt:
        return 130
