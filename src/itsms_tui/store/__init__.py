"""The only layer that touches TinyDB and the data file.

``storage`` keeps the file crash-safe and multi-process-safe (atomic replace, locks,
transactions); ``errors`` holds everything the store raises; ``schema`` the layout
and schema version. Read ``itsms_tui.store.storage``'s docstring before using TinyDB
on top of a storage.
"""

from itsms_tui.store.errors import (
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
    StoreSyncError,
    StoreWriteError,
    TransactionRequiredError,
)
from itsms_tui.store.schema import META_TABLE, SCHEMA_VERSION
from itsms_tui.store.storage import (
    DataFileStorage,
    InMemoryStorage,
    Snapshot,
    StoreTable,
    Tables,
    TransactionalStorage,
    open_tinydb,
)

__all__ = [
    "META_TABLE",
    "SCHEMA_VERSION",
    "ConflictError",
    "DanglingReferenceError",
    "DataFileError",
    "DataFileStorage",
    "DuplicateRecordError",
    "InMemoryStorage",
    "InvalidDataError",
    "ReadOnlyStoreError",
    "RecordNotFoundError",
    "ReferenceIntegrityError",
    "Snapshot",
    "StaleRevisionError",
    "StillReferencedError",
    "StoreBusyError",
    "StoreError",
    "StoreSyncError",
    "StoreTable",
    "StoreWriteError",
    "Tables",
    "TransactionRequiredError",
    "TransactionalStorage",
    "open_tinydb",
]
