"""The Python API, and the one seam the CLI (and a web server) stands on.

>>> from quotedb import extract
>>> [q.speaker for q in extract('“We will see,” Ms. Smith said.')]
['Ms. Smith']

Everything a command does is here: ingest, the extract stream, quotes, search, who, people,
person, show, export, corrections, reextract and the schema's revisions. Each function
imports the db, ingest, read, store or export modules it uses when it runs: the CLI opens
every database through this module, and a command loads only what it runs (``extract``
never loads SQLAlchemy).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from itertools import tee
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO, TypedDict, Unpack

from quotedb.core.languages import language_code
from quotedb.db.settings import ENV_VAR
from quotedb.errors import DatabaseStateError, InputError, OutputError, QueryError
from quotedb.export.choices import CitationStyle, ExportFormat, GroupBy
from quotedb.ingest.documents import STDIN, Metadata
from quotedb.ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from quotedb.ingest.storing import Storing

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from quotedb.core import Quotation
    from quotedb.db.check import CheckReport
    from quotedb.db.models import Correction
    from quotedb.ingest.documents import Document, Source
    from quotedb.ingest.tasks import Failed, LinesTask, Outcome
    from quotedb.ingest.writer import IngestReport
    from quotedb.read.corrections import CorrectionRecord
    from quotedb.read.engines import FullTextEngine
    from quotedb.read.filters import Filter
    from quotedb.read.listings import ArticleSummary, OutletSummary, StatementRecord
    from quotedb.read.quotations import SpeakerCount
    from quotedb.read.records import QuotationRecord, SearchHit, WhoHit
    from quotedb.read.verdicts import Attestation

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "ENV_VAR",
    "CitationStyle",
    "Database",
    "ExportFormat",
    "ExportPage",
    "Failure",
    "GroupBy",
    "Inputs",
    "Metadata",
    "Reextracted",
    "Step",
    "Storing",
    "day",
    "extract_lines",
    "extract_partition",
    "extract_stream",
    "language_code",
    "open_database",
    "selection",
    "write_records",
]

Record = dict[str, Any]
# Past these, a number asked for means "as many as can be": the OS takes no more.
MAX_WORKERS = 64
MAX_BYTES = 1 << 50
MAX_TIMEOUT = 1e7  # seconds (four months): setitimer refuses far larger ones
DEFAULT_LIMIT = 20  # rows of every listing unless told otherwise (None: all of them)
DateLike = dt.date | str | None


def selection(
    *,
    by: str | None = None,
    speaker_kind: str | None = None,
    quote_kind: str | None = None,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    min_confidence: float | None = None,
    article: int | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
    sort: str | None = None,
    kind: str | None = None,
    language: str | None = None,
    after: str | None = None,
) -> Filter:
    """The keywords every read takes, checked once: which quotations, and which page of
    them. A partial date stands for its period (``since="2022"``: from 1 January,
    ``until="2022"``: to 31 December). ``kind`` is ``quote_kind``'s old name. ``after``: a
    listing's cursor (see :func:`next_cursor`), for the reads that page by one."""
    from quotedb.read.cursor import cursor_quotation
    from quotedb.read.dates import first_day, last_day
    from quotedb.read.filters import Filter

    if kind is not None:
        _deprecated("kind=...", "quote_kind=...")
        quote_kind = quote_kind or kind
    return Filter(
        speaker=by,
        outlet=outlet,
        since=first_day(since),
        until=last_day(until),
        kind=quote_kind,
        limit=limit,
        article=article,
        min_confidence=min_confidence,
        speaker_kind=speaker_kind,
        offset=offset,
        sort=sort,
        language=language,
        after=cursor_quotation(after, sort) if after is not None else None,
    )


def next_cursor(records: Sequence[QuotationRecord], sort: str | None = None) -> str | None:
    """The cursor of the page after these records of a listing (``after=`` of
    :meth:`Database.quotes` and :meth:`Database.export`): deep pages then cost what the
    first costs, and rows stored meanwhile neither repeat nor go missing. None for no rows."""
    from quotedb.read.cursor import cursor_token

    last = records[-1].id if records else None
    return None if last is None else cursor_token(sort, last)


def day(value: str | dt.date) -> dt.date:
    """A day as a user types it (2022-01-18, 18 Jan 2022); a clear error otherwise."""
    from quotedb.read.dates import one_day

    return one_day(value)


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated: use {new}", DeprecationWarning, stacklevel=4)


class Select(TypedDict, total=False):
    """The keywords of :func:`selection`, for the reads that pass them on."""

    by: str | None
    speaker_kind: str | None
    quote_kind: str | None
    outlet: str | None
    since: DateLike
    until: DateLike
    min_confidence: float | None
    article: int | None
    limit: int | None
    offset: int
    sort: str | None
    language: str | None


class ExportOptions(Select, total=False):
    """The keywords of :meth:`Database.export_page` (and so of ``export``)."""

    fmt: ExportFormat | str
    style: CitationStyle | str | None
    group_by: GroupBy | str | None
    csl: Path | str | None
    phrase: str | None
    kind: str | None
    after: str | None


class Inputs:
    """Files, folders and globs (``-``: standard input), found once: what ingest and extract
    read, and how many bytes that is (for a progress bar)."""

    def __init__(self, paths: Sequence[str], *, stdin_jsonl: bool = False) -> None:
        from quotedb.ingest.documents import Source, discover

        self.sources: list[Source | InputError] = [
            Source(None, kind="jsonl")
            if stdin_jsonl and isinstance(s, Source) and s.path is None
            else s
            for s in discover(list(paths))
        ]

    @property
    def size(self) -> int | None:
        """Bytes of the files (None when standard input is among them)."""
        from quotedb.ingest.documents import Source

        total = 0
        for s in self.sources:
            if isinstance(s, Source):
                if s.path is None:
                    return None
                with contextlib.suppress(OSError):
                    total += s.path.stat().st_size
        return total

    @property
    def streams(self) -> bool:
        """Does an input arrive as a stream (stdin, JSON Lines), best read article by article?"""
        from quotedb.ingest.documents import Source

        return any(
            isinstance(s, Source) and (s.path is None or s.kind in ("jsonl", "json"))
            for s in self.sources
        )


@dataclass(frozen=True, slots=True)
class Step:
    """One input done, for progress: its name, the input bytes it stood for, and whether it
    was an article (stored now or before) rather than a failure."""

    label: str
    size: int
    article: bool


@dataclass(frozen=True, slots=True)
class Failure:
    """An input of the extract stream that could not be read or extracted, and why."""

    reason: str


@dataclass(frozen=True, slots=True)
class Reextracted:
    articles: int
    quotations: int
    extractor: str  # the extractor version that produced them
    kept: int = 0  # quotations that kept the id they had
    vanished: tuple[int, ...] = ()  # ids no quotation has any more (retired, never reused)


@dataclass(frozen=True, slots=True)
class ExportPage:
    """What an export wrote: how many quotations, and the cursor of the next page (``after=``)
    when ``limit`` filled the page of a listing (None otherwise: the last page, all rows, or a
    phrase's matches, which come by rank)."""

    count: int
    next: str | None = None


class Database:
    """A quotedb database: SQLite file or PostgreSQL, migrated to head when opened.

    A damaged, foreign or newer database is refused in one line (:class:`DatabaseStateError`)
    before anything reads or migrates it; ``create`` False (a command that only reads)
    refuses an empty one too, rather than creating quotedb's tables in it.
    """

    def __init__(
        self, url: str | None = None, *, migrate: bool = True, create: bool = True
    ) -> None:
        # SQLAlchemy is imported only here: ``quotedb extract`` needs no database.
        from sqlalchemy.orm import sessionmaker

        from quotedb.db.engine import check_connection, make_engine, missing_file, resolve_url
        from quotedb.db.state import SchemaState, read_state

        self.url = resolve_url(url)
        missing = missing_file(self.url)
        if missing and not create:
            raise DatabaseStateError(
                f"no database at {self.url.database}: nothing stored yet"
                " (quotedb ingest creates it)"
            )
        self.engine = make_engine(self.url)
        self.upgraded_from: str | None = None  # the revision a migration started from
        if missing:  # made by the migration, when there is something to store: never half-made
            self.state = SchemaState(None, frozenset())
        else:
            check_connection(self.engine)
            self.state = read_state(self.engine, self.description)
        self.migrated = self.migrate(create=create) if migrate else False
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self, *, create: bool = True) -> bool:
        """Bring the schema to head; True when something was applied (the database was
        new, or behind: ``upgraded_from`` says from which revision). ``create`` False: an
        empty database is an error, left as it is."""
        from quotedb.db.migrations import stored_revision
        from quotedb.db.state import empty_error

        if self.state.empty and not create:
            raise empty_error(self.description)
        with self.errors():
            before = None if self.state.empty else stored_revision(self.engine)
            self.migrated = _ensure_head_racing(self.engine)
            self.upgraded_from = before if self.migrated else None
        return self.migrated

    @contextmanager
    def errors(self) -> Iterator[None]:
        """A database error (a damaged page, a lost connection) as one line for the user."""
        from sqlalchemy.exc import DBAPIError

        from quotedb.db.engine import first_line

        try:
            yield
        except DBAPIError as exc:
            raise DatabaseStateError(
                f"{self.description}: database error ({first_line(exc)})"
            ) from None

    @property
    def description(self) -> str:
        from quotedb.db.engine import describe

        return describe(self.url)

    @cached_property
    def fulltext(self) -> FullTextEngine:
        """The full-text engine's reader, with what it keeps between searches."""
        from quotedb.read.engines import engine_named

        return engine_named(self.engine.dialect.name)

    @contextmanager
    def session(self) -> Iterator[Session]:
        from quotedb.db.engine import session_scope

        with self.errors(), session_scope(self.sessions) as session:
            yield session

    # ------------------------------------------------------------ ingest

    def ingest(
        self,
        paths: Sequence[str] | Inputs,
        metadata: Metadata | None = None,
        *,
        workers: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        timeout: float | None = DEFAULT_TIMEOUT,
        progress: Callable[[Step], None] | None = None,
        before_store: Callable[[], None] | None = None,
        update_metadata: bool = False,
        bulk: bool = False,
        on_store: Callable[[Storing], None] | None = None,
    ) -> IngestReport:
        """Ingest files, folders, globs (``-``: stdin); failures are reported, never raised.
        ``update_metadata``: an article already stored takes the metadata read this time
        (a manifest's, the flags', a record's), recorded as a correction.

        ``workers`` processes extract (0: one per CPU core, up to 8); an article larger than
        ``max_bytes``, or whose extraction takes over ``timeout`` seconds (None or 0: no
        limit), fails. ``before_store`` runs once before the first article is stored, while
        workers extract (say, migrating a new database). ``bulk``: on PostgreSQL, load in
        large transactions through COPY, full-text indexes built after (same content as
        without; on SQLite it changes nothing). ``on_store``: how far the writer is inside
        each transaction (``progress`` follows the reading; a bulk load's transaction stores
        thousands of articles after they were read).
        """
        from quotedb.ingest.parallel import auto_workers
        from quotedb.ingest.pipeline import ingest_sources
        from quotedb.ingest.tasks import Extracted

        inputs = paths if isinstance(paths, Inputs) else Inputs(paths)

        def on_outcome(o: Outcome) -> None:
            assert progress is not None
            if isinstance(o, Extracted):
                progress(Step(o.doc.source, o.size, True))
            else:
                progress(Step(o.label, o.size, False))

        with self.errors():
            return ingest_sources(
                self.sessions,
                inputs.sources,
                metadata,
                workers=min(workers or auto_workers(), MAX_WORKERS),
                max_bytes=min(max_bytes, MAX_BYTES),
                timeout=timeout if timeout and timeout < MAX_TIMEOUT else None,
                on_outcome=on_outcome if progress is not None else None,
                prepare=before_store,
                update_metadata=update_metadata,
                bulk=bulk,
                on_store=on_store,
            )

    def reextract(
        self, *, outdated: bool = False, progress: Callable[[int, int], None] | None = None
    ) -> Reextracted:
        """Re-run the current extractor over stored articles (``outdated``: only those
        extracted by another version), one transaction each, then replay the corrections.
        ``progress`` gets (articles done, articles in all)."""
        from quotedb.core import EXTRACTOR_VERSION
        from quotedb.db.models import Article
        from quotedb.store import reextract as store

        with self.session() as s:
            ids = store.article_ids(s, outdated=outdated)
        total = store.Reextracted()
        if progress is not None:
            progress(0, len(ids))
        for done, article_id in enumerate(ids, 1):
            with self.session() as s:
                total.add(store.reextract(s, s.get_one(Article, article_id)))
            if progress is not None:
                progress(done, len(ids))
        return Reextracted(
            len(ids), total.quotations, EXTRACTOR_VERSION, total.kept, tuple(sorted(total.vanished))
        )

    # ------------------------------------------------------------ read
    # Every read takes the same keywords (see :func:`selection`): ``by`` (a speaker, any
    # alias), ``speaker_kind``, ``quote_kind``, ``outlet``, ``since``/``until`` (a date, or
    # "2022", "2022-01", "18 Jan 2022"), ``min_confidence``, ``limit`` (None: all),
    # ``offset`` and ``sort`` (relevance, oldest, newest, speaker, confidence).

    def quotes(
        self, by: str | None = None, /, *, after: str | None = None, **select: Unpack[Select]
    ) -> list[QuotationRecord]:
        """Quotations, oldest first (unless ``sort`` says otherwise); ``after``: the page
        after the one :func:`next_cursor` was given."""
        from quotedb.read.quotations import find_quotes
        from quotedb.read.records import QuotationRecord

        f = selection(after=after, **(select | {"by": by} if by is not None else select))
        with self.session() as s:
            return [QuotationRecord.of(q) for q in find_quotes(s, f)]

    def search(
        self,
        query: str,
        *,
        context: bool = False,
        marks: tuple[str, str] = ("**", "**"),
        escape: Callable[[str], str] = str,
        kind: str | None = None,
        **select: Unpack[Select],
    ) -> list[SearchHit]:
        """Full-text search, best first, each hit with its score and its text with every
        match between ``marks`` (the rest passed through ``escape``, for markup the text must
        not make). ``context``: match the words in the quotation's paragraph instead."""
        from quotedb.read.records import SearchHit
        from quotedb.read.search import search

        f = selection(kind=kind, **select)
        with self.session() as s:
            return [
                SearchHit(
                    **h.record.fields(),
                    score=round(h.score, 4),
                    snippet=h.snippet.marked(*marks, escape),
                    context=h.context.marked(*marks, escape) if h.context else None,
                )
                for h in search(s, query, f, self.fulltext, context=context)
            ]

    def who(self, text: str, **select: Unpack[Select]) -> list[WhoHit]:
        """The attested quotations closest to a half-remembered one, best first, each with a
        0-100 similarity and what it attests (said verbatim, reworded, similar)."""
        return self.attest(text, **select).hits

    def attest(self, text: str, **select: Unpack[Select]) -> Attestation:
        """Was this said (by ``by``, when given)? The verdict, the closest quotations, and,
        when ``by`` did not say it, who did."""
        from quotedb.read.verdicts import attest

        f = selection(**select)
        with self.session() as s:
            return attest(s, text, f, self.fulltext)

    def people(self, kind: str | None = None, **select: Unpack[Select]) -> list[SpeakerCount]:
        """Speakers with their number of quotations, most quoted first (``sort="speaker"``:
        by name); ``speaker_kind`` as elsewhere (``kind``: its old name)."""
        from quotedb.read.quotations import list_speakers

        if kind is not None:
            _deprecated("people(kind=...)", "speaker_kind=...")
            select["speaker_kind"] = select.get("speaker_kind") or kind
        f = selection(**select)
        with self.session() as s:
            return list_speakers(s, f)

    def articles(self, **select: Unpack[Select]) -> list[ArticleSummary]:
        """Stored articles, oldest first, with how many quotations each holds (of those the
        selection keeps: an article with none of them is left out)."""
        from quotedb.read.listings import list_articles

        f = selection(**select)
        with self.session() as s:
            return list_articles(s, f)

    def outlets(self, **select: Unpack[Select]) -> list[OutletSummary]:
        """Outlets by name, with their articles, quotations and first and last dates."""
        from quotedb.read.listings import list_outlets

        f = selection(**select)
        with self.session() as s:
            return list_outlets(s, f)

    def statements(self, **select: Unpack[Select]) -> list[StatementRecord]:
        """Statements (one utterance as several articles rendered it), first reported
        first, with the speaker, the outlets and the dates."""
        from quotedb.read.listings import list_statements

        f = selection(**select)
        with self.session() as s:
            return list_statements(s, f)

    def statement(self, statement_id: int) -> StatementRecord:
        """One statement with every rendering of it (``quotations``), oldest first."""
        from quotedb.read.listings import one_statement

        with self.session() as s:
            return one_statement(s, statement_id)

    def person(self, name: str) -> list[Record]:
        """Every speaker a name may denote: aliases, roles, quotations per outlet, dates."""
        from quotedb.read.people import person_profiles, profile_record

        with self.session() as s:
            return [profile_record(p) for p in person_profiles(s, name)]

    def show(self, quotation_id: int) -> Record:
        """A quotation with its paragraph, how its speaker was found, and its variants."""
        from quotedb.read.people import quotation_view, view_record

        with self.session() as s:
            return view_record(quotation_view(s, quotation_id))

    def article(self, article_id: int) -> Record:
        """A stored article: its metadata, its text and its quotations by position."""
        from quotedb.read.views import article_view

        with self.session() as s:
            return article_view(s, article_id)

    def speaker(self, speaker_id: int) -> Record:
        """One speaker by id: the profile :meth:`person` gives, with alias counts,
        quotations per month and the speakers it may duplicate (to merge)."""
        from quotedb.read.views import speaker_view

        with self.session() as s:
            return speaker_view(s, speaker_id)

    def cite(
        self,
        quotation_id: int,
        *,
        fmt: ExportFormat | str = ExportFormat.bibtex,
        style: CitationStyle | str | None = None,
    ) -> str:
        """One quotation as :meth:`export` writes it (a citation style wins over the format)."""
        return self.citations(quotation_id, [(fmt, style)])[0]

    def citations(
        self,
        quotation_id: int,
        choices: Sequence[tuple[ExportFormat | str, CitationStyle | str | None]],
    ) -> list[str]:
        """One quotation in several (format, style) choices, read once (a web page offers
        them all to copy)."""
        import io

        from quotedb.export.document import write_export
        from quotedb.store.corrections import get_quotation

        how = [(ExportFormat(f), CitationStyle(s) if s is not None else None) for f, s in choices]
        written = []
        with self.session() as s:
            q = get_quotation(s, quotation_id)
            for fmt, style in how:
                out = io.StringIO()
                write_export([q], out, fmt, style)
                written.append(out.getvalue())
        return written

    def export(
        self, output: TextIO | Path | str | None = None, **options: Unpack[ExportOptions]
    ) -> int:
        """Write a selection of quotations with their articles as data or a citation list
        (a CSL style file, then a style, win over the format) to a stream or a file (standard
        output by default); matches of ``phrase`` come best first, the rest oldest first.
        Unlike the listings, every quotation by default (``limit`` None). How many were
        written. ``after``: start after a listing's cursor (not with ``phrase``: matches
        come by rank). The keywords are :meth:`export_page`'s, which also gives the next
        page's cursor."""
        return self.export_page(output, **options).count

    def export_page(
        self,
        output: TextIO | Path | str | None = None,
        *,
        fmt: ExportFormat | str = ExportFormat.jsonl,
        style: CitationStyle | str | None = None,
        group_by: GroupBy | str | None = None,
        csl: Path | str | None = None,
        phrase: str | None = None,
        kind: str | None = None,
        after: str | None = None,
        **select: Unpack[Select],
    ) -> ExportPage:
        """:meth:`export`, one page at a time: a full page of ``limit`` quotations comes
        with the cursor to pass as ``after`` for the next one, so an archive goes out in
        files of N quotations with each page as fast as the first."""
        from quotedb.export.document import prepared_export
        from quotedb.read.cursor import cursor_token

        if phrase and after is not None:
            raise QueryError(
                "a cursor pages listings in their order: export a phrase's matches by offset"
            )
        select.setdefault("limit", None)
        f = selection(kind=kind, after=after, **select)
        how = (
            ExportFormat(fmt),
            CitationStyle(style) if style is not None else None,
            GroupBy(group_by) if group_by is not None else None,
            Path(csl) if csl is not None else None,
        )
        with self.session() as s:
            write = prepared_export(s, f, phrase, *how)
            if output is None or not isinstance(output, str | Path):
                written = write(output or sys.stdout)
            else:
                with _output_file(Path(output)) as fh:
                    written = write(fh)
        if phrase or not f.limit or written.count < f.limit or written.last_id is None:
            return ExportPage(written.count)
        return ExportPage(written.count, cursor_token(f.sort, written.last_id))

    # ------------------------------------------------------------ corrections

    def correct_speaker(
        self, quotation_id: int, to: str | None, kind: str = "person"
    ) -> CorrectionRecord:
        """Reattribute a quotation to a person, organisation or unnamed source, or to
        nobody (``to`` None with kind ``unknown``)."""
        if (to is None) != (kind == "unknown"):
            raise QueryError("give the right speaker's name, or kind 'unknown' without a name")
        from quotedb.store import corrections as fix

        with self.session() as s:
            return _recorded(s, fix.reattribute(s, fix.get_quotation(s, quotation_id), to, kind))

    def correct_not_quote(self, quotation_id: int) -> CorrectionRecord:
        """Remove something the extractor wrongly took for a quotation."""
        from quotedb.store import corrections as fix

        with self.session() as s:
            return _recorded(s, fix.not_quote(s, fix.get_quotation(s, quotation_id)))

    def correct_merge(self, keep: str, other: str) -> CorrectionRecord:
        """Two speakers (names or ids) are one: everything of ``other`` moves to ``keep``."""
        from quotedb.store import corrections as fix

        with self.session() as s:
            kept, merged = fix.get_speaker(s, keep), fix.get_speaker(s, other)
            return _recorded(s, fix.merge(s, kept, merged))

    def correct_split(self, speaker: str, alias: str) -> CorrectionRecord:
        """A wrongly merged alias becomes a speaker of its own (``payload["new"]``: its id)."""
        from quotedb.store import corrections as fix

        with self.session() as s:
            return _recorded(s, fix.split(s, fix.get_speaker(s, speaker), alias))

    def correct_rename(self, speaker: str, name: str) -> CorrectionRecord:
        """Choose a speaker's label by hand (automatic relabelling leaves it alone)."""
        from quotedb.store import corrections as fix

        with self.session() as s:
            return _recorded(s, fix.rename(s, fix.get_speaker(s, speaker), name))

    def edit_article(
        self,
        article_id: int,
        *,
        title: str | None = None,
        outlet: str | None = None,
        authors: Sequence[str] | None = None,
        published: dt.date | str | None = None,
        url: str | None = None,
    ) -> CorrectionRecord | None:
        """Set a stored article's metadata by hand (the fields given); recorded as a
        correction that survives reextract and can be undone. None when nothing changes."""
        from quotedb.read.dates import one_day
        from quotedb.store import corrections as fix

        day = one_day(published) if published is not None else None
        given = {"title": title, "outlet": outlet, "published": day, "url": url}
        changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
        if authors is not None:
            changes["authors"] = [a.strip() for a in authors if a.strip()]
        if not changes:
            raise QueryError("give at least one field to change (title, outlet, author, date, url)")
        with self.session() as s:
            c = fix.edit_article(s, fix.get_article(s, article_id), changes)
            return _recorded(s, c) if c is not None else None

    def correct_undo(self, correction_id: int) -> CorrectionRecord:
        """Take a correction back: its change reverted, its record removed."""
        from quotedb.store import corrections as fix

        with self.session() as s:
            return _recorded(s, fix.undo(s, correction_id))

    def corrections(self) -> list[CorrectionRecord]:
        """The corrections made by hand, oldest first, each with its quotation's id and
        words when it is about one."""
        from quotedb.read.corrections import correction_record
        from quotedb.store.corrections import list_corrections

        with self.session() as s:
            return [correction_record(s, c) for c in list_corrections(s)]

    # ------------------------------------------------------------ schema

    def revisions(self) -> tuple[str | None, str | None]:
        """The schema revision of the database (None: empty) and the newest available."""
        from quotedb.db.migrations import current_revision, head_revision

        with self.errors():
            return current_revision(self.engine), head_revision(self.engine)

    def upgrade(self, revision: str = "head") -> str | None:
        """Migrate the schema up; the revision reached."""
        from quotedb.db import migrations

        with self.errors(), _revision_errors():
            migrations.upgrade(self.engine, revision)
            return migrations.current_revision(self.engine)

    def downgrade(self, revision: str) -> str | None:
        """Migrate the schema down (``base`` removes every table); the revision reached."""
        from quotedb.db import migrations

        with self.errors(), _revision_errors():
            migrations.downgrade(self.engine, revision)
            return migrations.current_revision(self.engine)

    def check(self) -> CheckReport:
        """Schema at head, quotations inside their articles, no orphans, index in step."""
        from quotedb.db.check import check_database

        with self.errors():
            return check_database(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _recorded(session: Session, c: Correction) -> CorrectionRecord:
    from quotedb.read.corrections import correction_record

    session.flush()  # its id
    return correction_record(session, c)


@contextmanager
def _revision_errors() -> Iterator[None]:
    """Alembic's complaint about a revision (unknown, not reachable) in one line."""
    from alembic.util.exc import CommandError

    try:
        yield
    except CommandError as exc:
        raise QueryError(str(exc).strip().splitlines()[0]) from None


def _ensure_head_racing(engine: Engine, attempts: int = 5) -> bool:
    """Migrate to head even when another process migrates the same database right now:
    its DDL makes ours fail; then the schema is (or soon will be) at head all the same."""
    from sqlalchemy.exc import DBAPIError

    from quotedb.db.migrations import current_revision, ensure_head, head_revision

    for attempt in range(attempts):
        try:
            return ensure_head(engine)
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
            if current_revision(engine) == head_revision(engine):
                return False
    return False


@contextmanager
def _output_file(path: Path) -> Iterator[TextIO]:
    """A file to write, or an :class:`OutputError` saying in one line why it cannot be."""
    try:
        fh = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write it ({exc.strerror or exc})") from None
    with fh:
        yield fh


def open_database(url: str | None = None) -> Database:
    """The database at an SQLAlchemy URL or SQLite file path (else ``QUOTEDB_DB``, else the
    default file), its schema migrated to head."""
    return Database(url)


class HasDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def write_records(records: Iterable[HasDict | Record], fmt: str, out: TextIO | None = None) -> int:
    """Write any listing's records as json, jsonl or csv (standard output by default)."""
    from quotedb.export.listing import write_listing

    rows = [r if isinstance(r, dict) else r.to_dict() for r in records]
    return write_listing(rows, fmt, out or sys.stdout)


# ---------------------------------------------------------------- the extract stream


def extract_stream(
    paths: Sequence[str] | None = None,
    *,
    stdin_jsonl: bool = False,
    terms: bool = False,
    stream: bool | None = None,
    with_article: bool = False,
    workers: int = 1,
    language: str | None = None,
) -> Iterator[Record | Failure]:
    """Quotation records of files, folders, globs or stdin, without a database; with
    ``with_article``, one record per article (its text, metadata and quotations: what ingest
    loads back without extracting again). Inputs that fail come as :class:`Failure`.

    Streamed article by article in constant memory (``workers`` processes, 0: per CPU) by
    default for JSON Lines, stdin and ``with_article``; otherwise every file is read first,
    speakers are named alike across all of them, and failures come last. ``terms`` keeps
    scare quotes and titles. ``language``: every article's language (a code), instead of
    what each declares or reads as.
    """
    code = language_code(language) if language else None
    if not paths and not stdin_jsonl:
        raise InputError("nothing to read: give files, folders, globs, - or --stdin-jsonl")
    inputs = Inputs(paths or [STDIN], stdin_jsonl=stdin_jsonl)
    if stream is None:
        stream = with_article or inputs.streams
    if stream:
        return _streamed(inputs.sources, terms, workers, with_article, code)
    return _whole(inputs.sources, terms, code)


def _streamed(
    sources: list[Source | InputError],
    terms: bool,
    workers: int,
    with_article: bool,
    language: str | None,
) -> Iterator[Record | Failure]:
    from quotedb.ingest.parallel import auto_workers, run
    from quotedb.ingest.tasks import Options, tasks_for

    options = Options(terms=terms, language=language)
    workers = min(workers or auto_workers(), MAX_WORKERS)
    outcomes = run(tasks_for(sources, options.max_bytes), options, workers)
    return _outcome_records(outcomes, terms, with_article)


def _outcome_records(
    outcomes: Iterable[Outcome], terms: bool, with_article: bool
) -> Iterator[Record | Failure]:
    """The extract stream's records of extraction outcomes: the one place they are built."""
    from quotedb.ingest.records import article_record
    from quotedb.ingest.tasks import Extracted

    for outcome in outcomes:
        if not isinstance(outcome, Extracted):
            yield Failure(outcome.reason)
        elif with_article:
            yield article_record(outcome.doc, outcome.quotations)
        else:
            yield from _records(_name(outcome.doc), outcome.quotations, terms)


def extract_lines(
    lines: Iterable[str | bytes],
    *,
    label: str = "partition",
    first: int = 1,
    terms: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
    language: str | None = None,
) -> Iterator[Record | Failure]:
    """``quotedb extract --with-article`` records of JSON Lines article records, in this
    process: what a Spark ``mapPartitions`` or a Dask ``map_partitions`` runs in each
    executor or worker (see docs/scaling.md). Lines are numbered ``label:N`` from ``first``
    in failures; a bad or oversized line costs only itself. ``quotedb ingest`` stores the
    records without extracting again; speakers and clusters are resolved across shards
    when it loads them.
    """
    from quotedb.ingest.tasks import Failed, Options, work

    code = language_code(language) if language else None
    options = Options(terms=terms, max_bytes=max_bytes, timeout=timeout, language=code)
    outcomes = (
        outcome
        for task in _line_runs(lines, label, first, max_bytes)
        for outcome in ([task] if isinstance(task, Failed) else work(task, options))
    )
    return _outcome_records(outcomes, terms, True)


def extract_partition(lines: Iterable[str | bytes]) -> Iterator[dict[str, str | None]]:
    """:func:`extract_lines` as rows an engine stores: ``record`` (the ``--with-article``
    record as JSON, what ``quotedb ingest`` loads) or ``failure`` (why a line failed).

    Spark: ``createDataFrame(rdd.mapPartitions(extract_partition), "record string, failure
    string")``; Dask: ``bag.map_partitions(extract_partition)``. A module-level function of
    an installed package, so executors unpickle it by name.
    """
    import json

    for item in extract_lines(lines):
        if isinstance(item, Failure):
            yield {"record": None, "failure": item.reason}
        else:
            yield {"record": json.dumps(item, ensure_ascii=False), "failure": None}


def _line_runs(
    lines: Iterable[str | bytes], label: str, first: int, max_bytes: int
) -> Iterator[LinesTask | Failed]:
    """Runs of lines as the ingest workers take them (a partition is never held whole);
    a line over ``max_bytes`` fails as it would in ``quotedb ingest``."""
    from quotedb.ingest.read import too_large
    from quotedb.ingest.tasks import LINES_PER_TASK, Failed, LinesTask

    run: list[bytes] = []
    for number, line in enumerate(lines, start=first):
        data = line.encode("utf-8") if isinstance(line, str) else line
        if len(data) > max_bytes:
            yield from [LinesTask(label, first, run)] if run else []
            where = f"{label}:{number}"
            yield Failed(where, too_large(where, len(data), max_bytes), len(data))
            first, run = number + 1, []
            continue
        run.append(data)
        if len(run) == LINES_PER_TASK:
            yield LinesTask(label, first, run)
            first, run = first + len(run), []
    if run:
        yield LinesTask(label, first, run)


def _whole(
    sources: list[Source | InputError], terms: bool, language: str | None
) -> Iterator[Record | Failure]:
    from quotedb.core import extract_corpus
    from quotedb.core.languages.detect import release_model
    from quotedb.core.utterances import cluster_labels
    from quotedb.ingest.subjects import completed

    names: list[str] = []
    failures: list[str] = []
    completions: list[dict[str, str]] = []  # per text: its tagged surnames' full names
    # Each text with its language, in step: tee holds one pair at a time.
    for_texts, for_languages = tee(_texts(sources, names, failures, language, completions))
    extracted = extract_corpus((t for t, _ in for_texts), (lang for _, lang in for_languages))
    results = [completed(doc, c) for doc, c in zip(extracted, completions, strict=True)]
    release_model()  # every text has been read
    for name, quotations, labels in zip(names, results, cluster_labels(results), strict=True):
        yield from _records(name, quotations, terms, labels)
    for reason in failures:
        yield Failure(reason)


def _texts(
    sources: list[Source | InputError],
    names: list[str],
    failures: list[str],
    language: str | None,
    completions: list[dict[str, str]],
) -> Iterator[tuple[str, str]]:
    """The readable sources' texts one at a time, each with its language (only their names
    and surname completions are kept, so a folder's texts are never all in memory); what
    cannot be read goes to ``failures``."""
    from quotedb.ingest.read import read_document
    from quotedb.ingest.subjects import surname_completions
    from quotedb.ingest.tasks import settle_language

    for source in sources:
        if isinstance(source, InputError):
            failures.append(str(source))
            continue
        try:
            doc = read_document(source)
        except InputError as exc:
            failures.append(str(exc))
            continue
        names.append(_name(doc))
        completions.append(surname_completions(doc.text, doc.meta.subjects))
        yield doc.text, settle_language(doc, language)


def _name(doc: Document) -> str:
    from quotedb.read.shapes import file_name

    return file_name(doc.source) or doc.source


def _records(
    name: str,
    quotations: list[Quotation],
    terms: bool,
    clusters: Iterable[str | None] | None = None,
) -> Iterator[Record]:
    """One article's quotation records; ``clusters``: a same-utterance label per quotation."""
    from quotedb.core import QuoteKind
    from quotedb.read.shapes import extracted_record

    labels = list(clusters) if clusters is not None else [None] * len(quotations)
    for q, label in zip(quotations, labels, strict=True):
        if q.kind is QuoteKind.TERM and not terms:
            continue
        yield extracted_record(name, q, label)
