"""Speech cues: the verbs and phrases that introduce what someone said or thought.

Strong cues (said, told, added) report an utterance; weak ones (described, called,
considered) frame words someone chose. When both precede a quotation the strong one
wins: in "he told reporters that X had agreed “…”" the words are his, not X's.
Cues are lowercase only, so "Secretary of State" never reads as the verb "state".
"""

from __future__ import annotations

from collections.abc import Sequence

from quotedb.core.mentions import words

_IRREGULAR = {
    "say": "says said saying",
    "tell": "tells told telling",
    "write": "writes wrote writing written",
    "think": "thinks thought thinking",
    "put": "puts putting",
    "read": "reads reading",
    "go": "goes went",
    "speak": "speaks spoke speaking",
    "quip": "quips quipped quipping",
    "slam": "slams slammed slamming",
    "dub": "dubs dubbed dubbing",
    "refer": "refers referred referring",
    "rebut": "rebuts rebutted rebutting",
    "concur": "concurs concurred concurring",
    "regret": "regrets regretted regretting",
    "label": "labels labeled labelled labeling",
    "admit": "admits admitted admitting",
    "signal": "signals signaled signalled signaling",
}
_STRONG_STEMS = (
    "say tell add state write explain note argue claim insist declare reply respond tweet ask "
    "remark recall acknowledge admit warn announce continue conclude quip joke exclaim shout "
    "yell testify post stress emphasize reiterate repeat counter contend maintain observe "
    "concede complain boast vow promise pledge predict suggest assert caution muse wonder "
    "urge retort scoff lament confirm report answer reply surmise remember reason "
    "speak echo elaborate riff muse react plead whisper sigh recount quote assure allege chant "
    "scream cry proclaim reveal "
    "disclose brag grumble inform remind advise concur cheer boo rebut"
)
_WEAK_STEMS = (
    "describe call consider classify label dub brand praise criticize slam blast mock denounce "
    "demand agree believe think hope accuse charge characterize refer dismiss deny signal "
    "read recommend propose threaten question estimate express mention predict cite condemn hail "
    "decry deride tout laud applaud ridicule lambaste invoke welcome reject portray"
)


# Bare forms that are rarely anything but a verb of saying ("officials say").
_BARE = words(
    "say tell add write argue insist warn explain agree believe think predict suggest ask "
    "contend maintain acknowledge admit complain"
)


def _forms(stem: str) -> set[str]:
    """Inflections of a regular English verb; the bare form only where it is unambiguous."""
    return _inflect(stem) - ({stem} if stem not in _BARE else set())


def _inflect(stem: str) -> set[str]:
    if stem in _IRREGULAR:
        return {stem, *_IRREGULAR[stem].split()}
    third = stem + ("es" if stem.endswith(("s", "sh", "ch", "x")) else "s")
    if stem.endswith("y") and stem[-2] not in "aeiou":
        return {stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"}
    if stem.endswith("e"):
        return {stem, third, stem + "d", stem[:-1] + "ing"}
    return {stem, third, stem + "ed", stem + "ing"}


STRONG = frozenset(f for s in _STRONG_STEMS.split() for f in _forms(s)) | {
    "according to",
    "put it",
    "went on",
    "pointed out",
    "continued",
    "shot back",
}
STRONG_STEMS = frozenset(_STRONG_STEMS.split())
WEAK = frozenset(f for s in _WEAK_STEMS.split() for f in _forms(s)) - STRONG
_MULTIWORD = frozenset({"according to", "put it", "went on", "pointed out", "shot back"})
CUE_WORDS = (STRONG | WEAK) - _MULTIWORD
_PAIRS = frozenset(tuple(p.split()) for p in _MULTIWORD)
_FIRSTS = frozenset(p[0] for p in _PAIRS)
STARTS = CUE_WORDS | _FIRSTS | {"Said", "According"}  # the only tokens a cue can start at


def cue_end(toks: Sequence[tuple[int, int, str]], k: int) -> int:
    """Index after the cue starting at token ``k``, or 0 when none starts there.

    A set lookup per token (the lexicon is lowercase, so "Secretary of State" is no "state");
    callers skip tokens not in :data:`STARTS`.
    """
    w = toks[k][2]
    if w in CUE_WORDS:
        return k + 1
    if w == "Said":
        return k + 1  # "Said Ellis: “…”"
    if w == "According":
        w = "according"
    if w in _FIRSTS and k + 1 < len(toks) and (w, toks[k + 1][2]) in _PAIRS:
        return k + 2
    return 0


def is_strong(cue: str) -> bool:
    """Whether the cue reports an utterance rather than a characterisation."""
    return cue.lower() in STRONG
