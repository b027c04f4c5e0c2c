"""Indexes kept between runs: what factcheck derives from its data files and takes a
noticeable part of a second to build (the gazetteer's name index, pint's names and
conversions of the units the tables list) is built on the first run and kept, pickled, in
the user's cache folder (``~/.cache/factcheck`` on Linux), so the next run reads it in a
few milliseconds instead of building it again. A seed check costs about 0.5 s less CPU.

A kept index is a memo, never a source: it is read only when it was built from the same
package files (each ``.py`` and data file's size and modification time, like Python's own
bytecode cache) and the same versions of the libraries that built it, else it is built
afresh and replaced, so an edit to a vocabulary or an upgrade of pint cannot serve a stale
answer. ``tests/test_kept.py`` checks each kept index equals the one built from scratch.

``FACTCHECK_CACHE=0`` turns keeping off (every run builds); ``FACTCHECK_CACHE=DIR`` keeps
the files in DIR. A folder that cannot be written, or a damaged file, only costs the build:
the run goes on. Like pint's own cache, the files are pickles: the folder is the user's
own, and nothing else writes there."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

from .cycles import cycles_paused

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent
_FORMAT = 1  # bump when the layout of a kept index changes without a change of its code


def folder() -> Path | None:
    """Where kept indexes live, or None when keeping is off (``FACTCHECK_CACHE=0``)."""
    setting = os.environ.get("FACTCHECK_CACHE", "")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    import platformdirs  # only when an index is kept: a few milliseconds

    return Path(platformdirs.user_cache_dir("factcheck", appauthor=False))


@cache
def _package_stamp() -> bytes:
    """Path, size and modification time of every file of the package (code and data)."""
    digest = hashlib.blake2b(digest_size=16)
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(root, name)
            st = os.stat(path)
            digest.update(f"{os.path.relpath(path, _PACKAGE)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.digest()


def _library_stamp(module: str) -> str:
    """Where a library is installed and when: an upgrade changes both (found without
    importing it, which is the cost a kept index saves)."""
    spec = find_spec(module)
    origin = spec.origin if spec is not None else None
    if origin is None:
        return f"{module}:absent"
    st = os.stat(origin)
    return f"{module}:{origin}:{st.st_size}:{st.st_mtime_ns}"


def key(name: str, libraries: tuple[str, ...] = ()) -> str:
    """The fingerprint a kept index ``name`` is filed under."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(_package_stamp())
    digest.update(f"{name}\0{_FORMAT}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}".encode())
    for module in libraries:
        digest.update(_library_stamp(module).encode())
    return digest.hexdigest()


def kept(name: str, build: Callable[[], T], libraries: tuple[str, ...] = ()) -> T:
    """``build()``'s result, read from the cache folder when an earlier run kept it from
    the same package files and ``libraries``, else built and kept for the next run."""
    where = folder()
    if where is None:
        return build()
    # one file per index and install: two checkouts sharing a cache folder keep their own
    install = hashlib.blake2b(str(_PACKAGE).encode(), digest_size=4).hexdigest()
    path = where / f"{name}-{install}-{key(name, libraries)}.pickle"
    # the cyclic collector would walk the tens of thousands of objects a load makes, again
    # and again as they are made (acyclic, all of them): off while reading, half the time
    try:
        with cycles_paused(), open(path, "rb") as f:
            loaded: T = pickle.load(f)  # noqa: S301 - the user's own cache folder, written by factcheck
        return loaded
    except Exception:  # noqa: BLE001 - missing, damaged or unreadable: it only costs the build
        pass
    value = build()
    _write(where, f"{name}-{install}", path, value)
    return value


def _write(where: Path, stem: str, path: Path, value: Any) -> None:
    """Write atomically (a reader never sees half a file), then drop the files of other
    fingerprints with the same ``stem`` (index and install); a folder that cannot be
    written is left alone."""
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=path.stem, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in where.glob(f"{stem}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        _forget_abandoned(where)
    except (OSError, pickle.PicklingError):
        pass


ABANDONED_DAYS = 30
"""Kept files of other installs (another checkout, a removed virtual environment) that no
run has written for this many days are removed when an index is written: a folder shared
by many checkouts, or outliving them, stays bounded. An install still in use only builds
its index again."""


def _forget_abandoned(where: Path) -> None:
    """Remove the kept files of any install last written more than ``ABANDONED_DAYS`` ago."""
    limit = time.time() - ABANDONED_DAYS * 86400
    for old in where.glob("*.pickle"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink(missing_ok=True)
        except OSError:
            continue
