"""The footer of every screen: the keys that work here, drawn as one line.

Textual's ``Footer`` mounts a widget per key and recomposes, unmounting and mounting them
all, on every bindings update: each focus move, tab switch, screen switch and save.
Mounting a key applies its styles twice (its ``compact`` binding toggles a class), so with
this app's twenty-odd keys a recompose is 0.1-0.3 s of style work on the thread that
reads the keyboard, and opening a screen with several tabs paid it many times over. This
footer is one widget: a bindings update recomputes the line, and repaints it only if it
changed. It looks and clicks like Textual's (same theme variables; a click on a key
presses it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class FooterItem:
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool


def footer_items(screen: Screen[object]) -> tuple[list[FooterItem], FooterItem | None]:
    """The keys to show for ``screen`` (one per action, as Textual's footer) and the
    command palette's key, shown apart on the right."""
    app = screen.app
    items: list[FooterItem] = []
    actions: set[str] = set()
    palette: FooterItem | None = None
    for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
        item = FooterItem(key, app.get_key_display(binding), binding.description, enabled)
        if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
            palette = item
        elif binding.show and binding.action not in actions:
            actions.add(binding.action)
            items.append(item)
    return items, palette


class KeyFooter(Widget, can_focus=False):
    """The screen's keys on one line (see the module docstring)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--divider",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-footer--divider {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._items: list[FooterItem] = []
        self._palette: FooterItem | None = None
        self._spans: list[tuple[int, int, FooterItem]] = []
        self._hover: FooterItem | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        items, palette = footer_items(screen)
        if items != self._items or palette != self._palette:
            self._items, self._palette = items, palette
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-footer--key")
        text_style = self.get_component_rich_style("key-footer--description")
        hover_style = self.get_component_rich_style("key-footer--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, FooterItem]] = []

        def add(item: FooterItem, key: str, description: str) -> None:
            start = line.cell_len
            extra = hover_style if item == self._hover else Style()
            dim = Style(dim=True) if not item.enabled else Style()
            line.append(key, key_style + extra + dim)
            line.append(description, text_style + extra + dim)
            spans.append((start, line.cell_len, item))

        for item in self._items:
            add(item, f" {item.display} ", f"{item.description} " if item.description else "")
        palette = self._palette
        if palette is not None:  # on the right, after a divider: "▏^p palette "
            room = max(0, width - len(palette.display) - len(palette.description) - 3)
            line.truncate(room, pad=True)
            spans = [span for span in spans if span[0] < room]
            line.append("▏", self.get_component_rich_style("key-footer--divider"))
            add(palette, palette.display, f" {palette.description} ")
        self._spans = spans
        line.truncate(width)
        return line

    def _item_at(self, x: int) -> FooterItem | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        if item != self._hover:
            self._hover = item
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
