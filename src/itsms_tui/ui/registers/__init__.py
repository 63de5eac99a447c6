"""The one register widget every register of the app is built on (``RegisterView``)."""

from itsms_tui.ui.registers.view import RegisterView, focus_now

__all__ = ["RegisterView", "focus_now"]
