"""What citations are built from: paragraphs, sentences, names, keys."""

from __future__ import annotations

from quotedb.export.citation import (
    Name,
    is_organisation,
    key_stem,
    letters,
    locator,
    paragraph_of,
    parse_name,
    safe_url,
    sentence_around,
    unnamed_phrase,
)

TITLE = "Council votes on the bridge"


def test_paragraphs_are_lines_or_blocks_and_the_title_is_not_one() -> None:
    plain = f"{TITLE}\nFirst line.\nSecond line.\nThird line."
    assert paragraph_of(plain, TITLE, plain.index("Second")) == 2
    assert paragraph_of(plain, TITLE, plain.index("Third")) == 3
    headed = f"{TITLE}\nFirst block.\n\nSecond block."  # the title heads the first block
    assert paragraph_of(headed, TITLE, headed.index("First")) == 1
    assert paragraph_of(headed, TITLE, headed.index("Second")) == 2
    blocks = f"{TITLE}\n\nOne block\nwrapped here.\n\nTwo block."
    assert paragraph_of(blocks, TITLE, blocks.index("wrapped")) == 1
    assert paragraph_of(blocks, TITLE, blocks.index("Two")) == 2
    untitled = "Lead paragraph.\nNext."
    assert paragraph_of(untitled, None, untitled.index("Next")) == 2


def test_a_headline_quotation_is_found_again_in_the_body_or_marked() -> None:
    text = "Mayor: “We will build it”\nThe mayor said “We will build it” today."
    title = "Mayor: “We will build it”"
    assert locator(text, title, text.index("We"), "We will build it") == 1
    only = f"{title}\nThe mayor spoke today."
    assert locator(only, title, only.index("We"), "We will build it") == 0


def test_the_sentence_around_a_partial_quotation() -> None:
    text = 'It rained. Reeves said he was "appalled" by it. Then he left.'
    start = text.index("appalled")
    assert sentence_around(text, start, start + 8) == "Reeves said he was “appalled” by it."


def test_names_people_and_organisations() -> None:
    assert parse_name("Robert Hale Jr.") == Name("Robert", "Hale", "Jr.")
    assert parse_name("Associated Press") == Name("", "Associated Press")
    assert is_organisation("Swedish Prosecution Authority") and is_organisation("AFP")
    assert not is_organisation("Ann Lee")
    assert parse_name.cache_info().maxsize is not None  # bounded
    assert unnamed_phrase("A senior  official") == "a senior official"


def test_keys_and_their_letters() -> None:
    ann = (Name("Ann", "Lee"),)
    assert key_stem(ann, "Herald", "The Bridge Opens", 2021) == "lee2021bridge"
    assert key_stem((), "The Herald", "The Bridge Opens", None) == "theheraldndbridge"
    assert key_stem((), None, "Zürich votes", 2020) == "zurich2020zurich"
    assert [letters(n) for n in (0, 1, 25, 26)] == ["a", "b", "z", "aa"]


def test_only_http_urls_and_nothing_that_ends_a_link() -> None:
    assert safe_url("javascript:alert(1)") is None and safe_url("data:x") is None
    assert safe_url('https://a.example/x"><b>') == "https://a.example/x%22%3E%3Cb%3E"
    assert safe_url("http://a.example/?q=1&r=2#f") == "http://a.example/?q=1&r=2#f"
