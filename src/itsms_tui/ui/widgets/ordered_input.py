"""Text inputs that apply a burst of keys in the order they were typed.

Textual inserts a printable key in the focused Input or TextArea at once, but runs the
widget's own bound keys (backspace, delete, arrows, Home/End...) only after the key event
has bubbled up to the app, hop by hop through every ancestor. When keys arrive in one
burst (typeahead over SSH, a fast typist), letters typed after a backspace overtake it:
"10 x backspace then 2027-02-28" in a date field ends up as ``22027-02-`` or empty.

These subclasses run their own bindings where the key arrives, in order, exactly as the
app would have (the focused widget comes first in the binding chain, and priority
bindings have already been tried by the app). Every text field of the app uses them,
filter lines included. Textual issue #6605 tracks the ordering problem upstream; once a
release fixes it these subclasses can go.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own non-priority binding for a non-printable key now; True if run."""
    if event.is_printable:
        return False
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()  # ran here: the app must not run it again when the key bubbles
            return True
    return False


class OrderedInput(Input):
    """An Input whose editing keys keep their place among typed characters."""

    _keep_text_once = False

    def keep_text_on_next_focus(self) -> None:
        """Do not select the text on the next focus (keys typed ahead must not replace it).

        A form focuses its first field as it opens; with the usual select-on-focus, a
        letter typed right after the key that opened the form would replace the value.
        """
        self._keep_text_once = True

    def _on_focus(self, event: events.Focus) -> None:
        # Input._on_focus runs next (it selects when select_on_focus is set).
        if self._keep_text_once:
            self._keep_text_once = False
            select, self.select_on_focus = self.select_on_focus, False

            def restore() -> None:
                self.select_on_focus = select

            self.call_next(restore)

    async def _on_key(self, event: events.Key) -> None:
        # Input._on_key runs next (printable keys, cursor blink), as before.
        await run_own_binding(self, event)


class OrderedTextArea(TextArea):
    """A TextArea whose editing keys keep their place among typed characters."""

    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)
