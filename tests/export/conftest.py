"""A small library of articles built row by row, so exports are tested on known facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

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


@pytest.fixture
def library(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    with database.session() as s:
        for spec in ARTICLES:
            quotes = spec["quotes"]
            text = " ".join(f"“{t}” {who} said." for who, t in quotes)  # type: ignore[attr-defined]
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
            for who, quote in quotes:  # type: ignore[attr-defined]
                start = text.index(quote)
                with writing(s) as batch:
                    speaker = stored_speaker(batch, who, "person")
                article.quotations.append(
                    Quotation(
                        start=start,
                        end=start + len(quote),
                        text=quote,
                        kind="direct",
                        speaker=speaker,
                        confidence=0.9,
                        extractor_version="test",
                    )
                )
            s.flush()
    yield database
    database.close()
