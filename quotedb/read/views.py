"""Whole records for pages that show one thing: an article with its quotations, a speaker
found by id with their quotations over time and the speakers they may duplicate."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotedb.core.names import org_key, parse_name
from quotedb.db.models import Alias, Article, Quotation, Speaker
from quotedb.errors import QueryError
from quotedb.read.people import profile, profile_record
from quotedb.read.records import ArticleRecord, records_by_id
from quotedb.read.speakers import PERSON, alias_key, fitting


def article_view(session: Session, article_id: int) -> dict[str, Any]:
    """An article's metadata, its text and every quotation in it (by position)."""
    a = session.get(Article, article_id)
    if a is None:
        raise QueryError(f"no article with id {article_id}")
    ids = list(
        session.scalars(
            select(Quotation.id).where(Quotation.article_id == a.id).order_by(Quotation.start)
        )
    )
    found = records_by_id(session.connection(), ids)  # one query, not one per speaker
    return ArticleRecord.of(a).to_dict() | {
        "dateline": a.dateline,
        "text": a.text,
        "quotations": [found[i].to_dict() for i in ids],
    }


def speaker_view(session: Session, speaker_id: int) -> dict[str, Any]:
    """A speaker's profile (as ``person`` gives it) with what a page about them adds: how
    often each alias names them, quotations per month, and likely duplicates."""
    s = session.get(Speaker, speaker_id)
    if s is None:
        raise QueryError(f"no speaker with id {speaker_id}")
    return profile_record(profile(session, s)) | {
        "alias_counts": alias_counts(session, s),
        "timeline": timeline(session, speaker_id),
        "duplicates": likely_duplicates(session, s),
    }


def alias_counts(session: Session, s: Speaker) -> dict[str, int]:
    """Each alias with the number of quotations whose mention spells it (case, accents and
    honorifics aside: "Mr. Blinken" counts for "Blinken"); pronouns count for none."""
    rows = session.execute(
        select(Quotation.speaker_mention, func.count())
        .where(Quotation.speaker_id == s.id, Quotation.speaker_mention.is_not(None))
        .group_by(Quotation.speaker_mention)
    )
    used: Counter[str] = Counter()
    for mention, n in rows:
        used[alias_key(str(mention))] += n
    return {a.alias: used[alias_key(a.alias)] for a in sorted(s.aliases, key=_alias)}


def _alias(a: Any) -> str:
    return str(a.alias)


def timeline(session: Session, speaker_id: int) -> list[dict[str, Any]]:
    """Quotations per month of publication, oldest first (undated articles left out)."""
    rows = session.execute(
        select(Article.published)
        .join(Quotation, Quotation.article_id == Article.id)
        .where(Quotation.speaker_id == speaker_id, Article.published.is_not(None))
    )
    months = Counter(d.strftime("%Y-%m") for (d,) in rows if d is not None)
    return [{"month": m, "quotations": n} for m, n in sorted(months.items())]


def likely_duplicates(session: Session, s: Speaker) -> list[dict[str, Any]]:
    """Other speakers of the same kind whom one of this speaker's names may also denote:
    one sharing an alias (case, accents, honorifics aside), or a person whose name fits
    this one's ("S. Lavrov" and "Sergei Lavrov"). Two queries, whatever the aliases."""
    keys = {k for a in (s.name, *(a.alias for a in s.aliases)) for k in (alias_key(a), org_key(a))}
    sharing = select(Alias.speaker_id).where(Alias.key.in_(keys - {""}))
    found = {
        o.id: o
        for o in session.scalars(
            select(Speaker).where(Speaker.id.in_(sharing), Speaker.kind == s.kind)
        )
    }
    parsed = parse_name(s.name) if s.kind == PERSON else None
    if parsed is not None:
        found |= {o.id: o for o in fitting(session, parsed)}
    found.pop(s.id, None)
    return [{"id": o.id, "name": o.name, "kind": o.kind} for _, o in sorted(found.items())]
