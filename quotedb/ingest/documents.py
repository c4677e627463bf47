"""Reading inputs into documents: decoded text plus whatever metadata came with it."""

from __future__ import annotations

import glob
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from quotedb.errors import InputError

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
ARTICLE_SUFFIXES = frozenset(KINDS)
# Files a folder of saved pages holds besides articles: skipped without a word.
ASSET_SUFFIXES = frozenset(
    ".css .js .mjs .map .png .jpg .jpeg .gif .svg .webp .avif .ico .bmp .woff .woff2 .ttf .otf"
    " .eot".split()
)
MANIFEST_NAME = "manifest.json"
STDIN = "-"


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date
    url: str | None = None
    dateline: str | None = None
    language: str | None = None  # ISO 639-1 code: given, or detected when extracted
    warnings: list[str] = field(default_factory=list)  # what was dropped, for the reader
    subjects: list[str] = field(default_factory=list)  # the page's own subject tags

    def __post_init__(self) -> None:
        """NULs dropped, as from an article's text (see :class:`Document`)."""
        self.title, self.outlet = without_nul(self.title), without_nul(self.outlet)
        self.url, self.dateline = without_nul(self.url), without_nul(self.dateline)
        self.authors = [a.replace("\0", "") for a in self.authors]
        self.subjects = [s.replace("\0", "") for s in self.subjects]

    def merged(self, other: Metadata) -> Metadata:
        """Fields of ``self`` win; ``other`` fills the gaps."""
        return Metadata(
            title=self.title or other.title,
            outlet=self.outlet or other.outlet,
            authors=self.authors or other.authors,
            published=self.published or other.published,
            url=self.url or other.url,
            dateline=self.dateline or other.dateline,
            language=self.language or other.language,
            warnings=[*self.warnings, *(w for w in other.warnings if w not in self.warnings)],
            subjects=self.subjects or other.subjects,
        )


@dataclass(slots=True)
class Document:
    text: str
    source: str  # a path, or "<stdin>"
    meta: Metadata = field(default_factory=Metadata)
    content_hash: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Hashed once (the text is never replaced): the writer looks articles up by it.

        NULs go first: PostgreSQL cannot store them and SQLite's text functions stop at
        them, so both backends store the same text, which ``db check`` finds whole."""
        self.text = self.text.replace("\0", "")
        self.content_hash = hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def without_nul(value: str | None) -> str | None:
    return value.replace("\0", "") if value is not None else None


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file, or standard input (``path is None``)."""

    path: Path | None
    manifest: Metadata | None = None
    kind: str = "text"  # text, html, jsonl or json: how to read it

    @property
    def label(self) -> str:
        return str(self.path) if self.path is not None else "<stdin>"


def _manifest(folder: Path) -> dict[str, Metadata]:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable manifest ({exc})") from None
    if not isinstance(raw, dict):
        raise InputError(f"{path}: a manifest maps file names to metadata objects")
    return {name: metadata_from_mapping(fields, str(folder / name)) for name, fields in raw.items()}


def metadata_from_mapping(fields: object, label: str = "") -> Metadata:
    """Metadata from a record, a manifest entry or front matter, as people write them:
    ``author`` or ``authors`` (a list, or one string "A, B and C"), ``published`` or ``date``
    in any common form. A date that cannot be read is dropped with a warning."""
    from quotedb.ingest.when import parse_any_date  # here: the API's import needs only the types

    if not isinstance(fields, dict):
        return Metadata()
    raw_date = fields.get("published", fields.get("date"))
    published = parse_any_date(raw_date)
    warnings = []
    if published is None and raw_date not in (None, ""):
        where = f"{label}: " if label else ""
        warnings.append(f"{where}published: {str(raw_date)!r} is not a date; stored undated")
    return Metadata(
        title=_text(fields.get("title")),
        outlet=_text(fields.get("outlet")),
        authors=_authors(fields.get("authors", fields.get("author"))),
        published=published,
        url=_text(fields.get("url")),
        dateline=_text(fields.get("dateline")),
        language=_language(fields.get("language", fields.get("lang"))),
        warnings=warnings,
    )


def _language(value: object) -> str | None:
    """A language code as records give it ("de", "pt-BR", "FR"): its lowercase base."""
    text = _text(value)
    if not text:
        return None
    return text.strip().lower().replace("_", "-").split("-")[0] or None


def _authors(value: object) -> list[str]:
    """Authors as a list of names, whether given as a list or as one string."""
    from quotedb.ingest.bylines import split_names  # its word lists, read when first needed

    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):  # {"name": ...}, as JSON-LD and CSL write people
            item = item.get("name") or " ".join(
                str(item[k]) for k in ("given", "family") if item.get(k)
            )
        if isinstance(item, str):
            names.extend(split_names(item))
        elif item not in (None, ""):
            names.append(str(item))
    return names


def _text(value: object) -> str | None:
    """A metadata field as text, whatever JSON or YAML type it came as."""
    return str(value).strip() or None if value not in (None, "") else None


def discover(inputs: list[str]) -> Iterator[Source | InputError]:
    """Every article file an input names: files, folders (recursively), globs, ``-`` for stdin.

    Problems are yielded in place, so one bad input never hides the others. In a folder, a
    file of an unknown kind is a problem (unless it is hidden, the manifest, or a page's
    asset); a file named outright is read by its content when its name does not say.
    """
    manifests: dict[Path, dict[str, Metadata]] = {}

    def source(path: Path) -> Source | InputError:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = _manifest(folder)
            except InputError:
                manifests[folder] = {}
        kind = KINDS.get(path.suffix.lower()) or sniff_kind(path)
        if isinstance(kind, InputError):
            return kind
        return Source(path, manifests[folder].get(path.name), kind)

    def in_folder(path: Path) -> Source | InputError:
        if path.suffix and path.suffix.lower() not in ARTICLE_SUFFIXES:
            return InputError(
                f"{path}: unsupported kind of file ({path.suffix}); articles are "
                + ", ".join(sorted(ARTICLE_SUFFIXES))
            )
        return source(path)

    for item in inputs:
        if item == STDIN:
            yield Source(None)
            continue
        path = Path(item)
        if path.is_dir():
            try:
                _manifest(path)
            except InputError as exc:
                yield exc
            try:
                files = folder_files(path)
            except OSError as exc:
                yield InputError(f"{item}: cannot list the folder ({exc.strerror or exc})")
                continue
            yield from (in_folder(p) for p in files)
        elif path.is_file():
            yield source(path)
        elif path.exists():
            yield InputError(not_regular(item, path.stat().st_mode))
        elif any(c in item for c in "*?["):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
            files = [p for p in matches if p.is_file()]
            if not files:
                yield InputError(f"{item}: no file matches")
            yield from (source(p) for p in files)
        else:
            yield InputError(f"{item}: no such file or directory")


def folder_files(folder: Path) -> list[Path]:
    """Files under ``folder`` that may be articles, in a stable order."""
    found: list[Path] = []
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if any(p.startswith(".") or p.endswith("_files") for p in parts[:-1]):
            continue  # hidden folders, and the asset folders browsers save beside a page
        if path.name.startswith(".") or path.name == MANIFEST_NAME:
            continue
        if path.suffix.lower() in ASSET_SUFFIXES or not (path.is_file() or path.is_symlink()):
            continue
        found.append(path)
    return sorted(found)


def sniff_kind(path: Path) -> str | InputError:
    """The kind of a file its name does not tell: HTML, JSON Lines, or plain text."""
    try:
        with open_regular(path, str(path)) as fh:
            head = fh.read(4096)
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(f"{path}: cannot read ({exc.strerror})")
    start = head.lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def not_regular(label: str, mode: int) -> str:
    kind = next((name for test, name in _SPECIAL if test(mode)), "not a file")
    return f"{label}: not a regular file ({kind}); skipped"


def open_regular(path: Path, label: str) -> BinaryIO:
    """A regular file opened for reading, never a FIFO, socket or device that a path or a
    symlink may name: reading one would block forever or never end."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(not_regular(label, mode))
        # Non-blocking, so that a FIFO swapped in since the stat cannot hang the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(not_regular(label, mode))
    return os.fdopen(fd, "rb")
