"""Link each quotation to a cue and the mention the cue attaches to.

Per sentence (cut on the masked text, so a quotation sits inside the sentence framing it):
a quotation that opens its sentence takes the cue right after it ("…,” she said /
said Mr. Blinken); one inside the sentence takes the nearest preceding cue, a strong
(speech) cue before a weak one. With no cue: a dash signature after it ("“…” ― Name"), or
for a quotation of some length the clause's subject. The pipeline adds what lies outside
the sentence (a colon-ended sentence before, the headline, the previous quotation).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotedb.core.cues import CUE_WORDS, STARTS, STRONG, cue_end, is_strong
from quotedb.core.lexicon import (
    BREAKERS,
    CALENDAR,
    CLAUSE_OPENERS,
    DETERMINERS,
    HEADLINE_STOP,
    INDEFINITE,
    NAMING_VERBS,
    NOT_BARE_STRONG,
    NOT_SPEECH,
    NOT_SUBJECT,
    OBJECT_PREPOSITIONS,
    ORG_HEADS,
    PERSON_NOUNS,
    PRONOUNS,
    REPORTING_CUES,
    ROLE_HEADS,
    SKIP_BEFORE_CUE,
    SPEECH_NOUNS,
    STARTERS,
    STOP,
    STRONG_STEMS,
    SUBJECT_DETERMINERS,
    SURVEYS,
    TELL_FORMS,
)
from quotedb.core.marks import QuoteSpan
from quotedb.core.mentions import Phrase, phrase_after, phrase_before
from quotedb.core.text import Token, tokens

_CLOSE_MARKS = frozenset("”\"’'»›“")  # “ too: a typo, or German „…“


def _closer(tok: str) -> bool:
    """A token made of closing marks only: a curly mark, two apostrophes, or three."""
    return bool(tok) and all(c in _CLOSE_MARKS for c in tok)


@dataclass(frozen=True, slots=True)
class Link:
    """Why a quotation belongs to a phrase: the cue (if any), the phrase and the rule."""

    phrase: Phrase
    cue: Token | None
    rule: str
    confidence: float
    # Whether the attribution carries on into the next paragraph: a quotation-led one does
    # (“…,” she said. ¶ “…”); a cue in mid-sentence before a partial quotation does not.
    carries: bool = False
    # For a pronoun phrase: the subject of the speech verb whose clause holds it ("Roe said
    # she recalled …"), the mention to rest on when both stand for the same person.
    outer: Phrase | None = None


@dataclass(frozen=True, slots=True)
class _CueHit:
    start: int
    end: int
    text: str
    strong: bool
    phrase: Phrase | None
    inverted: bool


def _cues(text: str, masked: str, toks: list[Token], starts: list[int]) -> list[_CueHit]:
    """Every cue of a sentence with the phrase it attaches to (None when none is found)."""
    out: list[_CueHit] = []
    for k, t in enumerate(toks):
        if t[2] not in _CUE_TOKENS:
            continue  # one lookup for the many tokens that are neither
        if t[2] not in STARTS:
            if (
                k
                and _named_possessive(toks[k - 1][2])
                and k + 1 < len(toks)
                and (toks[k + 1][2] in {"that", ":", "of"} or toks[k + 1][2][:1] == "\x1a")
            ):
                # "Trump’s claim that …": the owner's words follow.
                out.append(_CueHit(t[0], t[1], t[2], False, _owner(toks, k - 1), False))
            continue
        kend = cue_end(toks, k)
        if not kend:
            continue
        start, end = toks[k][0], toks[kend - 1][1]
        word = masked[start:end].lower()
        if word == "according to" or (word == "said" and toks[k][2] == "Said"):
            phrase, inverted = phrase_after(toks, kend), True
        elif (k and toks[k - 1][2].lower() in DETERMINERS) or _plural_noun(toks, k, word):
            continue  # "the cries of", "a posting", "of Republican claims": a noun
        else:
            phrase, inverted = _speaker_of(toks, starts, k, kend, word, out)
        out.append(_CueHit(start, end, masked[start:end], is_strong(word), phrase, inverted))
    extra = _verbs_after_quotes(text, toks, {c.start for c in out if c.phrase is not None})
    taken = {c.start for c in extra}
    out = [c for c in out if c.start not in taken] + extra
    out.sort(key=lambda c: c.start)
    return out


_CUE_TOKENS = STARTS | SPEECH_NOUNS  # a cue's first word, or a noun of speech


def _named_possessive(w: str) -> bool:
    """ "Trump’s" (before "claim"): a capitalised name with a possessive ending."""
    return w[:1].isupper() and w.endswith(("’s", "'s")) and len(w) > 3


def _owner(toks: list[Token], k: int) -> Phrase:
    """The name ending in the possessive at token ``k`` ("Donald Trump’s")."""
    i = k
    while i > 0 and k - i < 3 and toks[i - 1][2][:1].isupper() and toks[i - 1][2].isalpha():
        i -= 1
    return Phrase(toks[i][0], toks[k][1], tuple(toks[i : k + 1]))


def _named_thing(p: Phrase) -> bool:
    """A common noun with an article ("a loophole", "the new tax") rather than a speaker."""
    head = p.words[-1]
    return (
        p.words[0].lower() in {"a", "an", "the"}
        and head.islower()
        and head not in PERSON_NOUNS
        and head not in ORG_HEADS
    )


def _plural_noun(toks: list[Token], k: int, word: str) -> bool:
    """ "of Republican claims": a cue after a capitalised adjective after a function word."""
    return (
        k > 1
        and word.endswith("s")
        and toks[k - 1][2][:1].isupper()
        and toks[k - 1][2].endswith(("an", "ic", "ish", "ese"))
        and toks[k - 2][2].lower() in STOP
    )


_MODIFIER_LINKS = frozenset({"of", "to", "for", "at", "in", "from"})
_SHARES = frozenset({"percent", "majority", "plurality"})  # "75 percent of voters": surveys


def _org(words: list[str]) -> bool:
    return words[-1].lower().removesuffix("’s").removesuffix("'s") in ORG_HEADS


def _modified_head(toks: list[Token], starts: list[int], p: Phrase | None) -> Phrase | None:
    """ "China's ambassador to Britain warned", "the authors of a study published in Nature
    argued": a name inside the modifier of a person noun does not speak, the noun does."""
    if p is None or not p.words[-1][:1].isupper():
        return p
    person = p.words[0].lower() not in DETERMINERS and len(p.words) > 1 and not _org(p.words)
    i = bisect.bisect_left(starts, p.start) - 1
    for _ in range(3):
        if i < 1 or toks[i][2] not in _MODIFIER_LINKS:
            return p
        w = toks[i - 1][2]
        if i >= 2 and w.islower() and w.endswith(("ed", "ing")) and len(w) > 4:
            i -= 1  # "… published in", "… working at"
            if toks[i - 1][2].lower() in STOP:
                return p  # "the senator was rallying for Roe": a verb, not a modifier
        head = phrase_before(toks, i)
        if head is None or head.words[0].lower() in PRONOUNS:
            return p
        noun = head.words[-1]
        if head.words[0][:1].isupper() and head.words[0].lower() not in DETERMINERS:
            return p  # "China's ambassador to …": a possessive's nominal is left as it was
        if person and noun in ROLE_HEADS:
            return p  # "the ambassador to Britain Liu Xiaming said": the titled name speaks
        if noun.islower() and noun not in _SHARES and (noun in PERSON_NOUNS or noun in ROLE_HEADS):
            h = bisect.bisect_left(starts, head.start) - 1
            named = phrase_before(toks, h) if h >= 1 and toks[h][2] == "," else None
            # "Ann Fox, the director of Acme, said": the described role is Ann Fox's.
            return named if named is not None and named.words[-1][:1].isupper() else head
        if noun[:1].isupper():
            return p
        i = bisect.bisect_left(starts, head.start) - 1
    return p


def _speaker_of(
    toks: list[Token], starts: list[int], k: int, kend: int, word: str, earlier: list[_CueHit]
) -> tuple[Phrase | None, bool]:
    """The phrase a verb cue at token ``k`` attaches to, and whether it follows the cue
    (``starts``: the tokens' start offsets, to find a token by its offset)."""
    prev = toks[k - 1][2] if k else ""
    prev2 = toks[k - 2][2] if k > 1 else ""
    phrase = _modified_head(toks, starts, phrase_before(toks, k))
    if phrase is not None and word.endswith("ing"):
        before = bisect.bisect_left(starts, phrase.start) - 1
        if (
            before >= 0
            and toks[before][2].islower()
            and (toks[before][2] not in STOP or toks[before][2] in OBJECT_PREPOSITIONS)
        ):
            # "issued a statement saying …": the object does not speak, the subject does.
            phrase = _subject(toks, k) or phrase
    if phrase is not None and word in NAMING_VERBS and _named_thing(phrase):
        # "an inflation formula called the “chained CPI”": the thing named does not speak.
        phrase = _subject(toks, bisect.bisect_left(starts, phrase.start))
    after_quote = (
        _closer(prev)
        or (prev == "," and _closer(prev2))
        or (prev in {",", "—", "–", "-"} and prev2[:1] == "\x1a")
    )
    if word.endswith("ing") and prev == "," and not after_quote and phrase is not None:
        # "Christie, a Trump ally, defended the speech, saying …": a participle after a comma
        # belongs to the main clause, whose subject speaks.
        phrase = (earlier[-1].phrase if earlier else None) or _subject(toks, k) or phrase
    if phrase is None and (
        (word.endswith("ing") and (prev == "," or after_quote)) or prev in {"and", "but"}
    ):
        # "Trump told a rally, saying …" / "… and said": the clause's subject speaks.
        if prev in {"and", "but"} and k > 2 and _past(toks[k - 2][2]):
            own = phrase_before(toks, k - 2)  # "he laughed and said": the verb's own subject
            if own is not None and (own.words[0][:1].isupper() or own.words[0] in PRONOUNS):
                return own, False
        last = earlier[-1].phrase if earlier else None
        return last or _subject(toks, k, the=word.endswith("ing")), False
    if not (after_quote or (phrase is None and prev in {",", "—"} and word not in TELL_FORMS)):
        return phrase, False
    phrase = phrase_after(toks, kend)  # inverted: “…,” said Mr. Blinken
    if phrase is None:
        return None, True
    if not after_quote:
        # ", said the campaign would …" reads the object clause, not a speaker.
        nxt = bisect.bisect_left(starts, phrase.tokens[-1][0]) + 1
        if nxt < len(toks) and toks[nxt][2][:1].isalnum():
            return None, True
    if len(phrase.words) == 1 and phrase.words[0].lower() in {"that", "the", "it"}:
        return None, True
    return phrase, True


_SUBJECT_START = PRONOUNS | DETERMINERS


def _verbs_after_quotes(text: str, toks: list[Token], known: set[int]) -> list[_CueHit]:
    """Any past/present verb tied to a closing mark: “…,” Hannity pressed / reacted Trump.

    Only after a quotation that ends in punctuation, as quoted speech does ("firepower" they
    need is not an attribution).
    """
    out: list[_CueHit] = []
    for n, t in enumerate(toks):
        if t[2][0] not in _CLOSE_MARKS or n == 0 or toks[n - 1][2][:1] != "\x1a":
            continue
        if not _closer(t[2]):
            continue
        if text[toks[n - 1][1] - 1] not in ",?!":
            continue
        k = n + 1
        if k < len(toks) and toks[k][2] == ",":
            k += 1
        if k >= len(toks):
            continue
        w = toks[k][2]
        if _verbish(w) and toks[k][0] not in known:
            p = phrase_after(toks, k + 1)
            if p is not None and (p.words[0][:1].isupper() or p.words[0] in DETERMINERS):
                out.append(_CueHit(toks[k][0], toks[k][1], w, True, p, True))
            continue
        p = phrase_after(toks, k)
        if p is None or not (p.words[0][:1].isupper() or p.words[0].lower() in _SUBJECT_START):
            continue
        if len(p.tokens) > 1 and (
            _verbish(p.words[-1])
            or (p.words[-1] in _BARE_STRONG and p.words[-2].lower() not in DETERMINERS)
        ):
            # "“…,” Blige sings to Clinton": the phrase swallowed its verb.
            p = Phrase(p.start, p.tokens[-2][1], p.tokens[:-1])
        if len(p.tokens) > 1 and _adverb(p.words[-1]):
            p = Phrase(p.start, p.tokens[-2][1], p.tokens[:-1])  # "Roe tearfully"
        v = k + len(p.tokens)
        if v + 1 < len(toks) and _adverb(toks[v][2]) and _bare_or_verbish(toks[v + 1][2]):
            v += 1  # "“…?” Roe tearfully asked"
        if (
            v < len(toks)
            and _bare_or_verbish(toks[v][2])
            and toks[v][0] not in known
            and not _noun_after_description(p, toks[v][2])
        ):
            out.append(_CueHit(toks[v][0], toks[v][1], toks[v][2], True, p, False))
        elif v < len(toks) and toks[v][2] == "," and p.words[-1][:1].isupper():
            hit = _verb_after_apposition(toks, v, p)
            if hit is not None:
                out.append(hit)
    return out


def _adverb(w: str) -> bool:
    return len(w) > 4 and w.islower() and w.endswith("ly") and w not in STOP


def _noun_after_description(p: Phrase, w: str) -> bool:
    """“…,” the kitschy horror series: after a described thing, an -s word that is no known
    speech verb is the head noun of an apposition, not a verb."""
    known = w in CUE_WORDS or w in _BARE_STRONG or w.endswith("ed") or w == "read"
    return p.words[0].lower() in DETERMINERS and not known


def _inner_period(toks: list[Token], v: int) -> bool:
    """A period inside a sentence: an abbreviation before a comma, or one inside a word."""
    nxt = toks[v + 1]
    return nxt[2] == "," or (nxt[0] == toks[v][1] and toks[v - 1][1] == toks[v][0])


def _bare_or_verbish(w: str) -> bool:
    """A verb right after a quotation and its subject: “…,” they conclude / Hill noted."""
    return _verbish(w) or w in _BARE_STRONG


_BARE_STRONG = STRONG_STEMS - NOT_BARE_STRONG


def _verb_after_apposition(toks: list[Token], comma: int, p: Phrase) -> _CueHit | None:
    """“…,” Jane Roe, 67, a retired nurse in Ames, said: the name right after the quotation
    speaks through the first speech verb past its apposition."""
    for v in range(comma + 1, min(len(toks), comma + 25)):
        w = toks[v][2]
        if w == "." and v + 1 < len(toks) and _inner_period(toks, v):
            continue  # "Allentown, Pa., said", "fivethirtyeight.com tweeted"
        if w[:1] == "\x1a" or w in {":", ";", ".", "(", "?", "!"}:
            return None
        if w in STRONG:
            return _CueHit(toks[v][0], toks[v][1], w, True, p, False)
    return None


def _past(w: str) -> bool:
    return w.islower() and (w in CUE_WORDS or (len(w) > 3 and w.endswith("ed")))


def _verbish(w: str) -> bool:
    return w == "read" or (
        w.islower() and len(w) > 3 and w.endswith(("ed", "s")) and w not in NOT_SPEECH
    )


def _subject(toks: list[Token], upto: int, the: bool = False) -> Phrase | None:
    """The subject of the sentence (or of a clause after a comma) before token ``upto``.

    Stricter than a cue's phrase: a pronoun, a run of capitalised words, or a determiner and
    a few nouns, and a lowercase word (the verb) right after it.
    """
    skip = STARTERS - PRONOUNS - (SUBJECT_DETERMINERS if the else frozenset())
    window = range(max(0, upto - 120), upto)  # bounded, so each call costs O(1)
    starts = [0, *[n + 1 for n in window if toks[n][2] == ","][:12]]
    for i in starts:
        if i < upto and toks[i][2].lower() in CLAUSE_OPENERS:
            continue  # "After the Paris attacks, …", "When Roe died, …": not the subject
        stop = min(upto, i + 8)
        while i < stop and toks[i][2].lower() in skip:
            i += 1
        if i >= upto:
            continue
        w = toks[i][2]
        lw = w.lower()
        j = i + 1
        if lw in PRONOUNS and lw != "who":
            pass
        elif lw in DETERMINERS or lw in INDEFINITE:
            while (
                j < upto
                and j - i <= 4
                and toks[j][2][:1].isalnum()
                and (
                    toks[j][2].lower() not in STOP
                    and not (
                        toks[j][2].islower()
                        and toks[j][2].endswith(("ed", "s"))
                        and j > i + 1
                        and not toks[j][2].endswith(("’s", "'s"))
                    )
                )
            ):
                j += 1
            if j == i + 1:
                continue
        elif w[:1].isupper() and lw not in NOT_SUBJECT and not lw.endswith(("ing", "ed", "ly")):
            while j < upto and (toks[j][2][:1].isupper() or toks[j][2] in {"of", "-"}):
                j += 1
        else:
            continue
        if lw in CALENDAR or (j < upto and toks[j][2].endswith(("’s", "'s"))):
            continue
        if j < upto and toks[j][2] == ":" and lw not in DETERMINERS:
            return Phrase(toks[i][0], toks[j - 1][1], tuple(toks[i:j]))  # "Clinton: “…”"
        v = j
        if j < upto and toks[j][2] == "," and w[:1].isupper() and lw not in DETERMINERS:
            v = _past_apposition(toks, j, upto)  # "Lee Varga, a Hart ally, defended"
        while v < min(upto, j + 3) and toks[v][2] in SKIP_BEFORE_CUE:
            v += 1  # "she later sent", "Trump also said"
        if v < upto and toks[v][2].islower() and toks[v][2] not in STOP:
            return Phrase(toks[i][0], toks[j - 1][1], tuple(toks[i:j]))
    return None


def _past_apposition(toks: list[Token], comma: int, upto: int) -> int:
    """The token after an apposition that opens at ``comma`` (or ``comma`` when none closes
    within a few words)."""
    for n in range(comma + 2, min(upto, comma + 12)):
        w = toks[n][2]
        if w[:1] == "\x1a" or w in {".", ":", ";", "(", ")"}:
            break
        if w == ",":
            return n + 1
    return comma


def link_sentence(
    text: str, masked: str, lo: int, hi: int, quotes: list[QuoteSpan]
) -> list[Link | None]:
    """Links for the quotations of sentence ``[lo, hi)`` (None where no cue applies).

    Cues are looked up by bisection, so a sentence with many quotations stays linear.
    """
    toks = tokens(masked, lo, hi)
    starts = [t[0] for t in toks]
    every = _cues(text, masked, toks, starts)
    opener_ends = [c.end for c in every if c.strong and not c.inverted]
    every_ends = [c.end for c in every]
    cues = [c for c in every if c.phrase is not None]
    cue_starts = [c.start for c in cues]
    cue_ends = [c.end for c in cues]
    last_strong = [-1]  # last_strong[i]: index of the last strong cue among cues[:i]
    for n, c in enumerate(cues):
        last_strong.append(n if c.strong else last_strong[-1])
    first_word = next((n for n, t in enumerate(toks) if t[2][:1].isalnum()), len(toks))
    out: list[Link | None] = []
    for q in quotes:
        first = bisect.bisect_left(starts, q.open_at)
        nxt = bisect.bisect_left(cue_starts, q.close_end)
        following = cues[nxt] if nxt < len(cues) else None
        long = _long(text, q)
        after = _after(toks, starts, q, following, long) if following else None
        n_prior = bisect.bisect_right(cue_ends, q.open_at)
        before = _before(cues, n_prior, last_strong[n_prior])
        later = (following, f"later cue {following.text.lower()}", 0.5) if following else None
        tight = (
            after is not None
            and q.end > q.start
            and text[q.end - 1] in ",.?!"
            and (after[0].start - q.close_end < 40)
        )
        k = bisect.bisect_right(opener_ends, q.open_at) - 1
        opener = opener_ends[k] if k >= 0 else None
        if (first <= first_word or tight) and not _introduces(masked, opener, before, after, q):
            pick = after or before or (later if long else None)
        else:
            pick = before or after or (later if long else None)
        if pick is None:
            out.append(signature_link(masked, q) or (_subject_link(toks, first) if long else None))
            continue
        c, rule, conf = pick
        carries = pick is after
        c = _survey(toks, starts, c) or c
        assert c.phrase is not None
        outer = (
            _outer(toks, starts, every, every_ends, c.phrase)
            if pick is before and c.phrase.words[0].lower() in _REPORTED
            else None
        )
        out.append(Link(c.phrase, Token(c.start, c.end, c.text), rule, conf, carries, outer))
    return out


_REPORTED = frozenset({"he", "she", "they", "it"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_OUTER_REACH = 4  # cues looked back at, so that a sentence of many stays linear


def _outer(
    toks: list[Token], starts: list[int], cues: list[_CueHit], ends: list[int], p: Phrase
) -> Phrase | None:
    """ "Lynch said she recalled thinking, “…”": the subject of the nearest speech verb before
    the pronoun, whose reported clause the pronoun opens (no quotation, "but" or semicolon
    between: "X said “…,” but he said" starts a clause of its own)."""
    if len(p.tokens) != 1:
        return None
    n = bisect.bisect_left(starts, p.start)
    # "Ban condemned what he called …": the free relative's pronoun is the main subject.
    relative = n > 0 and toks[n - 1][2].lower() == "what"
    if p.words[0].lower() == "it" and not relative:
        return None  # "it says …" rests on itself; only "what it called" looks outward
    last = bisect.bisect_right(ends, p.start)  # cues end in order: only those before count
    for c in reversed(cues[max(0, last - _OUTER_REACH) : last]):
        if c.phrase is None or c.inverted or c.end > p.start:
            continue
        if c.strong or relative:
            lo, hi = bisect.bisect_left(starts, c.end), bisect.bisect_left(starts, p.start)
            if hi - lo > 40 or any(t[2] in {"but", ";"} or t[2][:1] == "\x1a" for t in toks[lo:hi]):
                return None
            k = bisect.bisect_left(starts, c.start)
            if k and toks[k - 1][2].lower() in _BE:
                return None  # "When Ruiz was asked …, he said": a passive, no speaker
            return c.phrase if c.phrase.end <= c.start else None
    # With no cue before it, the free relative's pronoun is the sentence's subject.
    return (_subject(toks, n - 1) or _opening_phrase(toks, n - 1)) if relative else None


def _opening_phrase(toks: list[Token], upto: int) -> Phrase | None:
    """The noun phrase opening a sentence, when it is a name or a determiner's phrase."""
    first = next((n for n, t in enumerate(toks[:upto]) if t[2][:1].isalnum()), None)
    p = phrase_after(toks, first) if first is not None else None
    if p is None or not (p.words[0][:1].isupper() or p.words[0].lower() in DETERMINERS):
        return None
    return p if p.words[0].lower() not in STARTERS or p.words[0].lower() in DETERMINERS else None


def _introduces(
    masked: str,
    opener: int | None,
    before: tuple[_CueHit, str, float] | None,
    after: tuple[_CueHit, str, float] | None,
    q: QuoteSpan,
) -> bool:
    """ "he … said, “…,” the office said": the speech verb that opens the quotation (only a
    comma or colon between) names its speaker; a cue after it names who reports it. Not
    for "reported" or "according to" after it (the press report is the source there), nor
    when both cues name the same speaker (the nearer mention is kept)."""
    if opener is None or before is None or after is None or before[0].inverted:
        return False
    b, a = before[0], after[0]
    if a.text.lower() in REPORTING_CUES or b.phrase is None or a.phrase is None:
        return False
    if b.phrase.words[-1] == a.phrase.words[-1]:
        return False
    return masked[opener : q.open_at].strip() in {",", ":"}


def author_of(text: str, masked: str, lo: int, hi: int, head: str) -> Phrase | None:
    """Who issued the document that "the statement" (``head``) refers back to: the speaker
    of the cue before "a statement" in sentence ``[lo, hi)`` ("the army said in a
    statement", "Acme issued a statement")."""
    toks = tokens(masked, lo, hi)
    starts = [t[0] for t in toks]
    at = next(
        (
            n
            for n in range(len(toks) - 1, 0, -1)
            if toks[n][2].lower() == head and toks[n - 1][2].lower() in {"a", "an"}
        ),
        None,
    )
    if at is None:
        return None
    cues = [c for c in _cues(text, masked, toks, starts) if c.phrase and c.start < toks[at][0]]
    return cues[-1].phrase if cues else None


def _survey(toks: list[Token], starts: list[int], c: _CueHit) -> _CueHit | None:
    """“In a CNN poll, 31 percent said …”: the poll (named earlier in the sentence) is the
    source of what its respondents say."""
    if c.inverted or c.phrase is None or c.text.lower() not in {"said", "say", "says"}:
        return None
    end = bisect.bisect_left(starts, c.phrase.start)
    for n in range(end - 1, max(-1, end - 30), -1):
        if toks[n][2].lower() in SURVEYS:
            p = phrase_before(toks, n + 1)
            if p is not None and p.words[0].lower() in DETERMINERS:
                return _CueHit(c.start, c.end, c.text, c.strong, p, False)
            return None
    return None


def _after(
    toks: list[Token], starts: list[int], q: QuoteSpan, c: _CueHit, long: bool
) -> tuple[_CueHit, str, float] | None:
    """The first cue after the quotation, if only its speaker's phrase lies in between."""
    # Up to the speaker's phrase (an appositive after it may be long and hold "and").
    upto = c.start if c.inverted or c.phrase is None else min(c.start, c.phrase.end)
    lo, hi = bisect.bisect_left(starts, q.close_end), bisect.bisect_left(starts, upto)
    if bisect.bisect_left(starts, c.start) - lo > 40:
        return None
    between = toks[lo:hi]
    words = [t[2] for t in between if t[2][:1].isalnum()]
    if any(t[2][:1] == "\x1a" for t in between) or len(words) > 12:
        return None
    if any(w.lower() in BREAKERS for w in words) and not c.inverted:
        return None
    if c.text.lower() not in STRONG and not long:
        return None  # an unlisted verb after a short quotation: too often not speech
    rule = f"after-quote {c.text.lower()}" + (" (inverted)" if c.inverted else "")
    return c, rule, 0.9


def _before(cues: list[_CueHit], n_prior: int, strong: int) -> tuple[_CueHit, str, float] | None:
    """The nearest strong cue before the quotation, else the nearest cue."""
    if not n_prior:
        return None
    c = cues[strong] if strong >= 0 else cues[n_prior - 1]
    return c, f"before-quote {c.text.lower()}", 0.8 if c.strong else 0.65


# Weak evidence (a cue later in the sentence, or none) only for a quotation this long: short
# ones are scare quotes too often for a guess to pay (measured on PolNeAR train).
_WEAK_MIN_WORDS = 4


def _long(text: str, q: QuoteSpan) -> bool:
    return text.count(" ", q.start, q.end) + 1 >= _WEAK_MIN_WORDS


def _subject_link(toks: list[Token], upto: int) -> Link | None:
    """No cue at all: quoted words inside a clause are most often its subject's words."""
    if upto <= 1:
        return None
    p = _dash_source(toks, upto) or _subject(toks, upto - 1)
    return Link(p, None, "sentence subject", 0.35) if p is not None else None


def _dash_source(toks: list[Token], upto: int) -> Phrase | None:
    """ "Turnout was low - Pew Research: “…”": after a dash, the name before the colon is
    the source of what follows (a digest's item line)."""
    if toks[upto - 1][2] != ":":
        return None
    j = upto - 1
    while j > 0 and j > upto - 6 and toks[j - 1][2][:1].isupper():
        j -= 1
    if j == upto - 1 or j == 0 or toks[j - 1][2] not in {"-", "—", "–"}:
        return None
    return Phrase(toks[j][0], toks[upto - 2][1], tuple(toks[j : upto - 1]))


_HEADLINE_SAYS = re.compile(
    r",[^\S\n]+((?:[A-Z][\w.’'-]*[^\S\n]+){1,4})(?:Says|Said|Tells|Told|Warns|Claims)\b[^\n]*$",
    re.MULTILINE,
)


def headline_link(masked: str, lo: int, q: QuoteSpan) -> Link | None:
    """A headline quotes its subject (Clinton Calls ISIS Violence ‘Genocide’): the name that
    opens the line, cut before the first Title-Case verb or function word; or the name that
    says it at the line's end ("Roe ‘The Dealmaker’ Could Win, Lee Hart Says")."""
    end = masked.find("\n", q.close_end)
    says = _HEADLINE_SAYS.search(masked, q.close_end, len(masked) if end < 0 else end)
    if says is not None:
        toks = tokens(masked, says.start(1), says.end(1))
        phrase = Phrase(toks[0][0], toks[-1][1], tuple(toks))
        return Link(phrase, None, "headline speaker", 0.6, carries=True)
    toks = tokens(masked, lo, min(q.open_at, lo + 80))
    picked: list[Token] = []
    for t in toks:
        w = t[2]
        lw = w.lower()
        if (
            not w[:1].isupper()
            or lw in HEADLINE_STOP
            or lw in STOP
            or lw in DETERMINERS
            or (lw in CUE_WORDS and picked)
            or len(picked) == 4
        ):
            break
        picked.append(t)
    if not picked or picked[0][2].lower() in STARTERS:
        return None
    phrase = Phrase(picked[0][0], picked[-1][1], tuple(picked))
    return Link(phrase, None, "headline subject", 0.4, carries=True)


_SIGNATURE = re.compile(r"[^\S\n]*(\n?)[^\S\n]*[-—―–]+[^\S\n]*(?=[A-Z])")


def signature_link(masked: str, q: QuoteSpan) -> Link | None:
    """A signature after a quotation: PolNeAR's “…” ― Sonya Herridge, or a line of its own
    under it (“…” ¶ - Sanders.)."""
    m = _SIGNATURE.match(masked, q.close_end)
    if m is None:
        return None
    end = masked.find("\n", m.end())
    toks = tokens(masked, m.end(), len(masked) if end < 0 else end)
    p = phrase_after(toks, 0)
    if p is None or (m.group(1) and len(toks) > len(p.tokens) + 2):
        return None
    return Link(p, None, "dash signature", 0.7, carries=True)
