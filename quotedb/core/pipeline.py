"""Extraction entry points: the stages run in order over one text, then across texts.

marks (quotation spans) -> sentences (cut outside quotations) -> coref.build (names of the
document) -> attribution (cue and mention per quotation) -> speakers (pronouns, nominals,
organisations, unnamed sources resolved to one canonical name per entity).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import repeat
from typing import Protocol

from quotedb.core import coref
from quotedb.core.attribution import Link, author_of, headline_link, link_sentence
from quotedb.core.confidence import calibrate
from quotedb.core.cues import is_strong
from quotedb.core.kinds import folded, is_markup, is_pull_quote, is_title, slogan_words
from quotedb.core.languages import Language, profile
from quotedb.core.lexicon import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PRONOUN_GENDER,
    ROLE_NOUNS,
)
from quotedb.core.marks import QuoteSpan, find_quotes
from quotedb.core.mentions import Phrase, kind_of, name_of
from quotedb.core.names import resolve_corpus, settle_names
from quotedb.core.profiled import Reader as ProfiledReader
from quotedb.core.sentences import MASK, mask, split
from quotedb.core.types import Cue, Mention, Quotation, QuoteKind, SpeakerKind

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LEAD = re.compile(r"[^\s—–\-―]")
_FIRST_WORD = re.compile(r"\W*(\w+)")


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str | None
    kind: SpeakerKind
    mention: Mention
    evidence: str
    aliases: tuple[str, ...]


def extract(text: str, language: Language | str | None = None) -> list[Quotation]:
    """Quotations of one text, speakers named by the fullest name the text uses, each
    attribution's confidence the probability that it is right. ``language``: the text's
    profile or its code ("de"); English when None. The confidence model was fitted on
    English; a cue counts as speech by the text's own language's verbs."""
    lang = language if isinstance(language, Language) else profile(language)
    return calibrate(attribute(text, lang), strong=_strong_in(lang))


def _strong_in(lang: Language) -> Callable[[str], bool]:
    """Whether a cue reports speech, in the language's own words."""
    if lang.code == "en" or not lang.resolves:
        return is_strong
    return lambda cue: lang.is_speech(cue) or cue.lower() in lang.sources


class _Reader(Protocol):
    """What the loop asks of a language: cues per sentence, and who a phrase stands for."""

    def link(
        self, text: str, masked: str, lo: int, hi: int, quotes: list[QuoteSpan]
    ) -> list[Link | None]: ...

    def headline(self, masked: str, lo: int, q: QuoteSpan) -> Link | None: ...

    def strong(self, cue: str) -> bool: ...

    # Whether a cue in the sentence before may introduce a quotation inside this one too,
    # and an attribution carry on to one in the same paragraph (English: only to one that
    # opens its sentence, as PolNeAR train measured).
    introduces_partial: bool

    def resolve(
        self, link: Link, sents: list[tuple[int, int]], si: int, masked: str
    ) -> _Speaker: ...


class _English:
    """English, read with the core's own lexicon."""

    introduces_partial = False

    def __init__(self, masked: str) -> None:
        self.doc = coref.build(masked)

    def link(
        self, text: str, masked: str, lo: int, hi: int, quotes: list[QuoteSpan]
    ) -> list[Link | None]:
        return link_sentence(text, masked, lo, hi, quotes)

    def headline(self, masked: str, lo: int, q: QuoteSpan) -> Link | None:
        return headline_link(masked, lo, q)

    def strong(self, cue: str) -> bool:
        return is_strong(cue)

    def resolve(self, link: Link, sents: list[tuple[int, int]], si: int, masked: str) -> _Speaker:
        return _resolve(self.doc, link, sents, si, masked)


class _Profiled:
    """A language read from its profile (core/languages)."""

    introduces_partial = True

    def __init__(self, text: str, masked: str, lang: Language) -> None:
        self.reader = ProfiledReader(text, masked, lang)
        self.link = self.reader.link
        self.headline = self.reader.headline
        self.strong = self.reader.strong

    def resolve(self, link: Link, sents: list[tuple[int, int]], si: int, masked: str) -> _Speaker:
        r = self.reader.resolve(link, sents, si, masked)
        return _Speaker(r.name, r.kind, r.mention, r.evidence, r.aliases)


class _Unresolved:
    """A language quotedb has no lexicon for: quotations by their marks, no speakers."""

    introduces_partial = False

    def link(
        self, text: str, masked: str, lo: int, hi: int, quotes: list[QuoteSpan]
    ) -> list[Link | None]:
        return [None] * len(quotes)

    def headline(self, masked: str, lo: int, q: QuoteSpan) -> Link | None:
        return None

    def strong(self, cue: str) -> bool:
        return False

    def resolve(self, link: Link, sents: list[tuple[int, int]], si: int, masked: str) -> _Speaker:
        raise AssertionError("no link is made without a lexicon")


def _reader(text: str, masked: str, lang: Language) -> _Reader:
    if lang.code == "en":
        return _English(masked)
    if not lang.resolves:
        return _Unresolved()
    return _Profiled(text, masked, lang)


def attribute(text: str, language: Language | str | None = None) -> list[Quotation]:
    """Quotations of one text with their attributions and the rules' raw scores."""
    lang = language if isinstance(language, Language) else profile(language)
    quotes = find_quotes(text, reversed_guillemets=lang.reversed_guillemets)
    if not quotes:
        return []
    masked = mask(text, quotes)
    sents = split(text, quotes, ordinals=lang.ordinal_dates)
    sent_starts = [s for s, _ in sents]
    lines = [m.start() for m in _LINE.finditer(text)]
    reader = _reader(text, masked, lang)
    slogans = slogan_words(text, quotes)
    out: list[Quotation] = []
    last: _Last | None = None
    k = 0
    while k < len(quotes):
        si = max(0, bisect.bisect_right(sent_starts, quotes[k].open_at) - 1)
        lo, hi = sents[si]
        group: list[QuoteSpan] = []
        while k < len(quotes) and quotes[k].open_at < hi:
            group.append(quotes[k])
            k += 1
        lead = _LEAD.search(masked, lo, hi)  # the sentence's first character that counts
        for q, link in zip(group, reader.link(text, masked, lo, hi, group), strict=True):
            if is_markup(text, q):
                continue
            line = bisect.bisect_right(lines, q.start) - 1
            opens = lead is None or lead.start() >= q.open_at
            prefix = ""
            if link is None:
                link, prefix = _outside_sentence(reader, text, masked, sents, si, q, line)
            speaker: _Speaker | None = None
            if link is None and (opens or reader.introduces_partial):
                # A speech cue in the sentence just before beats an older attribution.
                link, prefix = _introduced(reader, text, masked, sents, si, q, line, lines)
                if link is not None:
                    speaker = reader.resolve(link, sents, si - 1, masked)
            elif link is not None:
                speaker = reader.resolve(link, sents, si - (prefix != ""), masked)
                if isinstance(reader, _English):  # the outermost source: English's convention
                    speaker = _outer_speaker(
                        reader.doc, link, speaker, sents, si - (prefix != ""), masked
                    )
            if (
                link is None
                and last is not None
                and (
                    q.continued
                    or opens
                    or (reader.introduces_partial and _carried(text, q, si - last.sentence))
                )
                and (
                    line == last.line
                    or (line == last.line + 1 and (q.continued or last.link.carries))
                )
            ):
                link, speaker, prefix = last.link, last.speaker, "continuation: "
            if link is not None:
                last = _Last(link, speaker, line, si)
            out.append(_quotation(text, q, link, speaker, opens, prefix, slogans))
    if not lang.resolves:
        return [_unresolved(q, lang) for q in out]
    if lang.code != "en":
        return [_named_thing(q) for q in out]
    return settle_names(text, out)


def _named_thing(q: Quotation) -> Quotation:
    """ "Extrablatt", „Jaegers Grenze“, "User Centric Payment System": quoted words all
    capitalised, with no sentence punctuation, name a title or a thing (where every noun is
    capitalised, a lone word too), not anyone's speech."""
    words = q.text.split()
    if len(words) > 5 or q.text[-1:] in ".?!,;:" or not all(w[:1].isupper() for w in words):
        return q
    return Quotation(q.start, q.end, q.text, QuoteKind.TERM, evidence="title")


def _carried(text: str, q: QuoteSpan, sentences_on: int) -> bool:
    """A partial quotation that goes on with the paragraph's speaker: long enough (a word
    or two in marks is a term as often as not), and in the attribution's sentence or the
    next (further on, the paragraph has moved to someone else as often as not)."""
    return text.count(" ", q.start, q.end) >= 2 and sentences_on <= 1


def _unresolved(q: Quotation, lang: Language) -> Quotation:
    if q.kind is QuoteKind.TERM:
        return q
    return replace(q, evidence=f"language {lang.code}: speakers not resolved")


@dataclass(frozen=True, slots=True)
class _Last:
    """The latest attribution, which a continuation quotation inherits."""

    link: Link
    speaker: _Speaker | None
    line: int
    sentence: int = 0


def _outside_sentence(
    reader: _Reader,
    text: str,
    masked: str,
    sents: list[tuple[int, int]],
    si: int,
    q: QuoteSpan,
    line: int,
) -> tuple[Link | None, str]:
    """No cue in the quotation's sentence: a colon-ended sentence before it, or the headline's
    subject."""
    lo = sents[si][0]
    if si > 0 and masked[lo - 3 : lo].strip().endswith(":"):
        plo, phi = sents[si - 1]
        link = reader.link(text, masked, plo, phi, [q])[0]
        if link is not None:
            return link, "colon "
    if line == 0:
        return reader.headline(masked, lo, q), ""
    return None, ""


def _introduced(
    reader: _Reader,
    text: str,
    masked: str,
    sents: list[tuple[int, int]],
    si: int,
    q: QuoteSpan,
    line: int,
    lines: list[int],
) -> tuple[Link | None, str]:
    """A quotation opening its sentence, introduced by the sentence before it in the same
    paragraph with a speech cue ("Howard continued his remarks. “…”"). Across a paragraph
    break such a guess is right only half the time (PolNeAR train), so it is made only for
    a paragraph that is the quotation alone, after a paragraph ending in reported speech
    ("Roe said the plan had failed. ¶ “…”")."""
    if si == 0:
        return None, ""
    plo, phi = sents[si - 1]
    pline = bisect.bisect_right(lines, plo) - 1
    if pline != line and not (pline == line - 1 and _alone(text, q)):
        return None, ""
    if MASK in masked[plo:phi] and pline == line:
        return None, ""
    link = reader.link(text, masked, plo, phi, [q])[0]
    if link is None or link.cue is None or not reader.strong(link.cue.text):
        return None, ""
    return link, "previous sentence " if pline == line else "previous paragraph "


def _alone(text: str, q: QuoteSpan) -> bool:
    """A quotation that is its paragraph, and a sentence or more long."""
    line_start = text.rfind("\n", 0, q.open_at) + 1
    line_end = text.find("\n", q.close_end)
    after = text[q.close_end : len(text) if line_end < 0 else line_end]
    return (
        not text[line_start : q.open_at].strip()
        and not after.strip(" .")
        and len(text[q.start : q.end].split()) >= 6
    )


def _quotation(
    text: str,
    q: QuoteSpan,
    link: Link | None,
    sp: _Speaker | None,
    opens: bool,
    prefix: str,
    slogans: frozenset[tuple[str, ...]] = frozenset(),
) -> Quotation:
    words = text[q.start : q.end]
    if is_title(text, q):
        return Quotation(q.start, q.end, words, QuoteKind.TERM, evidence="title")
    if slogans and folded(words) in slogans:
        return Quotation(q.start, q.end, words, QuoteKind.TERM, evidence="slogan")
    sentence_like = opens and words[:1].isupper() and len(words.split()) >= 3
    if link is None:
        speech = (sentence_like and len(words.split()) >= 6) or is_pull_quote(text, q)
        kind = QuoteKind.DIRECT if speech else QuoteKind.TERM
        return Quotation(q.start, q.end, words, kind)
    kind = (
        QuoteKind.DIRECT
        if sentence_like or (words[:1].isupper() and len(words) > 40)
        else (QuoteKind.PARTIAL)
    )
    cue = Cue(*link.cue) if link.cue else None
    conf = link.confidence * (0.8 if prefix.startswith("continuation") else 1.0)
    if sp is None:
        return Quotation(
            q.start, q.end, words, kind, cue=cue, confidence=conf * 0.5, evidence=prefix + link.rule
        )
    return Quotation(
        q.start,
        q.end,
        words,
        kind,
        speaker=sp.name,
        speaker_kind=sp.kind,
        mention=sp.mention,
        cue=cue,
        confidence=round(conf if sp.name else conf * 0.5, 3),
        evidence=prefix + link.rule + sp.evidence,
        aliases=sp.aliases,
    )


def _outer_speaker(
    doc: coref.Document,
    link: Link,
    sp: _Speaker,
    sents: list[tuple[int, int]],
    si: int,
    masked: str,
) -> _Speaker:
    """ "Roe said she recalled …": when the pronoun and the subject of the speech verb whose
    clause it opens are one person, the attribution rests on that subject, the outermost
    source (PolNeAR's convention); the speaker is the same either way."""
    if link.outer is None or (sp.name is None and sp.mention.text.lower() not in {"it", "they"}):
        return sp
    outer = _resolve(doc, Link(link.outer, link.cue, link.rule, link.confidence), sents, si, masked)
    org = outer.kind is SpeakerKind.ORGANIZATION and link.phrase.words[0].lower() in {"it", "they"}
    if outer.name is None or (outer.name != sp.name and not org):
        return sp
    return _Speaker(outer.name, outer.kind, outer.mention, sp.evidence, sp.aliases or outer.aliases)


def _resolve(
    doc: coref.Document, link: Link, sents: list[tuple[int, int]], si: int, masked: str
) -> _Speaker:
    """The speaker a phrase stands for: itself, or the entity a pronoun/nominal points to."""
    p = link.phrase
    words = p.words
    text = masked[p.start : p.end]
    if len(words) > 1 and words[-1].lower() == "who":
        words = words[:-1]  # the relative pronoun's antecedent names the speaker
    low = words[0].lower()
    low_head = words[-1].lower()
    label = masked[p.start : p.tokens[len(words) - 1][1]].rstrip(" ,")
    if len(words) == 1 and low in {"he", "she", "who", "him", "her"}:
        occ = _antecedent(doc, p.start, sents, si, PRONOUN_GENDER.get(low, ""))
        if occ is None:
            return _described_person(p, text, sents, si, masked, low)
        return _via(doc, occ, p, text, masked, f"pronoun {low}")
    if len(words) == 1 and low in {"they", "it"}:
        return _collective(doc, p, text, sents, si, masked, low == "they")
    if len(words) == 1 and low in {"we", "i", "you"}:
        return _Speaker(None, SpeakerKind.UNKNOWN, Mention(p.start, p.end, text), "", ())
    kind = kind_of(words)
    if kind is SpeakerKind.ORGANIZATION and low == "the" and all(w.islower() for w in words):
        found = _referent(doc, link, sents, si, masked, text, low_head)
        if found is not None:
            return found
    if kind is SpeakerKind.ORGANIZATION:
        bare = [w for w in words if w.lower() not in DETERMINERS]
        full = doc.orgs.get(bare[-1].lower().removesuffix("’s"), "") if bare else ""
        org = full if bare and full.endswith(" ".join(bare)) else " ".join(bare) or label
        return _Speaker(org, kind, Mention(p.start, p.end, text, kind), "", ())
    if kind is SpeakerKind.UNNAMED and low in {"a", "an"}:
        named = doc.named_before(p.start)
        if named is not None:  # "Cmdr. Jane Roe, a spokesperson for the navy, told …"
            return _via(doc, named, p, text, masked, f"apposition {text}")
    if kind is SpeakerKind.UNNAMED:
        phrase = label[0].lower() + label[1:] if low in DETERMINERS else label
        return _Speaker(phrase, kind, Mention(p.start, p.end, text, kind), "", ())
    name = name_of(words) if words[-1][:1].isupper() else []
    if name:
        e = doc.named_in(p.start, p.end, name[-1].lower())
        canonical = e.canonical if e is not None else " ".join(name)
        return _Speaker(
            canonical,
            SpeakerKind.PERSON,
            Mention(p.start, p.end, text),
            "",
            _aliases(e) if e is not None else (),
        )
    # A nominal: "the senator" is the latest person with that title (else, for a title, the
    # salient person); "the State Department official" stays the description it is.
    occ = doc.with_role(p.start, low_head)
    if occ is None and (
        low_head in PERSON_TITLES
        or (low == "the" and (low_head in ROLE_NOUNS or _AGE.fullmatch(low_head)))
    ):
        # "the senator", "the actor", "The 56-year-old": the person the text is about.
        occ = _antecedent(doc, p.start, sents, si, "")
    if occ is None:
        return _Speaker(
            label, SpeakerKind.UNNAMED, Mention(p.start, p.end, text, SpeakerKind.UNNAMED), "", ()
        )
    return _via(doc, occ, p, text, masked, f"nominal {text}")


_AGE = re.compile(r"\d+-year-old")
# "spoke to one mother, who …": an indefinite description of a person, up to three words.
_INDEFINITE_PERSON = re.compile(r"\b(?:[Aa]n?|[Oo]ne)[^\S\n]+((?:[\w-]+[^\S\n]+){0,2}?)([a-z]+)\b")


_DESCRIBED_REACH = 300  # characters of a sentence read back for a description (keeps it linear)


def _described_person(
    p: Phrase, text: str, sents: list[tuple[int, int]], si: int, masked: str, pronoun: str
) -> _Speaker:
    """A pronoun no named person fits: an unnamed person the two sentences before describe
    ("WIRED spoke to one mother, … “…,” she said" -> one mother), else no one."""
    gender = PRONOUN_GENDER.get(pronoun, "")
    for j in range(si, max(-1, si - 3), -1):
        lo, hi = sents[j]
        end = min(hi, p.start)
        for m in _INDEFINITE_PERSON.finditer(masked, max(lo, end - _DESCRIBED_REACH), end):
            noun = m.group(2)
            said = GENDERED_NOUNS.get(noun, "")
            if (said and said == gender) or (not said and noun in PERSON_NOUNS and noun[-1] != "s"):
                label = masked[m.start() : m.end()]
                kind = SpeakerKind.UNNAMED
                ante = Mention(m.start(), m.end(), label, kind)
                mention = Mention(p.start, p.end, text, kind, antecedent=ante)
                name = label[0].lower() + label[1:]
                return _Speaker(name, kind, mention, f"; pronoun {pronoun} -> {label}", ())
    return _Speaker(None, SpeakerKind.UNKNOWN, Mention(p.start, p.end, text), "", ())


def _referent(
    doc: coref.Document,
    link: Link,
    sents: list[tuple[int, int]],
    si: int,
    masked: str,
    text: str,
    head: str,
) -> _Speaker | None:
    """ "the statement said": whoever issued a statement in the sentences just before;
    "the agency said": the organisation those sentences are about."""
    p = link.phrase
    if head in DOCUMENT_NOUNS:
        for j in range(si, max(-1, si - 3), -1):
            lo, hi = sents[j]
            author = author_of(masked, masked, lo, min(hi, p.start), head)
            if author is not None and author.start != p.start:
                sp = _resolve(doc, Link(author, None, "", 0.0), sents, j, masked)
                if sp.name is not None:
                    ante = sp.mention.named
                    return _Speaker(
                        sp.name,
                        sp.kind,
                        Mention(p.start, p.end, text, sp.kind, antecedent=ante),
                        f"; {text.lower()} -> {sp.name}",
                        sp.aliases,
                    )
    found = _collective(doc, p, text, sents, si, masked, False)
    return found if found.name is not None else None


_COLLECTIVE_REACH = 4  # sentences back that "it"/"they" may look for its organisation


def _collective(
    doc: coref.Document,
    p: Phrase,
    text: str,
    sents: list[tuple[int, int]],
    si: int,
    masked: str,
    plural: bool,
) -> _Speaker:
    """ "it"/"they" for the organisation (or named group) the sentences before are about."""
    unknown = _Speaker(None, SpeakerKind.UNKNOWN, Mention(p.start, p.end, text), "", ())
    found = doc.collective(sents[si][0], p.start, plural) if si >= 0 else None
    j = si - 1
    while found is None and j >= 0 and si - j <= _COLLECTIVE_REACH:
        found = doc.collective(sents[j][0], sents[j][1], plural)
        j -= 1
    if found is None or not found[1]:
        return unknown  # nothing, or people rather than an organisation
    occ, name = found
    kind = SpeakerKind.ORGANIZATION
    ante = Mention(occ.start, occ.end, masked[occ.start : occ.end], kind)
    return _Speaker(
        name,
        kind,
        Mention(p.start, p.end, text, kind, antecedent=ante),
        f"; {'nominal' if ' ' in text else 'pronoun'} {text.lower()} -> {name}",
        (),
    )


def _via(
    doc: coref.Document, occ: coref.Occurrence, p: Phrase, text: str, masked: str, label: str
) -> _Speaker:
    """A pronoun or nominal speaker, with the named mention it resolves to."""
    e = doc.entities[occ.key]
    ante = Mention(occ.start, occ.end, masked[occ.start : occ.end], SpeakerKind.PERSON)
    return _Speaker(
        e.canonical,
        SpeakerKind.PERSON,
        Mention(p.start, p.end, text, SpeakerKind.PERSON, antecedent=ante),
        f"; {label} -> {e.canonical}",
        _aliases(e),
    )


def _antecedent(
    doc: coref.Document, pos: int, sents: list[tuple[int, int]], si: int, gender: str
) -> coref.Occurrence | None:
    occ = doc.person_before(pos, sents[si][0], gender)
    j = si - 1
    while occ is None and j >= 0 and si - j <= 6:
        # A sentence whose subject is the same pronoun ("He was arrested … the offices of
        # Omar.") is about the same person: only its main subject counts, not an object.
        lo, hi = sents[j]
        opener = _FIRST_WORD.match(doc.masked, lo, hi)
        strict = opener is not None and PRONOUN_GENDER.get(opener.group(1).lower(), "?") == gender
        occ = doc.main_subject(lo, hi, gender, strict)
        j -= 1
    return occ


def _aliases(e: coref.Entity) -> tuple[str, ...]:
    canonical = e.canonical  # joined anew at each use
    return tuple(sorted(f for f in e.forms if f != canonical))


def extract_corpus(
    texts: Sequence[str] | Iterable[str],
    languages: Iterable[Language | str | None] | None = None,
) -> list[list[Quotation]]:
    """Quotations of several texts, with one canonical name per speaker across all of them
    (``languages``: each text's profile, English where None)."""
    # One text at a time (a folder's texts are never all in memory); a language per text.
    langs: Iterable[Language | str | None] = languages if languages is not None else repeat(None)
    return resolve_corpus([extract(t, lang) for t, lang in zip(texts, langs, strict=False)])
