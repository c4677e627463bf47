"""Citation lists in APA 7, MLA 9 and Chicago 17 (notes and bibliography).

Every quotation is cited the way each style cites words quoted in someone else's work
(APA "as cited in", MLA "qtd. in", Chicago "quoted in"), and the articles are listed
once each in the reference list. Italics are written as Markdown ``*...*``; everything
taken from an article is escaped first, so no markup or HTML of a page reaches the list,
and only http(s) URLs are written. Titles keep the case they were stored in (sentence
case cannot be made without knowing proper nouns), except APA's in-text short titles,
which its rule puts in title case.

News website or newspaper (APA 7, 10.1, examples 16 and 17): an outlet whose name has a
newspaper word in it ("Times", "Herald", "Zeitung", ...) is a newspaper, and its name is
italic; any other outlet (broadcasters, agencies, online-only sites) is a news website,
and the article's title is italic instead. Nothing else about an outlet is known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from quotedb.export.citation import Cited, Name, safe_url
from quotedb.export.formats import md

MLA_MONTHS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
UNTITLED = "Untitled article"
NEWSPAPER_WORDS = frozenset(
    """times post herald journal tribune gazette chronicle daily observer telegraph courier
    inquirer examiner register bulletin record dispatch star sun mail express independent
    guardian globe sentinel statesman review standard mirror argus advocate enquirer zeitung
    allgemeine tagblatt rundschau kurier presse journal libération monde figaro
    diario periódico periodico heraldo gaceta crónica""".split()
)
# APA 6.17: minor words (articles, short conjunctions and prepositions) stay lowercase in
# title case unless first, or first after a colon or dash.
MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via".split()
)


def escaped(c: Cited) -> Cited:
    """The citation with every stored string made inert Markdown (no HTML, no markup)."""

    def esc(text: str | None) -> str | None:
        return md(text) if text is not None else None

    def name(n: Name) -> Name:
        return Name(md(n.given), md(n.family), md(n.suffix))

    return replace(
        c,
        text=md(c.text),
        speaker=esc(c.speaker),
        speaker_mention=esc(c.speaker_mention),
        title=esc(c.title),
        outlet=esc(c.outlet),
        authors=tuple(name(n) for n in c.authors),
        url=safe_url(c.url),
        sentence=esc(c.sentence),
    )


def is_newspaper(outlet: str | None) -> bool:
    words = re.findall(r"\w+", (outlet or "").casefold())
    return any(w in NEWSPAPER_WORDS for w in words)


def title_case(title: str) -> str:
    """APA title case: major words and words of four letters or more capitalised."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        after_break = i == 0 or words[i - 1].endswith((":", "—", "–"))
        bare = word.strip("“”\"'‘’(").casefold()
        if not after_break and bare in MINOR_WORDS:
            out.append(word.lower() if word.islower() or word.istitle() else word)
        elif word[:1].islower():
            out.append(word[0].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def ends_sentence(text: str) -> bool:
    return text.rstrip("”’\"'").endswith(("?", "!", "."))


def with_period(text: str) -> str:
    return text if ends_sentence(text) else text + "."


def short_title(title: str, words: int = 4) -> str:
    """Up to four words of the title before any colon, in title case (APA 8.14, MLA,
    CMOS 14.30), never ending on a minor word ("Flood Barriers Fail", not "... as")."""
    head = title.split(":")[0].split()[:words]
    while len(head) > 1 and head[-1].strip(",;.").casefold() in MINOR_WORDS:
        head.pop()
    return title_case(" ".join(head).rstrip(",;."))


def quoted(title: str) -> str:
    """A title to go inside double quotation marks: its own double quotes made single."""
    return title.replace("“", "‘").replace("”", "’").replace('"', "'")


def bare_quote(c: Cited) -> str:
    """The words for “…” followed by a parenthetical: a final period moves after it."""
    text = c.quote
    return text[:-1] if text.endswith(".") and not text.endswith("...") else text


def sort_key(entry: str) -> str:
    plain = re.sub(r"[*“”\"\[\]\\]", "", entry)
    return LEADING_ARTICLE.sub("", plain).casefold()


def speaker_family(c: Cited) -> str | None:
    name = c.speaker_name
    return name.family if name else None


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Rendered:
    quotations: list[str]  # one line per quotation, in order
    notes: list[str]  # Chicago only
    references: list[str]  # sorted, one per article


# --- APA 7 -------------------------------------------------------------------------------


def apa_name(n: Name) -> str:
    """ "Crowley, M."; a group author ("Associated Press") whole, never inverted (9.11)."""
    core = f"{n.family}, {n.initials}" if n.initials else n.family
    return f"{core}, {n.suffix}" if n.suffix else core


def apa_authors(names: tuple[Name, ...]) -> str:
    parts = [apa_name(n) for n in names]
    if len(parts) == 1:
        return parts[0]
    if len(parts) > 20:
        return ", ".join(parts[:19]) + ", . . . " + parts[-1]
    return ", ".join(parts[:-1]) + ", & " + parts[-1]


def apa_in_text_authors(names: tuple[Name, ...]) -> str:
    if len(names) == 1:
        return names[0].family
    if len(names) == 2:
        return f"{names[0].family} & {names[1].family}"
    return f"{names[0].family} et al."


def apa_year(c: Cited, suffix: str) -> str:
    if c.published is None:
        return f"n.d.-{suffix}" if suffix else "n.d."
    return f"{c.published.year}{suffix}"


def apa_suffixes(cited: list[Cited]) -> dict[int, str]:
    """2022a, 2022b: letters for articles by the same authors in the same year."""
    by_author_year: dict[tuple[str, str], dict[int, str]] = {}
    for c in cited:
        lead = apa_authors(c.authors) if c.authors else (c.title or UNTITLED)
        by_author_year.setdefault((lead, apa_year(c, "")), {})[c.article_id] = c.title or ""
    letters: dict[int, str] = {}
    for articles in by_author_year.values():
        if len(articles) > 1:
            ordered = sorted(articles, key=lambda a: sort_key(articles[a]))
            letters |= {a: "abcdefghijklmnopqrstuvwxyz"[i % 26] for i, a in enumerate(ordered)}
    return letters


def apa_title(c: Cited) -> str:
    """The title part: italic for a news website, plain for a newspaper (10.1); an
    untitled work gets a bracketed description (9.21)."""
    if not c.title:
        return f"[{UNTITLED}]."
    if c.outlet and is_newspaper(c.outlet):
        return with_period(c.title)
    return f"*{c.title}*" + ("" if ends_sentence(c.title) else ".")


def apa_reference(c: Cited, suffix: str) -> str:
    year = apa_year(c, suffix)
    date = f"{year}, {c.published:%B} {c.published.day}" if c.published else year
    source = ""
    if c.outlet:
        source = f"*{c.outlet}*." if is_newspaper(c.outlet) else with_period(c.outlet)
    tail = [source, c.url or ""]
    if c.authors:
        head = [with_period(apa_authors(c.authors)), f"({date}).", apa_title(c)]
    else:  # 9.12: the title moves to the author position
        head = [apa_title(c), f"({date})."]
    return " ".join(p for p in head + tail if p)


def apa_short_title(c: Cited) -> str:
    """8.14: an unsigned work's short title, in title case, italic where the reference
    list italicises it, else in quotation marks."""
    if not c.title:
        return f"[{UNTITLED}]"
    short = short_title(c.title)
    if c.outlet and is_newspaper(c.outlet):
        return f"“{short},”"
    return f"*{short}*,"


def apa_citation(c: Cited, suffix: str) -> str:
    """8.6 secondary source ("as cited in") and 8.25 a locator for a direct quotation
    from an unpaginated work: "para. N", the paragraphs counted in the stored text."""
    year = apa_year(c, suffix)
    if c.authors:
        source = f"{apa_in_text_authors(c.authors)}, {year}"
    else:
        short = apa_short_title(c)
        source = f"{short} {year}" if short.endswith((",", ",”")) else f"{short}, {year}"
    if c.place:
        source += f", {c.place}"
    who = c.speaker_name
    if who:
        source = f"{who.family}, as cited in {source}"
    return f"“{bare_quote(c)}” ({source})."


def apa(cited: list[Cited]) -> Rendered:
    cited = [escaped(c) for c in cited]
    letters = apa_suffixes(cited)
    refs = {c.article_id: apa_reference(c, letters.get(c.article_id, "")) for c in cited}
    quotes = [apa_citation(c, letters.get(c.article_id, "")) for c in cited]
    return Rendered(quotes, [], sorted(refs.values(), key=sort_key))


# --- MLA 9 -------------------------------------------------------------------------------


def mla_authors(names: tuple[Name, ...]) -> str:
    if len(names) == 1:
        return names[0].inverted
    if len(names) == 2:
        return f"{names[0].inverted}, and {names[1].natural}"
    return f"{names[0].inverted}, et al"


def mla_in_text(c: Cited) -> str:
    if not c.authors:
        return f"“{quoted(short_title(c.title))}”" if c.title else UNTITLED
    if len(c.authors) == 1:
        return c.authors[0].family
    if len(c.authors) == 2:
        return f"{c.authors[0].family} and {c.authors[1].family}"
    return f"{c.authors[0].family} et al."


def mla_date(d: dt.date) -> str:
    return f"{d.day} {MLA_MONTHS[d.month - 1]} {d.year}"


def mla_url(url: str) -> str:
    return re.sub(r"^https?://", "", url)


def mla_reference(c: Cited) -> tuple[str, str]:
    """(author part, rest): the author part is replaced by "---" for repeated authors."""
    author = with_period(mla_authors(c.authors)) if c.authors else ""
    title = f"“{with_period(quoted(c.title))}”" if c.title else f"{UNTITLED}."
    container = [f"*{c.outlet}*" if c.outlet else ""]
    container += [mla_date(c.published) if c.published else "", mla_url(c.url) if c.url else ""]
    rest = ", ".join(p for p in container if p)
    return author, " ".join(p for p in (title, with_period(rest) if rest else "") if p)


def sentence_body(sentence: str) -> str:
    """A sentence without its final period (inside or outside a closing quotation mark),
    which moves after the parenthetical citation."""
    m = re.search(r"\.([”’]*)$", sentence)
    return sentence[: m.start()] + m.group(1) if m else sentence


def mla_woven(c: Cited, who: Name | None) -> str | None:
    """MLA 6.32, a partial quotation integrated into a sentence: the article's own sentence
    when it names the speaker, else a sentence that introduces the words as theirs."""
    if c.sentence and (not who or who.family in c.sentence):
        return sentence_body(c.sentence)
    if not who:
        return None
    words = "word" if len(c.quote.split()) == 1 else "words"
    return f"{capitalised(who.natural)} used the {words} “{bare_quote(c)}”"


def mla_citation(c: Cited) -> str:
    """MLA 6.28 (author of the source named in the sentence), 6.36 "qtd. in"."""
    who = c.speaker_name
    if c.partial and (woven := mla_woven(c, who)):
        return f"{woven} ({'qtd. in ' if who else ''}{mla_in_text(c)})."
    if who:
        return f"{capitalised(who.natural)} said, “{bare_quote(c)}” (qtd. in {mla_in_text(c)})."
    return f"“{bare_quote(c)}” ({mla_in_text(c)})."


def mla(cited: list[Cited]) -> Rendered:
    cited = [escaped(c) for c in cited]
    entries = {c.article_id: mla_reference(c) for c in cited}
    ordered = sorted(entries.values(), key=lambda e: (sort_key(e[0] or e[1]), sort_key(e[1])))
    refs: list[str] = []
    previous = None
    for author, rest in ordered:
        shown = "---." if author and author == previous else author
        refs.append(f"{shown} {rest}".strip())
        previous = author
    return Rendered([mla_citation(c) for c in cited], [], refs)


# --- Chicago 17, notes and bibliography --------------------------------------------------


def chicago_outlet(outlet: str) -> str:
    """Chicago drops an initial "The" from a newspaper's name (CMOS 14.193)."""
    return "*" + re.sub(r"^The\s+", "", outlet) + "*"


def chicago_note_authors(names: tuple[Name, ...], short: bool = False) -> str:
    shown = [n.family if short else n.natural for n in names]
    if len(shown) >= 4:
        return f"{shown[0]} et al."
    if len(shown) == 3:
        return f"{shown[0]}, {shown[1]}, and {shown[2]}"
    return " and ".join(shown)


def chicago_bib_authors(names: tuple[Name, ...]) -> str:
    if len(names) > 10:
        names = names[:7]
        return ", ".join([names[0].inverted] + [n.natural for n in names[1:]]) + ", et al."
    if len(names) == 1:
        return names[0].inverted
    rest = [n.natural for n in names[1:]]
    return ", ".join([names[0].inverted, *rest[:-1]]) + ", and " + rest[-1]


def chicago_date(d: dt.date | None) -> str:
    return f"{d:%B} {d.day}, {d.year}" if d else "n.d."


def chicago_title(title: str | None, closing: str) -> str:
    """“Title,” with the comma or period inside the quotation marks (none after ? or !)."""
    if not title:
        return f"{'U' if closing == '.' else 'u'}ntitled article{closing}"
    title = quoted(title)
    return f"“{title}”" if ends_sentence(title) else f"“{title}{closing}”"


def chicago_note(c: Cited) -> str:
    """CMOS 14.191 a newspaper article; 14.207 unsigned: the headline leads the note."""
    lead = [chicago_note_authors(c.authors) + ","] if c.authors else []
    lead += [chicago_title(c.title, ",")]
    lead += [chicago_outlet(c.outlet) + ","] if c.outlet else []
    tail = chicago_date(c.published) + (f", {c.url}" if c.url else "")
    body = " ".join([*lead, with_period(tail)])
    who = c.speaker_name
    return f"{who.natural}, quoted in {body}" if who else body


def chicago_short_note(c: Cited) -> str:
    """CMOS 14.29 short notes: author's surname and short title, or the short title alone."""
    source = f"{chicago_note_authors(c.authors, short=True)}, " if c.authors else ""
    body = source + chicago_title(short_title(c.title) if c.title else None, ".")
    family = speaker_family(c)
    return f"{family}, quoted in {body}" if family else body


def chicago_reference(c: Cited) -> str:
    """CMOS 14.207: an unsigned article is listed under the newspaper's name."""
    if c.authors:
        lead = [with_period(chicago_bib_authors(c.authors)), chicago_title(c.title, ".")]
        container = (
            f"{chicago_outlet(c.outlet)}, {chicago_date(c.published)}"
            if c.outlet
            else chicago_date(c.published)
        )
    elif c.outlet:
        lead = [chicago_outlet(c.outlet) + ".", chicago_title(c.title, ".")]
        container = chicago_date(c.published)
    else:
        lead = [chicago_title(c.title, ".")]
        container = chicago_date(c.published)
    entry = " ".join([*lead, with_period(container)] + ([with_period(c.url)] if c.url else []))
    return capitalised(entry)


def chicago_quote(c: Cited) -> str:
    text = c.quote
    return f"“{text}”" if ends_sentence(text) else f"“{text}.”"


def chicago(cited: list[Cited]) -> Rendered:
    cited = [escaped(c) for c in cited]
    quotes, notes, seen = [], [], set()
    for n, c in enumerate(cited, 1):
        note = chicago_short_note(c) if c.article_id in seen else with_period(chicago_note(c))
        notes.append(capitalised(note))
        seen.add(c.article_id)
        quotes.append(f"{chicago_quote(c)}[^{n}]")
    refs = {c.article_id: chicago_reference(c) for c in cited}
    return Rendered(
        quotes,
        [f"[^{n}]: {t}" for n, t in enumerate(notes, 1)],
        sorted(refs.values(), key=sort_key),
    )


STYLES: dict[str, tuple[str, Callable[[list[Cited]], Rendered], str]] = {
    "apa": ("APA 7th edition", apa, "References"),
    "mla": ("MLA 9th edition", mla, "Works Cited"),
    "chicago": ("Chicago 17th edition, notes and bibliography", chicago, "Bibliography"),
}
