"""Was it said? ``who``'s verdict on a half-remembered quotation.

The closest attested quotation says it *verbatim* when the remembered words run, in
order, inside it; *reworded* when its similarity reaches the threshold above which two
renderings of one utterance lie; *similar statements only* when it is closer than
different statements come to each other; else there is *no attested statement*. The two
thresholds are fitted on the gold sets' same-utterance groups (``benchmarks/fit_who.py``)
and shipped as data (``data/who_thresholds.json``).

With a speaker (``by``), a statement that this speaker did not make but someone else did
is named: "Blinken said it", not an empty answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from quotedb.read.engines import FullTextEngine
from quotedb.read.filters import Filter
from quotedb.read.records import QuotationRecord, WhoHit
from quotedb.read.who import processed, renderings, who

VERBATIM = "said (verbatim)"
REWORDED = "said (reworded)"
SIMILAR = "similar statements only"
NONE = "no attested statement"
SAID = (VERBATIM, REWORDED)


@dataclass(frozen=True, slots=True)
class Thresholds:
    reworded: float  # similarity at and above which a quotation renders the query
    similar: float  # similarity at and above which it is at least a similar statement


@cache
def thresholds() -> Thresholds:
    data = json.loads(
        resources.files("quotedb.read").joinpath("data/who_thresholds.json").read_text()
    )
    return Thresholds(float(data["reworded"]), float(data["similar"]))


VERBATIM_WORDS = 3  # fewer words attest a statement verbatim only when they are all of it


def is_verbatim(query: str, quotation: str) -> bool:
    """The remembered words, in order, inside the quotation (case and punctuation aside):
    three words or more, or the whole quotation ("we are" is in many a statement)."""
    q, t = processed(query), processed(quotation)
    if not q or f" {q} " not in f" {t} ":
        return False
    return len(q.split()) >= VERBATIM_WORDS or q == t


def verdict(query: str, quotation: str, score: float, limits: Thresholds | None = None) -> str:
    """What one quotation attests of the query."""
    limits = limits or thresholds()
    if is_verbatim(query, quotation):
        return VERBATIM
    if score >= limits.reworded:
        return REWORDED
    return SIMILAR if score >= limits.similar else NONE


@dataclass(frozen=True, slots=True)
class Attestation:
    """The verdict on a remembered quotation, the candidates (best first), and who said
    it (``said_by``: the best hit that attests it; ``elsewhere``: someone other than the
    speaker asked about who did)."""

    query: str
    by: str | None
    verdict: str
    hits: list[WhoHit]
    best: WhoHit | None = None
    elsewhere: WhoHit | None = None

    @property
    def said_by(self) -> WhoHit | None:
        return self.best if self.verdict in SAID else None

    @property
    def message(self) -> str:
        """The verdict in one sentence."""
        who_ = f" by {self.by}" if self.by else ""
        if (hit := self.said_by) is not None:
            return f"{self.verdict} by {hit.speaker or 'an unknown speaker'}{_where(hit)}"
        line = f"{self.verdict}{who_}"
        if (other := self.elsewhere) is not None:
            said = other.verdict.removeprefix("said ")
            line += f"; {other.speaker or 'an unknown speaker'} said it {said}{_where(other)}"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "by": self.by,
            "verdict": self.verdict,
            "message": self.message,
            "best": self.best.id if self.best else None,
            "hits": [h.to_dict() for h in self.hits],
            "elsewhere": self.elsewhere.to_dict() if self.elsewhere else None,
        }


def _where(hit: WhoHit) -> str:
    a = hit.article
    if a is None:
        return ""
    parts = [p for p in (a.outlet, a.published) if p]
    return f" ({', '.join(parts)}; quotation {hit.id})" if parts else f" (quotation {hit.id})"


def hits(session: Session, text: str, f: Filter, engine: FullTextEngine | None) -> list[WhoHit]:
    """The candidates with their similarity and what each attests."""
    found = []
    for m in who(session, text, f, engine):
        record = QuotationRecord.of(m.quotation)
        v = verdict(text, record.text, m.similarity)
        other = renderings(session, m.quotation)
        found.append(
            WhoHit(
                **record.fields(),
                similarity=m.similarity,
                verdict=v,
                renderings=other.found,
                renderings_note=other.note,
                renderings_untold=other.untold,
            )
        )
    return found


def attest(
    session: Session, text: str, f: Filter, engine: FullTextEngine | None = None
) -> Attestation:
    """The verdict from the best candidate (the first page's, whatever its order)."""
    found = hits(session, text, f, engine)
    first = max(found, key=_rank, default=None)
    decided = first.verdict if first is not None else NONE
    elsewhere = None
    if f.speaker and decided not in SAID:
        others = hits(session, text, replace(f, speaker=None, offset=0, sort=None, limit=5), engine)
        elsewhere = next((h for h in others if h.verdict in SAID), None)
    return Attestation(text, f.speaker, decided, found, first, elsewhere)


def _rank(h: WhoHit) -> tuple[bool, float]:
    return (h.verdict == VERBATIM, h.similarity)
