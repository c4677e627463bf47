"""“Who said this?”: the attested quotations closest to a half-remembered one.

Candidates come from the full-text index (any of the query's significant words, or a
prefix of their stem, so "negotiating" finds "negotiations"); rapidfuzz then re-ranks
them by how much of the wording they share, whatever the order, a quotation shorter than
the query counting only for the share of the query it covers (a one-word fragment never
beats the whole statement). Text in another script is transliterated first, so that a
translation is found through the words it shares (names, numbers), and only through those.
Each match's renderings in other languages (the same speaker, in an article of another
language) are found by what survives translation: numbers, names and quoted words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, utils
from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager
from unidecode import unidecode

from quotedb.core.text import fold_name
from quotedb.db.fulltext import PAIR_WORDS
from quotedb.db.models import Article, Quotation
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


# ------------------------------------------------------- the same words in other languages

_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
_CAPITAL = re.compile(r"(?<![.!?:]\s)(?<!^)\b[^\W\d_][\w’'-]+")
_INNER = re.compile(r"[“„«»\"‘‚]([^“”„«»\"‘’‚]{4,80})[”“»«\"’‘]")
RENDERINGS = 3


@dataclass(frozen=True, slots=True)
class Rendering:
    """A quotation of the same speaker in another language that shares anchors with a match."""

    quotation: Quotation
    shared: tuple[str, ...]  # the numbers, names and quoted words both hold


def anchors(text: str, own: set[str]) -> set[str]:
    """What survives translation: numbers, capitalised names inside the sentence (not the
    speaker's own: ``own``), and words quoted inside the quotation."""
    numbers = {re.sub(r"[.,\s]", "", m.group()) for m in _NUMBER.finditer(text)}
    names = {
        fold_name(m.group())
        for m in _CAPITAL.finditer(text)
        if m.group()[:1].isupper() and fold_name(m.group()) not in own and len(m.group()) > 2
    }
    quoted = {fold_name(m.group(1).strip()) for m in _INNER.finditer(text)}
    return {n for n in numbers if len(n) > 1} | names | quoted


@dataclass(frozen=True, slots=True)
class Renderings:
    """What ``who`` adds to a match: its renderings in other languages (as records), or why
    there are none; ``untold`` when the speaker was quoted in other languages but nothing
    shows which of those quotations renders this one (the case worth telling a reader)."""

    found: tuple[dict[str, Any], ...] = ()
    note: str | None = None
    untold: bool = False


def renderings(session: Session, q: Quotation) -> Renderings:
    """The speaker's quotations in articles of other languages that share a number, a name
    or quoted words with ``q``, most shared first; else why none is given."""
    if q.speaker_id is None:
        return Renderings(
            note="its speaker is unknown, so no rendering in another language is looked for"
        )
    language = q.article.language
    own = {fold_name(w) for w in (q.speaker.name if q.speaker else "").split()}
    mine = anchors(q.text, own)
    stmt = (
        select(Quotation)
        .join(Quotation.article)
        .options(contains_eager(Quotation.article))  # each one's language, in this query
        .where(Quotation.speaker_id == q.speaker_id, Quotation.id != q.id)
        .where(Article.language.is_distinct_from(language))
    )
    others = list(session.scalars(stmt))
    if not others:
        return Renderings(note="no quotation of this speaker in another language is stored")
    found = [Rendering(o, tuple(sorted(mine & anchors(o.text, own)))) for o in others]
    found = sorted((r for r in found if r.shared), key=lambda r: (-len(r.shared), r.quotation.id))
    if not found:
        langs = ", ".join(sorted({o.article.language or "unknown" for o in others}))
        note = (
            f"{len(others)} quotation(s) of this speaker in {langs} share no number, name or "
            "quoted words with it: which renders it cannot be told"
        )
        return Renderings(note=note, untold=True)
    return Renderings(found=tuple(_rendering_record(r) for r in found[:RENDERINGS]))


def _rendering_record(r: Rendering) -> dict[str, Any]:
    return {
        "id": r.quotation.id,
        "language": r.quotation.article.language,
        "text": r.quotation.text,
        "shared": list(r.shared),
    }
