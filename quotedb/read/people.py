"""One quotation with its evidence and variants; one person with names, roles and counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotedb.core import types as core
from quotedb.core.explanation import explain
from quotedb.core.names import first_named
from quotedb.core.text import paragraph_bounds
from quotedb.db.models import Article, Quotation, Speaker
from quotedb.errors import QueryError
from quotedb.read.records import ArticleRecord
from quotedb.read.speakers import matching_speaker_ids


@dataclass(slots=True)
class QuotationView:
    quotation: Quotation
    paragraph_start: int
    paragraph: str
    variants: list[Quotation] = field(default_factory=list)

    def utterance(self) -> dict[str, Any] | None:
        """The cluster: representative wording, speaker, first date, outlets and articles."""
        c = self.quotation.cluster
        if c is None:
            return None
        members = [self.quotation, *self.variants]
        speaker = next((q.speaker for q in members if q.speaker_id == c.speaker_id), None)
        dates = sorted(q.article.published for q in members if q.article.published)
        return {
            "id": c.id,
            "representative": c.representative,
            "speaker": speaker.name if speaker else None,
            "first_reported": dates[0].isoformat() if dates else None,
            "outlets": sorted({q.article.outlet for q in members if q.article.outlet}),
            "articles": len({q.article_id for q in members}),
        }


def quotation_view(session: Session, quotation_id: int) -> QuotationView:
    q = session.get(Quotation, quotation_id)
    if q is None:
        raise QueryError(f"no quotation with id {quotation_id}")
    text = q.article.text
    lo, hi = paragraph_bounds(
        text, min(q.start, q.speaker_start or q.start), max(q.end, q.cue_end or q.end)
    )
    view = QuotationView(q, lo, text[lo:hi])
    if q.cluster_id is not None:
        stmt = (
            select(Quotation)
            .join(Quotation.article)
            .where(Quotation.cluster_id == q.cluster_id, Quotation.id != q.id)
            .order_by(Article.published, Quotation.id)
        )
        view.variants = list(session.scalars(stmt))
    return view


def _article_ref(a: Article) -> dict[str, Any]:
    return ArticleRecord.of(a).reference()


def resolution(q: Quotation) -> str:
    """How the speaker was found, in words: '"he" -> Sergey Lavrov, first named as "…"'."""
    if q.speaker is None:
        return "no speaker found"
    said = f'"{q.speaker_mention}" -> {q.speaker.name}' if q.speaker_mention else q.speaker.name
    first = q.antecedent or first_named(q.article.text, [a.alias for a in q.speaker.aliases])
    if first and first != q.speaker_mention:
        said += f', first named as "{" ".join(first.split())}"'
    return said + (" (corrected by hand)" if q.corrected else "")


def extracted(q: Quotation) -> core.Quotation:
    """The stored quotation as the extractor made it: what its confidence was computed from
    (the rule's raw score aside, which is not stored)."""
    mention = (
        core.Mention(q.speaker_start, q.speaker_end, q.speaker_mention or "")
        if q.speaker_start is not None and q.speaker_end is not None
        else None
    )
    cue = (
        core.Cue(q.cue_start, q.cue_end, q.cue)
        if q.cue is not None and q.cue_start is not None and q.cue_end is not None
        else None
    )
    return core.Quotation(
        q.start,
        q.end,
        q.text,
        core.QuoteKind(q.kind),
        speaker=q.speaker.name if q.speaker else None,
        speaker_kind=core.SpeakerKind(q.speaker.kind) if q.speaker else core.SpeakerKind.UNKNOWN,
        mention=mention,
        cue=cue,
        confidence=round(q.confidence, 3),
        evidence=q.evidence or "",
    )


def confidence_explanation(q: Quotation) -> str:
    """The confidence in words; a speaker set by hand is no longer the extractor's claim."""
    if q.corrected:
        return f"{q.confidence:.2f}: corrected by hand, so the extractor's figure no longer applies"
    return explain(extracted(q))


def view_record(v: QuotationView) -> dict[str, Any]:
    q = v.quotation
    return {
        "id": q.id,
        "text": q.text,
        "kind": q.kind,
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_kind": q.speaker.kind if q.speaker else None,
        "speaker_mention": q.speaker_mention,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "antecedent": q.antecedent,
        "cue": q.cue,
        "cue_start": q.cue_start,
        "cue_end": q.cue_end,
        "confidence": round(q.confidence, 3),
        "confidence_explanation": confidence_explanation(q),
        "evidence": q.evidence,
        "resolution": resolution(q),
        "corrected": q.corrected,
        "cluster": q.cluster_id,
        "utterance": v.utterance(),
        "paragraph": v.paragraph,
        "paragraph_start": v.paragraph_start,
        "article": _article_ref(q.article),
        "variants": [
            {"id": o.id, "text": o.text, "speaker": o.speaker.name if o.speaker else None}
            | {"article": _article_ref(o.article)}
            for o in v.variants
        ],
    }


@dataclass(slots=True)
class Profile:
    speaker: Speaker
    roles: list[tuple[str, Article | None]]
    outlets: Counter[str]
    first: dt.date | None
    last: dt.date | None
    quotations: int


def person_profiles(session: Session, name: str) -> list[Profile]:
    """Every speaker a name may denote, with what the database knows of them."""
    ids = matching_speaker_ids(session, name)
    if not ids:
        raise QueryError(f"no speaker named {name!r}")
    return [profile(session, session.get_one(Speaker, i)) for i in ids]


def profile(session: Session, speaker: Speaker) -> Profile:
    stmt = select(Article.outlet, Article.source_path, Article.published).join(
        Quotation, Quotation.article_id == Article.id
    )
    rows = list(session.execute(stmt.where(Quotation.speaker_id == speaker.id)))
    dates = sorted(d for _, _, d in rows if d is not None)
    outlets = Counter(outlet or "(no outlet)" for outlet, _, _ in rows)
    roles = [
        (r.role, session.get(Article, r.article_id) if r.article_id else None)
        for r in speaker.roles
    ]
    return Profile(
        speaker,
        roles,
        outlets,
        dates[0] if dates else None,
        dates[-1] if dates else None,
        len(rows),
    )


def profile_record(p: Profile) -> dict[str, Any]:
    return {
        "id": p.speaker.id,
        "name": p.speaker.name,
        "kind": p.speaker.kind,
        "aliases": sorted(a.alias for a in p.speaker.aliases),
        "roles": [{"role": r, "article": _article_ref(a) if a else None} for r, a in p.roles],
        "quotations": p.quotations,
        "outlets": dict(p.outlets.most_common()),
        "first_quoted": p.first.isoformat() if p.first else None,
        "last_quoted": p.last.isoformat() if p.last else None,
    }
