"""Value types shared by every extraction stage.

All offsets are code-point offsets into the text given to the extractor (Python ``str``
indices), half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class QuoteKind(StrEnum):
    DIRECT = "direct"  # a whole sentence or more in quotation marks
    PARTIAL = "partial"  # quoted words embedded in reported speech
    TERM = "term"  # scare quotes, titles, nicknames: not speech, no speaker


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    UNNAMED = "unnamed"  # "a senior State Department official"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names or refers to a possible speaker."""

    start: int
    end: int
    text: str
    kind: SpeakerKind = SpeakerKind.PERSON
    # For pronouns and nominals: the named mention this one was resolved to.
    antecedent: Mention | None = None

    @property
    def named(self) -> Mention:
        """The mention that carries the name (itself, or its antecedent)."""
        return self.antecedent.named if self.antecedent is not None else self


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that mark speech: "said", "told reporters", "according to", a colon."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: the quoted words (without marks) and who said them."""

    start: int
    end: int
    text: str
    kind: QuoteKind = QuoteKind.DIRECT
    speaker: str | None = None  # canonical name (document-level, or corpus-level after resolution)
    speaker_kind: SpeakerKind = SpeakerKind.UNKNOWN
    mention: Mention | None = None  # the mention the attribution rests on
    cue: Cue | None = None
    confidence: float = 0.0
    evidence: str = ""  # which rule attributed it, for `quotedb show`
    aliases: tuple[str, ...] = field(default=())  # other names of the speaker in this text

    def with_speaker(self, speaker: str | None) -> Quotation:
        return replace(self, speaker=speaker)
