"""A small library of articles built row by row, so exports are tested on known facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from quotedb.api import Database
from quotedb.db.models import Article, Quotation
from quotedb.store.batch import writing
from quotedb.store.speakers import stored_speaker

SPECIAL_TITLE = r"R&D at 100% {costs} $5 #1 ~ a_b ^ c\d"
ARTICLES = [
    {
        "content_hash": "a" * 64,
        "title": "Blinken Will Meet With Russia as U.S. Pushes for More Diplomacy",
        "outlet": "The New York Times",
        "authors": ["Michael Crowley", "Anton Troianovski"],
        "published": dt.date(2022, 1, 18),
        "url": "https://www.nytimes.com/2022/01/18/us/politics/blinken-russia.html",
        "quotes": [
            ("Sergey V. Lavrov", "We will understand this when we get the response on paper,"),
            ("Antony J. Blinken", '=HYPERLINK("http://evil.example")'),
        ],
    },
    {
        "content_hash": "b" * 64,
        "title": SPECIAL_TITLE,
        "outlet": "AP News",
        "authors": [],
        "published": None,
        "url": None,
        "quotes": [("Antony J. Blinken", "There is no trade space there — none,")],
    },
]


# A page's worst: a lone brace, HTML and script in every field, a javascript: URL, an
# unnamed source and an organisation as the speakers, an agency as the author.
HOSTILE = [
    {
        "content_hash": "c" * 64,
        "title": 'Budget } draft "><img src=x onerror=alert(1)> leaks',
        "outlet": "<script>alert(1)</script> Daily",
        "authors": ["Associated Press"],
        "published": dt.date(2021, 3, 4),
        "url": "javascript:alert(1)",
        "quotes": [
            ("a senior official", "Open the { door <script>alert(2)</script> now,", "unnamed"),
            (
                "Swedish Prosecution Authority",
                "We have closed the case [x](javascript:y).",
                "organization",
            ),
        ],
    },
    {
        "content_hash": "d" * 64,
        "title": "Lone { brace",
        "outlet": "Herald",
        "authors": ["Ann { Lee"],
        "published": dt.date(2021, 3, 5),
        "url": 'https://example.org/a"><script>x</script>',
        "quotes": [("Bo Park", "It is \\ fine } really,", "person")],
    },
]


def fill(database: Database, specs: list[dict[str, Any]]) -> None:
    """Each article's text is its quotations, one paragraph each, under its title."""
    with database.session() as s:
        for spec in specs:
            quotes = [(*q, "person")[:3] for q in spec["quotes"]]
            body = [f"“{t}” {who} said." for who, t, _ in quotes]
            text = "\n".join([spec["title"], *body])
            article = Article(
                content_hash=spec["content_hash"],
                text=text,
                title=spec["title"],
                outlet=spec["outlet"],
                authors=spec["authors"],
                published=spec["published"],
                url=spec["url"],
                extractor_version="test",
            )
            s.add(article)
            for who, quote, kind in quotes:
                start = text.index(quote)
                with writing(s) as batch:
                    speaker = stored_speaker(batch, who, kind)
                article.quotations.append(
                    Quotation(
                        start=start,
                        end=start + len(quote),
                        text=quote,
                        kind="direct",
                        speaker=speaker,
                        speaker_mention=who,
                        confidence=0.9,
                        extractor_version="test",
                    )
                )
            s.flush()


@pytest.fixture
def library(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    fill(database, ARTICLES)
    yield database
    database.close()


@pytest.fixture
def hostile(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    fill(database, HOSTILE)
    yield database
    database.close()
