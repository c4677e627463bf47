"""Data the core decodes from a package's own files (py3langid's model, gender-guesser's
name list), kept decoded in the user's cache directory so that the next process reads it
in a fraction of the time. A cache file is named by what it was decoded from (the source
files' content, the decoder's version), written whole or not at all (a temporary file
renamed over it), and only ever a shortcut: any failure to read or write it (a read-only
or missing folder, a damaged file) falls back silently to decoding the source again."""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, TypeGuard, TypeVar, cast

import platformdirs

ENV_VAR = "QUOTEDB_CACHE_DIR"  # where the cache lives, instead of the user's cache directory

T = TypeVar("T")


def cache_dir() -> Path:
    """``QUOTEDB_CACHE_DIR`` when set, else the user's cache directory for quotedb."""
    given = os.environ.get(ENV_VAR)
    return Path(given).expanduser() if given else Path(platformdirs.user_cache_dir("quotedb"))


def entry_name(kind: str, version: str, sources: Iterable[Path], suffix: str) -> str:
    """A cache file's name: what it holds, the decoder's version and the sources' content
    (a reinstall that only touches their mtimes keeps the cache)."""
    digest = hashlib.sha256()
    size = 0
    for source in sources:
        data = source.read_bytes()
        digest.update(data)
        size += len(data)
    return f"{kind}-{version}-{size}-{digest.hexdigest()[:20]}{suffix}"


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """``write`` fills a temporary file that is then renamed over ``path`` (a reader sees a
    whole file or none); older files of the same kind (the part of the name before its
    first "-") are removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    kind = path.name.split("-", 1)[0]
    for old in path.parent.glob(f"{kind}-*{path.suffix}"):
        if old != path:
            old.unlink(missing_ok=True)


def remembered(
    kind: str,
    version: str,
    sources: list[Path],
    build: Callable[[], T],
    valid: Callable[[object], TypeGuard[T]],
    folder: Path | None = None,
) -> T:
    """``build()``, or what an earlier process's ``build()`` of the same sources gave,
    kept in the cache with ``marshal`` (plain values only: strings, numbers, dicts, sets,
    tuples, lists), named by ``kind`` (no "-" in it), ``version`` (of what ``build`` gives)
    and the sources. ``valid`` says whether what was read back is of the right shape."""
    version += f".py{sys.version_info[0]}{sys.version_info[1]}.m{marshal.version}"
    try:
        path = (folder or cache_dir()) / entry_name(kind, version, sources, ".marshal")
    except Exception:  # no cache to be had
        return build()
    with contextlib.suppress(Exception):
        value = marshal.loads(path.read_bytes())
        if valid(value):
            return value
    value = build()
    with contextlib.suppress(Exception):
        data = marshal.dumps(cast(Any, value))  # a plain value, as build() promises
        write_atomically(path, lambda out: out.write(data))
    return value
