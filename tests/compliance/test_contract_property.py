"""Property: with every agreement removed, exactly the suppliers that need one fail."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from itsms_tui.compliance.engine import run_checks
from itsms_tui.compliance.settings import CheckSettings
from itsms_tui.domain.agreements import Agreement
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import AgreementKind, AgreementStatus, SupplierKind, SupplierStatus
from tests.compliance.builders import TODAY, contract, supplier

NEEDS_AGREEMENT = {SupplierStatus.APPROVED, SupplierStatus.ACTIVE, SupplierStatus.UNDER_REVIEW}

supplier_shapes = st.lists(
    st.tuples(
        st.sampled_from(SupplierKind),
        st.sampled_from(SupplierStatus),
        st.lists(
            st.tuples(
                st.sampled_from(
                    [
                        AgreementKind.CONTRACT,
                        AgreementKind.UNDERPINNING_CONTRACT,
                        AgreementKind.OLA,
                    ]
                ),
                st.sampled_from(AgreementStatus),
            ),
            max_size=3,
        ),
    ),
    min_size=1,
    max_size=8,
)


def _build(
    shapes: list[tuple[SupplierKind, SupplierStatus, list[tuple[AgreementKind, AgreementStatus]]]],
) -> DataSet:
    data = DataSet()
    n_agreement = 0
    for i, (kind, status, agreements) in enumerate(shapes, start=1):
        data.add(supplier(i, kind=kind, status=status, approved_on=date(2024, 1, 10)))
        for agreement_kind, agreement_status in agreements:
            n_agreement += 1
            data.add(
                contract(
                    n_agreement,
                    supplier_id=f"SUP-{i:04d}",
                    kind=agreement_kind,
                    status=agreement_status,
                )
            )
    return data


def _failing(data: DataSet) -> dict[str, set[str]]:
    found = run_checks(data, CheckSettings(), TODAY, ["SUP-CONTRACT", "SUP-OLA"])
    out: dict[str, set[str]] = {"SUP-CONTRACT": set(), "SUP-OLA": set()}
    for f in found:
        if not f.no_evidence:  # no such supplier at all: nothing to judge, not a failure
            out[f.rule].add(f.record_id)
    return out


@given(supplier_shapes)
@settings(max_examples=150, deadline=None)
def test_removing_every_agreement_fails_exactly_the_suppliers_that_need_one(
    shapes: list[tuple[SupplierKind, SupplierStatus, list[tuple[AgreementKind, AgreementStatus]]]],
) -> None:
    data = _build(shapes)
    external = {
        f"SUP-{i:04d}"
        for i, (kind, status, _) in enumerate(shapes, start=1)
        if kind is SupplierKind.EXTERNAL and status in NEEDS_AGREEMENT
    }
    internal = {
        f"SUP-{i:04d}"
        for i, (kind, status, _) in enumerate(shapes, start=1)
        if kind is not SupplierKind.EXTERNAL and status in NEEDS_AGREEMENT
    }
    before = _failing(data)
    assert before["SUP-CONTRACT"] <= external
    assert before["SUP-OLA"] <= internal
    stripped = DataSet(r for r in data if not isinstance(r, Agreement))
    after = _failing(stripped)
    assert after == {"SUP-CONTRACT": external, "SUP-OLA": internal}


@given(supplier_shapes)
@settings(max_examples=100, deadline=None)
def test_a_supplier_fails_the_contract_rule_exactly_when_it_has_no_active_contract(
    shapes: list[tuple[SupplierKind, SupplierStatus, list[tuple[AgreementKind, AgreementStatus]]]],
) -> None:
    data = _build(shapes)
    failing = _failing(data)["SUP-CONTRACT"]
    for i, (kind, status, agreements) in enumerate(shapes, start=1):
        good = {AgreementStatus.ACTIVE}
        if status is SupplierStatus.APPROVED:  # not yet delivering: in preparation will do
            good |= {AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION}
        covered = any(k is not AgreementKind.OLA and s in good for k, s in agreements)
        expected = kind is SupplierKind.EXTERNAL and status in NEEDS_AGREEMENT and not covered
        assert (f"SUP-{i:04d}" in failing) is expected
