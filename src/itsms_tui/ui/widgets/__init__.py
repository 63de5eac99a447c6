"""Reusable widgets shared by every screen: the virtual record table and the confirm dialogs."""

from itsms_tui.ui.widgets.confirm import ConfirmScreen, MessageScreen
from itsms_tui.ui.widgets.record_table import Column, RecordTable

__all__ = ["Column", "ConfirmScreen", "MessageScreen", "RecordTable"]
