"""The store's errors: one-line messages that name the file or record, and they pickle."""

from __future__ import annotations

import pickle

import pytest

from itsms_tui.store import (
    ConflictError,
    DanglingReferenceError,
    DataFileError,
    DuplicateRecordError,
    InvalidDataError,
    ReadOnlyStoreError,
    RecordNotFoundError,
    ReferenceIntegrityError,
    StaleRevisionError,
    StillReferencedError,
    StoreBusyError,
    StoreError,
    StoreWriteError,
    TransactionRequiredError,
)

ERRORS = [
    (DataFileError("/d/itsms.json", "not valid JSON (line 3, column 7)"),
     "/d/itsms.json: not valid JSON (line 3, column 7)"),
    (StoreBusyError("/d/itsms.json", 10.0), "/d/itsms.json: busy"),
    (ReadOnlyStoreError("/d/itsms.json", "opened read-only"), "/d/itsms.json: read-only"),
    (StoreWriteError("/d/itsms.json", "No space left on device"), "No space left on device"),
    (InvalidDataError("/d/itsms.json", "bad"), "/d/itsms.json: refusing to save: bad"),
    (TransactionRequiredError(), "outside a transaction"),
    (StaleRevisionError("supplier SUP-0001 Acme", 3, 4),
     "supplier SUP-0001 Acme was changed by someone else (now revision 4, your edit was "
     "based on revision 3)"),
    (DuplicateRecordError("supplier SUP-0001"), "supplier SUP-0001 already exists"),
    (RecordNotFoundError("supplier SUP-0009"), "supplier SUP-0009 does not exist"),
    (DanglingReferenceError("agreement AGR-0001", "supplier_id", "supplier SUP-0009"),
     "agreement AGR-0001: supplier_id refers to supplier SUP-0009, which does not exist"),
    (StillReferencedError("supplier SUP-0001", [f"agreement AGR-{n:04d}" for n in range(7)]),
     "cannot delete supplier SUP-0001: still referred to by agreement AGR-0000, "
     "agreement AGR-0001, agreement AGR-0002, agreement AGR-0003, agreement AGR-0004 "
     "and 2 more"),
]  # fmt: skip


@pytest.mark.parametrize(("error", "text"), ERRORS, ids=[type(e).__name__ for e, _ in ERRORS])
def test_messages_are_one_line_and_errors_pickle(error: StoreError, text: str) -> None:
    assert text in str(error)
    assert "\n" not in str(error)
    assert isinstance(error, StoreError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)


def test_the_record_level_errors_have_catchable_families() -> None:
    assert issubclass(StaleRevisionError, ConflictError)
    assert issubclass(DuplicateRecordError, ConflictError)
    assert issubclass(DanglingReferenceError, ReferenceIntegrityError)
    assert issubclass(StillReferencedError, ReferenceIntegrityError)
