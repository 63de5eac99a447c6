"""Pick one or several records by typing part of their id or name.

Keyboard only: type to narrow the list of candidates, up/down to move in it, Enter to
pick (for a list field, Enter on a picked record removes it again). The list is shown
only while the picker has focus, so the form stays compact at 80x24.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from itsms_tui.domain.fields import ID_PATTERN
from itsms_tui.ui.quiet_updates import set_class
from itsms_tui.ui.widgets.ordered_input import OrderedInput

Candidates = Sequence[tuple[str, str]]
"""(id, label) pairs, e.g. ``[("SUP-0001", "Acme Hosting")]``."""

MAX_SHOWN = 50
_ID = re.compile(ID_PATTERN)


class ReferenceMatches(OptionList, can_focus=False):
    """The candidate list: driven from the search input, clickable, never focused."""


class ReferencePicker(Vertical):
    """Holds record ids picked from candidates; one id (``multiple=False``) or a list.

    ``picked`` is the list of chosen ids, in the order chosen.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next match", show=False, id="reference.next"),
        Binding("up", "move(-1)", "Previous match", show=False, id="reference.previous"),
        Binding("pagedown", "move(5)", "Matches page down", show=False, id="reference.page_down"),
        Binding("pageup", "move(-5)", "Matches page up", show=False, id="reference.page_up"),
    ]

    DEFAULT_CSS = """
    ReferencePicker {
        height: auto;
        & > .picked {
            height: auto;
            color: $text;
        }
        & > .picked.-none {
            color: $text-muted;
        }
        & > ReferenceMatches {
            display: none;
            height: auto;
            max-height: 7;
            border: none;
            padding: 0;
            background: $boost;
        }
    }
    """

    class Changed(Message):
        """The picked ids changed."""

        def __init__(self, picker: ReferencePicker) -> None:
            super().__init__()
            self.picker = picker

        @property
        def control(self) -> ReferencePicker:
            return self.picker

    def __init__(
        self,
        candidates: Callable[[], Candidates],
        picked: Sequence[str] = (),
        *,
        multiple: bool = False,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        """Build a picker.

        Args:
            candidates: Returns the (id, label) pairs to choose from; called once, when
                the picker first needs them.
            picked: The ids chosen so far.
            multiple: A list of ids (Enter toggles) rather than a single id.
        """
        super().__init__(id=id, classes=classes)
        self._candidates_source = candidates
        self._candidates: Candidates | None = None
        self._labels: dict[str, str] | None = None
        self._haystack: list[str] | None = None
        self.multiple = multiple
        self.picked: list[str] = [p for p in picked if p]

    def compose(self) -> ComposeResult:
        yield Static(self._picked_text(), classes="picked")
        yield OrderedInput(
            placeholder="type part of an id or name; up/down, Enter to pick",
            compact=True,
            classes="search",
        )
        yield ReferenceMatches(markup=False, compact=True)

    def on_mount(self) -> None:
        self._show_picked()

    # ------------------------------------------------------------------ public

    @property
    def search(self) -> Input:
        """The search input (what gets focus)."""
        return self.query_one(".search", Input)

    def set_picked(self, ids: Sequence[str]) -> None:
        """Replace the chosen ids."""
        self.picked = [i for i in ids if i]
        self._show_picked()
        self._refresh_matches()
        self.post_message(self.Changed(self))

    def reload_candidates(self) -> None:
        """Ask the candidates source again (what it offers depends on another field)."""
        self._candidates = None
        self._labels = None
        self._haystack = None
        self._show_picked()
        if self.search.has_focus:
            self._refresh_matches()

    def label_of(self, record_id: str) -> str:
        """The label of a candidate id (empty if it is not a candidate)."""
        return self._label_map().get(record_id, "")

    # ------------------------------------------------------------------ internals

    def _all_candidates(self) -> Candidates:
        if self._candidates is None:
            self._candidates = list(self._candidates_source())
        return self._candidates

    def _label_map(self) -> dict[str, str]:
        if self._labels is None:
            self._labels = dict(self._all_candidates())
        return self._labels

    def _picked_text(self) -> Text:
        if not self.picked:
            return Text("(none picked)")
        lines = []
        for record_id in self.picked:
            label = self._label_map().get(record_id, "")
            lines.append(f"{record_id}  {label}".rstrip())
        return Text("\n".join(lines))

    def _show_picked(self) -> None:
        if not self.is_mounted:
            return
        picked = self.query_one(".picked", Static)
        picked.update(self._picked_text())
        set_class(picked, not self.picked, "-none")

    def _matches(self, query: str) -> list[tuple[str, str]]:
        terms = query.casefold().split()
        candidates = self._all_candidates()
        if not terms:
            picked = set(self.picked)
            first = [c for c in candidates if c[0] in picked]
            return first + [c for c in candidates if c[0] not in picked]
        if self._haystack is None:
            self._haystack = [f"{i} {label}".casefold() for i, label in candidates]
        haystack = self._haystack
        return [
            c for c, text in zip(candidates, haystack, strict=True) if all(t in text for t in terms)
        ]

    def _refresh_matches(self) -> None:
        if not self.is_mounted:
            return
        matches = self._matches(self.search.value)
        exact = self._exact_id(self.search.value)
        if exact is not None:  # the exact id first, highlighted: Enter picks it
            matches = [m for m in matches if m[0] == exact] + [m for m in matches if m[0] != exact]
        options: list[Option] = []
        picked = set(self.picked)
        for record_id, label in matches[:MAX_SHOWN]:
            mark = "✓ " if record_id in picked else "  "
            options.append(Option(Text(f"{mark}{record_id}  {label}"), id=record_id))
        if len(matches) > MAX_SHOWN:
            more = len(matches) - MAX_SHOWN
            options.append(Option(Text(f"  … {more} more: type more to narrow"), disabled=True))
        if not matches:
            options.append(Option(Text("  no match"), disabled=True))
        option_list = self.query_one(ReferenceMatches)
        option_list.set_options(options)
        option_list.highlighted = 0 if matches else None

    def _pick(self, record_id: str) -> None:
        if self.multiple:
            if record_id in self.picked:
                self.picked.remove(record_id)
            else:
                self.picked.append(record_id)
        else:
            self.picked = [record_id]
        self.search.value = ""
        self._show_picked()
        self._refresh_matches()
        self.post_message(self.Changed(self))

    def action_move(self, step: int) -> None:
        option_list = self.query_one(ReferenceMatches)
        count = option_list.option_count
        if not count:
            return
        current = option_list.highlighted
        index = 0 if current is None else max(0, min(count - 1, current + step))
        option_list.highlighted = index

    @on(Input.Changed, ".search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refresh_matches()

    def _exact_id(self, typed: str) -> str | None:
        """The candidate whose id is what was typed (any case), else the one candidate
        whose name it is (spaces collapsed, any case): typing a name picks its record."""
        wanted = typed.strip().upper()
        if not wanted:
            return None
        labels = self._label_map()
        if wanted in labels:
            return wanted
        key = " ".join(typed.split()).casefold()
        named = [i for i, label in labels.items() if " ".join(label.split()).casefold() == key]
        return named[0] if len(named) == 1 else None

    @property
    def chosen(self) -> list[str]:
        """The picked ids, with the record an id or name typed but not yet picked names
        (so saving right after typing a name keeps it)."""
        pending = self._exact_id(self.search.value) if self.is_mounted else None
        if pending is None or pending in self.picked:
            return list(self.picked)
        return [*self.picked, pending] if self.multiple else [pending]

    @on(Input.Submitted, ".search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter picks the exact id typed, else the highlighted match."""
        event.stop()
        exact = self._exact_id(event.value)
        if exact is not None:
            self._pick(exact)
            return
        option_list = self.query_one(ReferenceMatches)
        option = option_list.highlighted_option
        if option is not None and option.id is not None:
            self._pick(option.id)
            return
        typed = event.value.strip().upper()
        if _ID.match(typed):
            self._pick(typed)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._pick(event.option.id)

    def on_descendant_focus(self) -> None:
        self._refresh_matches()
        self.query_one(ReferenceMatches).display = True
        self.call_after_refresh(self.scroll_visible, animate=False)

    def on_descendant_blur(self) -> None:
        """Leaving with an exact id typed (and not picked) picks it: nothing typed is lost."""
        self.query_one(ReferenceMatches).display = False
        typed = self._exact_id(self.search.value)
        if typed is not None and typed not in self.picked:
            self._pick(typed)
