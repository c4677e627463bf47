"""The full-text schema beside the ORM's: its object names, its tokens, and the SQL function
SQLite's word-pair triggers call.

Migrations 0002 and 0003 create these objects outside ``Base.metadata``: neither an FTS5
virtual table nor a generated ``tsvector`` column is something the ORM should load, and
Alembic's autogenerate is told to look past them (``alembic/env.py``), so ``alembic check``
finds no drift.

Word pairs (migration 0003) are a function word next to another word, indexed so that a
phrase such as "the badaifou the" is narrowed down by its pairs ("the badaifou", "badaifou
the") instead of by the position list of "the". Pairs of two function words or of two other
words are left out. On SQLite the triggers call :func:`pair_text` (registered on every
connection by the engine), from the same tokens the verification of a phrase uses; on
PostgreSQL an SQL function of 0003 works them out from the ``tsvector``. ``PAIR_WORDS`` and
the tokens are frozen with the stored index: changing them needs a migration that rebuilds it.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Mapping
from itertools import pairwise

from quotedb.core.lexicon import SEARCH_STOPWORDS
from quotedb.core.text import fold_index

FTS_TABLE = "quotations_fts"  # SQLite FTS5 (external content: quotations.text)
FTS_VOCAB = "quotations_fts_vocab"  # SQLite fts5vocab: document frequency per term
TSV_COLUMN = "text_search"  # PostgreSQL generated tsvector column on quotations
TSV_INDEX = "ix_quotations_text_search"  # its GIN index
TS_CONFIG = "simple"  # no stemming, no stop words: what you type is what is matched
PAIRS_TABLE = "quotations_fts_pairs"  # SQLite FTS5, contentless: word pairs (migration 0003)
PAIRS_FUNCTION = "quotedb_word_pairs"  # SQLite: text -> pair tokens; PostgreSQL: tsvector -> text[]
PAIRS_INDEX = "ix_quotations_word_pairs"  # PostgreSQL GIN index on that function
# A quotation's paragraph (``quotations.context``), indexed apart (migration 0006).
CONTEXT_FTS = "quotations_fts_context"  # SQLite FTS5 (external content: quotations.context)
CONTEXT_TSV = "context_search"  # PostgreSQL generated tsvector column on quotations
CONTEXT_INDEX = "ix_quotations_context_search"  # its GIN index
# PostgreSQL: (lexeme, its count, quotation) rows in one-word ranking order (migration 0012).
WORDS_TABLE = "quotation_words"
WORDS_INDEX = "ix_quotation_words_rank"
WORDS_TRIGGERS = ("quotations_words_ai", "quotations_words_ad", "quotations_words_au")
WORDS_ROWS = (  # the table's rows, worked out from the quotations (what the triggers keep)
    "SELECT t.lexeme, cardinality(t.positions)::smallint, q.id "
    "FROM quotations AS q, unnest(q.text_search) AS t"
)

TOKEN = re.compile(r"[^\W_]+")  # what both engines index: runs of letters and digits

# English function words (one list, in the core's lexicon): too common to find a quotation
# by, and one side of every pair.
PAIR_WORDS = SEARCH_STOPWORDS


def is_fulltext_object(name: str | None) -> bool:
    """True for the full-text objects and the shadow tables SQLite keeps for them."""
    if not name:
        return False
    fulltext = (TSV_COLUMN, TSV_INDEX, PAIRS_INDEX, CONTEXT_TSV, CONTEXT_INDEX, WORDS_TABLE)
    return name.startswith(FTS_TABLE) or name in fulltext


fold = fold_index  # how words are indexed: lower-cased, accents removed, as FTS5 does


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


def pair_text(text: str | None) -> str:
    """What the SQLite pair index stores for a quotation: its pair tokens, space-separated."""
    return " ".join(text_pairs(text)) if text else ""


def register(connection: sqlite3.Connection, known: Mapping[str, str] | None = None) -> None:
    """Make :func:`pair_text` callable from SQL on this connection (the triggers of migration
    0003 need it); with ``known``, the pair texts of those quotations as worked out already
    (by ingest workers), for the rows a writer is about to insert."""
    if known is None:
        connection.create_function(PAIRS_FUNCTION, 1, pair_text, deterministic=True)
        return

    def stored_pairs(text: str | None) -> str:
        found = known.get(text) if text else None
        return found if found is not None else pair_text(text)

    connection.create_function(PAIRS_FUNCTION, 1, stored_pairs, deterministic=True)
