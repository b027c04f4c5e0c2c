"""Writing files so that a reader never sees half of one: reports written with --output and
decisions in the ledger both go through :func:`atomic_write`, and writers of one ledger
file take turns through :func:`locked`. Neither leaves anything behind: a lock file is
removed by its holder, and temporary files of killed writers by the next writer."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 600
"""A temporary or lock file untouched this long belongs to a writer that died: a write
takes milliseconds."""


class TooLarge(ValueError):
    """A file over the size cap; ``size`` is what the file system says, when it says."""

    def __init__(self, size: int | None) -> None:
        self.size = size
        super().__init__(f"more than the limit ({size} bytes)" if size else "more than the limit")


def read_capped(path: Path, cap: int) -> bytes:
    """The bytes of ``path``, reading at most ``cap`` + 1 of them whatever ``st_size`` says
    (``/dev/zero`` says 0), and never waiting on a named pipe nobody writes to (it reads as
    empty). Raises :class:`TooLarge` over the cap, ``IsADirectoryError`` for a folder, and
    ``OSError`` as the system reports it."""
    # O_NONBLOCK makes opening a pipe return at once; it is cleared again before reading
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if info.st_size > cap:
            raise TooLarge(info.st_size)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = cap + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > cap:
        raise TooLarge(None)
    return data


@cache
def umask() -> int:
    """The process's umask, read without changing it where the system allows (changing it,
    even for a moment, races with other threads creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def write_target(path: Path) -> Path:
    """Where a write to ``path`` lands: the file a symbolic link points to (replacing the
    link itself would silently cut it), else ``path``."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def atomic_write(path: Path, text: str | Iterable[str]) -> None:
    """Replace ``path`` with ``text`` (or its pieces, written as they come) in one step:
    readers see the old file or the new one, and a crash mid-write leaves the old file as
    it was. The new file keeps the old one's mode, or gets the mode a plain
    ``open(path, "w")`` would give; a symbolic link is written through, not replaced."""
    path = write_target(Path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~umask()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                fh.writelines(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def clean_stale(folder: Path, name: str | None = None, now: float | None = None) -> None:
    """Remove what killed writers left in ``folder``: temporary files of ``name`` (the
    caller holds its lock, so none is in use) and any temporary or lock file older than
    :data:`STALE_SECONDS`. Best effort: a file that cannot be removed stays."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith("."):
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if entry.name.endswith(TEMP_SUFFIX) and (old or (name and entry.name.startswith(f".{name}."))):
                os.unlink(entry.path)
            elif entry.name.endswith(".lock") and old:
                _remove_free_lock(Path(entry.path))
        except OSError:
            continue


def _remove_free_lock(path: Path) -> None:
    # only a lock nobody holds may go; taking it first is what makes removing it safe
    with contextlib.suppress(OSError, TimeoutError), locked(path, timeout=0):
        pass


@contextlib.contextmanager
def locked(path: Path, timeout: float = 30.0) -> Iterator[None]:
    """Hold an exclusive lock named ``path`` for the ``with`` block, then remove the lock
    file. A holder always re-checks that the file it locked is still the one at ``path``
    (a finishing holder may have removed it in between), so removing is safe. Raises
    :class:`TimeoutError` after ``timeout`` seconds and ``OSError`` when the folder is not
    writable."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the lock file stays (it is ignored by git)
        from filelock import FileLock, Timeout

        try:
            with FileLock(str(path), timeout=timeout):
                yield
        except Timeout as err:
            raise TimeoutError(errno.ETIMEDOUT, "another writer holds the lock", str(path)) from err
        return
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666 & ~umask())
        except PermissionError as denied:
            # another user's lock file: a read-only descriptor locks it just as well; with
            # no lock file there, the folder itself is not writable: say so, not "no such file"
            try:
                fd = os.open(path, os.O_RDONLY)
            except FileNotFoundError:
                raise denied from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise TimeoutError(errno.ETIMEDOUT, "another writer holds the lock", str(path)) from None
                    time.sleep(0.01)
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if not same:
                continue  # the lock file was removed by its last holder: lock the new one
            try:
                yield
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
            return
        finally:
            os.close(fd)
