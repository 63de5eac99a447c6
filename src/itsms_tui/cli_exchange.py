"""Sub-parsers and dispatch of the data-exchange commands: diff, merge, calendar, due,
and the spreadsheet forms of export and import.

``cli.build_parser`` calls ``add_commands``; ``cli.main`` calls ``dispatch`` first, which
returns None for a command that is not one of these.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

SourceOptions = Callable[..., None]


def add_commands(sub: Any, source_options: SourceOptions) -> None:
    """Add this module's subcommands to ``sub`` (the main parser's subparsers)."""
    diff = sub.add_parser("diff", help="list records added, removed and changed between snapshots")
    diff.add_argument("old", type=Path, metavar="OLD.toml")
    diff.add_argument("new", type=Path, metavar="NEW.toml")
    diff.add_argument("--format", choices=("text", "json"), default="text")

    merge = sub.add_parser(
        "merge", help="three-way merge of snapshots by record and field (a git merge driver)"
    )
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


def dispatch(args: argparse.Namespace) -> int | None:
    """Run one of this module's commands; None when ``args.command`` is not one of them."""
    from itsms_tui.services import exchange_commands as commands

    if args.command == "diff":
        return commands.diff(args.old, args.new, args.format)
    if args.command == "merge":
        return commands.merge(args.base, args.ours, args.theirs, args.output, args.conflicts)
    return None
