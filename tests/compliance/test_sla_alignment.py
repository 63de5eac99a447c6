"""The SLA alignment matrix: rows per SLA target, columns per agreement, weaker cells marked."""

from __future__ import annotations

from itsms_tui.compliance.alignment import (
    AlignmentMatrix,
    CellState,
    alignment_matrices,
    alignment_matrix,
    format_value,
)
from itsms_tui.domain.agreements import Agreement, PriorityTimes, ServiceTarget
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementStatus, Direction, Priority
from tests.compliance.builders import contract, edit, healthy


def _matrix(data: DataSet, sla_id: str = "AGR-0003") -> AlignmentMatrix:
    sla = data.get_as(Agreement, sla_id)
    assert sla is not None
    return alignment_matrix(data, sla)


def _cell(matrix: AlignmentMatrix, row_key: str, column_id: str) -> tuple[float | None, bool]:
    col = [c.agreement_id for c in matrix.columns].index(column_id)
    [row] = [r for r in matrix.rows if r.key == row_key]
    return row.cells[col].value, row.cells[col].weaker


def test_rows_are_the_sla_targets_and_columns_the_sla_then_underpinning_agreements() -> None:
    matrix = _matrix(healthy())
    assert [c.agreement_id for c in matrix.columns] == ["AGR-0003", "AGR-0001", "AGR-0002"]
    assert all(c.listed for c in matrix.columns)
    assert [r.label for r in matrix.rows] == [
        "Availability (%)",
        "P1 response (min)",
        "P1 resolution (min)",
        "P2 response (min)",
        "P2 resolution (min)",
    ]
    assert [r.cells[0].state for r in matrix.rows] == [CellState.SLA] * 5
    assert [r.cells[0].value for r in matrix.rows] == [99.9, 30, 240, 60, 480]
    assert not any(cell.weaker for row in matrix.rows for cell in row.cells)


def test_lower_availability_is_weaker_equal_is_not() -> None:
    low = [ServiceTarget(metric="Availability", target=99.8, unit="%")]
    matrix = _matrix(edit(healthy(), "AGR-0002", targets=low))
    assert _cell(matrix, "target:availability:%", "AGR-0002") == (99.8, True)
    assert _cell(matrix, "target:availability:%", "AGR-0001") == (99.95, False)
    same = [ServiceTarget(metric="Availability", target=99.9, unit="%")]
    matrix = _matrix(edit(healthy(), "AGR-0002", targets=same))
    assert _cell(matrix, "target:availability:%", "AGR-0002") == (99.9, False)


def test_longer_times_are_weaker_per_priority() -> None:
    times = [
        PriorityTimes(priority=Priority.P1, response_minutes=31, resolution_minutes=240),
        PriorityTimes(priority=Priority.P2, response_minutes=5, resolution_minutes=481),
    ]
    matrix = _matrix(edit(healthy(), "AGR-0002", priority_times=times))
    assert _cell(matrix, "P1:response", "AGR-0002") == (31, True)
    assert _cell(matrix, "P1:resolution", "AGR-0002") == (240, False)
    assert _cell(matrix, "P2:response", "AGR-0002") == (5, False)
    assert _cell(matrix, "P2:resolution", "AGR-0002") == (481, True)
    assert [r.label for r in matrix.weaker_rows(2)] == ["P1 response (min)", "P2 resolution (min)"]


def test_missing_targets_are_not_stated_never_weaker() -> None:
    times = [PriorityTimes(priority=Priority.P1, response_minutes=30, resolution_minutes=240)]
    matrix = _matrix(edit(healthy(), "AGR-0002", targets=[], priority_times=times))
    [row] = [r for r in matrix.rows if r.key == "P2:response"]
    assert row.cells[2].state is CellState.NOT_STATED
    assert (row.cells[2].value, row.cells[2].weaker, row.cells[2].stated) == (None, False, False)
    assert [r.key for r in matrix.not_stated_rows(2)] == [
        "target:availability:%",
        "P2:response",
        "P2:resolution",
    ]


def test_lower_is_better_targets_compare_the_other_way() -> None:
    mttr = ServiceTarget(
        metric="Mean time to restore", target=4, unit="h", direction=Direction.LOWER_IS_BETTER
    )
    data = edit(healthy(), "AGR-0003", targets=[mttr])
    edit(data, "AGR-0001", targets=[mttr.model_copy(update={"target": 6.0})])
    edit(data, "AGR-0002", targets=[mttr.model_copy(update={"target": 3.5})])
    matrix = _matrix(data)
    assert _cell(matrix, "target:mean time to restore:h", "AGR-0001") == (6, True)
    assert _cell(matrix, "target:mean time to restore:h", "AGR-0002") == (3.5, False)


def test_metrics_match_ignoring_case_and_spacing_but_not_units() -> None:
    data = edit(
        healthy(), "AGR-0001", targets=[ServiceTarget(metric="  AVAILABILITY ", target=99.0)]
    )
    edit(data, "AGR-0002", targets=[ServiceTarget(metric="availability", target=0.999, unit="")])
    matrix = _matrix(data)
    assert _cell(matrix, "target:availability:%", "AGR-0001") == (99.0, True)
    assert _cell(matrix, "target:availability:%", "AGR-0002") == (None, False)


def test_unlisted_active_agreements_on_the_service_are_shown_not_listed() -> None:
    data = healthy()
    data.add(contract(5, title="Backup contract", targets=[]))
    data.add(contract(6, title="Old contract", status=AgreementStatus.EXPIRED))
    data.add(contract(7, title="Other service", service_ids=["SVC-0009"]))
    matrix = _matrix(data)
    assert [(c.agreement_id, c.listed) for c in matrix.columns] == [
        ("AGR-0003", True),
        ("AGR-0001", True),
        ("AGR-0002", True),
        ("AGR-0005", False),
    ]
    assert matrix.columns[3].heading == "AGR-0005 Backup contract"


def test_a_listed_id_with_no_agreement_is_a_column_of_unstated_cells() -> None:
    data = edit(healthy(), "AGR-0003", underpinning_ids=["AGR-0099"])
    matrix = _matrix(data)
    missing = matrix.columns[1]
    assert (missing.agreement_id, missing.exists, missing.heading) == (
        "AGR-0099",
        False,
        "AGR-0099",
    )
    assert {row.cells[1].state for row in matrix.rows} == {CellState.NOT_STATED}


def test_matrices_for_active_customer_slas_only() -> None:
    data = healthy()
    assert [m.sla_id for m in alignment_matrices(data)] == ["AGR-0003"]
    edit(data, "AGR-0003", status=AgreementStatus.DRAFT)
    assert alignment_matrices(data) == []
    assert [m.sla_id for m in alignment_matrices(data, active_only=False)] == ["AGR-0003"]


def test_values_print_without_needless_decimals() -> None:
    assert [format_value(v) for v in (99.9, 240.0, 0.5, 1e6)] == ["99.9", "240", "0.5", "1000000"]
