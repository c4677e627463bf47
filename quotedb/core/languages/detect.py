"""The language of a text, by py3langid's model (shipped inside the package: nothing is
downloaded). Read lazily: loading the model takes a second, and only ingest needs it."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Characters read: an article's opening says its language (on the development pages, 1,200
# read as 3,000 do) at a third of the cost, about 3 ms an article.
_SAMPLE = 1200
_MIN_LETTERS = 40  # below this a guess is noise ("Hello" reads as Breton)
_MIN_PROBABILITY = 0.8


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The text's ISO 639-1 code, or None when the text is too short or too mixed to say
    (callers then read it as English, the default)."""
    sample = text[:_SAMPLE]
    if sum(c.isalpha() for c in sample) < _MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= _MIN_PROBABILITY else None
