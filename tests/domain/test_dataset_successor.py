"""A save's data set is its predecessor's ``successor``: it shares what did not change and
patches its indexes and derived values. These tests hold it to a data set built from
scratch out of the same records, after random saves, and check the predecessor (still on
screen while the next one is built) is left exactly as it was."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache

import pytest

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpi_status import kpi_readings
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Supplier
from itsms_tui.snapshot.demo import load_demo

TODAY = date(2026, 10, 1)


@cache
def demo() -> DataSet:
    return load_demo(TODAY)


def fingerprint(data: DataSet) -> dict[str, object]:
    """Everything the indexes answer: every record's referrers, the readings, the order."""
    records = list(data)
    return {
        "records": [r.id for r in records],
        "referring": {r.id: [x.id for x in data.referring_any(r.id)] for r in records},
        "by_kpi": {k: [m.id for m in v] for k, v in data.grouped(Measurement, "kpi_id").items()},
        "readings": list(kpi_readings(data, TODAY).items()),
    }


def warm(data: DataSet) -> DataSet:
    """Build the indexes and derived values a screen would have asked for."""
    data.referring("SUP-0001", Kpi)
    data.grouped(Measurement, "kpi_id")
    kpi_readings(data, TODAY)
    return data


def random_save(data: DataSet, rng: random.Random) -> dict[str, Mapping[str, Record]]:
    """Whole collections as one save leaves them: a measurement added, moved to another
    KPI or removed, a KPI re-targeted or removed, a supplier renamed."""
    kpis = data.all(Kpi)
    measurements = {m.id: m for m in data.all(Measurement)}
    kpi_by_id = {k.id: k for k in kpis}
    what = rng.choice(["add", "move", "remove", "target", "drop-kpi", "rename"])
    if what == "add":
        number = max(int(i.split("-")[1]) for i in measurements) + 1
        new = Measurement(
            id=f"MEA-{number:04d}",
            kpi_id=rng.choice(kpis).id,
            measured_on=TODAY - timedelta(days=rng.randrange(0, 30)),
            value=rng.uniform(0, 100),
        )
        measurements[new.id] = new
    elif what == "move":
        mea = measurements[rng.choice(sorted(measurements))]
        measurements[mea.id] = mea.model_copy(update={"kpi_id": rng.choice(kpis).id})
    elif what == "remove":
        del measurements[rng.choice(sorted(measurements))]
    elif what == "target":
        kpi = rng.choice(kpis)
        kpi_by_id[kpi.id] = kpi.model_copy(update={"target": kpi.warning, "revision": 9})
    elif what == "drop-kpi":
        del kpi_by_id[rng.choice(sorted(kpi_by_id))]
    else:
        supplier = rng.choice(data.all(Supplier))
        renamed = supplier.model_copy(update={"name": supplier.name + " Ltd"})
        return {"suppliers": {s.id: s for s in data.all(Supplier)} | {renamed.id: renamed}}
    return {"measurements": measurements, "kpis": kpi_by_id}


@pytest.mark.parametrize("seed", range(4))
def test_successors_answer_as_a_data_set_built_from_scratch(seed: int) -> None:
    rng = random.Random(seed)
    data = warm(DataSet(demo()))
    for _ in range(12):
        before = fingerprint(data)
        following = data.successor(random_save(data, rng))
        assert fingerprint(data) == before  # the predecessor is untouched
        assert fingerprint(following) == fingerprint(DataSet(following))
        data = warm(following) if rng.random() < 0.7 else following


def test_a_save_elsewhere_keeps_the_readings_and_shares_the_untouched_collections() -> None:
    data = warm(DataSet(demo()))
    readings = kpi_readings(data, TODAY)
    supplier = data.all(Supplier)[0]
    renamed = supplier.model_copy(update={"name": "Renamed"})
    following = data.successor(
        {"suppliers": {s.id: s for s in data.all(Supplier)} | {supplier.id: renamed}}
    )
    assert kpi_readings(following, TODAY) is readings  # carried over, not computed again
    assert following.get_as(Supplier, supplier.id) == renamed
    assert data.get_as(Supplier, supplier.id) == supplier
    assert following.all(Measurement) == data.all(Measurement)


def test_adding_to_a_successor_leaves_its_predecessor_alone() -> None:
    data = DataSet(demo())
    following = data.successor({})
    extra = Measurement(id="MEA-9999", kpi_id="KPI-0001", measured_on=TODAY, value=1.0)
    following.add(extra)
    assert following.get("MEA-9999") == extra
    assert data.get("MEA-9999") is None
