"""Widget updates that cost nothing when nothing changes.

Textual restyles a node and every node under it on each ``set_class`` call, and lays a
``Static`` out again on each ``update``, whether or not anything changed. Marks and
messages set again on every refresh (a form's error marks and messages on each
validation, a KPI card's cursor mark on each step) therefore restyled and re-laid out
whole forms and boards; these skip the call when the widget already shows what is asked.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Static


def set_class(node: DOMNode, on: bool, *names: str) -> None:
    """``node.set_class(on, *names)``, only if one of ``names`` is not yet so."""
    if any(node.has_class(name) != on for name in names):
        node.set_class(on, *names)


def set_own_class(node: DOMNode, on: bool, name: str) -> None:
    """``set_class`` for a class whose rules style ``node`` alone, never what it holds
    (a card's cursor border): only ``node`` is restyled, so its children keep their
    styles and what they last drew."""
    if node.has_class(name) != on:
        node.set_class(on, name, update=False)
        node.app.stylesheet.update_nodes([node], animate=True)


def set_text(static: Static, text: str) -> None:
    """``static.update(text)``, only if it shows other content."""
    if static.content != text:
        static.update(text)
