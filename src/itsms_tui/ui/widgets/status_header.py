"""The two-line header of every main screen: the areas, the mode badges, the data location.

It says where the data lives, whether this is the demo, and whether editing is off
(with the reason), because a service manager over SSH must never wonder which file
they are changing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from itsms_tui.ui.navigation import AREAS

if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp


class StatusHeader(Widget):
    """Areas with their number keys (the current one marked), badges, and the data location."""

    DEFAULT_CSS = """
    StatusHeader {
        dock: top;
        height: 2;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, active: str | None = None, *, id: str | None = None) -> None:  # noqa: A002
        """``active``: the mode to mark as current (default: the app's current mode)."""
        super().__init__(id=id)
        self.active = active

    def render(self) -> Text:
        app: ItsmsApp = self.app  # type: ignore[assignment]
        active = self.active or app.current_mode
        line = Text(no_wrap=True, overflow="ellipsis")
        for area in AREAS:
            label = f" {area.key} {area.title} "
            if area.mode == active:
                line.append(label, style="bold reverse")
            else:
                line.append(label)
        workspace = getattr(app, "opened_workspace", None)
        demo = workspace is not None and workspace.demo
        second = Text(no_wrap=True, overflow="ellipsis")
        if demo:
            badge = Text(" DEMO ", style="bold reverse")
            width = self.size.width
            if line.cell_len + badge.cell_len + 1 <= width:
                line.append(" " * (width - line.cell_len - badge.cell_len))
                line.append_text(badge)
            else:
                second.append_text(badge)
                second.append(" ")
        if workspace is not None:
            if workspace.read_only:
                reason = workspace.read_only_reason or "not writable"
                second.append(f"READ-ONLY ({reason})", style="bold reverse")
                second.append(" ")
            second.append(workspace.location, style="dim")
        elif getattr(app, "opening_location", ""):
            progress = getattr(app, "load_progress", "")
            if progress:  # first: a long path is cut at the right edge
                second.append(f"{progress} · ", style="bold")
            second.append(f"opening {app.opening_location}…", style="dim")
        return Text("\n").join([line, Text(" ") + second])
