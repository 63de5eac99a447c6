"""The app shell as the Plan screen's parts see it, typed, and who the current user is."""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING, Any, cast

from textual.app import App

if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp


def shell_of(app: App[Any]) -> ItsmsApp:
    """The shell behind ``app`` (the Plan screen only runs inside ItsmsApp)."""
    return cast("ItsmsApp", app)


def user_of(shell: ItsmsApp) -> str:
    """Who is working: the store's user (what the audit trail records), else the OS user."""
    store = getattr(shell.workspace, "store", None)
    user = getattr(store, "user", None)
    if isinstance(user, str) and user:
        return user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
