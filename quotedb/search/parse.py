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
