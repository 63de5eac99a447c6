"""Sub-parsers and dispatch of the data-exchange commands: diff, merge, calendar, due,
report, and the spreadsheet forms of export and import.

``cli.build_parser`` calls ``add_commands``; ``cli.main`` calls ``dispatch`` first, which
returns None for a command that is not one of these.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

SourceOptions = Callable[..., None]


def add_commands(sub: Any, source_options: SourceOptions, read_only_option: SourceOptions) -> None:
    """Add this module's subcommands to ``sub`` (the main parser's subparsers).

    Each accepts ``--read-only`` after its name too: diff, merge, calendar and due never
    write the data file, nor does report; serve refuses it together with ``--allow-edit``.
    """
    export = sub.choices["export"]
    export.add_argument(
        "--format",
        choices=("toml", "csv", "xlsx"),
        help="toml (default): a snapshot of everything; csv or xlsx: one --collection",
    )
    export.add_argument("--collection", metavar="NAME", help="the register to write (csv, xlsx)")
    imp = sub.choices["import"]
    imp.add_argument("--collection", metavar="NAME", help="the register a .csv/.xlsx file holds")
    imp.add_argument(
        "--encoding", metavar="NAME", help="text encoding of a CSV file without BOM, e.g. cp1252"
    )

    diff = sub.add_parser("diff", help="list records added, removed and changed between snapshots")
    read_only_option(diff)
    diff.add_argument("old", type=Path, metavar="OLD.toml")
    diff.add_argument("new", type=Path, metavar="NEW.toml")
    diff.add_argument("--format", choices=("text", "json"), default="text")

    merge = sub.add_parser(
        "merge", help="three-way merge of snapshots by record and field (a git merge driver)"
    )
    read_only_option(merge)
    merge.add_argument("base", type=Path, metavar="BASE")
    merge.add_argument("ours", type=Path, metavar="OURS")
    merge.add_argument("theirs", type=Path, metavar="THEIRS")
    merge.add_argument(
        "-o", "--output", type=Path, metavar="OUT", required=True, help="merged snapshot to write"
    )
    merge.add_argument(
        "--conflicts",
        type=Path,
        metavar="FILE",
        help="where to write the conflicts report (default: OUT.conflicts.toml)",
    )

    cal = sub.add_parser("calendar", help="the due dates as an iCalendar (.ics) file")
    source_options(cal)
    read_only_option(cal)
    cal.add_argument("-o", "--output", type=Path, metavar="FILE.ics", help="file to write")
    cal.add_argument("--person", metavar="WHO", help="only this owner's or responsible's dates")

    due = sub.add_parser("due", help="what is overdue or falls due soon, by person")
    source_options(due)
    read_only_option(due)
    due.add_argument("--within", default="30d", metavar="30d", help="window: days or weeks")
    due.add_argument("--person", metavar="WHO", help="only this owner's or responsible's dates")
    due.add_argument("--format", choices=("text", "json"), default="text")

    report = sub.add_parser(
        "report", help="write the evidence pack (or a supplier scorecard) as HTML and Markdown"
    )
    source_options(report)
    read_only_option(report)
    report.add_argument("--from", dest="since", metavar="DATE", help="first day of the period")
    report.add_argument("--to", dest="until", metavar="DATE", help="last day (default today)")
    report.add_argument(
        "-o", "--output", type=Path, metavar="DIR", required=True, help="folder to write into"
    )
    which = report.add_mutually_exclusive_group()
    which.add_argument(
        "--supplier", metavar="ID", help="this supplier's scorecard instead of the evidence pack"
    )
    which.add_argument(
        "--sla", metavar="ID", help="this customer SLA's service report for the period"
    )
    report.add_argument(
        "--periods",
        type=int,
        default=12,
        metavar="N",
        help="with --supplier: each KPI's last N periods up to --to (default 12)",
    )

    serve = sub.add_parser("serve", help="serve the app to a web browser (textual-serve)")
    source_options(serve)
    read_only_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--allow-edit", action="store_true", help="let browser sessions edit (default read-only)"
    )
    serve.add_argument(
        "--as",
        dest="as_person",
        metavar="ID",
        help="the person browser sessions work as (default: you; another needs administrator)",
    )


def dispatch(args: argparse.Namespace) -> int | None:
    """Run one of this module's commands; None when ``args.command`` is not one of them."""
    from itsms_tui.services import exchange_commands as commands

    if args.command == "export":
        return _export(args)
    if args.command == "import":
        return _import(args)
    if args.command == "diff":
        return commands.diff(args.old, args.new, args.format)
    if args.command == "calendar":
        return commands.calendar(args.data, args.demo, args.output, args.person)
    if args.command == "due":
        return commands.due(args.data, args.demo, args.within, args.person, args.format)
    if args.command == "serve":
        return _serve(args)
    if args.command == "report":
        return _report(args)
    if args.command == "merge":
        return commands.merge(args.base, args.ours, args.theirs, args.output, args.conflicts)
    return None


def _export(args: argparse.Namespace) -> int | None:
    from itsms_tui.services import exchange_commands as commands
    from itsms_tui.services.errors import UserError
    from itsms_tui.services.spreadsheet_files import spreadsheet_kind

    file_format = args.format
    if args.collection is None:
        if file_format in ("csv", "xlsx"):
            raise UserError(f"--format {file_format} needs --collection NAME (one register)")
        return None
    if file_format is None:
        file_format = (spreadsheet_kind(args.output) if args.output else None) or "csv"
    if file_format == "toml":
        raise UserError(
            "a TOML snapshot holds every register; --collection needs --format csv|xlsx"
        )
    return commands.export_spreadsheet(
        args.data, args.demo, args.output, file_format, args.collection
    )


def _import(args: argparse.Namespace) -> int | None:
    from itsms_tui.services import exchange_commands as commands
    from itsms_tui.services.errors import UserError
    from itsms_tui.services.spreadsheet_files import spreadsheet_kind

    if args.collection is None and spreadsheet_kind(args.file) is None:
        if args.encoding:
            raise UserError("--encoding is for CSV files; a snapshot is always UTF-8")
        return None
    if args.collection is None:
        raise UserError(f"{args.file}: a spreadsheet import needs --collection NAME")
    if args.replace:
        raise UserError("--replace is for snapshots; a spreadsheet import updates by id or name")
    if args.read_only and not args.dry_run:
        raise UserError("--read-only: a spreadsheet import writes; add --dry-run to preview it")
    return commands.import_spreadsheet(
        args.file, args.data, args.collection, args.dry_run, args.encoding
    )


def _report(args: argparse.Namespace) -> int:
    from itsms_tui.services.audit_trail import parse_day
    from itsms_tui.services.errors import UserError
    from itsms_tui.services.report_commands import report

    if args.periods < 1:
        raise UserError(f"--periods {args.periods}: give a number of periods of 1 or more")
    return report(
        args.data,
        args.demo,
        parse_day(args.since, "--from"),
        parse_day(args.until, "--to"),
        args.output,
        supplier=args.supplier,
        sla=args.sla,
        last=args.periods,
    )


def _serve(args: argparse.Namespace) -> int:
    from itsms_tui.services.errors import UserError
    from itsms_tui.services.locations import default_data_path

    if not args.demo:
        path = args.data or default_data_path()
        if not path.exists():
            raise UserError(f"{path}: no such data file (give --data PATH or --demo)")
    if args.read_only and args.allow_edit:
        raise UserError("--read-only and --allow-edit contradict each other")
    try:
        from itsms_tui.ui.serve import serve
    except ImportError:
        raise UserError(
            "serve needs the textual-serve package (pip install textual-serve)"
        ) from None
    from itsms_tui.services.authority import browser_person

    login, who = browser_person(args.data, args.demo, args.as_person)
    return serve(args.data, args.demo, args.host, args.port, args.allow_edit, login=login, who=who)
