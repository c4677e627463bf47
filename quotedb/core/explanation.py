"""An attribution's confidence in one line a reader understands.

The confidence is a probability (:mod:`quotedb.core.confidence`); a number alone does not
say why it is high or low. The line names what the model weighed, in plain words (who the
speaker is and how the text names them, the verb and where it stands), and reads the
probability as a rate: "of attributions like this, about 96 in 100 are right".
"""

from __future__ import annotations

from collections.abc import Mapping

from quotedb.core.confidence import features
from quotedb.core.types import Quotation

# Where the attribution stands, as the evidence's position features name it.
_PLACES = (
    ("at:colon", "introducing it with a colon"),
    ("at:previous sentence", "in the sentence before"),
    ("at:previous paragraph", "in the paragraph before"),
    ("at:later cue", "later in the sentence"),
    ("at:before-quote", "before the quotation"),
    ("at:after-quote", "after the quotation"),
)
# No speech verb at all: what the speaker was taken from instead.
_NO_CUE = (
    ("at:embedded post", "as the author of an embedded post"),
    ("at:headline", "with no speech verb, only the headline's subject"),
    ("at:sentence subject", "with no speech verb, only the sentence's subject"),
)
_FAR = 1.5  # hundreds of characters between the quotation and its speaker's mention


def explain(q: Quotation) -> str:
    """Why the quotation's confidence is what it is, in one line."""
    f = features(q)
    p = q.confidence
    if not f:
        return f"{p:.2f}: no speaker was found, so none is claimed"
    if not q.speaker:
        said = f'"{q.mention.text}"' if q.mention else "the mention"
        return f"{p:.2f}: {said} could not be tied to a name, so no speaker is given"
    caveats = ", ".join(_caveats(f))
    said = f"{_who(q, f)} {_how(q, f)}" + (f" ({caveats})" if caveats else "")
    shown = f"{p:.2f}"
    rate = round(float(shown) * 100)
    return f"{shown}: {said}; of attributions like this, about {rate} in 100 are right"


def _who(q: Quotation, f: Mapping[str, float]) -> str:
    """The speaker, and how the text names them."""
    mention = q.mention.text if q.mention else ""
    if f.get("via:pronoun"):
        return f'the pronoun "{mention.lower()}", taken to mean {q.speaker},'
    if f.get("via:nominal"):
        return f'the description "{mention}", taken to mean {q.speaker},'
    if f.get("speaker:unnamed"):
        return "an unnamed source"
    what = "organisation" if f.get("speaker:organization") else "speaker"
    if f.get("label:one-word"):
        return f"{'an' if what[0] == 'o' else 'a'} {what} known by one word only"
    return f"a named {what}"


def _how(q: Quotation, f: Mapping[str, float]) -> str:
    """The cue and where it stands."""
    for key, words in _NO_CUE:
        if f.get(key):
            return words
    if "dash signature" in q.evidence:
        return "signed with a dash after the quotation"
    if q.cue is None:
        return "with no speech verb"
    strength = "a speech verb" if f.get("cue:strong") else "a less direct verb"
    place = next((words for key, words in _PLACES if f.get(key)), "")
    return f'with {strength} ("{q.cue.text}") {place}'.rstrip()


def _caveats(f: Mapping[str, float]) -> list[str]:
    """What lowers it: a quotation carried over, a partial one, a speaker far away."""
    out: list[str] = []
    if f.get("at:continuation"):
        out.append("carried over from the quotation before")
    if f.get("quote:partial"):
        out.append("a partial quotation")
    if f.get("gap", 0.0) >= _FAR:
        out.append("the speaker's mention far from the quoted words")
    return out
