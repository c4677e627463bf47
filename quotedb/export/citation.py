"""What a citation needs to know about a quotation: who said it, in which article, where.

Bibliographic entries are per article (``Work``); a ``Cited`` is one quotation with its
work's facts. Keys are derived from content only (first author, or outlet or title for
unsigned work; year; first title word), so they are the same in every export and on
every database holding the same articles.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

from nameparser import HumanName
from unidecode import unidecode

from quotedb.db.models import Quotation

NAMED_SPEAKERS = ("person", "organization")
# Words that make a name an organisation's (a group author), never a person's.
ORGANISATION_WORDS = frozenset(
    """press news agency agence service services staff wire bureau office department ministry
    authority police council committee commission association institute university company
    corporation inc ltd llc plc group board administration prosecution government party union
    foundation organization organisation center centre network media reports reporters
    desk editors editorial newsroom""".split()
)
TITLE_SKIP = frozenset("a an the of in on at to for and or but is are was".split())


@dataclass(frozen=True, slots=True)
class Name:
    """A name split as citation styles need it; ``given`` is empty for one-word names and
    for organisations (a group author is written whole and never inverted)."""

    given: str
    family: str
    suffix: str = ""

    @classmethod
    def parse(cls, full: str) -> Name:
        return parse_name(full)

    @property
    def natural(self) -> str:
        """Given names first: "Antony J. Blinken"."""
        core = f"{self.given} {self.family}".strip()
        return f"{core}, {self.suffix}" if self.suffix else core

    @property
    def inverted(self) -> str:
        """Family name first: "Blinken, Antony J."."""
        core = f"{self.family}, {self.given}" if self.given else self.family
        return f"{core}, {self.suffix}" if self.suffix else core

    @property
    def initials(self) -> str:
        """APA initials: "A. J." ("Jean-Luc" gives "J.-L.")."""
        parts = []
        for word in self.given.split():
            pieces = [p for p in word.split("-") if p]
            parts.append("-".join(p[0].upper() + "." for p in pieces))
        return " ".join(parts)


def is_organisation(full: str) -> bool:
    """ "Associated Press", "Swedish Prosecution Authority", "AFP": not a person's name."""
    words = re.findall(r"[\w']+", full)
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return True
    return any(w.casefold() in ORGANISATION_WORDS for w in words)


@lru_cache(maxsize=8192)
def parse_name(full: str) -> Name:
    """A name parsed once per distinct spelling (parsing was most of a style's time)."""
    full = " ".join(full.split())
    if is_organisation(full):
        return Name("", full)
    h = HumanName(full)
    given = " ".join(p for p in (h.first, h.middle) if p)
    if not h.last:
        return Name("", given or full)
    return Name(given, h.last, h.suffix)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL with nothing in it that could end a link or start markup; else None
    (``javascript:`` and other schemes are dropped)."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.casefold()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~-._")


@lru_cache(maxsize=64)
def paragraph_starts(text: str, title: str | None) -> tuple[int, ...]:
    """Where each paragraph of the text starts: blocks between blank lines when the text
    has any, else its non-empty lines; a first paragraph that is the title is not counted.
    Cached: an article's quotations are cited one after another."""
    separator = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    starts = []
    pos = 0
    for m in re.finditer(separator, text + "\n\n"):
        block = text[pos : m.start()]
        if block.strip():
            starts.append(pos + len(block) - len(block.lstrip()))
        pos = m.end()
    first = text[starts[0] :].split("\n", 1)[0] if starts else ""
    if title and first.strip().casefold() == " ".join(title.split()).casefold():
        starts = headless(text, starts)  # the title may head a block of its own
    return tuple(starts)


def headless(text: str, starts: list[int]) -> list[int]:
    """Paragraph starts without the title's line: a block the title heads keeps the rest."""
    rest = text.find("\n", starts[0]) + 1
    end = starts[1] if len(starts) > 1 else len(text)
    if rest == 0 or rest >= end or not text[rest:end].strip():
        return starts[1:]
    return [rest + len(text[rest:end]) - len(text[rest:end].lstrip()), *starts[1:]]


def paragraph_of(text: str, title: str | None, offset: int) -> int | None:
    """The paragraph number (from 1) holding ``offset``, as APA's "para." counts them."""
    n = bisect.bisect_right(paragraph_starts(text, title), offset)
    return n or None


def locator(text: str, title: str | None, start: int, quoted: str) -> int | None:
    """The paragraph of a quotation; one in the headline is looked for again in the body,
    and is 0 (the headline: APA 8.28 lets a heading locate words) when only there."""
    found = paragraph_of(text, title, start)
    if found is None and (starts := paragraph_starts(text, title)):
        again = text.find(quoted.strip().rstrip(",;:"), starts[0])
        found = paragraph_of(text, title, again) if again >= 0 else 0
    return found


SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']*\s+(?=[“\"A-Z])|\n")


def sentence_around(text: str, start: int, end: int) -> str | None:
    """The sentence of the article holding text[start:end], its quotation marks curly."""
    begin = 0
    for m in SENTENCE_END.finditer(text, 0, max(start - 1, 0)):
        begin = m.end()
    after = SENTENCE_END.search(text, end + 1)
    stop = after.start() if after else len(text)
    if start < 1 or end >= len(text) or stop - begin > 600:
        return None
    sentence = text[begin : start - 1] + "“" + text[start:end] + "”" + text[end + 1 : stop]
    return " ".join(sentence.split())


@dataclass(frozen=True, slots=True)
class Cited:
    """One quotation with the bibliographic facts of the article that reports it."""

    key: str
    text: str
    speaker: str | None
    speaker_kind: str | None
    title: str | None
    outlet: str | None
    authors: tuple[Name, ...]
    published: dt.date | None
    url: str | None
    article_id: int
    article_hash: str
    start: int
    end: int
    kind: str = "direct"
    speaker_mention: str | None = None
    paragraph: int | None = None  # from 1; 0 for the headline
    sentence: str | None = None

    @property
    def speaker_name(self) -> Name | None:
        """The speaker as a name; an organisation whole, an unnamed source as the text
        names it ("a senior official")."""
        if self.speaker_kind == "unnamed":
            named = self.speaker_mention or self.speaker
            return Name("", unnamed_phrase(named)) if named else None
        if not self.speaker or self.speaker_kind not in NAMED_SPEAKERS:
            return None
        if self.speaker_kind == "organization":
            return Name("", self.speaker)
        return Name.parse(self.speaker)

    @property
    def place(self) -> str | None:
        """The locator: "para. 4", or "headline" for words only in the title."""
        if self.paragraph is None:
            return None
        return f"para. {self.paragraph}" if self.paragraph else "headline"

    @property
    def year(self) -> int | None:
        return self.published.year if self.published else None

    @property
    def quote(self) -> str:
        """The quotation without the trailing comma or colon the sentence around it added."""
        return self.text.strip().rstrip(",;:— ").strip()

    @property
    def partial(self) -> bool:
        """Words woven into reported speech rather than a sentence of their own."""
        return self.kind == "partial" or len(self.quote.split()) < 3


def unnamed_phrase(text: str) -> str:
    """ "A senior official" as it reads inside a sentence: "a senior official"."""
    text = " ".join(text.split())
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "The", "One", "Two", "Three", "Some", "Several"):
        return f"{first.lower()} {rest}".strip()
    return text


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def key_stem(
    authors: tuple[Name, ...], outlet: str | None, title: str | None, year: int | None
) -> str:
    """``crowley2022blinken``: first author (else outlet, else title), year, title word."""
    words = re.findall(r"\w+", unidecode(title or ""))
    words = [w for w in words if len(w) > 1 and w.lower() not in TITLE_SKIP]
    lead = (
        slug(authors[0].family)
        if authors
        else slug(outlet or "") or slug(words[0] if words else "")
    )
    word = slug(words[0]) if words else ""
    return f"{lead[:24] or 'anon'}{year or 'nd'}{word[:16]}"


def cite(q: Quotation, key: str) -> Cited:
    a = q.article
    return Cited(
        key=key,
        text=q.text,
        speaker=q.speaker.name if q.speaker else None,
        speaker_kind=q.speaker.kind if q.speaker else None,
        title=a.title,
        outlet=a.outlet,
        authors=tuple(Name.parse(n) for n in a.authors or [] if n.strip()),
        published=a.published,
        url=a.url,
        article_id=a.id,
        article_hash=a.content_hash,
        start=q.start,
        end=q.end,
        kind=q.kind,
        speaker_mention=q.speaker_mention,
        paragraph=locator(a.text, a.title, q.start, q.text),
        sentence=sentence_around(a.text, q.start, q.end),
    )


def article_keys(quotations: Iterable[Quotation]) -> dict[int, str]:
    """A key per article, unique within the export: articles sharing a stem are told apart
    by letters given in the order of their content hashes (the same on every database)."""
    stems: dict[str, dict[int, str]] = {}
    for q in quotations:
        a = q.article
        names = tuple(Name.parse(n) for n in a.authors or [] if n.strip())
        stem = key_stem(names, a.outlet, a.title, a.published.year if a.published else None)
        stems.setdefault(stem, {})[a.id] = a.content_hash
    keys: dict[int, str] = {}
    for stem, articles in stems.items():
        ordered = sorted(articles, key=lambda i: articles[i])
        if len(ordered) == 1:
            keys[ordered[0]] = stem
            continue
        keys |= {a: stem + letters(n) for n, a in enumerate(ordered)}
    return keys


def letters(n: int) -> str:
    """a, b, ..., z, aa, ab, ...: a suffix for the n-th work sharing a key."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
    return out


def cite_all(quotations: Iterable[Quotation]) -> list[Cited]:
    """Citations in order, each keyed by its article's key."""
    qs = list(quotations)
    keys = article_keys(qs)
    return [cite(q, keys[q.article.id]) for q in qs]


@dataclass(frozen=True, slots=True)
class Work:
    """One article as a bibliographic entry, with the quotations cited from it."""

    first: Cited
    quotations: tuple[Cited, ...]


def works(cited: Iterable[Cited]) -> list[Work]:
    """Citations grouped into one entry per article, in the order articles first appear."""
    groups: dict[int, list[Cited]] = {}
    for c in cited:
        groups.setdefault(c.article_id, []).append(c)
    return [Work(cs[0], tuple(cs)) for cs in groups.values()]
