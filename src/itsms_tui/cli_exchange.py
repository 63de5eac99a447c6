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


def dispatch(args: argparse.Namespace) -> int | None:
    """Run one of this module's commands; None when ``args.command`` is not one of them."""
    from itsms_tui.services import exchange_commands as commands

    if args.command == "diff":
        return commands.diff(args.old, args.new, args.format)
    return None
