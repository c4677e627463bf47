"""“Who said this?”: the attested quotations closest to a half-remembered one.

Candidates come from the full-text index (any of the query's significant words, or a
prefix of their stem, so "negotiating" finds "negotiations"); rapidfuzz then re-ranks
them by how much of the wording they share, whatever the order or the quotation's length.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, utils
from sqlalchemy import func
from sqlalchemy.orm import Session

from quotedb.db.models import Quotation
from quotedb.errors import QueryError
from quotedb.search.backends import (
    DocFreq,
    is_sqlite,
    pg_word_shares,
    rank_fts5,
    rank_tsquery,
    regconfig,
    texts,
)
from quotedb.search.engine import load_quotations
from quotedb.search.filters import SearchFilter
from quotedb.search.parse import CONTROL, QUOTES, WORD, Term, fts5_string, tsquery_text
from quotedb.search.stopwords import STOPWORDS

CANDIDATES = 60
MAX_TERMS = 8
DF_BUDGET = 2_000  # matches the rarest terms may bring before more common ones are left out
SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "ly", "s")


@dataclass(frozen=True, slots=True)
class Match:
    quotation: Quotation
    similarity: float  # 0-100


def significant_words(text: str) -> list[str]:
    """Words that carry the meaning, in order, without repeats or stop words."""
    words = [w.lower() for w in WORD.findall(CONTROL.sub(" ", text.translate(QUOTES)))]
    kept = [w for w in words if w not in STOPWORDS and len(w) > 1]
    return list(dict.fromkeys(kept or [w for w in words if len(w) > 1]))


def stem_prefix(word: str) -> str:
    """A crude stem, long enough to be specific: the word without a common suffix."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)]
    return word


def candidate_terms(words: list[str]) -> list[Term]:
    return [Term(stem_prefix(w), prefix=True) if len(w) >= 6 else Term(w) for w in words]


def rarest(session: Session, terms: list[Term]) -> list[Term]:
    """The rarest terms, as many as the budget allows: they find the quotation fastest."""
    freq = DocFreq.of(session, terms)
    counted = sorted(((n, t) for t in terms if (n := freq.term(t))), key=lambda x: x[0])
    chosen: list[Term] = []
    total = 0
    for n, term in counted[:MAX_TERMS]:
        if chosen and total + n > DF_BUDGET:
            break
        chosen.append(term)
        total += n
    return chosen


def candidates(session: Session, words: list[str], f: SearchFilter) -> list[int]:
    terms = candidate_terms(words)
    pool = SearchFilter(f.speaker, f.outlet, f.since, f.until, f.kind, CANDIDATES)
    if is_sqlite(session):
        chosen = rarest(session, terms)
        if not chosen:
            return []
        return [i for i, _ in rank_fts5(session, " OR ".join(map(fts5_string, chosen)), pool)]
    common = pg_word_shares(session)[0]
    rare = [t for t in terms if t.text not in common] or terms
    chosen = sorted(rare, key=lambda t: -len(t.text))[:MAX_TERMS]
    text = " | ".join(tsquery_text(t) if t.prefix else f"'{t.text}'" for t in chosen)
    return [i for i, _ in rank_tsquery(session, func.to_tsquery(regconfig(), text), pool)]


def similarity(query: str, quotation: str) -> float:
    """How well the quotation attests the query, 0-100, forgiving order and extra words."""
    a = utils.default_process(query.translate(QUOTES))
    b = utils.default_process(quotation.translate(QUOTES))
    whole = fuzz.token_sort_ratio(a, b)
    shared = fuzz.token_set_ratio(a, b)
    part = fuzz.partial_ratio(a, b) if len(b) >= len(a) else fuzz.ratio(a, b)
    return round(0.4 * shared + 0.4 * part + 0.2 * whole, 1)


def who(session: Session, text: str, f: SearchFilter) -> list[Match]:
    """The quotations closest to ``text``, best first, at most ``f.limit`` of them."""
    words = significant_words(text)
    if not words:
        raise QueryError(f"nothing to look for in {text!r}: give the words you remember")
    found = texts(session, candidates(session, words, f))
    best = sorted(((similarity(text, t), i) for i, t in found.items()), key=lambda x: (-x[0], x[1]))
    best = best[: f.limit] if f.limit else best
    loaded = load_quotations(session, (i for _, i in best))
    return [Match(loaded[i], score) for score, i in best if i in loaded]
