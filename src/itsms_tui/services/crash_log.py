"""The last line of defence: an unexpected exception becomes one line and a log file.

A traceback on a terminal helps nobody who runs ``itsms-tui`` in a CI gate or over
SSH, and exit status 1 would mean "requirements not met" for ``check``. So the CLI
turns any exception it did not expect into exit 2, one line naming the problem, and
the full traceback in a log file that the line points to.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from itsms_tui import __version__
from itsms_tui.services.locations import log_dir


def write_crash_log(error: BaseException, argv: list[str]) -> Path | None:
    """Append ``error``'s traceback to ``crash.log``; returns its path, None if impossible."""
    directory = log_dir()
    path = directory / "crash.log"
    text = (
        f"--- {datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} itsms-tui {__version__} "
        f"argv={argv!r}\n" + "".join(traceback.format_exception(error))
    )
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        with open(fd, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError:
        return None
    return path


def one_line(error: BaseException) -> str:
    """``error`` as a short phrase (type and first line of its message)."""
    message = str(error).splitlines()[0] if str(error) else ""
    message = message[:200]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
