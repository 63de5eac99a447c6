"""Regenerate ``sample_data/demo.toml``: one realistic IT service provider's records.

Larkfield Managed Services runs a service desk, cloud hosting, networks, workplace,
backup and security monitoring for three enterprise customers (a fourth onboarding), with a dozen external,
internal and customer-provided suppliers. Every date is written relative to ANCHOR
(the snapshot's ``exported_at``); ``itsms_tui.snapshot.demo.load_demo`` moves them so
the anchor is today. The records are written area by area by the modules of
``scripts/demo_data/``; ``build`` calls them in the order ids are given. The output is
deterministic: run this after changing them and commit the file (a test compares the two).

    .venv/bin/python -m scripts.build_demo_data [--check]     (from the repository root)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itsms_tui import __version__
from itsms_tui.domain.dataset import DataSet
from itsms_tui.snapshot.export import export_snapshot
from scripts.demo_data.agreements import add_amendments, add_customer_slas, add_supplier_agreements
from scripts.demo_data.catalogue import add_services
from scripts.demo_data.changes import add_changes
from scripts.demo_data.common import EXPORTED_AT, Builder
from scripts.demo_data.customers import add_customer_relations, add_customers
from scripts.demo_data.kpis import add_kpis
from scripts.demo_data.people import add_people
from scripts.demo_data.plan import (
    add_activities,
    add_allocations,
    add_objectives,
    add_processes,
    add_resources,
)
from scripts.demo_data.risks import add_risks
from scripts.demo_data.suppliers import (
    add_disputes,
    add_evaluations,
    add_improvement_actions,
    add_supplier_reviews,
    add_suppliers,
)

OUTPUT = Path(__file__).resolve().parents[1] / "sample_data" / "demo.toml"


def build() -> DataSet:
    """Every record of the demo organisation, area by area, in the order ids are given."""
    b = Builder()
    add_people(b)
    add_customers(b)
    services = add_services(b)
    objectives = add_objectives(b)
    processes = add_processes(b)
    resources = add_resources(b)
    suppliers = add_suppliers(b)
    add_evaluations(b, suppliers)
    contracts = add_supplier_agreements(b, services, suppliers)
    slas = add_customer_slas(b, services, contracts)
    add_amendments(b, contracts, slas)
    activities = add_activities(b, processes, suppliers, contracts)
    add_allocations(b, processes, resources, activities)
    reviews = add_supplier_reviews(b, suppliers, contracts)
    add_disputes(b, suppliers, contracts)
    risks = add_risks(b, services, processes, suppliers, contracts)
    add_changes(b, services, processes, suppliers)
    kpis = add_kpis(b, services, objectives, processes, suppliers, contracts, slas)
    add_improvement_actions(b, suppliers, contracts, reviews, kpis, risks)
    add_customer_relations(b, services)
    return DataSet(b.records)


def render() -> str:
    """The demo snapshot text (what ``sample_data/demo.toml`` must hold)."""
    return export_snapshot(build(), exported_at=EXPORTED_AT, app_version=__version__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                f"{OUTPUT} is out of date: run python -m scripts.build_demo_data", file=sys.stderr
            )
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT} ({len(text.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
