"""Which data file a command opens, and the TUI's opening split around its first frame.

Kept apart from ``services.commands`` so that starting the TUI imports neither the
workspace nor the models before the first frame: the function ``workspace_opener``
returns imports them when the load worker calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from itsms_tui.services.errors import UserError
from itsms_tui.services.locations import default_data_path

if TYPE_CHECKING:
    from itsms_tui.services.workspace import Workspace


def existing_data_path(data: Path | None) -> Path:
    """The data file a reading command names; it must exist (reading never creates one).

    Otherwise ``check --data /typo.json`` would pass a CI gate on an empty store.
    """
    path = data or default_data_path()
    if not path.exists() and not path.is_symlink():
        raise UserError(f"{path}: no such data file (only commands that write create one)")
    return path


def workspace_opener(
    data: Path | None, demo: bool, *, read_only: bool = False
) -> tuple[Callable[[], Workspace], str]:
    """``open_workspace`` split for the TUI: what is cheap is checked now (a read-only
    file must exist; the file is readable, JSON, of our schema, not truncated: see
    ``store.preflight``), so such a file still ends the command before the UI; the
    opening itself (every record validated) is the function returned, which the TUI
    runs after its first frame; with the location to show."""
    if demo:

        def open_demo() -> Workspace:
            from itsms_tui.services.workspace import Workspace

            return Workspace.open_demo(read_only=read_only)

        return open_demo, "demo data"
    from itsms_tui.store.preflight import preflight

    path = existing_data_path(data) if read_only else data or default_data_path()
    preflight(path)

    def open_file() -> Workspace:
        from itsms_tui.services.workspace import Workspace

        return Workspace.open_file(path, read_only=read_only)

    return open_file, str(path)
