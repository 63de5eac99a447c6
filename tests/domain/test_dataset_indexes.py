"""DataSet's indexes: built once per data set, the same answers as a scan, and rebuilt
after a record is added (a stale index would hide a new measurement or reference)."""

from __future__ import annotations

from datetime import date

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpis import Kpi, Measurement


def kpi(kpi_id: str) -> Kpi:
    return Kpi(id=kpi_id, name=f"KPI {kpi_id}", target=99.5, warning=99.0, subject_id="SUP-0001")


def measurement(mea_id: str, kpi_id: str, day: int) -> Measurement:
    return Measurement(id=mea_id, kpi_id=kpi_id, measured_on=date(2026, 1, day), value=99.9)


def test_grouped_lists_each_kpis_measurements_in_id_order() -> None:
    data = DataSet(
        [
            kpi("KPI-0001"),
            kpi("KPI-0002"),
            measurement("MEA-0003", "KPI-0001", 3),
            measurement("MEA-0001", "KPI-0001", 1),
            measurement("MEA-0002", "KPI-0002", 2),
        ]
    )
    grouped = data.grouped(Measurement, "kpi_id")
    assert [m.id for m in grouped["KPI-0001"]] == ["MEA-0001", "MEA-0003"]
    assert [m.id for m in grouped["KPI-0002"]] == ["MEA-0002"]
    assert "KPI-0003" not in grouped


def test_indexes_follow_a_record_added_after_they_were_built() -> None:
    data = DataSet([kpi("KPI-0001"), measurement("MEA-0001", "KPI-0001", 1)])
    assert [m.id for m in data.grouped(Measurement, "kpi_id")["KPI-0001"]] == ["MEA-0001"]
    assert [m.id for m in data.referring("KPI-0001", Measurement)] == ["MEA-0001"]
    assert [m.id for m in data.all(Measurement)] == ["MEA-0001"]
    data.add(measurement("MEA-0002", "KPI-0001", 2))
    assert [m.id for m in data.grouped(Measurement, "kpi_id")["KPI-0001"]] == [
        "MEA-0001",
        "MEA-0002",
    ]
    assert [m.id for m in data.referring("KPI-0001", Measurement)] == ["MEA-0001", "MEA-0002"]
    assert [m.id for m in data.all(Measurement)] == ["MEA-0001", "MEA-0002"]


def test_all_returns_a_list_the_caller_may_change_without_harm() -> None:
    data = DataSet([kpi("KPI-0001"), kpi("KPI-0002")])
    first = data.all(Kpi)
    first.clear()
    assert [k.id for k in data.all(Kpi)] == ["KPI-0001", "KPI-0002"]
    assert [r.id for r in data.collection("kpis")] == ["KPI-0001", "KPI-0002"]


def test_reverse_index_finds_each_referrer_once_and_only_under_its_target() -> None:
    data = DataSet([kpi("KPI-0001"), kpi("KPI-0002"), measurement("MEA-0001", "KPI-0002", 1)])
    assert [r.id for r in data.referring("SUP-0001", Kpi)] == ["KPI-0001", "KPI-0002"]
    assert [r.id for r in data.referring("KPI-0002", Measurement)] == ["MEA-0001"]
    assert data.referring("KPI-0001", Measurement) == []
    assert data.referring("SUP-0002", Kpi) == []
    assert [r.id for r in data.referring_any("KPI-0002")] == ["MEA-0001"]
