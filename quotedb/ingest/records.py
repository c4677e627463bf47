"""Articles as JSON objects (one per JSON Lines line), and quotations carried with them.

A record is ``{"text": ..., "title", "outlet", "authors" | "author", "published" | "date",
"url", "dateline", "id" | "file"}``; authors may be a list or one string ("A, B and C"),
dates any common form (ISO, RFC 2822, "Nov 19, 2019"). ``quotedb extract --with-article``
adds ``quotations`` and ``extractor_version``; ingest stores those as they are when the
version is the running extractor's, and extracts again otherwise.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from quotedb.core import EXTRACTOR_VERSION, Cue, Mention, Quotation, QuoteKind, SpeakerKind
from quotedb.errors import InputError
from quotedb.ingest.documents import Document, Metadata, metadata_from_mapping
from quotedb.ingest.encoding import normalize_newlines


def parse_json_line(line: bytes | str, label: str) -> dict[str, Any]:
    try:
        raw = json.loads(line)
    except ValueError as exc:
        raise InputError(f"{label}: not a JSON object ({exc})") from None
    if not isinstance(raw, dict):
        raise InputError(f"{label}: not a JSON object (got {type(raw).__name__})")
    return raw


def record_name(record: dict[str, Any], label: str) -> str:
    """What outputs call the article: its ``file`` or ``id``, else where it was read."""
    name = record.get("file") or record.get("id")
    return str(name) if name not in (None, "") else label


def document_from_record(
    record: dict[str, Any], label: str, overrides: Metadata | None = None
) -> Document:
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f'{label}: no "text" string in the record')
    text = normalize_newlines(text.removeprefix("\ufeff"))
    if not text.strip():
        raise InputError(f"{label}: empty article text")
    meta = (overrides or Metadata()).merged(metadata_from_mapping(record, label))
    return Document(text=text, source=record_name(record, label), meta=meta)


def carried_quotations(record: dict[str, Any], text: str, label: str) -> list[Quotation] | None:
    """The record's own quotations, when made by this extractor version and true to the text."""
    raw = record.get("quotations")
    if raw is None or record.get("extractor_version") != EXTRACTOR_VERSION:
        return None
    if not isinstance(raw, list):
        raise InputError(f'{label}: "quotations" is not a list')
    try:
        quotations = [quotation_from_json(q) for q in raw]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{label}: unreadable quotation ({exc!r})") from None
    for q in quotations:
        if not 0 <= q.start <= q.end <= len(text) or text[q.start : q.end] != q.text:
            raise InputError(f"{label}: quotation at {q.start}-{q.end} does not match the text")
    return quotations


def article_record(doc: Document, quotations: list[Quotation]) -> dict[str, Any]:
    """The record ``extract --with-article`` writes and ingest reads back."""
    m = doc.meta
    return {
        "file": doc.source,
        "text": doc.text,
        "title": m.title,
        "outlet": m.outlet,
        "authors": m.authors,
        "published": m.published,
        "url": m.url,
        "dateline": m.dateline,
        "language": m.language,
        **({"warnings": m.warnings} if m.warnings else {}),
        "extractor_version": EXTRACTOR_VERSION,
        "quotations": [quotation_to_json(q) for q in quotations],
    }


def quotation_to_json(q: Quotation) -> dict[str, Any]:
    data = asdict(q)
    data["aliases"] = list(q.aliases)
    return data


def quotation_from_json(data: dict[str, Any]) -> Quotation:
    cue = data.get("cue")
    return Quotation(
        start=int(data["start"]),
        end=int(data["end"]),
        text=str(data["text"]),
        kind=QuoteKind(data.get("kind", QuoteKind.DIRECT.value)),
        speaker=data.get("speaker"),
        speaker_kind=SpeakerKind(data.get("speaker_kind", SpeakerKind.UNKNOWN.value)),
        mention=_mention(data.get("mention")),
        cue=Cue(int(cue["start"]), int(cue["end"]), str(cue["text"])) if cue else None,
        confidence=float(data.get("confidence", 0.0)),
        evidence=str(data.get("evidence", "")),
        aliases=tuple(str(a) for a in data.get("aliases", ())),
    )


def _mention(data: dict[str, Any] | None) -> Mention | None:
    if not data:
        return None
    return Mention(
        start=int(data["start"]),
        end=int(data["end"]),
        text=str(data["text"]),
        kind=SpeakerKind(data.get("kind", SpeakerKind.PERSON.value)),
        antecedent=_mention(data.get("antecedent")),
    )
