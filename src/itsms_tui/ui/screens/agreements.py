"""Agreements (key 4): contracts, underpinning contracts, OLAs and customer SLAs.

The register (columns, rows, detail) is declared in ``ui.registers.agreements`` and
named by the agreements' home in ``ui.homes``.
"""

from __future__ import annotations

from typing import ClassVar

from itsms_tui.services.register_rows import AgreementRow
from itsms_tui.ui.screens.register import RegisterScreen


class AgreementsScreen(RegisterScreen[AgreementRow]):
    """Every agreement with its term, cancel-by and content (clause 8.3)."""

    MODE: ClassVar[str] = "agreements"
