"""The two engines: SQLite FTS5 and PostgreSQL full-text search (GIN).

Each returns a page of quotation ids, best first, with a score (higher is better) and
the quotation's text for highlighting. All user text reaches the database as bound
parameters or FTS5 quoted strings.

A phrase of a function word and a common word ("the badaifou the") is the slow case on
both engines: FTS5 walks the position lists of "the" (in three quarters of all
quotations), and PostgreSQL's GIN index, which has no positions, makes it recheck every
row holding "badaifou" (thousands, read from disk when the table outgrows
``shared_buffers``). Migration 0003 indexes the pairs of a function word and its
neighbour (``quotedb/db/fulltext.py``), which are as specific as the phrase.

On SQLite a query without function words is matched and ranked by FTS5 itself (its
``bm25()``, ``ORDER BY`` and ``LIMIT``): only the page's ids leave the engine. A query with
function words would make FTS5 walk their position lists (twice: ``bm25()`` evaluates each
phrase again for its document count), so its candidates are the quotations holding all
the phrases' pairs (FTS5 table ``quotations_fts_pairs``) or those holding the rarest
required word (an *anchor*, counted in the fts5vocab table), whichever are fewer, if there
are at most ``PAIRS_MAX`` / ``ANCHOR_MAX``; the query is verified on their texts here,
with the engine's tokenization, and BM25 computed here for those few (document
frequencies from fts5vocab). When both are too many, FTS5 matches and ranks after all.

On PostgreSQL the phrases' pairs and their other words (as the database parses them,
within the search's one statement, folded into constants by the planner) select
candidates through the pair index and the tsvector index, and the phrase is tested on
those rows only (``ts_match_vq``, which the planner does not send to the tsvector index
with "the" in it); ``ts_rank`` orders, and the page comes with its records.

Per search, the Python side used to cost more than the engines: statements that do not
depend on the query's values are built once (a fixed one, or one per query shape), and
run on the session's Core connection.

A query matching more than ``RANK_WINDOW`` quotations (a lone "the") is ranked among its
newest ``RANK_WINDOW`` matches when a page is asked for, not among hundreds of
thousands; without a limit (exports) every match is ranked.

On PostgreSQL a page of a search for one word, without filters, is read from the table
of migration 0012 instead (``quotation_words``: each quotation's lexemes with their
counts, indexed by word, count highest first, id): for one word ``ts_rank`` depends on
the word's count in the quotation alone, so the index's order is the ranking's order
and the page is its first rows, for a rare word as for "the" (every match ranked, no
window). ``ts_rank`` is computed for the page's rows only.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from typing import Any, Protocol

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    Integer,
    Select,
    String,
    Text,
    and_,
    bindparam,
    case,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY, TSVECTOR
from sqlalchemy.orm import Session

from quotedb.db.fulltext import (
    FTS_TABLE,
    FTS_VOCAB,
    PAIR_WORDS,
    PAIRS_TABLE,
    TS_CONFIG,
    TSV_COLUMN,
    WORDS_TABLE,
)
from quotedb.db.models import Quotation
from quotedb.read.filters import Filter, restrict
from quotedb.read.matching import Matcher
from quotedb.read.records import RECORD_COLUMNS, QuotationRecord, record_join, records_by_id
from quotedb.read.terms import CompiledQuery, CompiledTerm, Term, fts5_string

RANK_WINDOW = 2000  # a search for a page ranks at most this many (the newest) matches
ANCHOR_MAX = 400  # most quotations an anchor word may bring for verification
PAIRS_MAX = 2000  # most quotations a phrase's word pairs may bring for verification
COMMON = 0.5  # share of quotations a function word is assumed to be in (not looked up)
K1, B = 1.2, 0.75  # FTS5's BM25 constants
Ranked = list[tuple[int, float]]
Page = list[tuple[int, float, str]]  # id, score, text

fts = table(FTS_TABLE, column("rowid", Integer))
fts_ref: ColumnElement[Any] = literal_column(FTS_TABLE)
vocab = table(FTS_VOCAB, column("term", String), column("doc", Integer))
pairs_fts = table(PAIRS_TABLE, column("rowid", Integer))
pairs_ref: ColumnElement[Any] = literal_column(PAIRS_TABLE)
words_table = table(
    WORDS_TABLE, column("word", Text), column("tf", Integer), column("quotation_id", Integer)
)
PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")  # one lexeme, lower-cased, under PostgreSQL's parser


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


Scored = list[tuple[QuotationRecord, float]]


quotations = Quotation.__table__
# Statements a search runs every time, built once: making and compiling them cost more
# than running them. They run on the session's Core connection, past the ORM.
TEXTS = select(quotations.c.id, quotations.c.text).where(
    quotations.c.id.in_(bindparam("ids", expanding=True))
)
DOC_COUNTS = text(
    f"SELECT NULL, max(id) FROM quotations "
    f"UNION ALL SELECT term, doc FROM {FTS_VOCAB} WHERE term IN :words"
).bindparams(bindparam("words", expanding=True))
PAIR_CANDIDATES = (
    select(pairs_fts.c.rowid)
    .where(pairs_ref.op("MATCH")(bindparam("match")))
    .limit(bindparam("bound", type_=Integer))
)


def texts(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.connection().execute(TEXTS, {"ids": ids})
    return {int(i): str(t) for i, t in rows}


class DocFreq:
    """Document frequencies from the fts5vocab table, each word looked up once, and the
    ones a query needs (with the number of quotations) in a single statement.

    fts5vocab counts a word by reading its whole position list, which takes ~100 ms for
    "the" at a million quotations, so function words are assumed common instead.
    """

    def __init__(self, session: Session, words: Iterable[str] = ()) -> None:
        self.session = session
        self.known: dict[str, int] = {}
        wanted = sorted({w for w in words if w not in PAIR_WORDS})
        rows = session.connection().execute(DOC_COUNTS, {"words": wanted}).all()
        self.total = int(rows[0][1] or 0)
        self.known = {w: 0 for w in wanted} | {str(w): int(n) for w, n in rows[1:]}

    @classmethod
    def of(cls, session: Session, terms: Iterable[CompiledTerm]) -> DocFreq:
        """Counts for the whole words of these terms (not a prefix term's last word)."""
        return cls(session, [w for t in terms for w in t.whole])

    def word(self, word: str) -> int:
        if word in PAIR_WORDS:
            return int(self.total * COMMON)
        if word not in self.known:
            stmt = select(vocab.c.doc).where(vocab.c.term == word)
            self.known[word] = int(self.session.scalar(stmt) or 0)
        return self.known[word]

    def prefix(self, stem: str) -> int:
        cond = vocab.c.term.between(stem, stem + "\U0010ffff")
        total = self.session.scalar(select(func.coalesce(func.sum(vocab.c.doc), 0)).where(cond))
        return int(total or 0)

    def term(self, term: CompiledTerm) -> int:
        """Quotations holding the term: its rarest word's count (an upper bound for phrases)."""
        counts = [self.word(w) for w in term.whole]
        if term.prefix and term.words:
            counts.append(self.prefix(term.words[-1]))
        return min(counts) if counts else 0

    def anchor(self, query: CompiledQuery) -> tuple[str, int] | None:
        """The rarest word the query requires (outside OR and prefixes), with its count."""
        counted = sorted((self.word(w), w) for w in query.required)
        return (counted[0][1], counted[0][0]) if counted else None


def _page_fts5(session: Session, query: CompiledQuery, f: Filter) -> Page:
    ranked, known = _ranked_fts5(session, query, f)
    missing = [i for i, _ in ranked if i not in known]
    found = known | texts(session, missing)
    return [(i, s, found[i]) for i, s in ranked if i in found]


def _ranked_fts5(
    session: Session, query: CompiledQuery, f: Filter
) -> tuple[Ranked, dict[int, str]]:
    """The best ``f.limit`` matches with their scores, and the texts already read (those
    of the verified candidates; none when FTS5 ranked)."""
    freq = DocFreq.of(session, query.terms)
    anchor = freq.anchor(query)
    if anchor is not None and anchor[1] == 0:
        return [], {}
    if holds_function_words(query):
        matcher = Matcher(query)
        found = _narrowed(session, matcher, f, anchor)
        if found is not None:
            return bm25(freq, matcher, found)[: f.limit], found
    return ranked_in_fts5(session, query.fts5, f, estimated_matches(freq, query)), {}


def holds_function_words(query: CompiledQuery) -> bool:
    """Whether FTS5 would walk a function word's position list (in most quotations) to
    match the query: then a few candidates verified here cost less."""
    return any(w in PAIR_WORDS for t in query.terms for w in t.words)


def estimated_matches(freq: DocFreq, query: CompiledQuery) -> int:
    """About how many quotations match: every group's terms' counts added up, the
    smallest of the groups. A term of function words alone counts as every quotation; a
    phrase of other words as none: its words' counts say little about it, and FTS5 ranks
    all its matches for what finding the newest of them would cost."""

    def count(term: CompiledTerm) -> int:
        if all(w in PAIR_WORDS for w in term.words):
            return freq.total
        return freq.term(term) if len(term.words) == 1 else 0

    return min((sum(count(t) for t in g) for g in query.alternatives()), default=0)


# The two statements of a search FTS5 ranks, when no filter adds conditions: built once.
RANKED = text(
    f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match "
    f"AND rowid >= :first ORDER BY bm25({FTS_TABLE}), rowid LIMIT :limit"
)
WINDOW_START = text(
    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match "
    "ORDER BY rowid DESC LIMIT 1 OFFSET :skip"
)


def ranked_in_fts5(session: Session, match: str, f: Filter, estimate: int) -> Ranked:
    """FTS5's own BM25 ranking, cut to the page by the engine: a query matching over
    ``RANK_WINDOW`` quotations is ranked among its newest ``RANK_WINDOW`` matches when a
    page is asked for (the first match of that window found by FTS5 alone)."""
    windowed = f.limit is not None and f.limit <= RANK_WINDOW and estimate > RANK_WINDOW
    first = (_window_start(session, match, f) if windowed else None) or 0
    if not f.needs_quotation:
        limit = -1 if f.limit is None else f.limit  # SQLite: a negative limit is none
        params = {"match": match, "first": first, "limit": limit}
        rows = session.connection().execute(RANKED, params)
    else:
        bm25_ = func.bm25(fts_ref)
        stmt = select(fts.c.rowid, bm25_).select_from(fts).where(fts_ref.op("MATCH")(match))
        stmt = restrict(session, stmt, f, fts.c.rowid).where(fts.c.rowid >= first)
        rows = session.connection().execute(stmt.order_by(bm25_, fts.c.rowid).limit(f.limit))
    return [(int(i), round(-float(s), 6)) for i, s in rows]


def _window_start(session: Session, match: str, f: Filter) -> int | None:
    """The oldest of the newest ``RANK_WINDOW`` matches; None when there are fewer.

    FTS5 walks its lists forwards about twice as fast as backwards, but only the newest
    are wanted, and it reads rowids alone here."""
    if not f.needs_quotation:
        params = {"match": match, "skip": RANK_WINDOW - 1}
        found = session.connection().execute(WINDOW_START, params).scalar()
    else:
        stmt = select(fts.c.rowid).select_from(fts).where(fts_ref.op("MATCH")(match))
        stmt = restrict(session, stmt, f, fts.c.rowid).order_by(fts.c.rowid.desc())
        found = session.connection().execute(stmt.limit(1).offset(RANK_WINDOW - 1)).scalar()
    return None if found is None else int(found)


def matching_texts(session: Session, match: str, f: Filter) -> dict[int, str]:
    """Ids and texts of the quotations an FTS5 query matches, in one join."""
    stmt = (
        select(Quotation.id, Quotation.text)
        .select_from(fts)
        .join(Quotation, Quotation.id == fts.c.rowid)
        .where(fts_ref.op("MATCH")(match))
    )
    return {int(i): str(t) for i, t in session.execute(restrict(session, stmt, f))}


def _narrowed(
    session: Session, matcher: Matcher, f: Filter, anchor: tuple[str, int] | None
) -> dict[int, str] | None:
    """The matches, found by verifying a few candidates: the quotations holding the
    phrases' word pairs or those holding the anchor word, whichever are fewer; None when
    both are too many. Either way FTS5 never reads the function words' position lists."""
    pairs = list(matcher.query.pairs)
    bound = PAIRS_MAX if anchor is None else min(PAIRS_MAX, anchor[1])
    ids = _pair_candidates(session, pairs, bound) if pairs else None
    if ids is not None:
        return _verified(matcher, texts_of(session, ids, f))
    if anchor is not None and anchor[1] <= ANCHOR_MAX:
        return _verified(matcher, matching_texts(session, fts5_string(Term(anchor[0])), f))
    return None


def _pair_candidates(session: Session, pairs: list[str], bound: int) -> list[int] | None:
    """Ids of the quotations holding every pair, or None when there are over ``bound``."""
    match = " AND ".join(f'"{p}"' for p in pairs)
    found = session.connection().execute(PAIR_CANDIDATES, {"match": match, "bound": bound + 1})
    ids = [int(i) for i in found.scalars()]
    return ids if len(ids) <= bound else None


def texts_of(session: Session, ids: list[int], f: Filter) -> dict[int, str]:
    """Ids and texts of these quotations that pass the filter."""
    if not f.needs_quotation:
        return texts(session, ids)
    stmt = restrict(session, select(Quotation.id, Quotation.text).where(Quotation.id.in_(ids)), f)
    return {int(i): str(t) for i, t in session.execute(stmt)}


def _verified(matcher: Matcher, candidates: dict[int, str]) -> dict[int, str]:
    """The candidates that match the whole query (phrases exactly, with FTS5's tokens)."""
    return {i: t for i, t in candidates.items() if matcher.matches(t)}


def bm25(freq: DocFreq, matcher: Matcher, found: dict[int, str]) -> Ranked:
    """Okapi BM25 of each text for the query's terms, best first, ties by id."""
    if not found:
        return []
    total = max(freq.total, len(found))
    idf = []
    for term in matcher.query.terms:
        df = max(freq.term(term), 1)
        idf.append(math.log((total - df + 0.5) / (df + 0.5) + 1))
    stats = {i: matcher.frequencies(t) for i, t in found.items()}
    avgdl = sum(n for _, n in stats.values()) / len(stats) or 1
    scores = []
    for i, (tfs, length) in stats.items():
        norm = K1 * (1 - B + B * length / avgdl)
        score = sum(w * tf * (K1 + 1) / (tf + norm) for w, tf in zip(idf, tfs, strict=True))
        scores.append((i, round(score, 6)))
    return sorted(scores, key=lambda x: (-x[1], x[0]))


WordShares = tuple[dict[str, float], float]
SHARES_TTL = 300.0  # seconds: statistics change only when ANALYZE runs


def _read_word_shares(session: Session) -> WordShares:
    # The table the search path finds (each test has a schema of its own), not every
    # schema's "quotations".
    stmt = text(
        "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname "
        "WHERE c.oid = to_regclass('quotations') AND s.attname = :column"
    )
    row = session.execute(stmt, {"column": TSV_COLUMN}).first()
    if row is None or not row[0]:
        return {}, 0.0
    return dict(zip(row[0], row[1], strict=False)), float(row[2])


def pg_estimated_matches(word_shares: WordShares, query: CompiledQuery) -> float:
    """About how many quotations match: 0 unless every group is made of common single
    words (a phrase is counted as rare: its words' shares say little about it)."""
    shares, total = word_shares
    estimate = total
    for group in query.alternatives():
        shares_of_terms = [
            shares.get(t.lowered[0], 0.0) if len(t.lowered) == 1 else 0.0 for t in group
        ]
        estimate = min(estimate, sum(shares_of_terms) * total)
    return estimate


@dataclass(frozen=True, slots=True)
class PhraseKeys:
    """What every match of the query's required phrases holds, as SQL expressions of
    bound parameters, which the planner folds into constants (so the indexes serve them)
    within the search's own statement: no round trip to make them first.

    ``pairs`` (``text[]``) are the phrases' word pairs and ``words`` (a ``tsvector``)
    their other words, neither function words nor in a pair (a pair already brings its
    word), both made by the database's parser and the pair function of migration 0003,
    so that they are the indexes' own."""

    pairs: ColumnElement[Any]
    words: ColumnElement[Any]


def pg_phrase_keys(query: CompiledQuery, common: list[str] | None = None) -> PhraseKeys | None:
    """The keys of the query's phrases; None when they have no word pair by our tokens
    (the database's almost always agree; where they would not, the search is as right,
    only slower: no pair here means the plain ``@@``, none there an empty containment).
    A phrase's text is its term's parameter, ``term_i``; ``common`` (parameter
    ``common_words``) are words left out of ``words`` (see :func:`pg_common_words`)."""
    places = query.key_places
    if not places:
        return None
    terms = query.terms
    vectors: list[ColumnElement[Any]] = [
        func.to_tsvector(regconfig(), pg_term_param(terms[i], i), type_=TSVECTOR) for i in places
    ]
    pairs = reduce(_concat, [pg_pairs_of(v) for v in vectors])  # apart: no pair across two
    vector = reduce(lambda a, b: a.op("||", return_type=TSVECTOR)(b), vectors)
    function_words = literal(sorted(PAIR_WORDS), type_=ARRAY(Text))
    left = func.ts_delete(vector, function_words, type_=TSVECTOR)
    dropped = _concat(pg_pair_words(pairs), bindparam("common_words", common or [], ARRAY(Text)))
    words = func.ts_delete(left, dropped, type_=TSVECTOR)
    return PhraseKeys(pairs, words)


def pg_common_words(shares: dict[str, float], query: CompiledQuery) -> list[str]:
    """The words of the phrases with pairs that ``ANALYZE`` lists as most common (in
    thousands of quotations): their GIN entries take milliseconds to read, and the
    planner, which cannot tell how few rows the pairs bring, would read them to narrow
    a handful of candidates down. Any word may be left out: the phrase test remains."""
    terms = query.terms
    return sorted({w for i in query.key_places for w in terms[i].lowered if w in shares})


def pg_pair_words(pairs: ColumnElement[Any]) -> ColumnElement[Any]:
    """The lexemes in the pairs, parsed again from their text; only immutable functions
    (``array_to_string`` is not), so that the planner folds them. Whatever this gives,
    the words left are the phrases' own: the keys stay right, only less narrow."""
    quoted = cast(func.strip(func.array_to_tsvector(pairs, type_=TSVECTOR)), Text)
    return func.tsvector_to_array(func.to_tsvector(regconfig(), quoted), type_=ARRAY(Text))


def _concat(a: ColumnElement[Any], b: ColumnElement[Any]) -> ColumnElement[Any]:
    return a.op("||", return_type=ARRAY(Text))(b)


def pg_match(tsq: ColumnElement[Any], keys: PhraseKeys | None) -> ColumnElement[bool]:
    """``tsvector @@ tsquery``; for phrases with word pairs, candidates from the indexes
    on the pairs and on the phrases' other words, and the phrase test on those alone.

    The function form of ``@@`` (``ts_match_vq``) is the same test, but the planner
    cannot take the tsvector's GIN index for it: that scan would read the entries of
    "the" and recheck every row holding the other words, which are many (and mostly not
    in memory: the table is bigger than ``shared_buffers``)."""
    if keys is None:
        return tsvector().op("@@")(tsq)
    found = pg_pairs_of(tsvector()).op("@>", is_comparison=True)(keys.pairs)
    return and_(found, pg_holds_all(keys.words), func.ts_match_vq(tsvector(), tsq, type_=Boolean))


def pg_holds_all(words: ColumnElement[Any]) -> ColumnElement[bool]:
    """Whether the row's tsvector holds every lexeme of ``words`` (true when there are
    none). The lexemes go from the tsvector's text form (each quoted) to a tsquery of
    them joined by ``&``; lexemes never hold a space, so ``' '`` only ever separates."""
    required = func.replace(cast(func.strip(words), Text), "' '", "' & '")
    holds = tsvector().op("@@")(cast(required, TSQUERY))
    return case((words == cast(literal(""), TSVECTOR), true()), else_=holds)


def pg_pairs_of(vector: ColumnElement[Any]) -> ColumnElement[Any]:
    """The word pairs of a tsvector, by the function that the pair index is built on."""
    return func.quotedb_word_pairs(vector, type_=ARRAY(Text))  # schema.PAIRS_FUNCTION


def pg_is_huge(shares: WordShares, query: CompiledQuery, f: Filter) -> bool:
    """Whether to rank only the newest ``RANK_WINDOW`` matches (a page of a lone "the").

    Walking the newest rows pays only when matches are everywhere among them."""
    window = bool(f.limit and f.limit <= RANK_WINDOW)
    return window and pg_estimated_matches(shares, query) > 20 * RANK_WINDOW


def pg_word(query: CompiledQuery, f: Filter) -> str | None:
    """The lexeme of a search for one plain (ASCII) word, without filters, for a page:
    its page is read in ranking order from ``quotation_words``; None for any other.

    Such a word is one token of PostgreSQL's parser, which the ``simple`` configuration
    only lower-cases; other words (accents, other scripts) keep the general statement."""
    if len(query.terms) != 1 or f.limit is None or f.needs_quotation:
        return None
    term = query.terms[0].term
    if term.prefix or not PLAIN_WORD.fullmatch(term.text):
        return None
    return term.text.lower()


WORDS_PRESENT = text(f"SELECT to_regclass('{WORDS_TABLE}') IS NOT NULL")


def pg_word_of(session: Session, query: CompiledQuery, f: Filter) -> str | None:
    """:func:`pg_word`, when the schema has ``quotation_words`` (a database at an older
    revision, or taken down to one while this reader is kept, has not): one catalogue
    look-up, no cache, as the schema can change under a reader that lives long."""
    word = pg_word(query, f)
    if word is None or not session.connection().execute(WORDS_PRESENT).scalar():
        return None
    return word


def pg_word_ranked(limit: int | None) -> Any:
    """The best ``limit`` quotations holding the word (parameter ``word``): ``ts_rank`` of
    one word grows with its count in the quotation and with nothing else, so the order of
    the index (count highest first, then id) is the order of ``ts_rank DESC, id``."""
    w = words_table.c
    ranked = select(w.quotation_id).where(w.word == bindparam("word", type_=Text))
    ranked = ranked.order_by(w.tf.desc(), w.quotation_id)
    return ranked.limit(bindparam("page_limit", limit, Integer)).subquery()


def pg_page(
    session: Session,
    query: CompiledQuery,
    f: Filter,
    huge: bool,
    common: list[str],
    word: str | None = None,
) -> Select[int, float, str]:
    """Ranked by ts_rank; a huge result set (a lone "the") among its newest matches only;
    ``common``: the phrases' words left to the phrase test (:func:`pg_common_words`);
    ``word``: the lexeme of a one-word search (:func:`pg_word`), read in ranking order."""
    tsq = pg_query(query)
    score = func.ts_rank(tsvector(), tsq)
    stmt = select(Quotation.id, score.label("score"), Quotation.text)
    if word is not None:
        ranked = pg_word_ranked(f.limit)
        stmt = stmt.join(ranked, ranked.c.quotation_id == Quotation.id)
        return stmt.order_by(score.desc(), Quotation.id)
    if huge:
        newest = restrict(session, select(Quotation.id).where(tsvector().op("@@")(tsq)), f)
        newest = newest.order_by(Quotation.id.desc()).limit(RANK_WINDOW)
        stmt = stmt.where(Quotation.id.in_(newest.scalar_subquery()))
    else:
        keys = pg_phrase_keys(query, common)
        stmt = restrict(session, stmt.where(pg_match(tsq, keys)), f)
    stmt = stmt.order_by(score.desc(), Quotation.id)
    return stmt if f.limit is None else stmt.limit(bindparam("page_limit", f.limit, Integer))


Shape = tuple[object, ...]
MAX_STATEMENTS = 512  # shapes of query kept (then the memory starts afresh)


def pg_shape(query: CompiledQuery, f: Filter, huge: bool, word: bool = False) -> Shape | None:
    """What the statement of :func:`_pg_page` depends on besides its parameters; None
    with filters (their conditions hold values: that statement is built each time)."""
    if f.needs_quotation:
        return None
    kinds = tuple(tuple(t.prefix for t in g) for g in query.alternatives())
    return (kinds, query.key_places, huge, f.limit is None, RANK_WINDOW, word)


def pg_params(query: CompiledQuery, f: Filter, word: str | None = None) -> dict[str, Any]:
    """The values of the statement's parameters: each term's text, the page's size and
    the lexeme of a one-word search."""
    found: dict[str, Any] = {f"term_{i}": t.pg_text for i, t in enumerate(query.terms)}
    found |= {} if word is None else {"word": word}
    return found | ({} if f.limit is None else {"page_limit": f.limit})


def rank_fts5(session: Session, match: str, f: Filter) -> Ranked:
    """Quotation ids for an FTS5 query string, best first (score: minus BM25)."""
    bm25_ = func.bm25(fts_ref)
    stmt = select(fts.c.rowid, bm25_).select_from(fts).where(fts_ref.op("MATCH")(match))
    stmt = restrict(session, stmt, f, fts.c.rowid).order_by(bm25_, fts.c.rowid).limit(f.limit)
    return [(int(i), -float(s)) for i, s in session.execute(stmt)]


def rank_tsquery(session: Session, tsq: ColumnElement[Any], f: Filter) -> Ranked:
    """Quotation ids for a ``tsquery``, best first (score: ts_rank)."""
    score = func.ts_rank(tsvector(), tsq)
    stmt = select(Quotation.id, score).where(tsvector().op("@@")(tsq))
    stmt = restrict(session, stmt, f).order_by(score.desc(), Quotation.id).limit(f.limit)
    return [(int(i), float(s)) for i, s in session.execute(stmt)]


def tsvector() -> ColumnElement[Any]:
    return literal_column(f"quotations.{TSV_COLUMN}")


def regconfig() -> ColumnElement[Any]:
    return literal_column(f"'{TS_CONFIG}'::regconfig")


def pg_term_param(term: CompiledTerm, i: int) -> BindParameter[str]:
    return bindparam(f"term_{i}", term.pg_text, String)


def pg_term(term: CompiledTerm, i: int) -> ColumnElement[Any]:
    """The ``i``-th term of the query as a ``tsquery``; its text is parameter ``term_i``."""
    value = pg_term_param(term, i)
    return (
        func.to_tsquery(regconfig(), value)
        if term.prefix
        else func.phraseto_tsquery(regconfig(), value)
    )


def pg_query(query: CompiledQuery) -> ColumnElement[Any]:
    """``tsquery`` of the parsed query: phrases via ``phraseto_tsquery``, all bound."""
    numbers = iter(range(len(query.terms)))
    groups = [
        reduce(lambda a, b: a.op("||")(b), (pg_term(t, next(numbers)) for t in g))
        for g in query.alternatives()
    ]
    return reduce(lambda a, b: a.op("&&")(b), groups)


ANY_MAX_TERMS = 8  # most terms a search for any of several terms sends to the engine
ANY_DF_BUDGET = 2_000  # matches the rarest terms may bring before more common ones are left out


def rarest(session: Session, terms: list[CompiledTerm]) -> list[CompiledTerm]:
    """The rarest terms, as many as the budget allows: they find the quotation fastest."""
    freq = DocFreq.of(session, terms)
    counted = sorted(((n, t) for t in terms if (n := freq.term(t))), key=lambda x: x[0])
    chosen: list[CompiledTerm] = []
    total = 0
    for n, term in counted[:ANY_MAX_TERMS]:
        if chosen and total + n > ANY_DF_BUDGET:
            break
        chosen.append(term)
        total += n
    return chosen


class FullTextEngine(Protocol):
    """What a search asks of the database's full-text engine."""

    def page(self, session: Session, query: CompiledQuery, f: Filter) -> Page:
        """The best ``f.limit`` matches with their scores and texts."""
        ...

    def records(self, session: Session, query: CompiledQuery, f: Filter) -> Scored:
        """The best ``f.limit`` matches as records, with their scores."""
        ...

    def any_of(self, session: Session, terms: list[CompiledTerm], f: Filter) -> list[int]:
        """Ids of the quotations holding the most telling of these terms, best first."""
        ...


class Fts5:
    """SQLite FTS5: candidates verified and ranked here (see the module's docstring)."""

    def page(self, session: Session, query: CompiledQuery, f: Filter) -> Page:
        return _page_fts5(session, query, f)

    def records(self, session: Session, query: CompiledQuery, f: Filter) -> Scored:
        """The page and then its rows (on SQLite a statement costs no round trip)."""
        ranked, _ = _ranked_fts5(session, query, f)
        found = records_by_id(session.connection(), [i for i, _ in ranked])
        return [(found[i], score) for i, score in ranked if i in found]

    def any_of(self, session: Session, terms: list[CompiledTerm], f: Filter) -> list[int]:
        chosen = rarest(session, terms)
        if not chosen:
            return []
        return [i for i, _ in rank_fts5(session, " OR ".join(t.fts5 for t in chosen), f)]


class Postgres:
    """PostgreSQL tsvector and GIN: one statement per search (see the module's docstring).

    It keeps, for the database it reads, the statistics of ``ANALYZE`` (a while) and the
    statements of each query shape, so one instance serves one database."""

    def __init__(self) -> None:
        self.statements: dict[Shape, Select[*tuple[Any, ...]]] = {}
        self.shares: tuple[float, WordShares] | None = None  # when read, what was read

    def word_shares(self, session: Session) -> WordShares:
        """Share of quotations holding each of the most common words, and how many there
        are, from the statistics ``ANALYZE`` keeps (empty before the first ANALYZE)."""
        cached = self.shares
        if cached and time.monotonic() - cached[0] < SHARES_TTL and cached[1][0]:
            return cached[1]
        self.shares = (time.monotonic(), _read_word_shares(session))
        return self.shares[1]

    def _plan(
        self, session: Session, query: CompiledQuery, f: Filter
    ) -> tuple[str | None, bool, list[str]]:
        """What a page's statement turns on: the lexeme of a one-word search (its page
        comes from ``quotation_words``, no statistics needed), whether the result set is
        huge, and the phrases' words left to the phrase test."""
        word = pg_word_of(session, query, f)
        shares = self.word_shares(session) if word is None else ({}, 0.0)
        return word, pg_is_huge(shares, query, f), pg_common_words(shares[0], query)

    def page(self, session: Session, query: CompiledQuery, f: Filter) -> Page:
        word, huge, common = self._plan(session, query, f)
        stmt = pg_page(session, query, f, huge, common, word)
        params = pg_params(query, f, word) | {"common_words": common}
        rows = session.connection().execute(stmt, params)
        return [(int(i), float(s), str(t)) for i, s, t in rows]

    def records(self, session: Session, query: CompiledQuery, f: Filter) -> Scored:
        """The page's records and scores, best first, in one statement: the ranked page
        joined with its quotations' articles and speakers.

        Without filters the statement depends only on the query's shape (its terms' places
        and kinds; their texts are parameters), so it is built once per shape: building
        and compiling it cost more than PostgreSQL takes to run it."""
        word, huge, common = self._plan(session, query, f)
        shape = pg_shape(query, f, huge, word is not None)
        stmt = self.statements.get(shape) if shape else None
        if stmt is None:
            page = pg_page(session, query, f, huge, common, word).subquery()
            joined = record_join(page, page.c.id)
            stmt = select(*RECORD_COLUMNS, page.c.score).select_from(joined)
            stmt = stmt.order_by(page.c.score.desc(), page.c.id)
            if shape:
                if len(self.statements) >= MAX_STATEMENTS:
                    self.statements.clear()
                self.statements[shape] = stmt
        params = pg_params(query, f, word) | {"common_words": common}
        rows = session.connection().execute(stmt, params)
        return [(QuotationRecord.of_row(r), float(r.score)) for r in rows]

    def any_of(self, session: Session, terms: list[CompiledTerm], f: Filter) -> list[int]:
        """The longest terms that ``ANALYZE`` does not list as common, any of them."""
        common = self.word_shares(session)[0]
        rare = [t for t in terms if t.term.text not in common] or terms
        chosen = sorted(rare, key=lambda t: -len(t.term.text))[:ANY_MAX_TERMS]
        text = " | ".join(t.pg_text if t.prefix else f"'{t.term.text}'" for t in chosen)
        return [i for i, _ in rank_tsquery(session, func.to_tsquery(regconfig(), text), f)]


def engine_named(dialect: str) -> FullTextEngine:
    """A reader for a database of this dialect (keep it: it learns as it reads)."""
    return Fts5() if dialect == "sqlite" else Postgres()


def engine_for(session: Session) -> FullTextEngine:
    """A fresh reader for the session's database (one search's worth of memory)."""
    return engine_named(session.get_bind().dialect.name)
