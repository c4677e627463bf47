"""Attribution for a language read from its profile (German, French, Spanish, …).

The pipeline's mechanisms are the same as for English (sentence by sentence, a colon or a
cue in the sentence before, continuation, pronouns to the salient person, nominals to the
person named with the role, unnamed sources kept as descriptions); what differs is data:
the profile's speech verbs, their order (a verb after a quotation comes before its subject,
or stands alone where the language drops subjects), pronouns, titles and name particles.

A capitalised word is a name only where the text shows it is one: a first name before it,
a title or role noun before it, or the same surname written in full elsewhere. German
capitalises every noun, and a sentence can open with any word, so capitals alone prove
nothing; a phrase that is not a name is a description ("ein Sprecher des Bundestages"),
never a person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from quotedb.core.attribution import Link
from quotedb.core.gender import guess
from quotedb.core.languages.profile import Language
from quotedb.core.marks import QuoteSpan
from quotedb.core.mentions import Phrase
from quotedb.core.namewords import is_given_name
from quotedb.core.sentences import MASK
from quotedb.core.text import Token, fold_name, tokens
from quotedb.core.types import Mention, SpeakerKind

_PUNCT_SKIP = frozenset({",", "—", "–", "-", "―", ")"})
_STOPS = frozenset({".", ";", ":", "!", "?", "(", "\n", "»", "«", "“", "”", "„", '"'})
_LINKS = frozenset({"de", "del", "des", "du", "der", "von", "vom", "d", "al", "für", "zur"})
_REACH = 1500  # characters back that a pronoun looks for its person
_UNREAD = " (subject not read)"
_WEAK_REACH = 400  # the same for a clause's subject, with no speech verb to go on
_NOMINAL_WORDS = 10  # words a description may run to after its article


def _split_elisions(masked: str, lang: Language) -> str:
    """ "l’Élysée" as "l Élysée": the apostrophe of an elision read as a space (one
    character for one, so offsets hold)."""
    if not lang.elisions:
        return masked
    pattern = re.compile(rf"\b((?i:{'|'.join(lang.elisions)}))[’'](?=\w)")
    return pattern.sub(lambda m: m.group(1) + " ", masked)


def _capital(w: str) -> bool:
    return w[:1].isupper()


@dataclass(slots=True)
class Person:
    """One person the text names: the fullest form it uses, and a gender if known."""

    key: str
    name: list[str]
    gender: str = ""
    forms: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)

    @property
    def canonical(self) -> str:
        return " ".join(self.name)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A speaker as the pipeline stores it."""

    name: str | None
    kind: SpeakerKind
    mention: Mention
    evidence: str
    aliases: tuple[str, ...]


class Names:
    """The people a text names, where it names them, and the roles said with them."""

    def __init__(self, masked: str, lang: Language) -> None:
        self.lang = lang
        self.masked = masked
        self.people: dict[str, Person] = {}
        self.occurrences: list[tuple[int, int, str]] = []
        self.lower_words = {t.text for t in tokens(masked, 0, len(masked)) if t.text[:1].islower()}
        toks = tokens(masked, 0, len(masked))
        self._collect(toks)
        self._mark(toks)
        self.starts = [o[0] for o in self.occurrences]

    def _collect(self, toks: list[Token]) -> None:
        """People named in full: a first name and a surname, or a title before a name."""
        i = 0
        while i < len(toks):
            run = self._run(toks, i)
            if not run:
                i += 1
                continue
            lead = self._first_name_at([t.text for t in run])
            i += lead
            run = run[lead:]
            words = [t.text for t in run]
            before = toks[i - 1].text.lower() if i else ""
            between = toks[i - 1].text if i > 1 else ""
            if (
                between.islower()
                and between not in self.lang.function_words | self.lang.determiners | _LINKS
                and self._role(toks[i - 2].text.lower())
            ):
                before = toks[i - 2].text.lower()  # "el ingeniero civil Walber Castillo"
            titled = before in self.lang.titles or self._role(before)
            first = words[0]
            if self._known(words[-1]) not in (None, fold_name(words[-1])):
                pass  # a genitive of a known name
            elif len(words) >= 2 and (self._given(first) or titled):
                if self._genitive(toks, i + len(run) - 1, run):
                    words = [*words[:-1], words[-1][:-1]]
                self._add(words, self._gender(first, before))
            elif titled and len(words) == 1 and self._plausible(first) and not first.isupper():
                self._add(words, self._gender("", before), role=before)
            if titled and self._role(before):
                p = self.people.get(fold_name(words[-1]))
                if p is not None:
                    p.roles.add(before)
            i += len(run)

    def _run(self, toks: list[Token], i: int) -> list[Token]:
        """Capitalised words from token ``i`` (particles inside), cut at anything else."""
        if not _capital(toks[i].text) or not self._plausible(toks[i].text):
            return []
        j = i
        run: list[Token] = []
        while j < len(toks):
            w = toks[j].text
            if (_capital(w) and self._plausible(w)) or (run and self._particles_at(toks, j)):
                run.append(toks[j])
            else:
                break
            if j + 1 < len(toks) and toks[j + 1].start > toks[j].end + 1:
                break  # a line break or a wide gap ends a name
            if self._genitive(toks, j, run):
                break  # "Rudolf Augsteins Motto": the name ends with its genitive
            j += 1
        while run and not _capital(run[-1].text):
            run.pop()
        return run

    def _particles_at(self, toks: list[Token], j: int) -> bool:
        """Particles from token ``j`` that lead to a capitalised word ("von der Leyen",
        "de la Fuente")."""
        k = j
        while k < len(toks) and k - j < 3:
            low = toks[k].text.lower()
            if low not in self.lang.particles and not (k > j and low in self.lang.determiners):
                break
            k += 1
        return j < k < len(toks) and _capital(toks[k].text)

    def _first_name_at(self, words: list[str]) -> int:
        """Where a run's personal name starts: at its first first name, or at one right after
        a particle ("Foto von Claas Relotius" -> 2; "Ursula von der Leyen" -> 0)."""
        parts = self.lang.particles
        for n in range(len(words) - 2, 0, -1):
            if words[n - 1].lower() in parts and self._given(words[n]):
                return n
        return next((n for n, w in enumerate(words[:-1]) if self._given(w)), 0)

    def _given(self, w: str) -> bool:
        """A first name, also written with accents the name list lacks ("Éric")."""
        if not (_capital(w) and self._plausible(w)):
            return False
        return is_given_name(w) or is_given_name(fold_name(w))

    def _genitive(self, toks: list[Token], j: int, run: list[Token]) -> bool:
        """A German name's genitive -s before the noun it qualifies."""
        w = toks[j].text
        return (
            self.lang.capitalised_nouns
            and len(run) > 1
            and w.endswith("s")
            and j + 1 < len(toks)
            and _capital(toks[j + 1].text)
        )

    def _known(self, w: str) -> str | None:
        """The key of a known person this word names (a German genitive -s included)."""
        key = fold_name(w)
        if key in self.people:
            return key
        if self.lang.capitalised_nouns and key.endswith("s") and key[:-1] in self.people:
            return key[:-1]  # "Morenos Warnungen"
        return None

    def _plausible(self, w: str) -> bool:
        """A capitalised word that can be part of a name at all."""
        low = w.lower()
        lang = self.lang
        return (
            w[:1] != MASK
            and low not in lang.function_words
            and low not in lang.determiners
            and low not in lang.titles
            and not self._role(low)
            and low not in lang.bodies
            and not lang.is_cue(low)
            and not any(c.isdigit() for c in w)
        )

    def _role(self, low: str) -> bool:
        """A role noun, also inside a German compound ("Bundesverkehrsminister")."""
        roles = self.lang.roles
        if low in roles or low.rsplit("-", 1)[-1] in roles:
            return True  # "FDP-Chef"
        return self.lang.capitalised_nouns and any(
            low.endswith(r) and len(low) > len(r) + 2 for r in roles if len(r) > 4
        )

    def _gender(self, first: str, before: str) -> str:
        g = self.lang.titles.get(before, "")
        if g:
            return g
        return guess(first).gender if first else ""

    def _add(self, words: list[str], gender: str, role: str = "") -> None:
        key = fold_name(words[-1])
        p = self.people.get(key)
        if p is None:
            p = self.people[key] = Person(key, list(words), gender)
        elif len(words) > len(p.name):
            p.name = list(words)
        if gender and not p.gender:
            p.gender = gender
        p.forms.add(" ".join(words))
        if role:
            p.roles.add(role)

    def _mark(self, toks: list[Token]) -> None:
        """Every mention of a known person: where a pronoun may look back to."""
        for t in toks:
            key = self._known(t.text) if _capital(t.text) else None
            if key is not None:
                self.occurrences.append((t.start, t.end, key))

    # -- questions the reader asks -------------------------------------------------------

    def person(self, words: list[str], titled: bool = False) -> Person | None:
        """The person a name phrase stands for, when the text shows it is a name
        (``titled``: a title, a role or an apposition introduces it)."""
        if not words:
            return None
        known = self._known(words[-1])
        if known is not None:
            return self.people[known]
        key = fold_name(words[-1])
        words = words[self._first_name_at(words) :]
        if len(words) >= 2 and (self._given(words[0]) or titled):
            self._add(words, guess(words[0]).gender)
            return self.people[key]
        if len(words) == 1 and self._single_name(words[0]):
            self._add(words, "")
            return self.people[key]
        return None

    def _single_name(self, w: str) -> bool:
        """One capitalised word as a surname: where nouns are not capitalised, one that the
        text never writes in lower case; in German, only what the text names in full."""
        if self.lang.capitalised_nouns or not self._plausible(w) or w.isupper():
            return False  # "UDI", "CNN": an acronym names an organisation
        return w.lower() not in self.lower_words and len(w) > 2

    def before(self, pos: int, gender: str, reach: int = _REACH) -> tuple[int, int, Person] | None:
        """The latest person named before ``pos`` (at most ``reach`` back) whose gender fits."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and self._distance(self.occurrences[k][0], pos) <= reach:
            s, e, key = self.occurrences[k]
            p = self.people[key]
            if not gender or not p.gender or p.gender == gender:
                return s, e, p
            k -= 1
        return None

    def _distance(self, start: int, pos: int) -> int:
        """Characters between a mention and ``pos``, quoted words not counted (a long
        quotation of the person does not move them out of reach)."""
        return pos - start - self.masked.count(MASK, start, pos)

    def with_role(self, pos: int, role: str) -> tuple[int, int, Person] | None:
        """The latest person before ``pos`` named with this role ("el senador" -> the
        senator the text named), else the first after it (a headline's "Senador
        republicano" is the senator its article names)."""
        k = bisect.bisect_left(self.starts, pos)
        for n in [*range(k - 1, -1, -1), *range(k, len(self.occurrences))]:
            s, e, key = self.occurrences[n]
            if role in self.people[key].roles:
                return s, e, self.people[key]
        return None


class Reader:
    """Links quotations to speakers in one text of a profiled language."""

    def __init__(self, text: str, masked: str, lang: Language) -> None:
        self.text = text
        self.lang = lang
        self.masked = _split_elisions(masked, lang)
        self.names = Names(self.masked, lang)
        self.last: tuple[int, int, str | None] | None = None  # the last person quoted

    # -- links ------------------------------------------------------------------------------

    def link(
        self, text: str, masked: str, lo: int, hi: int, quotes: list[QuoteSpan]
    ) -> list[Link | None]:
        """Each quotation's cue and speaker phrase in sentence ``[lo, hi)``."""
        toks = tokens(masked, lo, hi)
        starts = [t.start for t in toks]
        toks = tokens(self.masked, lo, hi)  # elisions split: "d’Éric" is "d" and "Éric"
        starts = [t.start for t in toks]
        return [self._link_one(toks, starts, q) for q in quotes]

    def _link_one(self, toks: list[Token], starts: list[int], q: QuoteSpan) -> Link | None:
        after = bisect.bisect_left(starts, q.close_end)
        first = bisect.bisect_left(starts, q.open_at)
        return (
            self._after(toks, after)
            or self._before(toks, first, q.open_at)
            or self._later(toks, after)
            or self._inside(q)
            or self._clause_subject(toks, first, q)
        )

    def _chained(self, toks: list[Token], j: int) -> int:
        """Past quotations that follow this one in a list („A“ und „B“, sagte er)."""
        lang = self.lang
        while j < len(toks):
            w = toks[j].text
            if (
                w in _PUNCT_SKIP
                or self._closing(w)
                or w[:1] == MASK
                or w in {"„", "‚"}
                or (
                    w.lower() in lang.conjunctions
                    and j + 1 < len(toks)
                    and (self._closing(toks[j + 1].text) or toks[j + 1].text in {"„", "‚"})
                )
            ):
                j += 1
            else:
                break
        return j

    def _inside(self, q: QuoteSpan) -> Link | None:
        """An attribution set inside the marks: « …, dit-il, … » / « … – observe-t-il … »."""
        if not self.lang.clitics:
            return None
        inner = tokens(self.text, q.start, q.end)
        for n in range(1, len(inner)):
            if inner[n - 1].text not in {",", "–", "—", "-"}:
                continue
            verb, clitic = self._split_clitic(inner[n])
            if clitic is not None and verb is not None and self.lang.is_cue(verb.text):
                return Link(
                    self._pronoun(clitic), verb, f"inside-quote {verb.text.lower()}", 0.8, True
                )
        return None

    def _clause_subject(self, toks: list[Token], first: int, q: QuoteSpan) -> Link | None:
        """No cue at all: words quoted in a clause are most often its subject's (a pronoun
        or a person the text names, near the clause's start); a word or two in quotation
        marks is too often a term for that guess."""
        lang = self.lang
        if self.text.count(" ", q.start, q.end) < 2:
            return None
        seen = 0
        for t in toks:
            w = t.text
            if w[:1] == MASK or not w[:1].isalpha():
                continue
            seen += 1
            if seen > 4:
                return None
            low = w.lower()
            if low in lang.pronouns and (low != "sie" or seen == 1 or _capital(w)):
                n = toks.index(t) + 1
                while (
                    n < len(toks) and toks[n].text.lower() in lang.auxiliaries | lang.object_clitics
                ):
                    n += 1  # "il s’agit", "il lui faut": past the clitics
                if n < len(toks) and toks[n].text.lower() in lang.impersonal:
                    return None  # "il s’agit de", "il faut": no one
                return Link(self._pronoun(t), None, "sentence subject", 0.35)
            if _capital(w) and self.names._known(w) is not None:
                run = self.names._run(toks, toks.index(t))
                if run:
                    return Link(
                        Phrase(run[0].start, run[-1].end, tuple(run)),
                        None,
                        "sentence subject",
                        0.35,
                    )
            opener = _capital(w) and self.names._known(w) is None and seen == 1
            if low not in lang.conjunctions and low not in lang.adverbs and not opener:
                return None
        return None

    def _after(self, toks: list[Token], k: int) -> Link | None:
        """“…”, sagte Scholz / a-t-il dit / dijo el fiscal / Fabius a ajouté / so X."""
        j = self._chained(toks, k)
        if j >= len(toks):
            return None
        cue = self._cue_at(toks, j)
        if cue is not None:
            return cue
        phrase = self._phrase(toks, j)
        if phrase is None:
            return None
        v = j + len(phrase.tokens)
        while v < len(toks) and toks[v].text.lower() in self.lang.auxiliaries | self.lang.adverbs:
            v += 1
        if v < len(toks) and self.lang.is_speech(toks[v].text):
            return Link(phrase, toks[v], f"after-quote {toks[v].text.lower()}", 0.9, True)
        if v < len(toks) and toks[v].text.lower() in self.lang.sources_after:
            return Link(phrase, toks[v], f"after-quote {toks[v].text.lower()}", 0.85, True)
        return None

    def _cue_at(self, toks: list[Token], j: int) -> Link | None:
        """A verb (or source word) at token ``j`` with its subject after it, or none."""
        lang = self.lang
        w = toks[j].text
        low = w.lower()
        if low in lang.sources:
            phrase = self._phrase(toks, j + 1)
            if phrase is None or not self._source_like(phrase):
                return None
            return Link(phrase, toks[j], f"after-quote {low}", 0.85, True)
        verb, clitic = self._split_clitic(toks[j])
        if verb is None:
            return None
        n = j + 1
        while n < len(toks) and verb.text.lower() in lang.auxiliaries:
            if not lang.is_speech(toks[n].text):
                if toks[n].text.lower() not in lang.auxiliaries:
                    return self._passive(toks, j)
                n += 1
                continue
            verb, n = toks[n], n + 1  # "a ajouté Laurent Fabius", "a-t-il dit", "ha dicho"
        if not lang.is_speech(verb.text):
            return None
        if clitic is not None:
            return Link(self._pronoun(clitic), verb, f"after-quote {verb.text.lower()}", 0.9, True)
        while n < len(toks) and toks[n].text.lower() in lang.adverbs:
            n += 1
        if n + 1 < len(toks) and toks[n].text.lower() in lang.weak_sources:
            source = self._phrase(toks, n + 1)  # "…», confirme pour Mathilde Wattecamps"
            if source is not None and self._speaks(source):
                rule = f"after-quote {verb.text.lower()} {toks[n].text.lower()}"
                return Link(source, verb, rule, 0.8, True)
        phrase = self._phrase(toks, n) if n < len(toks) else None
        rule = f"after-quote {verb.text.lower()} (inverted)"
        if phrase is not None:
            return Link(self._apposed(toks, phrase) or phrase, verb, rule, 0.9, True)
        subject = self._past_object(toks, n)
        if subject is not None:
            return Link(subject, verb, rule, 0.85, True)
        if lang.drops_subject and (
            n >= len(toks)
            or not toks[n].text[:1].isalnum()
            or toks[n].text.lower() in {"a", "en", "al", "ante"}
        ):
            # "…", concluyó. / explicó a La Estrella: the subject is the person of the text;
            # "…", agregaron: speech, of people the verb does not name.
            rule += " no subject" if self._no_subject(verb.text) else _UNREAD
            return Link(Phrase(verb.start, verb.end, ()), verb, rule, 0.8, True)
        return None

    def _passive(self, toks: list[Token], j: int) -> Link | None:
        """ "„…“, wird in der Mitteilung betont": an auxiliary, then a speech participle a few
        words on; the phrase after a preposition between them is the source, if any."""
        lang = self.lang
        for n in range(j + 1, min(len(toks), j + 7)):
            w = toks[n].text
            if not w[:1].isalpha():
                return None
            if lang.is_speech(w):
                for m in range(j + 1, n):
                    if toks[m].text.lower() in lang.prepositions:
                        p = self._phrase(toks, m + 1)
                        if p is not None and p.end <= toks[n].start:
                            return Link(p, toks[n], f"after-quote {w.lower()} (passive)", 0.7)
                return Link(
                    Phrase(toks[n].start, toks[n].end, ()), toks[n], "passive" + _UNREAD, 0.5
                )
        return None

    def _past_object(self, toks: list[Token], n: int) -> Phrase | None:
        """ "respondieron a EL HERALDO los abogados del expresidente": the subject after the
        verb's indirect object."""
        if n >= len(toks) or toks[n].text.lower() not in self.lang.datives:
            return None
        obj = self._phrase(toks, n + 1)
        if obj is None:
            return None
        m = toks.index(obj.tokens[-1]) + 1
        subject = self._phrase(toks, m) if m < len(toks) else None
        if subject is None or subject.words[0].lower() not in self.lang.determiners:
            return None
        return subject

    def _split_clitic(self, t: Token) -> tuple[Token | None, Token | None]:
        """ "dit-il" -> (dit, il); a token without such an ending -> (itself, None)."""
        low = t.text.lower()
        for ending in sorted(self.lang.clitics, key=len, reverse=True):
            if low.endswith(ending) and len(low) > len(ending):
                cut = t.end - len(ending)
                pron = ending.rsplit("-", 1)[1]
                return (
                    Token(t.start, cut, t.text[: cut - t.start]),
                    Token(t.end - len(pron), t.end, pron),
                )
        return t, None

    def _pronoun(self, t: Token) -> Phrase:
        return Phrase(t.start, t.end, (t,))

    def _before(self, toks: list[Token], first: int, limit: int) -> Link | None:
        """ "Scholz sagte: „…“", "sagte Scholz, „…“", "selon X, « … »", "X dijo que “…”"."""
        lang = self.lang
        for k in range(first - 1, -1, -1):
            w = toks[k].text
            if w[:1] == MASK:
                return None  # another quotation lies in between: its cue is its own
            low = w.lower()
            if low in lang.sources or low in lang.weak_sources:
                phrase = self._phrase(toks, k + 1)
                weak = low not in lang.sources
                if phrase is None or phrase.end > limit or not self._source_like(phrase):
                    continue
                # "pour", "für", "para" name a source only when it is someone for sure.
                if not weak or self._speaks(phrase) or self.names._role(self._head(phrase.words)):
                    conf = 0.6 if weak else 0.8
                    return Link(phrase, toks[k], f"before-quote {low}", conf)
                continue
            verb, clitic = self._split_clitic(toks[k])
            if clitic is not None and verb is not None and lang.is_cue(verb.text):
                return Link(self._pronoun(clitic), verb, f"before-quote {verb.text.lower()}", 0.8)
            if not lang.is_cue(w) or self._noun_use(toks, k):
                continue
            conf = 0.8 if lang.is_speech(w) else 0.65
            rule = f"before-quote {low}"
            n = k + 1
            while n < first and toks[n].text.lower() in lang.adverbs | lang.auxiliaries:
                n += 1
            after = self._phrase(toks, n) if n < first else None
            if after is not None and after.end > limit:
                after = None
            if after is not None and self._speaks(after):
                return Link(after, toks[k], rule, conf)  # "sagte Scholz: „…“"
            subject = self._subject_before(toks, k)
            if subject is not None:
                return Link(subject, toks[k], rule, conf)
            if after is not None:
                return Link(after, toks[k], rule, conf)
            if lang.drops_subject and not (lang.gerunds and low.endswith(lang.gerunds)):
                if not (self._no_subject(low) and self._clause_start(toks, k)):
                    rule += _UNREAD  # a plural, or a subject that cannot be read
                return Link(Phrase(toks[k].start, toks[k].end, ()), toks[k], rule, conf * 0.9)
            return None
        return None

    def _later(self, toks: list[Token], k: int) -> Link | None:
        """A source word later in the sentence, past other quotations but no other cue
        ("« … » par la catastrophe et les « … », selon le ministère")."""
        for j in range(self._chained(toks, k), len(toks)):
            w = toks[j].text
            if self.lang.is_speech(w) and not self._noun_use(toks, j):
                return None  # a verb of its own: what follows is someone else's
            if w.lower() in self.lang.sources:
                phrase = self._phrase(toks, j + 1)
                if phrase is not None and self._source_like(phrase):
                    return Link(phrase, toks[j], f"later {w.lower()}", 0.6)
        return None

    def _noun_use(self, toks: list[Token], k: int) -> bool:
        """A cue word used as a noun: after an article or a preposition ("par tranche de",
        "la cita")."""
        if k == 0:
            return False
        prev = toks[k - 1].text.lower()
        lang = self.lang
        if prev in lang.object_clitics:
            return False  # "nos la resumió"
        return prev in lang.determiners or prev in lang.prepositions

    def _no_subject(self, verb: str) -> bool:
        """A verb that may stand without its subject, for one person: not a participle
        ("advirtiendo") nor a plural ("agregaron")."""
        lang = self.lang
        low = verb.lower()
        return (
            lang.drops_subject
            and not (lang.gerunds and low.endswith(lang.gerunds))
            and not (lang.plurals and low.endswith(lang.plurals))
        )

    def _clause_start(self, toks: list[Token], k: int) -> bool:
        """Whether the verb at ``k`` opens its clause: nothing before it but adverbs,
        clitics or a conjunction, after punctuation (a subject that cannot be read, such as
        a quoted nickname or a parenthesis, is still a subject)."""
        lang = self.lang
        j = k - 1
        skip = lang.auxiliaries | lang.adverbs | lang.object_clitics | lang.conjunctions
        while j >= 0 and toks[j].text.lower() in skip:
            j -= 1
        return j < 0 or toks[j].text in {",", ";", ":", "—", "–", "(", "."}

    def _apposition_before(self, toks: list[Token], comma: int) -> Phrase | None:
        """ "La directora de …, Myriam Calvo, explicó": the name set off by commas before
        the verb is its subject."""
        e = comma
        s = e
        while s > 0 and (
            _capital(toks[s - 1].text) or toks[s - 1].text.lower() in self.lang.particles
        ):
            s -= 1
        run = self.names._run(toks, s) if s < e else []
        if not run or len(run) != e - s or (s > 0 and toks[s - 1].text != ","):
            return self._named_before_apposition(toks, comma)
        if self.names.person([t.text for t in run], titled=True) is None:
            return None
        return Phrase(run[0].start, run[-1].end, tuple(run))

    def _named_before_apposition(self, toks: list[Token], comma: int) -> Phrase | None:
        """ "Pouria Amirshahi, député socialiste … qui a voté contre, a annoncé": the name
        before the apposition that ends at ``comma``."""
        k = comma - 1
        while k > 0 and comma - k < 30 and toks[k].text != ",":
            if toks[k].text in {".", ";", ":", "(", ")"} or toks[k].text[:1] == MASK:
                return None
            k -= 1
        if k <= 0 or toks[k].text != ",":
            return None
        s = k
        while s > 0 and (
            _capital(toks[s - 1].text) or toks[s - 1].text.lower() in self.lang.particles
        ):
            s -= 1
        run = self.names._run(toks, s) if s < k else []
        if not run or len(run) != k - s or (s > 0 and toks[s - 1].text[:1].isalnum()):
            return None
        if self.names.person([t.text for t in run], titled=True) is None:
            return None  # (an apposition is evidence enough that the run is a name)
        return Phrase(run[0].start, run[-1].end, tuple(run))

    def _speaks(self, p: Phrase) -> bool:
        """A phrase that names a speaker for sure: a pronoun, a person or a role."""
        words = p.words
        if len(words) == 1 and words[0].lower() in self.lang.pronouns:
            return True
        name = self._name_in(words)
        return bool(name) and self.names.person(name) is not None

    def _source_like(self, p: Phrase) -> bool:
        """What "según"/"so"/"pour" can name: a person, a role, a body or a source noun
        ("según sus normas" names none)."""
        if self._speaks(p):
            return True
        head = self._head(p.words)
        lang = self.lang
        return (
            self.names._role(head)
            or head in lang.bodies
            or head in lang.unnamed
            or (
                p.words[0].lower() not in lang.determiners
                and _capital(p.words[0])
                and not lang.capitalised_nouns
            )
            or (not lang.capitalised_nouns and bool(self._name_in(p.words)))  # "el Banco Central"
            or any(w.lower() in lang.bodies for w in p.words[1:])  # "das Ziel der Initiative"
        )

    def _apposed(self, toks: list[Token], p: Phrase) -> Phrase | None:
        """ "el convencional UDI, Pablo Toloza": the name in apposition to a description."""
        if self._speaks(p):
            return None
        e = toks.index(p.tokens[-1]) + 1
        while e < len(toks) and e - toks.index(p.tokens[-1]) < 12 and toks[e].text[:1].isalnum():
            e += 1  # "el convencional UDI y miembro de la comisión, Pablo Toloza"
        if e >= len(toks) or toks[e].text != ",":
            return None
        run = self.names._run(toks, e + 1) if e + 1 < len(toks) else []
        end = e + 1 + len(run)
        if not run or (end < len(toks) and toks[end].text[:1].isalnum()):
            return None
        if self.names.person([t.text for t in run]) is None:
            return None
        return Phrase(run[0].start, run[-1].end, tuple(run))

    def _subject_before(self, toks: list[Token], k: int) -> Phrase | None:
        """The phrase ending right before a verb (auxiliaries and adverbs skipped)."""
        lang = self.lang
        j = k - 1
        skip = lang.auxiliaries | lang.adverbs | lang.object_clitics
        while j >= 0 and toks[j].text.lower() in skip:
            j -= 1
        if j >= 2 and toks[j].text.lower() in lang.conjunctions and toks[j - 1].text.islower():
            return self._subject_before(toks, j - 1)  # "Biden sonrió y dijo"
        if j < 0:
            return None
        w = toks[j].text
        if w.lower() in lang.pronouns:
            return self._pronoun(toks[j])
        if w == ",":
            return self._apposition_before(toks, j)
        if not (w[:1].isalpha()):
            return None
        i = j
        while i > 0 and j - i < _NOMINAL_WORDS + 2:
            prev = toks[i - 1].text
            if not prev[:1].isalpha() or lang.is_cue(prev):
                break
            low = prev.lower()
            if low in lang.subordinators or low in lang.pronouns:
                break  # "…, que …", "qui …": the clause opens there
            i -= 1
        while i < j and toks[i].text.lower() in _LINKS - lang.determiners:
            i += 1
        while i < j and not (
            toks[i].text.lower() in lang.determiners
            or _capital(toks[i].text)
            or toks[i].text.lower() in lang.pronouns
        ):
            i += 1  # a description starts with its article or a name, not mid-clause
        phrase = self._phrase(toks, i)
        if phrase is not None and phrase.end < toks[j].end and not self._head_speaks(phrase):
            phrase = None  # "La experta en psicología … enfatizó": the head is kept
        if phrase is None:
            # the longest stretch did not parse: try the name right before the verb
            phrase = self._phrase(toks, j)
            if phrase is None or phrase.end < toks[j].end:
                return None
        return phrase

    def _head_speaks(self, p: Phrase) -> bool:
        """A phrase whose head can speak: a name, a role, a body or a source noun."""
        head = self._head(p.words)
        lang = self.lang
        return (
            bool(self._name_in(p.words))
            or self.names._role(head)
            or head in lang.bodies
            or head in lang.unnamed
        )

    def _closing(self, w: str) -> bool:
        return bool(w) and all(c in "”\"’'»«›‹“" for c in w)

    def _phrase(self, toks: list[Token], i: int) -> Phrase | None:
        """A speaker phrase starting at token ``i``: a pronoun, a name (after a title or
        role), or an article and a few nouns with their complements."""
        lang = self.lang
        if i >= len(toks):
            return None
        w = toks[i].text
        low = w.lower()
        if low in lang.pronouns:
            return self._pronoun(toks[i])
        if low in _LINKS and low not in lang.determiners and not self.names._particles_at(toks, i):
            return None  # "de …": a complement, not a speaker ("de Decker" is a name)
        j = i
        if low in lang.determiners or low in lang.titles or self.names._role(low):
            j = i + 1
        while j < len(toks) and j - i <= _NOMINAL_WORDS:
            t = toks[j].text
            tl = t.lower()
            if not t[:1].isalnum() or lang.is_cue(t) or tl in lang.sources:
                break
            particle = tl in lang.particles and self.names._particles_at(toks, j)
            if tl in lang.function_words and not particle and tl not in _LINKS:
                if tl not in lang.determiners or j == i:
                    break
                if toks[j - 1].text.lower() not in _LINKS:
                    break
            j += 1
        while j > i and toks[j - 1].text.lower() in _LINKS | lang.determiners:
            j -= 1
        if j == i:
            return None
        return Phrase(toks[i].start, toks[j - 1].end, tuple(toks[i:j]))

    # -- speakers ---------------------------------------------------------------------------

    def resolve(self, link: Link, sents: list[tuple[int, int]], si: int, masked: str) -> Resolved:
        """The speaker a linked phrase stands for (a person remembered as the last one)."""
        r = self._resolve(link, masked)
        if r.kind is SpeakerKind.PERSON and r.name is not None:
            named = r.mention.named
            self.last = (named.start, named.end, r.name)
        return r

    def _resolve(self, link: Link, masked: str) -> Resolved:
        p = link.phrase
        text = self.text[p.start : p.end]
        lang = self.lang
        if not p.tokens and link.rule.endswith(_UNREAD):
            return Resolved(None, SpeakerKind.UNKNOWN, Mention(p.start, p.end, text), "", ())
        if not p.tokens:
            return self._last_speaker(p, text) or self._antecedent(p, text, "", "no subject")
        words = p.words
        low = words[0].lower()
        if len(words) == 1 and low in lang.pronouns:
            reach = _WEAK_REACH if link.cue is None else _REACH
            return self._antecedent(p, text, lang.pronouns[low], f"pronoun {low}", reach)
        if len(words) == 1 and low in (c.rsplit("-", 1)[1] for c in lang.clitics):
            gender = next(g for c, g in lang.clitics.items() if c.endswith("-" + low))
            return self._antecedent(p, text, gender, f"pronoun {low}")
        name = self._name_in(words)
        if name:
            titled = len(name) < len(words) and any(
                w.lower() in lang.titles or self.names._role(w.lower()) for w in words
            )
            person = self.names.person(name, titled)
            if person is not None:
                return self._named(person, p, text)
        head = self._head(words)
        if head and self.names._role(head) and low not in lang.indefinite | lang.possessives:
            found = self.names.with_role(p.start, head)
            bare = not any(w.lower() in _LINKS for w in words[1:])
            if found is None and low in lang.determiners and bare:
                # "dijo el mandatario": the person the text is about; "le conseiller du
                # président" is someone else, described.
                found = self.names.before(p.start, "")
            if found is not None:
                return self._via(found, p, text, f"nominal {text}")
        if head in lang.works and low in lang.determiners:
            found = self.names.before(p.start, "")  # "le livre dénonçait": its author
            if found is not None:
                return self._via(found, p, text, f"nominal {text}")
        if head.endswith(lang.age_nouns) and head:
            found = self.names.before(p.start, "")
            if found is not None:
                return self._via(found, p, text, f"nominal {text}")
        return self._description(p, text, words)

    def _name_in(self, words: list[str]) -> list[str]:
        """The name a phrase holds: its last run of capitalised words (particles inside)
        before any complement ("der Essener AfD-Vorsitzende Stefan Keuter" -> Stefan
        Keuter; "ein Anwalt der Kanzlei Höcker" holds none; "le ministère des Affaires":
        a common noun heads it, so none either)."""
        lang = self.lang
        runs: list[list[str]] = []
        run: list[str] = []
        content = False  # a word past the article: a link word after it opens a complement
        for n, w in enumerate(words):
            low = w.lower()
            particle = low in lang.particles and (run or n == 0)
            if _capital(w) and self.names._plausible(w):
                run.append(w)
            elif particle and any(_capital(x) for x in words[n + 1 : n + 4]):
                run.append(w)  # "de Decker", "von der Leyen"
            elif run and low in lang.determiners and run[-1].lower() in lang.particles:
                run.append(w)  # the article inside "von der Leyen"
            else:
                if content and (low in _LINKS or low in lang.determiners):
                    break
                noun = w.islower() and low not in lang.determiners and low not in lang.titles
                if not content and noun and not self.names._role(low):
                    return []  # a common noun heads the phrase
                runs.append(run)
                run = []
            content = content or low not in lang.determiners
        runs.append(run)
        found = [r for r in runs if any(_capital(w) for w in r)]
        for r in found:
            while not _capital(r[-1]):
                r.pop()
        # A run the text names in full elsewhere wins ("Lindner beim Dreikönigstreffen");
        # else the last, nearest the verb ("der Essener AfD-Vorsitzende Stefan Keuter").
        known = [r for r in found if self.names._known(r[-1]) is not None]
        return (known or found or [[]])[0 if known else -1]

    def _head(self, words: list[str]) -> str:
        """The noun heading a description: its first word after the article."""
        for w in words:
            low = w.lower()
            if low in self.lang.determiners or low in self.lang.titles:
                continue
            return low
        return ""

    def _named(self, person: Person, p: Phrase, text: str) -> Resolved:
        aliases = tuple(sorted(f for f in person.forms if f != person.canonical))
        return Resolved(
            person.canonical, SpeakerKind.PERSON, Mention(p.start, p.end, text), "", aliases
        )

    def _via(self, found: tuple[int, int, Person], p: Phrase, text: str, label: str) -> Resolved:
        s, e, person = found
        ante = Mention(s, e, self.text[s:e], SpeakerKind.PERSON)
        mention = Mention(p.start, p.end, text, SpeakerKind.PERSON, antecedent=ante)
        aliases = tuple(sorted(f for f in person.forms if f != person.canonical))
        return Resolved(
            person.canonical,
            SpeakerKind.PERSON,
            mention,
            f"; {label} -> {person.canonical}",
            aliases,
        )

    def _last_speaker(self, p: Phrase, text: str) -> Resolved | None:
        """A verb without a subject ("…", concluyó) goes on with the last person quoted."""
        last = self.last
        if last is None or last[2] is None or p.start - last[0] > _REACH:
            return None
        name = last[2]
        person = self.names.people.get(fold_name(name.split()[-1]))
        if person is None or last[1] > p.start:
            return None
        return self._via((last[0], last[1], person), p, text, "no subject")

    def _antecedent(
        self, p: Phrase, text: str, gender: str, label: str, reach: int = _REACH
    ) -> Resolved:
        found = self.names.before(p.start, gender, reach)
        if found is None:
            return Resolved(None, SpeakerKind.UNKNOWN, Mention(p.start, p.end, text), "", ())
        return self._via(found, p, text, label)

    def _description(self, p: Phrase, text: str, words: list[str]) -> Resolved:
        """No person shown: an organisation or document by its noun, else an unnamed
        source as described; a lone word that is no noun phrase names no one."""
        lang = self.lang
        low = words[0].lower()
        head = self._head(words)
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
            kind = SpeakerKind.ORGANIZATION  # "UDI", "AFP": an acronym names a body
            return Resolved(words[0], kind, Mention(p.start, p.end, text, kind), "", ())
        if len(words) == 1:
            # A lone word that is no name ("Es", "Según", "Initiative"): no one.
            return Resolved(None, SpeakerKind.UNKNOWN, Mention(p.start, p.end, text), "", ())
        proper = not lang.capitalised_nouns and len(self._name_in(words)) > 1  # "el Banco Central"
        body = head in lang.bodies or proper
        kind = SpeakerKind.ORGANIZATION if body else SpeakerKind.UNNAMED
        label = text[:1].lower() + text[1:] if low in lang.determiners else text
        return Resolved(label, kind, Mention(p.start, p.end, text, kind), "", ())

    # -- what the pipeline asks besides ------------------------------------------------------

    def strong(self, cue: str) -> bool:
        return self.lang.is_speech(cue) or cue.lower() in self.lang.sources

    def headline(self, masked: str, lo: int, q: QuoteSpan) -> Link | None:
        """A headline's quotation: no subject is read from a headline in these languages."""
        return None
