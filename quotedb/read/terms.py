"""User queries as data: words, "exact phrases", prefix* terms and OR, never raw syntax.

Whatever a user types is reduced to terms whose text is later quoted for the engine
(FTS5 strings, bound ``tsquery`` parameters), so parentheses, AND/NEAR, colons, stray
asterisks or quotation marks cannot change the query's meaning or break it. The only
operator is an upper-case ``OR`` between two terms; an unclosed quotation mark runs to
the end of the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotedb.db.fulltext import TOKEN, fold, words_pairs
from quotedb.errors import QueryError

MAX_TERMS = 64
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'"})
WORD = re.compile(r"[^\W_]+")
PUNCTUATION = "()[]{}<>:;,.!?^~+-'\"|&"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CHUNK = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class Term:
    """A word, a phrase of several words, or a word prefix (``negotiat*``)."""

    text: str
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        """The term's words, lower-cased as both engines index them."""
        return [w.lower() for w in WORD.findall(self.text)]


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Groups of alternatives: every group must match, any term of a group will do."""

    groups: tuple[tuple[Term, ...], ...]

    @property
    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]


def _term(chunk: str, quoted: bool) -> Term | None:
    if quoted:
        return Term(" ".join(chunk.split())) if WORD.search(chunk) else None
    stripped = chunk.strip(PUNCTUATION)
    core = stripped.strip("*").strip(PUNCTUATION)
    if not WORD.search(core):
        return None
    return Term(core, prefix=stripped.endswith("*"))


def parse_query(query: str) -> SearchQuery:
    """Parse what a user typed; QueryError when nothing searchable is left."""
    groups: list[list[Term]] = []
    pending_or = False
    for m in CHUNK.finditer(CONTROL.sub(" ", query.translate(QUOTES))):
        quoted, bare = m.group(1), m.group(2)
        if bare == "OR":
            pending_or = bool(groups)
            continue
        term = _term(quoted if quoted is not None else bare, quoted is not None)
        if term is None:
            continue
        if pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    if not groups:
        raise QueryError(f"nothing to search for in {query!r}: give at least one word")
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise QueryError(f"too many search terms (at most {MAX_TERMS})")
    return SearchQuery(tuple(tuple(g) for g in groups))


def fts5_string(term: Term) -> str:
    """The term as an FTS5 string: quoted, so that no character in it is syntax."""
    body = '"' + term.text.replace('"', '""') + '"'
    return body + "*" if term.prefix else body


def fts5_query(query: SearchQuery) -> str:
    parts = []
    for group in query.groups:
        alternatives = " OR ".join(fts5_string(t) for t in group)
        parts.append(f"({alternatives})" if len(group) > 1 else alternatives)
    return " AND ".join(parts)


def tsquery_text(term: Term) -> str:
    """A prefix term as ``to_tsquery`` input: quoted lexemes in sequence, the last one ``:*``."""
    lexemes = ["'" + w + "'" for w in term.words]
    return " <-> ".join(lexemes) + ":*"


@dataclass(frozen=True, slots=True)
class CompiledTerm:
    """A term worked out once for every use: the engines' strings, its tokens, its word
    pairs and the pattern that verifies it on a text."""

    term: Term
    lowered: tuple[str, ...]  # lower-cased, as PostgreSQL's parser gives them
    words: tuple[str, ...]  # folded, as FTS5 and the matcher see them
    whole: tuple[str, ...]  # the words counted exactly: a prefix term's last one is not
    pairs: tuple[str, ...]  # word-pair tokens of the whole words
    fts5: str
    pg_text: str  # the text of its tsquery parameter
    pattern: re.Pattern[str]
    on_lowered: bool  # the pattern is for the lower-cased text

    @property
    def prefix(self) -> bool:
        return self.term.prefix


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """A parsed query compiled once: its terms, and the groups as places among them."""

    query: SearchQuery
    terms: tuple[CompiledTerm, ...]
    groups: tuple[tuple[int, ...], ...]
    fts5: str
    pairs: tuple[str, ...]  # word pairs every match holds (phrases outside OR)
    required: frozenset[str]  # whole words every match holds (outside OR)
    key_places: tuple[int, ...]  # places of the exact phrases with word pairs (outside OR)

    def alternatives(self) -> list[list[CompiledTerm]]:
        return [[self.terms[i] for i in g] for g in self.groups]


def compile_term(term: Term) -> CompiledTerm:
    words = tuple(fold(w) for w in TOKEN.findall(term.text))
    whole = words[:-1] if term.prefix else words
    pattern, on_lowered = _pattern(words, term.prefix)
    pg_text = tsquery_text(term) if term.prefix else term.text
    return CompiledTerm(
        term, tuple(term.words), words, whole, tuple(words_pairs(list(whole))),
        fts5_string(term), pg_text, pattern, on_lowered,
    )  # fmt: skip


def _pattern(words: tuple[str, ...], prefix: bool) -> tuple[re.Pattern[str], bool]:
    """The term's pattern, and whether it is for the lower-cased text.

    A pattern that starts with a lookbehind is tried at every position of the text; one
    that starts with a literal word is found by a fast scan for that word, ten times
    faster. So ASCII words are looked for in the lower-cased text (no IGNORECASE) and the
    check that no letter precedes comes after the first word."""
    body = r"[\W_]+".join(re.escape(w) for w in words)
    tail = "" if prefix else r"(?![^\W_])"
    if all(w.isascii() for w in words):
        first = re.escape(words[0])
        after = body[len(first) :]
        return re.compile(first + rf"(?<![^\W_]{first})" + after + tail), True
    return re.compile(r"(?<![^\W_])" + body + tail, re.IGNORECASE), False


def compile_query(query: SearchQuery) -> CompiledQuery:
    terms = tuple(compile_term(t) for t in query.terms)
    groups, places, n = [], [], 0
    for group in query.groups:
        groups.append(tuple(range(n, n + len(group))))
        n += len(group)
    alone = [terms[g[0]] for g in groups if len(g) == 1]
    for g in groups:
        t = terms[g[0]]
        if len(g) == 1 and not t.prefix and len(t.words) > 1 and t.pairs:
            places.append(g[0])
    return CompiledQuery(
        query,
        terms,
        tuple(groups),
        fts5_query(query),
        tuple(sorted({p for t in alone for p in t.pairs})),
        frozenset(w for t in alone for w in t.whole),
        tuple(places),
    )


def compiled(query: str | SearchQuery | CompiledQuery) -> CompiledQuery:
    """What a user typed, parsed and compiled; a parsed or compiled query as it is."""
    if isinstance(query, CompiledQuery):
        return query
    return compile_query(parse_query(query) if isinstance(query, str) else query)
