"""Same-utterance clusters: one statement as rendered by different outlets.

Outlets quote a statement word for word, trim it to a few words inside reported speech, or
translate it differently ("I can't say whether or not we are on the right path" / "I can't
tell you if we're on the right track"). Two quotations are linked when their words are close
enough for their length (short ones must match exactly, long ones may be reworded), and when
their speakers agree; clusters are the connected groups of links.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from rapidfuzz import fuzz
from unidecode import unidecode

from quotedb.core.lexicon import CONTENT_STOPWORDS, CONTRACTIONS
from quotedb.core.types import Quotation, QuoteKind

CONTENT_SHARE = 0.6  # a reworded rendering keeps this share of the other's content words
CONTENT_SHARE_ONE_UNKNOWN = 0.8  # ... when one of the two speakers is unknown
MIN_CONTENT_WITHOUT_SPEAKER = 3  # content words an unattributed quotation needs to be linked
SHORT = 6  # quotations of fewer words link longer ones only when that is unambiguous
MAX_POSTINGS = 400  # words in more quotations than this don't propose candidate pairs

MAX_COMPARED = 48  # distinct renderings weighed when choosing a representative


@dataclass(frozen=True, slots=True)
class Utterance:
    """What clustering needs of a quotation: its words and a speaker key (None: unknown)."""

    text: str
    speaker: str | None = None
    source: object = None  # the article: one article rewords nobody's statement

    @property
    def words(self) -> tuple[str, ...]:
        return words_of(self.text)

    @property
    def content(self) -> tuple[str, ...]:
        return content_of(self.text)

    @property
    def blocking(self) -> frozenset[str]:
        """Words worth sharing: a pair that shares none is never compared."""
        return blocking_of(self.text)

    @property
    def short(self) -> bool:
        return is_short(self.text)


@lru_cache(maxsize=131072)
def words_of(text: str) -> tuple[str, ...]:
    """A text's words as renderings are compared (kept: clustering asks for each stored
    quotation's words again and again)."""
    return tuple(map(sys.intern, normalize(text).split()))  # cached tuples share words


@lru_cache(maxsize=65536)
def content_of(text: str) -> tuple[str, ...]:
    return tuple(w for w in words_of(text) if len(w) >= 3 and w not in CONTENT_STOPWORDS)


@lru_cache(maxsize=65536)
def blocking_of(text: str) -> frozenset[str]:
    return frozenset(content_of(text) or words_of(text))


@lru_cache(maxsize=65536)
def head_of(text: str) -> tuple[str, ...]:
    """The first half of a text's blocking words (and one more) in a fixed order, longest
    first: a text sharing half its blocking words with another shares one of these."""
    words = sorted(blocking_of(text), key=lambda w: (-len(w), w))
    return tuple(words[: len(words) // 2 + 1])


def is_short(text: str) -> bool:
    return len(words_of(text)) < SHORT


class _Transliterations(dict[int, str]):
    """unidecode's ASCII for each character met so far, for ``str.translate``: unidecode
    works character by character in Python, and news text repeats its few curly quotes and
    dashes."""

    def __missing__(self, code: int) -> str:
        self[code] = found = unidecode(chr(code))
        return found


_TRANSLITERATIONS = _Transliterations()
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def ascii_of(text: str) -> str:
    """The text as unidecode transliterates it."""
    return text if text.isascii() else text.translate(_TRANSLITERATIONS)


def normalize(text: str) -> str:
    """Lowercase ASCII words, contractions spelt out: what outlets' renderings share."""
    s = ascii_of(text).lower().replace("`", "'")
    for short, full in CONTRACTIONS:
        s = s.replace(short, full)
    return " ".join(_ASCII_WORD.findall(s))


@lru_cache(maxsize=65536)
def _present(text: str) -> dict[str, None]:
    """A text's words as a set, kept: each stored quotation is compared with many new ones (a
    dict of strings, unlike a frozenset, is no work for the garbage collector)."""
    return dict.fromkeys(words_of(text))


def _contains(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return f" {' '.join(short)} " in f" {' '.join(long)} "


def similar_words(a: str, b: str, content_share: float | None = CONTENT_SHARE) -> bool:
    """Could these texts render one statement? Stricter the shorter they are.

    Most pairs compared share a word or two, no more: their coverage rejects them before any
    string is built (a rendering contained in the other has every word present).
    """
    wa, wb = words_of(a), words_of(b)
    (short, sw), (long, lw) = ((a, wa), (b, wb)) if len(wa) <= len(wb) else ((b, wb), (a, wa))
    n = len(sw)
    if n == 0:
        return False
    if sw == lw:
        return True
    present = _present(long)
    hits = sum(map(present.__contains__, sw))
    if hits == n and n >= 2 and _contains(sw, lw):
        return True
    coverage = hits / n
    if n < 4 or coverage < 0.6:
        return False
    s, t = " ".join(sw), " ".join(lw)
    if fuzz.ratio(s, t, score_cutoff=90) or (coverage >= 0.8 and fuzz.partial_ratio(s, t) >= 90):
        return True
    if n < 5 or content_share is None or _content_share(content_of(short), present) < content_share:
        return False
    if n < 10:
        return (
            coverage >= 0.75 and fuzz.token_set_ratio(s, t) >= 85 and fuzz.partial_ratio(s, t) >= 75
        )
    return fuzz.token_set_ratio(s, t) >= 78 and fuzz.partial_ratio(s, t) >= 65


def _content_share(content: tuple[str, ...], other: dict[str, None]) -> float:
    return sum(w in other for w in content) / len(content) if content else 0.0


class Rendering(Protocol):
    """A quotation as same_utterance compares it: an Utterance, or a stored row as it is."""

    @property
    def text(self) -> str: ...

    @property
    def speaker(self) -> object: ...  # a key, None: unknown

    @property
    def source(self) -> object: ...


def same_utterance(a: Rendering, b: Rendering) -> bool:
    """Same statement: similar words, and the same speaker when both are known.

    Rewordings count only across articles, and not between two unattributed quotations; with
    one speaker unknown they must keep more of the other's content words.
    """
    sa, sb = a.speaker, b.speaker
    if sa is not None and sb is not None and sa != sb:
        return False
    if (sa is None or sb is None) and min(
        len(content_of(a.text)), len(content_of(b.text))
    ) < MIN_CONTENT_WITHOUT_SPEAKER:
        return False
    known = (sa is not None) + (sb is not None)
    if known == 0 or (a.source is not None and a.source == b.source):
        return similar_words(a.text, b.text, None)
    return similar_words(a.text, b.text, CONTENT_SHARE if known == 2 else CONTENT_SHARE_ONE_UNKNOWN)


def candidate_pairs(items: Sequence[Utterance]) -> Iterator[tuple[int, int]]:
    """Pairs that share at least half the words worth sharing of the sparer one, and whose
    speakers may agree (two known ones must be one; with one unknown, both need content).

    Linear in the number of items: words in more than ``MAX_POSTINGS`` items propose
    nothing, and each item looks only for items at least as wordy as itself, through its
    rarest words (a pair sharing half the sparer's words shares one of those: prefix
    filtering), among its speaker's items and unattributed ones. Pairs are checked as they
    are found, and only the kept ones are held, each as one number; they come in order.
    """
    blocks = [blocking_of(u.text) for u in items]
    freq = Counter(w for b in blocks for w in b)
    common = {w for w, k in freq.items() if k > MAX_POSTINGS}
    rare = [b - common if common and not common.isdisjoint(b) else b for b in blocks]
    open_ = [len(content_of(u.text)) >= MIN_CONTENT_WITHOUT_SPEAKER for u in items]
    postings = _Postings()
    for i, u in enumerate(items):
        postings.add(i, u.speaker, rare[i])
    pairs: list[int] = []  # i * n + j for i < j: a tenth of a tuple's memory
    n = len(items)
    for i, u in enumerate(items):
        need = (len(blocks[i]) + 1) // 2  # shared words the pair needs
        if need == 0 or len(rare[i]) < need or (u.speaker is None and not open_[i]):
            continue
        prefix = sorted(rare[i], key=lambda w: (freq[w], w))[: len(rare[i]) - need + 1]
        key = (len(blocks[i]), i)
        for j in postings.near(prefix, u.speaker):
            if (
                (len(blocks[j]), j) > key
                and ((open_[i] and open_[j]) or None not in (u.speaker, items[j].speaker))
                and len(rare[i] & rare[j]) >= need
            ):
                pairs.append(i * n + j if i < j else j * n + i)
    pairs.sort()
    return (divmod(p, n) for p in pairs)


class _Postings:
    """Items by rare word: each speaker's, and everybody's (an unattributed item's)."""

    def __init__(self) -> None:
        self.everybody: dict[str, list[int]] = defaultdict(list)
        self.by_speaker: dict[object, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def add(self, i: int, speaker: object, words: frozenset[str]) -> None:
        block = self.by_speaker[speaker]
        for w in words:
            self.everybody[w].append(i)
            block[w].append(i)

    def near(self, words: list[str], speaker: object) -> set[int]:
        """Items sharing one of ``words`` that ``speaker``'s item may render one utterance
        with: its speaker's and unattributed ones, or anybody's when unknown."""
        if speaker is None:
            return {j for w in words for j in self.everybody.get(w, ())}
        blocks = [self.by_speaker.get(speaker, {}), self.by_speaker.get(None, {})]
        return {j for b in blocks for w in words for j in b.get(w, ())}


def cluster(items: Sequence[Utterance]) -> list[int]:
    """A cluster number per item: items linked directly or through others share one.

    Short quotations ("a lot of people") link long ones only when they fit one cluster of
    them: a catchphrase inside two statements does not make them one. A cluster never holds
    two known speakers, even through unattributed quotations.
    """
    parent = list(range(len(items)))
    speaker = [u.speaker for u in items]  # per root: the group's known speaker

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        """Join two groups, unless an unattributed quotation would bridge two speakers."""
        ra, rb = root(a), root(b)
        if speaker[ra] is not None and speaker[rb] is not None and speaker[ra] != speaker[rb]:
            return
        low, high = min(ra, rb), max(ra, rb)
        parent[high] = low
        speaker[low] = speaker[low] or speaker[high]

    mixed: list[tuple[int, int]] = []
    for a, b in candidate_pairs(items):
        if items[a].short != items[b].short:
            mixed.append((a, b) if items[a].short else (b, a))
        elif root(a) != root(b) and same_utterance(items[a], items[b]):
            union(a, b)
    fits: dict[int, set[int]] = defaultdict(set)
    for short, long in mixed:
        if same_utterance(items[short], items[long]):
            fits[root(short)].add(root(long))
    for group, longs in fits.items():
        if len(longs) == 1:
            union(group, longs.pop())
    return [root(i) for i in range(len(items))]


def representative(texts: Sequence[str]) -> int:
    """The index of the rendering closest to all the others (the longest on a tie).

    Identical renderings are compared once, weighted by their number, and at most
    ``MAX_COMPARED`` distinct ones are compared: a cluster refreshed as it grows stays cheap.
    """
    normal = [" ".join(words_of(t)) for t in texts]  # normalized, cached
    counts = Counter(normal)
    distinct = list(counts)[:MAX_COMPARED]

    def centrality(t: str) -> tuple[float, int]:
        others = sum(counts[o] * fuzz.token_set_ratio(t, o) for o in distinct if o != t)
        return others + 100 * (counts[t] - 1), len(t)

    return normal.index(max(distinct, key=centrality))


def cluster_labels(docs: Sequence[list[Quotation]]) -> list[list[str | None]]:
    """Labels shared by quotations of one utterance across documents (None: alone, or a term)."""
    flat = [(i, k) for i, doc in enumerate(docs) for k, q in enumerate(doc)]
    flat = [(i, k) for i, k in flat if docs[i][k].kind is not QuoteKind.TERM]
    roots = cluster([Utterance(docs[i][k].text, docs[i][k].speaker, i) for i, k in flat])
    sizes = Counter(roots)
    names: dict[int, str] = {}
    out: list[list[str | None]] = [[None] * len(doc) for doc in docs]
    for (i, k), r in zip(flat, roots, strict=True):
        if sizes[r] > 1:
            out[i][k] = names.setdefault(r, f"u{len(names) + 1}")
    return out
