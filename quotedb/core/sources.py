"""What kind of source a speaker is, as listings name it: a document ("the email", "The
lawsuit") is kept apart from an anonymous person ("a senior official"), though the
extractor files both as unnamed."""

from __future__ import annotations

import re

from quotedb.core.lexicon import DOCUMENT_SOURCES
from quotedb.core.types import SpeakerKind

DOCUMENT = "document"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_document(name: str) -> bool:
    """An unnamed speaker named by a document noun: its last word ("the court filing")."""
    words = _WORD.findall(name.casefold())
    return bool(words) and words[-1] in DOCUMENT_SOURCES


def source_kind(kind: str | None, name: str | None) -> str | None:
    """The stored kind, or ``document`` for an unnamed source that is a text."""
    if kind == SpeakerKind.UNNAMED.value and name and is_document(name):
        return DOCUMENT
    return kind
