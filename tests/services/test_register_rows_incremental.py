"""The Suppliers and Agreements registers' rows kept across saves: after each save only
the touched records' rows are built again, and the result must equal rows built from
scratch."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.customers import Customer
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementStatus
from itsms_tui.domain.kpi_status import kpi_readings
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Evaluation, Supplier, SupplierReview
from itsms_tui.services.register_rows import (
    agreement_rows,
    current_agreement_rows,
    current_supplier_rows,
    supplier_rows,
)
from itsms_tui.snapshot.demo import load_demo
from tests.domain.test_dataset_successor import TODAY

SETTINGS = CheckSettings()


def by_id(records: list[Record]) -> dict[str, Record]:
    return {r.id: r for r in records}


def a_save(data: DataSet, rng: random.Random) -> dict[str, dict[str, Record]]:
    """One collection as a save leaves it: each kind of record a supplier's row reads."""
    suppliers = data.all(Supplier)
    supplier = rng.choice(suppliers)
    other = rng.choice(suppliers)
    what = rng.choice(
        ["rename", "customer", "agreement", "evaluation", "review", "kpi", "measurement"]
    )
    if what == "rename":
        new: Record = supplier.model_copy(update={"name": supplier.name + " Group"})
        return {"suppliers": by_id(list(suppliers)) | {new.id: new}}
    if what == "customer":
        customers = by_id(list(data.all(Customer)))
        customer = rng.choice(data.all(Customer))
        customers[customer.id] = customer.model_copy(update={"name": customer.name + " plc"})
        return {"customers": customers}
    if what == "agreement":
        agreements = by_id(list(data.all(Agreement)))
        agreement = rng.choice([a for a in data.all(Agreement) if a.supplier_id])
        status = rng.choice([AgreementStatus.ACTIVE, AgreementStatus.EXPIRED])
        agreements[agreement.id] = agreement.model_copy(
            update={"supplier_id": other.id, "status": status}
        )
        return {"agreements": agreements}
    if what == "evaluation":
        evaluations = by_id(list(data.all(Evaluation)))
        evaluation = rng.choice(list(evaluations.values()))
        if rng.random() < 0.5:
            del evaluations[evaluation.id]
        else:
            evaluations[evaluation.id] = evaluation.model_copy(update={"supplier_id": other.id})
        return {"evaluations": evaluations}
    if what == "review":
        reviews = by_id(list(data.all(SupplierReview)))
        review = rng.choice(data.all(SupplierReview))
        if rng.random() < 0.5:
            del reviews[review.id]
        else:
            moved = review.model_copy(update={"held_on": review.held_on - timedelta(days=400)})
            reviews[review.id] = moved
        return {"reviews": reviews}
    if what == "kpi":
        kpis = by_id(list(data.all(Kpi)))
        kpi = rng.choice(list(kpis.values()))
        kpis[kpi.id] = kpi.model_copy(update={"subject_id": other.id})
        return {"kpis": kpis}
    measurements = by_id(list(data.all(Measurement)))
    kpi = rng.choice(data.all(Kpi))
    number = max(int(i.split("-")[1]) for i in measurements) + 1
    low = Measurement(
        id=f"MEA-{number:04d}", kpi_id=kpi.id, measured_on=TODAY - timedelta(days=1), value=0.0
    )
    return {"measurements": measurements | {low.id: low}}


@pytest.mark.parametrize("seed", range(3))
def test_register_rows_kept_across_saves_equal_rows_built_from_scratch(seed: int) -> None:
    rng = random.Random(seed)
    data = DataSet(load_demo(TODAY))
    first = current_supplier_rows(data, TODAY, SETTINGS)
    assert first is current_supplier_rows(data, TODAY, SETTINGS)  # once per data set
    current_agreement_rows(data, TODAY, SETTINGS)
    for _ in range(15):
        data = data.successor(a_save(data, rng))
        kept = current_supplier_rows(data, TODAY, SETTINGS)
        fresh = DataSet(data)
        readings = kpi_readings(fresh, TODAY, SETTINGS.kpi_grace_days, SETTINGS.kpi_grace_fraction)
        assert kept == supplier_rows(fresh, TODAY, readings, SETTINGS)
        assert current_agreement_rows(data, TODAY, SETTINGS) == agreement_rows(
            fresh, TODAY, SETTINGS
        )
