"""The command palette's record search: jump to any record by id or by part of its name.

Names are user text, so each hit is a ``Content`` built from the plain string (the
palette would parse a ``str`` as markup); matches are highlighted by offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp

MAX_HITS = 40
_MATCH = Style(bold=True, underline=True)


def highlighted(candidate: str, words: list[str]) -> Content:
    """``candidate`` as literal content with each word's first occurrence underlined."""
    content = Content(candidate)
    folded = candidate.casefold()
    for word in words:
        start = folded.find(word)
        if start >= 0:
            content = content.stylize(_MATCH, start, start + len(word))
    return content


def index(app: ItsmsApp) -> list[tuple[str, str, str, str]]:
    """(id, display, casefolded display, label) of every record, built once per data change."""
    return [(r.id, r.display, r.display.casefold(), r.label or "record") for r in app.data]


class RecordCommands(Provider):
    """Hits for records whose id or name contains every word typed."""

    async def search(self, query: str) -> Hits:
        app: ItsmsApp = self.app  # type: ignore[assignment]
        words = query.casefold().split()
        if not words or not hasattr(app, "data"):
            return
        found = 0
        wanted_id = query.strip().casefold()
        for record_id, candidate, folded, label in app.derived("palette", lambda: index(app)):
            if not all(w in folded for w in words):
                continue
            exact_id = record_id.casefold() == wanted_id
            score = 1.0 if exact_id else 0.9 if folded.startswith(words[0]) else 0.6
            yield Hit(
                score,
                highlighted(candidate, words),
                lambda record_id=record_id: app.open_record(record_id),
                text=candidate,
                help=f"Open this {label}",
            )
            found += 1
            if found >= MAX_HITS:
                return
