"""Every closed vocabulary reads the same on every screen: one label and one short form."""

from __future__ import annotations

from enum import StrEnum

from itsms_tui.domain import enums
from itsms_tui.domain.enums import (
    ActivityStatus,
    AgreementKind,
    AgreementStatus,
    SupplierKind,
    Vocabulary,
)


def test_labels_are_the_value_as_words_unless_a_member_has_its_own() -> None:
    assert ActivityStatus.NOT_STARTED.label == "not started"
    assert AgreementKind.CUSTOMER_SLA.label == "customer SLA"
    assert AgreementKind.OLA.label == "OLA"


def test_short_forms_fall_back_to_the_label() -> None:
    assert SupplierKind.CUSTOMER_AS_SUPPLIER.short == "cust"
    assert AgreementKind.UNDERPINNING_CONTRACT.short == "UC"
    assert AgreementStatus.NEGOTIATION.short == "negot."
    assert AgreementStatus.ACTIVE.short == "active"


def test_every_enum_of_the_model_is_a_vocabulary_with_distinct_short_forms() -> None:
    """A new enum that forgets the base class, or two members sharing a short, fail here."""
    found = [
        value
        for value in vars(enums).values()
        if isinstance(value, type)
        and issubclass(value, StrEnum)
        and value is not Vocabulary
        and value is not StrEnum
    ]
    assert len(found) > 10
    for vocabulary in found:
        assert issubclass(vocabulary, Vocabulary), vocabulary
        shorts = [member.short for member in vocabulary]
        assert len(set(shorts)) == len(shorts), vocabulary
