"""Any text a page holds gives valid exports: braces, HTML, script, javascript: URLs."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import bibtexparser
import pytest
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.export.bibliography import write_bibtex
from quotedb.export.citation import Cited, Name
from tests.export.test_formats import export

# Markup a Markdown or HTML reader would act on: an unescaped "<" (other than an http(s)
# autolink), an unescaped link "](", a javascript: link target.
MARKUP = re.compile(r"(?<!\\)<(?!https?://)|(?<!\\)\]\(|<javascript:")


def inert(text: str) -> bool:
    return MARKUP.search(text) is None


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_lone_braces_keep_bibtex_valid(runner: CliRunner, hostile: Database, fmt: str) -> None:
    text = export(runner, hostile, "-f", fmt)
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 2
    assert len(pybtex_parse(text, "bibtex").entries) == 2
    for entry in lib.entries:
        for field in entry.fields:
            value = field.value.replace(r"\textbraceleft{}", "").replace(r"\textbraceright{}", "")
            value = value.replace(r"\textbackslash{}", "")
            assert value.count("{") == value.count("}"), (field.key, field.value)
    lee = next(e for e in lib.entries if "Lone" in e["title"])
    assert lee["url"] == '{https://example.org/a"><script>x</script>}'.strip("{}")
    agency = next(e for e in lib.entries if e.key.startswith("associatedpress2021"))
    assert agency["author"] == "{Associated Press}"  # a group author, never split


def test_bibtex_names_with_a_suffix() -> None:
    from quotedb.export.bibliography import bib_name

    assert bib_name(Name.parse("Robert Hale Jr.")) == "Hale, Jr., Robert"  # Last, Jr, First
    person = pybtex_parse("@misc{k, author = {Hale, Jr., Robert}}", "bibtex")
    (hale,) = person.entries["k"].persons["author"]
    assert hale.last_names == ["Hale"] and hale.first_names == ["Robert"]


def test_ris_and_csl_carry_the_text_as_data(runner: CliRunner, hostile: Database) -> None:
    entries = rispy.loads(export(runner, hostile, "-f", "ris"))
    assert len(entries) == 2
    items = json.loads(export(runner, hostile, "-f", "csl-json"))
    assert any("{ door" in i["note"] for i in items)
    assert {i["id"] for i in items} == {e["id"] for e in entries}


@pytest.mark.parametrize("style", ["apa", "mla", "chicago"])
def test_styles_pass_no_markup(runner: CliRunner, hostile: Database, style: str) -> None:
    text = export(runner, hostile, "--style", style)
    assert inert(text), MARKUP.search(text)
    assert "javascript:alert(1)" not in text  # the article's URL is not written
    assert r"\<script\>" in text and "example.org/a%22%3E" in text


def test_markdown_passes_no_markup(runner: CliRunner, hostile: Database) -> None:
    text = export(runner, hostile, "-f", "markdown", "--group-by", "article")
    assert inert(text), MARKUP.search(text)
    assert "javascript:alert(1)" not in text
    assert "<https://example.org/a%22%3E%3Cscript%3Ex%3C/script%3E>" in text


def test_the_check_sees_markup() -> None:
    assert not inert('x <img src=x onerror="a()">') and not inert("[a](javascript:b)")
    assert inert(r"x \<img\> \[a\](b) <https://example.org/>")


def test_unnamed_and_organisation_speakers(runner: CliRunner, hostile: Database) -> None:
    apa = export(runner, hostile, "--style", "apa")
    assert "(a senior official, as cited in Associated Press, 2021, para. 1)." in apa
    assert "(Swedish Prosecution Authority, as cited in Associated Press, 2021, para. 2)." in apa
    chicago = export(runner, hostile, "--style", "chicago")
    assert "[^1]: A senior official, quoted in" in chicago


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab {}\\%$&#_^~@\"',=<>\n"), min_size=1, max_size=30))
def test_any_text_gives_valid_bibtex(text: str) -> None:
    c = Cited(
        key="k2021x", text=text, speaker=text, speaker_kind="person", title=text,
        outlet=text, authors=(Name.parse(text or "x"),), published=dt.date(2021, 1, 2),
        url="https://example.org/" + text, article_id=1, article_hash="h", start=0, end=1,
    )  # fmt: skip
    for biblatex in (False, True):
        out = io.StringIO()
        write_bibtex([c], out, biblatex)
        lib = bibtexparser.parse_string(out.getvalue())
        assert not lib.failed_blocks and len(lib.entries) == 1
        assert len(pybtex_parse(out.getvalue(), "bibtex").entries) == 1
