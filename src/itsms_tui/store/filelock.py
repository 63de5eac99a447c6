"""Advisory ``flock`` on a side lock file and on the data file's own inode, with a timeout.

The side file exists for the moment no data file does yet (nothing else to lock); it
holds no data. Someone may still delete or replace it while a writer holds it, so a
lock is only trusted once the name still leads to the locked inode (verify after
acquiring, else lock again), and writers also lock the data file's inode itself
(``InodeLock``): a save replaces that inode only while holding it, so a writer that
waited on it finds a new file at the name and locks that one instead.

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
import stat
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
    def exclusive(self, deadline: float | None = None) -> Iterator[None]:
        """Hold the exclusive lock (for a read-modify-write of the data file).

        Readers take no lock: saves replace the data file atomically, so a reader
        always opens a whole committed version.
        """
        if deadline is None:
            deadline = time.monotonic() + self.timeout
        while True:
            fd = self._open(create_required=True)
            assert fd is not None
            try:
                _acquire(fd, fcntl.LOCK_EX, deadline, self.owner, self.timeout)
                if _still_named(fd, self.path):
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # deleted or replaced meanwhile: lock what the name is now
        try:
            yield
        finally:
            os.close(fd)  # closing the description releases the lock

    def _open(self, *, create_required: bool) -> int | None:
        """Open (creating if needed) the lock file; retried while someone deletes it."""
        while True:
            try:
                fd = os.open(
                    self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, self.mode
                )
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
                _copy_owner(fd, self.owner)
                return fd
            for flags in (os.O_RDWR, os.O_RDONLY):
                try:
                    return os.open(self.path, flags | os.O_CLOEXEC)
                except PermissionError:
                    continue
                except FileNotFoundError:
                    break  # deleted between the two opens: create it again
            else:
                if create_required:
                    raise ReadOnlyStoreError(self.owner, "no permission to open its lock file")
                return None


def _acquire(fd: int, operation: int, deadline: float, owner: Path, timeout: float) -> None:
    """Poll with a non-blocking flock until ``deadline``: a blocking flock can't time out."""
    delay = _FIRST_DELAY
    while True:
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise StoreBusyError(owner, timeout)
        # jitter, so two waiters do not retry in lockstep
        time.sleep(min(remaining, delay * random.uniform(0.5, 1.0)))
        delay = min(delay * 2, _MAX_DELAY)


def _still_named(fd: int, path: Path) -> bool:
    """Whether ``path`` still leads to the inode open as ``fd``."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (held.st_dev, held.st_ino)


def _copy_owner(fd: int, model: Path) -> None:
    """Give a new side file the data file's owner and group, as far as permitted.

    Otherwise whoever happened to create it (root, a colleague) would own it.
    """
    try:
        st = os.stat(model)
    except OSError:
        return
    for uid in (st.st_uid, -1):
        try:
            os.fchown(fd, uid, st.st_gid)
            return
        except PermissionError:
            continue


class InodeLock:
    """The exclusive lock on the data file's current inode (see the module docstring).

    ``held()`` yields False when there is no data file yet; then the side lock file
    alone excludes other writers, and the first save must create the file without
    replacing one (``os.link``) so that two creators cannot both succeed.
    """

    def __init__(self, path: Path, *, timeout: float) -> None:
        self.path = path
        self.timeout = timeout

    @contextmanager
    def held(self, deadline: float) -> Iterator[bool]:
        while True:
            try:
                fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
            except FileNotFoundError:
                yield False
                return
            except OSError:
                yield False  # unreadable: loading the file reports it
                return
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    os.close(fd)
                    yield False  # not a regular file: loading it reports it
                    return
                _acquire(fd, fcntl.LOCK_EX, deadline, self.path, self.timeout)
                if _still_named(fd, self.path):
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # replaced by the save we waited for: lock the new file
        try:
            yield True
        finally:
            os.close(fd)
