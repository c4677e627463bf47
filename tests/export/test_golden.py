"""A golden file per style: 21 articles, 24 quotations, of the kinds news pages have.

Each case names the rule it exercises (APA 7 section, MLA 9 section, CMOS 17 paragraph);
the golden files were checked by hand against those rules. Set QUOTEDB_UPDATE_GOLDEN=1
to rewrite them after a deliberate change, and read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from quotedb.export.citation import Cited, Name
from quotedb.export.styles import STYLES

GOLDEN = Path(__file__).parent / "golden"
D = dt.date


def names(*full: str) -> tuple[Name, ...]:
    return tuple(Name.parse(n) for n in full)


def case(n: int, text: str, speaker: str | None, **kw: object) -> Cited:
    base: dict[str, object] = {
        "key": f"k{n}",
        "text": text,
        "speaker": speaker,
        "speaker_kind": "person" if speaker else None,
        "title": None,
        "outlet": None,
        "authors": (),
        "published": None,
        "url": None,
        "article_id": n,
        "article_hash": f"h{n}",
        "start": 10,
        "end": 20,
        "paragraph": 2,
    }
    return Cited(**(base | kw))  # type: ignore[arg-type]


CASES = [
    # One author, a newspaper (APA 10.1 ex. 16: newspaper italic; 8.6 "as cited in"; 8.25
    # para.); MLA 6.36 "qtd. in"; CMOS 14.191 newspaper note.
    case(
        1,
        "We will reopen the bridge before the winter comes.",
        "Maria Okafor",
        title="Bridge to reopen after two years of repairs",
        outlet="The Riverside Herald",
        authors=names("Daniel Brennan"),
        published=D(2019, 11, 18),
        paragraph=4,
        url="https://riversideherald.example/2019/11/18/bridge",
    ),
    # Two authors (APA 8.17 "&"; MLA two authors "X and Y"; CMOS 14.76 two authors).
    case(
        2,
        "The numbers simply do not add up,",
        "Thomas Whitfield",
        title="Audit finds gaps in the county budget",
        outlet="Lakeside Daily Journal",
        authors=names("Priya Raman", "Owen Castillo"),
        published=D(2019, 11, 20),
        paragraph=7,
    ),
    # Three authors, a news website (APA 8.17 "et al."; 10.1 ex. 17: the title italic,
    # the site plain); MLA "et al." for three or more; CMOS 14.76 three authors in notes.
    case(
        3,
        "Is anyone going to answer for this?",
        "Lena Vogel",
        title="Hospital waiting lists grow longer",
        outlet="Northwind News",
        authors=names("Ann Lee", "Bo Park", "Cy Diaz"),
        published=D(2019, 11, 21),
        url="https://northwind.example/health/waiting-lists",
        paragraph=12,
    ),
    # An agency as group author (APA 9.11: written whole, never inverted).
    case(
        4,
        "We are assessing the damage and will publish figures tomorrow,",
        "Swedish Prosecution Authority",
        speaker_kind="organization",
        title="Storm cuts power to thousands",
        outlet="Continental Press Online",
        authors=names("Continental Press"),
        published=D(2019, 11, 22),
        paragraph=3,
    ),
    # Unsigned, newspaper (APA 9.12 title in the author position; 8.14 short title in
    # title case, in quotation marks; MLA a shortened title in the parenthesis; CMOS
    # 14.207 the headline leads the note, the newspaper the bibliography entry).
    case(
        5,
        "The water came up faster than anyone expected,",
        "Hannah Moreau",
        title="Flood barriers fail as river rises in the valley",
        outlet="The Coastal Times",
        published=D(2019, 11, 19),
        paragraph=5,
    ),
    # Unsigned, news website (APA 8.14: short title italic, as in the reference).
    case(
        6,
        "Our members voted to accept the offer.",
        "Rafael Ortiz",
        title="Union accepts pay deal after long strike",
        outlet="Metro Wire",
        published=D(2019, 11, 23),
        paragraph=2,
        url="https://metrowire.example/union",
    ),
    # No date (APA 9.17 "n.d."; MLA: an unknown date left out; CMOS "n.d." for no date).
    case(
        7,
        "Nobody told us the school would close.",
        "Grace Thornton",
        title="Parents protest school closure",
        outlet="Valley Courier",
        authors=names("Samuel Idowu"),
        paragraph=6,
    ),
    # An unnamed source, named as the text names it (APA 8.6; MLA 6.36; CMOS 14.260).
    case(
        8,
        "The decision was made weeks ago,",
        "a senior official",
        speaker_kind="unnamed",
        speaker_mention="A senior official",
        title="Ministry delays trade report",
        outlet="Harbor City Tribune",
        authors=names("Elena Petrova"),
        published=D(2019, 11, 14),
        paragraph=9,
    ),
    # An organisation speaker whole, never cut to its last word.
    case(
        9,
        "The preliminary investigation has been discontinued.",
        "Swedish Prosecution Authority",
        speaker_kind="organization",
        title="Prosecutors drop inquiry into tender",
        outlet="Nordic Gazette",
        authors=names("Erik Lund"),
        published=D(2019, 11, 19),
        paragraph=3,
    ),
    # A one-word partial quotation (MLA 6.32: woven into a sentence, not "X said, ...").
    case(
        10,
        "appalled",
        "Eric Reeves",
        kind="partial",
        sentence="Reeves said he was “appalled” by the court's ruling.",
        title="Court upholds eviction order",
        outlet="Eastside Chronicle",
        authors=names("Nadia Haddad"),
        published=D(2019, 11, 17),
        paragraph=8,
    ),
    # A partial quotation whose sentence does not name the speaker (MLA 6.32).
    case(
        11,
        "a reckless gamble with public money",
        "Oliver Grant",
        kind="partial",
        sentence="He called the stadium plan “a reckless gamble with public money.”",
        title="Stadium plan divides council",
        outlet="Hillcrest Observer",
        authors=names("Ruth Abebe"),
        published=D(2019, 11, 12),
        paragraph=4,
    ),
    # A quotation only in the headline (APA 8.28: a heading as the locator).
    case(
        12,
        "We got her!",
        "Carla Jimenez",
        paragraph=0,
        title="Rescue video shows officers finding missing girl: “We got her!”",
        outlet="Channel Nine News",
        authors=names("Mark Ellison"),
        published=D(2019, 11, 11),
    ),
    # Same author, same year (APA 8.19: 2019a, 2019b ordered by title).
    case(
        13,
        "Rents rose again this quarter,",
        "Isabel Nunez",
        title="Rents climb for a fifth quarter",
        outlet="The Riverside Herald",
        authors=names("Daniel Brennan"),
        published=D(2019, 10, 2),
        paragraph=2,
    ),
    # A suffix (APA 9.8 "Hale, R., Jr."; MLA "Hale, Robert, Jr.").
    case(
        14,
        "The museum will stay open late on Fridays.",
        "Yusuf Demir",
        title="Museum extends opening hours",
        outlet="Greenfield Post",
        authors=names("Robert Hale Jr."),
        published=D(2019, 9, 30),
        paragraph=3,
    ),
    # A hyphenated given name (APA 9.8 initials "J.-L.").
    case(
        15,
        "We expect the vineyard harvest to be small.",
        "Claire Dubois",
        title="Frost damages vineyards",
        outlet="Southern Review Weekly",
        authors=names("Jean-Luc Martin"),
        published=D(2019, 9, 29),
        paragraph=10,
    ),
    # No title (APA 9.21 a bracketed description; MLA a plain description; CMOS untitled).
    case(
        16,
        "The ferry service resumes on Monday.",
        "Peter Holm",
        outlet="Island Bulletin",
        authors=names("Sara Quist"),
        published=D(2019, 9, 3),
    ),
    # No speaker identified (APA 8.25 the quotation cited to the article alone).
    case(
        17,
        "Open the door!",
        None,
        speaker_kind=None,
        title="Police search home in kidnapping case",
        outlet="Prairie Star",
        authors=names("Lucas Gordon"),
        published=D(2019, 8, 30),
        paragraph=11,
    ),
    # A title ending in a question mark (CMOS 6.119: no comma after a question mark).
    case(
        18,
        "Voters want answers, not slogans,",
        "Mei Tanaka",
        title="Who will pay for the new tram line?",
        outlet="Capital Examiner",
        authors=names("Jonas Berg"),
        published=D(2019, 8, 28),
        paragraph=14,
    ),
    # No outlet, no URL: only what is known is written.
    case(
        19,
        "Every child deserves a safe walk to school.",
        "Aisha Bello",
        title="Neighbours call for crossing guards",
        authors=names("Tom Fischer"),
        published=D(2019, 8, 20),
        paragraph=1,
    ),
    # Four authors (APA 9.8 all listed, "&" before the last; CMOS 14.76 "et al." in notes
    # for four or more).
    case(
        20,
        "This is the largest find in a decade,",
        "Kofi Mensah",
        title="Archaeologists uncover Roman villa",
        outlet="The Midland Gazette",
        authors=names("Ana Silva", "Ben Cole", "Chen Wei", "Dara Walsh"),
        published=D(2019, 8, 15),
        paragraph=6,
    ),
    # Same author, same year, second article (APA 8.19).
    case(
        21,
        "The harbour will be dredged next spring.",
        "Victor Lang",
        title="Harbour upgrade approved",
        outlet="The Riverside Herald",
        authors=names("Daniel Brennan"),
        published=D(2019, 12, 5),
        paragraph=3,
    ),
]
# Later quotations from articles already cited: Chicago 14.29 short notes.
CASES += [
    case(1, "Traffic will be light at first,", "Maria Okafor",
         title=CASES[0].title, outlet=CASES[0].outlet, authors=CASES[0].authors,
         published=CASES[0].published, url=CASES[0].url, paragraph=6),
    case(5, "We lost everything on the ground floor.", "Joel Park",
         title=CASES[4].title, outlet=CASES[4].outlet, published=CASES[4].published,
         paragraph=8),
    case(8, "Nobody wanted the numbers out before the vote,", "a senior official",
         speaker_kind="unnamed", speaker_mention="the official", title=CASES[7].title,
         outlet=CASES[7].outlet, authors=CASES[7].authors, published=CASES[7].published,
         paragraph=10),
]  # fmt: skip


def rendered(style: str) -> str:
    _, render, heading = STYLES[style]
    r = render(CASES)
    parts = ["# Quotations", *r.quotations]
    parts += ["# Notes", *r.notes] if r.notes else []
    parts += [f"# {heading}", *r.references]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("style", sorted(STYLES))
def test_golden(style: str) -> None:
    path = GOLDEN / f"{style}.md"
    if os.environ.get("QUOTEDB_UPDATE_GOLDEN"):
        path.write_text(rendered(style), encoding="utf-8")
    assert rendered(style) == path.read_text(encoding="utf-8")


def test_golden_sizes() -> None:
    assert len({c.article_id for c in CASES}) >= 20
    for style in STYLES:
        text = (GOLDEN / f"{style}.md").read_text(encoding="utf-8")
        assert len(text.split("\n\n")) >= 2 * 20
