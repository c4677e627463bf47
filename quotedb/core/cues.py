"""Speech cues: the verbs and phrases that introduce what someone said or thought.

Strong cues (said, told, added) report an utterance; weak ones (described, called,
considered) frame words someone chose. When both precede a quotation the strong one
wins: in "he told reporters that X had agreed “…”" the words are his, not X's.
Cues are lowercase only, so "Secretary of State" never reads as the verb "state".
"""

from __future__ import annotations

from collections.abc import Sequence

from quotedb.core.lexicon import (
    BARE_CUES,
    IRREGULAR_VERBS,
    MULTIWORD_CUES,
    STRONG_STEMS,
    WEAK_STEMS,
)
from quotedb.core.text import Token


def _forms(stem: str) -> set[str]:
    """Inflections of a regular English verb; the bare form only where it is unambiguous."""
    return _inflect(stem) - ({stem} if stem not in BARE_CUES else set())


def _inflect(stem: str) -> set[str]:
    if stem in IRREGULAR_VERBS:
        return {stem, *IRREGULAR_VERBS[stem].split()}
    third = stem + ("es" if stem.endswith(("s", "sh", "ch", "x")) else "s")
    if stem.endswith("y") and stem[-2] not in "aeiou":
        return {stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"}
    if stem.endswith("e"):
        return {stem, third, stem + "d", stem[:-1] + "ing"}
    return {stem, third, stem + "ed", stem + "ing"}


STRONG = frozenset(f for s in STRONG_STEMS for f in _forms(s)) | {
    "according to",
    "put it",
    "went on",
    "pointed out",
    "continued",
    "shot back",
}
WEAK = frozenset(f for s in WEAK_STEMS for f in _forms(s)) - STRONG
CUE_WORDS = (STRONG | WEAK) - MULTIWORD_CUES
_PAIRS = frozenset(tuple(p.split()) for p in MULTIWORD_CUES)
_FIRSTS = frozenset(p[0] for p in _PAIRS)
STARTS = CUE_WORDS | _FIRSTS | {"Said", "According"}  # the only tokens a cue can start at


def cue_end(toks: Sequence[Token], k: int) -> int:
    """Index after the cue starting at token ``k``, or 0 when none starts there.

    A set lookup per token (the lexicon is lowercase, so "Secretary of State" is no "state");
    callers skip tokens not in :data:`STARTS`.
    """
    w = toks[k].text
    if w in CUE_WORDS:
        return k + 1
    if w == "Said":
        return k + 1  # "Said Ellis: “…”"
    if w == "According":
        w = "according"
    if w in _FIRSTS and k + 1 < len(toks) and (w, toks[k + 1].text) in _PAIRS:
        return k + 2
    return 0


def is_strong(cue: str) -> bool:
    """Whether the cue reports an utterance rather than a characterisation."""
    return cue.lower() in STRONG
