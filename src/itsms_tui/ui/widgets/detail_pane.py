"""A detail pane: the lines describing one record, where linked records are rows to open.

It is a one-column RecordTable, so it draws only what is visible, moves with the same
keys (j/k, arrows, Page Up/Down) and posts ``RecordTable.Selected`` on Enter. Lines are
built with the one detail builder, ``ui.registers.detail.DetailBuilder``, which wraps
long text to the pane's width.
"""

from __future__ import annotations

from itsms_tui.ui.registers.detail import DetailLine
from itsms_tui.ui.widgets.record_table import Column, RecordTable


class DetailPane(RecordTable[DetailLine]):
    """The lines of one record; Enter on a ``→`` line posts Selected with that line."""

    def __init__(self, label: str = "Details", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(
            [Column("line", label, lambda d: d.text, width=20, flex=1)],
            row_key=lambda d: d.key,
            empty_text="Nothing selected",
            id=id,
        )

    @property
    def text_width(self) -> int:
        """Room for text on one line (the pane's width less the cell padding)."""
        return max(20, self.scrollable_content_region.width - 2)

    def show(self, lines: list[DetailLine], *, keep_cursor: bool = True) -> None:
        """Replace the lines; the cursor stays on the same link when it is still there."""
        wanted = self.cursor_row_object.record_id if self.cursor_row_object else None
        self.set_rows(lines)
        if not keep_cursor:
            self.move_cursor(0)
            return
        if wanted:
            for index, line in enumerate(lines):
                if line.record_id == wanted:
                    self.move_cursor(index)
                    return

    def select_link(self, record_id: str) -> bool:
        """Put the cursor on the line that links to ``record_id``."""
        for index, line in enumerate(self.visible_rows):
            if line.record_id == record_id:
                self.move_cursor(index)
                return True
        return False

    @property
    def linked_id(self) -> str | None:
        row = self.cursor_row_object
        return None if row is None else row.record_id
