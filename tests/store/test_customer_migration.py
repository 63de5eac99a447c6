"""Schema 1 -> 2: customer names on services and SLAs become customer records, in a
version-1 snapshot (the real one of tests/fixtures) and in a version-1 data file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.customer_migration import customers_from_names
from itsms_tui.domain.customers import Customer
from itsms_tui.snapshot.importer import load_snapshot
from itsms_tui.store.records import RecordStore

FIXTURE = Path(__file__).parents[1] / "fixtures" / "demo_v1.toml"


def test_names_become_customers_once_each_in_order_of_first_mention() -> None:
    collections: dict[str, list[dict[str, Any]]] = {
        "services": [
            {"id": "SVC-0001", "customers": ["Acme  Ltd", "Beta plc"]},
            {"id": "SVC-0002", "customers": ["acme ltd", " ", "Acme Ltd"]},
            {"id": "SVC-0003"},
        ],
        "agreements": [
            {"id": "AGR-0001", "customer": "Beta plc"},
            {"id": "AGR-0002", "customer": ""},
            {"id": "AGR-0003", "customer": "Gamma"},
        ],
    }
    created = customers_from_names(collections, "2026-01-01T00:00:00+00:00")
    assert [(c["id"], c["name"]) for c in created] == [
        ("CUS-0001", "Acme Ltd"),
        ("CUS-0002", "Beta plc"),
        ("CUS-0003", "Gamma"),
    ]
    services, agreements = collections["services"], collections["agreements"]
    assert services[0] == {"id": "SVC-0001", "customer_ids": ["CUS-0001", "CUS-0002"]}
    assert services[1] == {"id": "SVC-0002", "customer_ids": ["CUS-0001"]}
    assert services[2] == {"id": "SVC-0003"}
    assert agreements == [
        {"id": "AGR-0001", "customer_id": "CUS-0002"},
        {"id": "AGR-0002"},
        {"id": "AGR-0003", "customer_id": "CUS-0003"},
    ]
    for doc in created:
        Customer.model_validate(doc)


def test_existing_customers_are_reused_and_numbered_after() -> None:
    collections: dict[str, list[dict[str, Any]]] = {
        "customers": [{"id": "CUS-0007", "name": "Acme Ltd"}],
        "services": [{"id": "SVC-0001", "customers": ["ACME LTD", "New One"]}],
    }
    created = customers_from_names(collections, "t")
    assert [c["id"] for c in created] == ["CUS-0008"]
    assert collections["services"][0]["customer_ids"] == ["CUS-0007", "CUS-0008"]


def test_the_version_1_demo_snapshot_gets_its_four_customers() -> None:
    data = load_snapshot(FIXTURE.read_bytes(), source=str(FIXTURE)).dataset
    customers = {c.id: c.name for c in data.all(Customer)}
    assert customers == {
        "CUS-0001": "Harrowby Insurance plc",
        "CUS-0002": "Calder Freight Ltd",
        "CUS-0003": "Aldermoor Borough Council",
        "CUS-0004": "Kestrel Health Partners",
    }
    desk = data.get_as(Service, "SVC-0001")
    assert desk is not None and desk.customer_ids == ["CUS-0001", "CUS-0002", "CUS-0003"]
    slas = {a.id: a.customer_id for a in data.all(Agreement) if a.customer_id}
    assert slas == {
        "AGR-0014": "CUS-0001",
        "AGR-0015": "CUS-0002",
        "AGR-0016": "CUS-0003",
        "AGR-0017": "CUS-0004",
    }


def test_a_version_1_data_file_is_upgraded_with_customers(tmp_path: Path) -> None:
    stamp = "2025-01-01T09:00:00+00:00"
    base = {"revision": 1, "created_at": stamp, "updated_at": stamp}
    v1 = {
        "_meta": {"1": {"schema_version": 1}},
        "services": {
            "1": {**base, "id": "SVC-0001", "name": "Mail", "owner": "Ann Lee",
                  "status": "live", "customers": ["Retail", "Wholesale"]},
        },
        "agreements": {
            "1": {**base, "id": "AGR-0001", "title": "Retail SLA", "kind": "customer_sla",
                  "status": "active", "customer": "retail", "service_ids": ["SVC-0001"]},
        },
    }  # fmt: skip
    path = tmp_path / "itsms.json"
    path.write_text(json.dumps(v1), encoding="utf-8")
    store = RecordStore.open(path, user="ann")
    data = store.dataset()
    assert [(c.id, c.name) for c in data.all(Customer)] == [
        ("CUS-0001", "Retail"),
        ("CUS-0002", "Wholesale"),
    ]
    service = data.get_as(Service, "SVC-0001")
    sla = data.get_as(Agreement, "AGR-0001")
    assert service is not None and service.customer_ids == ["CUS-0001", "CUS-0002"]
    assert sla is not None and sla.customer_id == "CUS-0001"
    trail = store.audit_trail()
    assert any("2 customers created from the customer names" in e.summary for e in trail)
    store.close()
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["_meta"]["1"]["schema_version"] == 2
    assert {d["name"] for d in on_disk["customers"].values()} == {"Retail", "Wholesale"}
