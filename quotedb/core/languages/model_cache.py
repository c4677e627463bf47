"""py3langid's model, decoded once and kept in the user's cache directory.

Decoding the model py3langid ships (LZMA, then numpy reading the archive inside) costs about
0.6 s of CPU in every process that needs it, for a handful of texts. Its arrays kept
uncompressed load in milliseconds: the big table is mapped, not read, and a text touches
only its rows. The cache is a shortcut and nothing more: any failure to read or write it
(a read-only or missing folder, a damaged file) falls back silently to py3langid's own load,
and the arrays are the same either way. Nothing is downloaded."""

from __future__ import annotations

import contextlib
from array import array
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

import numpy as np

from quotedb.core.datacache import cache_dir, entry_name, write_atomically

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

_KIND = "py3langid"
_FORMAT = 1  # of the cache file: a new one is written (and the old removed) when it changes
_SUFFIX = ".npys"
_ROW = 256  # a DFA row: one next state per byte


def model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    path: Path = Path(MODEL_DIR) / MODEL_FILE
    return path


def cache_name(model: Path) -> str:
    """The cache file's name: py3langid's version and the model file's content."""
    import py3langid

    return entry_name(_KIND, f"{py3langid.__version__}.{_FORMAT}", [model], _SUFFIX)


def load_identifier(folder: Path | None = None) -> LanguageIdentifier:
    """py3langid's classifier (normalised probabilities), from the cache in ``folder`` (the
    cache directory by default) when it is there, else from the model, caching it."""
    from py3langid.langid import LanguageIdentifier

    model = model_file()
    try:
        path = (folder or cache_dir()) / cache_name(model)
    except Exception:  # no cache to be had: py3langid's own load alone
        return LanguageIdentifier.from_model_file(model, norm_probs=True)
    with contextlib.suppress(Exception):
        return _read(path)
    identifier = LanguageIdentifier.from_model_file(model, norm_probs=True)
    with contextlib.suppress(Exception):
        _write(path, identifier)
    return identifier


def _arrays(identifier: LanguageIdentifier) -> list[np.ndarray[Any, Any]]:
    """The model's parts in the constructor's order, as arrays (the DFA's as they are)."""
    return [
        identifier.nb_ptc,
        identifier.nb_pc,
        np.array(identifier.nb_classes),
        np.frombuffer(identifier.tk_nextmove, dtype=identifier.tk_nextmove.typecode),
        np.frombuffer(identifier.tk_row, dtype=identifier.tk_row.typecode),
        np.asarray(identifier.tk_output, dtype=np.int64),
    ]


def _write(path: Path, identifier: LanguageIdentifier) -> None:
    """The arrays as .npy records one after the other, written whole or not at all."""
    parts = _arrays(identifier)

    def write(out: IO[bytes]) -> None:
        for part in parts:
            np.lib.format.write_array(out, part, allow_pickle=False)

    write_atomically(path, write)


def _records(path: Path) -> list[np.ndarray[Any, Any]]:
    """Every .npy record of the file, mapped copy-on-write (never written back)."""
    parts: list[np.ndarray[Any, Any]] = []
    size = path.stat().st_size
    with path.open("rb") as f:
        while f.tell() < size:
            dtype, shape, fortran = _header(f)
            offset = f.tell()
            order: Literal["C", "F"] = "F" if fortran else "C"
            part = np.memmap(path, dtype=dtype, mode="c", offset=offset, shape=shape, order=order)
            parts.append(part)
            f.seek(offset + part.nbytes)
    return parts


def _header(f: IO[bytes]) -> tuple[np.dtype[Any], tuple[int, ...], bool]:
    version = np.lib.format.read_magic(f)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
    elif version == (2, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
    else:
        raise ValueError(f"npy format {version} not written here")
    if dtype.hasobject:
        raise ValueError("objects in a cached model")
    return dtype, shape, fortran


def _read(path: Path) -> LanguageIdentifier:
    """The classifier from a cache file, built as py3langid's ``from_model_file`` builds it
    (a file that does not hold a whole model raises)."""
    from py3langid.langid import LanguageIdentifier

    ptc, pc, classes, nextmove, row, output = _records(path)
    if not (ptc.ndim == 2 and ptc.shape[1] == len(pc) == len(classes)):
        raise ValueError("class counts disagree")
    if len(row) != len(output) or len(nextmove) % _ROW:
        raise ValueError("DFA sizes disagree")
    return LanguageIdentifier(
        np.asarray(ptc),
        np.array(pc),
        classes.tolist(),
        _as_array(nextmove),
        output.tolist(),
        norm_probs=True,
        tk_row=_as_array(row),
    )


def _as_array(part: np.ndarray[Any, Any]) -> array[int]:
    """An unsigned NumPy array as the stdlib array py3langid walks (its own typecode)."""
    out = array(part.dtype.char)
    out.frombytes(np.ascontiguousarray(part).data.cast("B"))
    return out
