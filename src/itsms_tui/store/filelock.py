"""Advisory ``flock`` on a side lock file, with a timeout.

Why a side file and not the data file itself: the data file is replaced (a new inode)
on every save, so a lock on it would lock a file that no longer has the name. The lock
file is never deleted (deleting a lock file lets two processes lock two different
inodes); it holds no data.

Every acquisition opens the lock file anew, so it is its own open file description:
two threads, or two storages on one file in one process, exclude each other like two
processes do. ``flock`` needs only read access to the lock file, so people sharing a
data file through a group can all lock it even when one of them created the lock file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from itsms_tui.store.errors import ReadOnlyStoreError, StoreBusyError

_FIRST_DELAY = 0.0005
_MAX_DELAY = 0.01


class FileLock:
    """A shared/exclusive lock on ``path``, reported as busy on behalf of ``owner``.

    ``owner`` is the data file: errors name it, not the lock file, because that is
    the file the user knows. ``mode`` is used when the lock file has to be created.
    """

    def __init__(self, path: Path, *, owner: Path, timeout: float, mode: int = 0o600) -> None:
        self.path = path
        self.owner = owner
        self.timeout = timeout
        self.mode = mode

    @contextmanager
    def shared(self) -> Iterator[bool]:
        """Hold a shared lock; yields False when no lock file can exist (read-only place).

        Reading without the lock is still safe, because saves replace the data file
        atomically; the lock only makes a reader wait for a save in progress.
        """
        fd = self._open(create_required=False)
        if fd is None:
            yield False
            return
        try:
            self._acquire(fd, fcntl.LOCK_SH)
            yield True
        finally:
            os.close(fd)  # closing the description releases the lock

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the exclusive lock (for a read-modify-write of the data file)."""
        fd = self._open(create_required=True)
        assert fd is not None
        try:
            self._acquire(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _open(self, *, create_required: bool) -> int | None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, self.mode)
        except FileExistsError:
            pass
        except FileNotFoundError:
            if create_required:
                raise
            return None  # no directory yet: nothing to read, nothing to lock
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            if create_required:
                raise ReadOnlyStoreError(self.owner, "cannot create its lock file") from exc
            return None
        else:
            os.fchmod(fd, self.mode)  # the umask must not lock out the data file's group
            return fd
        for flags in (os.O_RDWR, os.O_RDONLY):
            try:
                return os.open(self.path, flags | os.O_CLOEXEC)
            except PermissionError:
                continue
        if create_required:
            raise ReadOnlyStoreError(self.owner, "no permission to open its lock file")
        return None

    def _acquire(self, fd: int, operation: int) -> None:
        """Poll with a non-blocking flock until ``timeout``: a blocking flock can't time out."""
        deadline = time.monotonic() + self.timeout
        delay = _FIRST_DELAY
        while True:
            try:
                fcntl.flock(fd, operation | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreBusyError(self.owner, self.timeout)
            # jitter, so two waiters do not retry in lockstep
            time.sleep(min(remaining, delay * random.uniform(0.5, 1.0)))
            delay = min(delay * 2, _MAX_DELAY)
