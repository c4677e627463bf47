"""Word pairs: a function word next to another word, indexed so phrases skip "the".

A phrase such as "the badaifou the" is slow on both engines: FTS5 walks the position
list of "the" (three quarters of all quotations) and PostgreSQL's GIN index, which has
no positions, rechecks every row holding "badaifou". The pairs of a function word with
its neighbour ("the badaifou", "badaifou the") are as specific as the phrase itself, so
migration 0003 indexes them and a phrase's pairs narrow it down to a few candidates.

Pairs of two function words ("of the") are left out: they are everywhere and would only
make the index bigger. So are pairs of two other words: each of those words already
narrows a search on its own.

On SQLite the pairs are computed here (the triggers of 0003 call :func:`pair_text`
through a function registered on every connection quotedb opens), from the same tokens
the verification of a phrase uses; on PostgreSQL, by the SQL function of 0003, from the
``tsvector``. ``PAIR_WORDS`` is frozen with the stored index: changing it (or the tokens)
needs a migration that rebuilds the pair index.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from functools import lru_cache
from itertools import pairwise

from quotedb.search.schema import PAIRS_FUNCTION
from quotedb.search.stopwords import STOPWORDS

PAIR_WORDS: frozenset[str] = STOPWORDS
TOKEN = re.compile(r"[^\W_]+")  # what both engines index: runs of letters and digits


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """Lower-cased, accents removed (as FTS5's ``remove_diacritics``)."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def pair_token(first: str, second: str) -> str:
    """One index token for a pair: a hash, so that no character of a word can split it
    (a collision only brings an extra candidate, which verification drops)."""
    return _token(f"{first} {second}")


def _token(pair: str) -> str:
    return "p" + hashlib.blake2b(pair.encode(), digest_size=8).hexdigest()


def words_pairs(words: list[str]) -> list[str]:
    """Tokens of the pairs of neighbours where exactly one is a function word, sorted."""
    # Words hold no space, so "a b" stands for the pair (a, b).
    mixed = {f"{a} {b}" for a, b in pairwise(words) if (a in PAIR_WORDS) != (b in PAIR_WORDS)}
    return sorted([_token(pair) for pair in mixed])


def text_pairs(text: str) -> list[str]:
    if text.isascii():  # folding an ASCII text is lower-casing it, at once rather than per word
        return words_pairs(TOKEN.findall(text.lower()))
    return words_pairs([fold(w) for w in TOKEN.findall(text)])


_KNOWN: dict[str, str] = {}
MAX_REMEMBERED = 100_000  # texts whose pair text is kept (then the memory starts afresh)


def pair_text(text: str | None) -> str:
    """What the SQLite pair index stores for a quotation: its pair tokens, space-separated."""
    if not text:
        return ""
    found = _KNOWN.get(text)
    return found if found is not None else " ".join(text_pairs(text))


def remember(texts: dict[str, str]) -> None:
    """Pair texts worked out elsewhere (by ingest workers), for the insert triggers."""
    if len(_KNOWN) + len(texts) > MAX_REMEMBERED:
        _KNOWN.clear()
    _KNOWN.update(texts)


def register(connection: sqlite3.Connection) -> None:
    """Make :func:`pair_text` callable from SQL (the triggers of migration 0003 need it)."""
    connection.create_function(PAIRS_FUNCTION, 1, pair_text, deterministic=True)
