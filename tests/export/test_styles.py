"""APA 7, MLA 9 and Chicago 17 against examples written by hand from each style's rules.

The rules exercised: a quotation by someone other than the author ("as cited in" /
"qtd. in" / "quoted in"); two authors and three or more; no author (title, or for
Chicago the newspaper, takes the author's place); no date ("n.d." for APA and Chicago,
nothing for MLA); same authors and year (APA 2022a/2022b); repeated authors (MLA "---").
"""

from __future__ import annotations

import datetime as dt

from quotedb.export.citation import Cited, Name
from quotedb.export.styles import apa, chicago, mla

NYT_URL = "https://www.nytimes.com/2022/01/18/us/politics/blinken-russia.html"
NYT_TITLE = "Blinken Will Meet With Russia as U.S. Pushes for More Diplomacy"


def cited(**kw: object) -> Cited:
    base: dict[str, object] = {
        "key": "k",
        "text": "We will understand this when we get the American response on paper,",
        "speaker": "Sergey V. Lavrov",
        "speaker_kind": "person",
        "title": NYT_TITLE,
        "outlet": "The New York Times",
        "authors": (Name.parse("Michael Crowley"), Name.parse("Anton Troianovski")),
        "published": dt.date(2022, 1, 18),
        "url": NYT_URL,
        "article_id": 1,
        "article_hash": "h1",
        "start": 10,
        "end": 80,
    }
    return Cited(**(base | kw))  # type: ignore[arg-type]


UNSIGNED = cited(
    text="There is no trade space there — none,",
    speaker="Antony J. Blinken",
    title="US and Russia Agree to Keep Talking",
    outlet="AP News",
    authors=(),
    published=None,
    url="https://apnews.com/article/ukraine",
    article_id=2,
)
THREE = cited(
    text="Is this the end?",
    speaker=None,
    speaker_kind=None,
    authors=(Name.parse("Ann Lee"), Name.parse("Bo Park"), Name.parse("Cy Diaz")),
    title="Talks End",
    outlet="Daily Herald",
    published=dt.date(2021, 9, 5),
    url=None,
    article_id=3,
)


def test_apa() -> None:
    r = apa([cited(), UNSIGNED, THREE])
    assert r.quotations == [
        "“We will understand this when we get the American response on paper” "
        "(Lavrov, as cited in Crowley & Troianovski, 2022).",
        "“There is no trade space there — none” "
        "(Blinken, as cited in *US and Russia Agree*, n.d.).",  # a news website: italic
        "“Is this the end?” (Lee et al., 2021).",
    ]
    assert r.references == [
        f"Crowley, M., & Troianovski, A. (2022, January 18). {NYT_TITLE}. "
        f"*The New York Times*. {NYT_URL}",
        "Lee, A., Park, B., & Diaz, C. (2021, September 5). Talks End. *Daily Herald*.",
        "*US and Russia Agree to Keep Talking*. (n.d.). AP News. "
        "https://apnews.com/article/ukraine",
    ]


def test_apa_same_authors_same_year_get_letters() -> None:
    later = cited(title="Russia Answers", article_id=9, published=dt.date(2022, 2, 1))
    r = apa([cited(), later])
    assert r.quotations[0].endswith("(Lavrov, as cited in Crowley & Troianovski, 2022a).")
    assert r.quotations[1].endswith("(Lavrov, as cited in Crowley & Troianovski, 2022b).")
    assert r.references[0].startswith("Crowley, M., & Troianovski, A. (2022a, January 18).")
    assert r.references[1].startswith("Crowley, M., & Troianovski, A. (2022b, February 1).")


def test_apa_initials_and_untitled() -> None:
    untitled = cited(authors=(Name.parse("Jean-Luc Picard"),), title=None, outlet=None, url=None)
    r = apa([untitled])
    assert r.references == ["Picard, J.-L. (2022, January 18). [Untitled article]."]


def test_mla() -> None:
    r = mla([cited(), UNSIGNED, THREE])
    assert r.quotations == [
        "Sergey V. Lavrov said, “We will understand this when we get the American response "
        "on paper” (qtd. in Crowley and Troianovski).",
        "Antony J. Blinken said, “There is no trade space there — none” "
        "(qtd. in “US and Russia Agree”).",
        "“Is this the end?” (Lee et al.).",
    ]
    assert r.references == [
        f"Crowley, Michael, and Anton Troianovski. “{NYT_TITLE}.” *The New York Times*, "
        "18 Jan. 2022, www.nytimes.com/2022/01/18/us/politics/blinken-russia.html.",
        "Lee, Ann, et al. “Talks End.” *Daily Herald*, 5 Sept. 2021.",
        "“US and Russia Agree to Keep Talking.” *AP News*, apnews.com/article/ukraine.",
    ]


def test_mla_repeated_authors_use_three_hyphens() -> None:
    other = cited(title="Russia Answers", article_id=9)
    r = mla([cited(), other])
    assert r.references[0].startswith("Crowley, Michael, and Anton Troianovski. “Blinken")
    assert r.references[1].startswith("---. “Russia Answers.”")


def test_chicago() -> None:
    r = chicago([cited(), UNSIGNED, cited(text="It is a start."), THREE])
    assert r.quotations == [
        "“We will understand this when we get the American response on paper.”[^1]",
        "“There is no trade space there — none.”[^2]",
        "“It is a start.”[^3]",
        "“Is this the end?”[^4]",
    ]
    assert r.notes == [
        "[^1]: Sergey V. Lavrov, quoted in Michael Crowley and Anton Troianovski, "
        f"“{NYT_TITLE},” *New York Times*, January 18, 2022, {NYT_URL}.",
        "[^2]: Antony J. Blinken, quoted in “US and Russia Agree to Keep Talking,” *AP News*, "
        "n.d., https://apnews.com/article/ukraine.",  # CMOS 14.207: unsigned, headline first
        "[^3]: Lavrov, quoted in Crowley and Troianovski, “Blinken Will Meet With.”",
        "[^4]: Ann Lee, Bo Park, and Cy Diaz, “Talks End,” *Daily Herald*, September 5, 2021.",
    ]
    assert r.references == [
        "*AP News*. “US and Russia Agree to Keep Talking.” n.d. "
        "https://apnews.com/article/ukraine.",
        f"Crowley, Michael, and Anton Troianovski. “{NYT_TITLE}.” *New York Times*, "
        f"January 18, 2022. {NYT_URL}.",
        "Lee, Ann, Bo Park, and Cy Diaz. “Talks End.” *Daily Herald*, September 5, 2021.",
    ]


def test_organisation_speaker_keeps_its_name() -> None:
    org = cited(speaker="Russian Foreign Ministry", speaker_kind="organization")
    assert "(Russian Foreign Ministry, as cited in" in apa([org]).quotations[0]
    assert chicago([org]).notes[0].startswith("[^1]: Russian Foreign Ministry, quoted in")


def test_chicago_short_note_for_any_later_citation_of_the_article() -> None:
    blinken = cited(text="We are ready,", speaker="Antony J. Blinken")
    untitled = cited(authors=(), outlet=None, title=None, url=None, article_id=7)
    notes = chicago([cited(), blinken, untitled]).notes
    assert notes[1] == "[^2]: Blinken, quoted in Crowley and Troianovski, “Blinken Will Meet With.”"
    assert notes[2] == "[^3]: Sergey V. Lavrov, quoted in untitled article, January 18, 2022."
    bare = cited(authors=(), outlet=None, title=None, url=None, speaker=None, speaker_kind=None)
    assert chicago([bare]).notes == ["[^1]: Untitled article, January 18, 2022."]
