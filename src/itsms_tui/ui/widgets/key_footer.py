"""The footer of every screen: Textual's, rebuilt only when the keys it shows change.

Textual's ``Footer`` recomposes, unmounting and mounting a widget per key, on every
bindings update: each focus move, tab switch, screen switch and save. With this app's
twenty-odd keys that is 0.1-0.3 s of style work each time, on the thread that reads the
keyboard, mostly to draw the same keys again. This one compares what it would show with
what it shows and recomposes only on a difference.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


def shown_keys(screen: Screen[object]) -> tuple[Hashable, ...]:
    """What the footer draws for ``screen``: each shown binding with its state."""
    return tuple(
        (key, binding.action, binding.description, binding.group, enabled, tooltip)
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == screen.app.COMMAND_PALETTE_BINDING
    )


class KeyFooter(Footer):
    """``Footer`` without the redundant rebuilds (see the module docstring)."""

    _shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._bindings_ready
            and self._shown is not None
            and self.is_attached
            and screen is self.screen
            and shown_keys(screen) == self._shown
        ):
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = shown_keys(self.screen)
        yield from super().compose()
