"""The clause checker: pure rules over a DataSet that list what does not yet meet the clause.

Imports only ``itsms_tui.domain``, pydantic and the standard library, so the CLI, the TUI
and CI runs on a shared snapshot all get the same findings from the same data.
"""
