"""“Who said this?”: the attested quotations closest to a half-remembered one.

Candidates come from the full-text index (any of the query's significant words, or a
prefix of their stem, so "negotiating" finds "negotiations"); rapidfuzz then re-ranks
them by how much of the wording they share, whatever the order, a quotation shorter than
the query counting only for the share of the query it covers (a one-word fragment never
beats the whole statement). Text in another script is transliterated first, so that a
translation is found through the words it shares (names, numbers), and only through those.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz, utils
from sqlalchemy.orm import Session
from unidecode import unidecode

from quotedb.db.fulltext import PAIR_WORDS
from quotedb.db.models import Quotation
from quotedb.errors import QueryError
from quotedb.read.engines import FullTextEngine, engine_for, texts
from quotedb.read.filters import Filter
from quotedb.read.records import QuotationRecord
from quotedb.read.search import load_quotations, paged
from quotedb.read.terms import CONTROL, QUOTES, WORD, CompiledTerm, Term, compile_term

CANDIDATES = 60
SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "ly", "s")


@dataclass(frozen=True, slots=True)
class Match:
    quotation: Quotation
    similarity: float  # 0-100


def significant_words(text: str) -> list[str]:
    """Words that carry the meaning, in order, without repeats or stop words (in Latin
    letters: another script is transliterated)."""
    plain = unidecode(CONTROL.sub(" ", text.translate(QUOTES)))
    words = [w.lower() for w in WORD.findall(plain)]
    kept = [w for w in words if w not in PAIR_WORDS and len(w) > 1]
    return list(dict.fromkeys(kept or [w for w in words if len(w) > 1]))


def stem_prefix(word: str) -> str:
    """A crude stem, long enough to be specific: the word without a common suffix."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)]
    return word


def candidate_terms(words: list[str]) -> list[CompiledTerm]:
    """Each word as a term; a long one as a prefix of its stem."""
    return [
        compile_term(Term(stem_prefix(w), prefix=True) if len(w) >= 6 else Term(w)) for w in words
    ]


def candidates(session: Session, words: list[str], f: Filter, engine: FullTextEngine) -> list[int]:
    """Quotations holding some of the words, from the engine's index, best first."""
    return engine.any_of(
        session, candidate_terms(words), replace(f, limit=CANDIDATES, offset=0, sort=None)
    )


def processed(text: str) -> str:
    """Lower case, no punctuation, in Latin letters: what similarity compares."""
    return str(utils.default_process(unidecode(text.translate(QUOTES))))


def coverage(query: str, quotation: str) -> float:
    """The share of the query's words (by stem) that the quotation holds, 0 to 1."""
    wanted = {stem_prefix(w) for w in query.split() if len(w) > 1}
    held = quotation.split()
    found = sum(1 for w in wanted if any(h.startswith(w) for h in held))
    return found / len(wanted) if wanted else 0.0


def similarity(query: str, quotation: str) -> float:
    """How well the quotation attests the query, 0-100, forgiving order and extra words;
    the words they share count for as much of the query as the quotation covers."""
    a, b = processed(query), processed(quotation)
    whole = fuzz.token_sort_ratio(a, b)
    shared = fuzz.token_set_ratio(a, b) * coverage(a, b)
    part = fuzz.partial_ratio(a, b) if len(b) >= len(a) else fuzz.ratio(a, b)
    return round(0.4 * shared + 0.4 * part + 0.2 * whole, 1)


def who(
    session: Session, text: str, f: Filter, engine: FullTextEngine | None = None
) -> list[Match]:
    """The quotations closest to ``text``, best first, at most ``f.limit`` of them."""
    words = significant_words(text)
    if not words:
        raise QueryError(f"nothing to look for in {text!r}: give the words you remember")
    found = texts(session, candidates(session, words, f, engine or engine_for(session)))
    best = sorted(((similarity(text, t), i) for i, t in found.items()), key=lambda x: (-x[0], x[1]))
    best = best[: f.window] if f.window is not None and f.sort in (None, "relevance") else best
    loaded = load_quotations(session, (i for _, i in best))
    matches = [Match(loaded[i], score) for score, i in best if i in loaded]
    return paged(matches, f, lambda m: QuotationRecord.of(m.quotation))
