"""The plainly-English shortcut: it settles an article's language only where the model
would settle it alike, and then the model is never loaded."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.core.languages import detect as model
from quotedb.core.languages.detect import ENGLISH_MARKERS, detect_language, plainly_english
from quotedb.ingest.documents import Document, Metadata
from quotedb.ingest.tasks import settle_language

ENGLISH = (
    "The mayor of Ames said on Monday that the new bridge would be open to traffic before "
    "the end of the summer, and that the city had been waiting for it for years. "
    "“We will open it when it is safe,” she told reporters at the site."
)
HEADLINE = "Mayor Opens Bridge."  # English, but too few words to tell by them
GERMAN = (
    "Der Bürgermeister sagte am Montag, die neue Brücke werde noch vor dem Ende des Sommers "
    "für den Verkehr freigegeben. Die Stadt habe lange darauf gewartet, sagte er vor Ort."
)
DUTCH = (
    "De burgemeester zei maandag dat de nieuwe brug voor het einde van de zomer open is "
    "voor het verkeer. We hebben er lang op gewacht, zei hij, en het was het wachten waard."
)
INDONESIAN = (
    "Wali kota mengatakan pada hari Senin bahwa jembatan baru itu akan dibuka untuk lalu "
    "lintas sebelum akhir musim panas, dan kota itu sudah menunggu selama bertahun-tahun."
)
SPANISH_CAPTION = "Reseña de libros: The Art of the Deal, de Donald Trump, otra vez en librerías."
RUSSIAN_WITH_ENGLISH = ENGLISH[:200] + " " + "Мэр города сказал, что новый мост откроют летом. " * 8


@pytest.mark.parametrize(
    ("text", "shortcut"),
    [
        (ENGLISH, True),
        (HEADLINE, False),
        (GERMAN, False),
        (DUTCH, False),
        (INDONESIAN, False),
        (SPANISH_CAPTION, False),
        (RUSSIAN_WITH_ENGLISH, False),
        ("", False),
    ],
    ids=[
        "english_news",
        "too_few_words",
        "german",
        "dutch_shares_is_was_we",
        "indonesian_ascii_only",
        "spanish_quoting_an_english_title",
        "mostly_cyrillic",
        "empty",
    ],
)
def test_plainly_english(text: str, shortcut: bool) -> None:
    assert plainly_english(text) is shortcut


@pytest.mark.parametrize("text", [ENGLISH, GERMAN, DUTCH, INDONESIAN, SPANISH_CAPTION])
def test_same_language_as_the_model(text: str) -> None:
    assert (detect_language(text) or "en") == (model.detect(text) or "en")


def test_plainly_english_never_loads_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> object:
        raise AssertionError("the language model was loaded")

    monkeypatch.setattr(model, "_identifier", refuse)
    doc = Document(text=ENGLISH, source="a.txt", meta=Metadata())
    assert settle_language(doc) == "en"
    assert doc.meta.language == "en"


_MARKERS = sorted(ENGLISH_MARKERS)
_OTHER_WORDS = ["Bridge", "Ames", "mayor", "summer", "traffic", "city", "Monday", "open"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_MARKERS + _OTHER_WORDS), min_size=0, max_size=120),
)
def test_shortcut_only_where_the_model_agrees(words: list[str]) -> None:
    text = " ".join(words)
    if plainly_english(text):
        assert (model.detect(text) or "en") == "en"
