"""The SLA alignment grid marks a weaker cell an accepted deviation covers as accepted."""

from __future__ import annotations

from itsms_tui.compliance.alignment import alignment_matrix
from itsms_tui.domain.agreements import Agreement
from itsms_tui.ui.compliance.alignment_view import alignment_word, cell_text, sla_choices
from tests.compliance.test_accepted_deviation import _deviation, _weak_with


def test_the_alignment_view_shows_an_accepted_cell_as_accepted() -> None:
    data = _weak_with(_deviation())
    sla = data.get_as(Agreement, "AGR-0003")
    assert sla is not None
    matrix = alignment_matrix(data, sla)
    index = [c.agreement_id for c in matrix.columns].index("AGR-0001")
    assert cell_text(matrix.rows[0].cells[index], matrix.columns[index], index).plain == "◇ 99.5"
    [choice] = sla_choices([matrix], data)
    assert alignment_word(choice).plain == "◇ 1 accepted"
