"""Page metadata: structured data first, the visible page next; bylines cleaned; non-articles
refused. Every page here is made up for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app
from quotedb.errors import InputError
from quotedb.ingest.bylines import clean_bylines
from quotedb.ingest.html import read_html

from .helpers import counts

BODY = """
<p>“The bridge will open in the spring,” Alma Verity said on Tuesday, standing beside the
river where the old ferry used to cross before the flood of the last decade.</p>
<p>Engineers have worked through two winters on the span, which carries four lanes and a
path for walkers and cyclists, and the county expects traffic to ease in the town centre.</p>
<p>“We tested every cable twice,” said Bruno Castellane, who led the inspection team. He said
the final load test would take place at night, when the roads are quiet.</p>
<p>Residents who live near the approach roads have asked for noise barriers, and the council
has promised to consider them at its next meeting, according to a statement it published.</p>
"""


def page(head: str = "", body_top: str = "", body: str = BODY) -> bytes:
    html = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav>Home | Local | Sport</nav><article>{body_top}{body}</article>"
        "<footer>About us</footer></body></html>"
    )
    return html.encode("utf-8")


def ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_json_ld_article() -> None:
    head = "<title>River bridge to open in spring | Valley Courier</title>" + ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "River bridge to open in spring",
            "author": [
                {"@type": "Person", "name": "Dana Whitlock"},
                {"@type": "Person", "name": "Omar Feld"},
            ],
            "publisher": {"@type": "Organization", "name": "Valley Courier"},
            "datePublished": "2021-03-01T22:30:00-05:00",
        }
    )
    _, meta = read_html(page(head), "p.html")
    assert meta.title == "River bridge to open in spring"
    assert meta.authors == ["Dana Whitlock", "Omar Feld"]
    assert meta.outlet == "Valley Courier"
    assert meta.published == "2021-03-01"  # as printed locally, not 2021-03-02 in UTC


def test_json_ld_graph_references() -> None:
    head = ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "Organization", "@id": "#org", "name": "Harbour Times"},
                {"@type": "Person", "@id": "#p1", "name": "Ines Marlowe"},
                {
                    "@type": "Article",
                    "headline": "Ferry service returns",
                    "author": {"@id": "#p1"},
                    "publisher": {"@id": "#org"},
                    "datePublished": "2020-06-05T08:00:00+02:00",
                },
            ],
        }
    )
    _, meta = read_html(page(head), "p.html")
    assert (meta.outlet, meta.authors, meta.published) == (
        "Harbour Times",
        ["Ines Marlowe"],
        "2020-06-05",
    )


def test_opengraph_and_canonical_without_json_ld() -> None:
    head = (
        "<title>Ferry service returns - Harbour Times</title>"
        "<meta property='og:site_name' content='Harbour Times'>"
        "<meta property='og:title' content='Ferry service returns'>"
        "<meta name='author' content='Ines Marlowe'>"
        "<meta property='article:published_time' content='2020-06-05T08:00:00+02:00'>"
        "<link rel='canonical' href='https://harbour.example/ferry'>"
    )
    _, meta = read_html(page(head), "p.html")
    assert meta.title == "Ferry service returns"
    assert meta.outlet == "Harbour Times"
    assert meta.authors == ["Ines Marlowe"]
    assert meta.url == "https://harbour.example/ferry"


def test_citation_meta_tags() -> None:
    head = (
        "<meta name='citation_title' content='Cable fatigue in long spans'>"
        "<meta name='citation_author' content='Petra Quill'>"
        "<meta name='citation_journal_title' content='Bridge Review'>"
        "<meta name='citation_publication_date' content='2019-09-14'>"
    )
    _, meta = read_html(page(head), "p.html")
    assert (meta.title, meta.authors, meta.outlet, meta.published) == (
        "Cable fatigue in long spans",
        ["Petra Quill"],
        "Bridge Review",
        "2019-09-14",
    )


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        pytest.param("Bridge opens | Valley Courier", "", "Bridge opens", id="site-suffix-dropped"),
        pytest.param("Bridge opens | Local | Valley Courier", "", "Bridge opens", id="section-too"),
        pytest.param(
            "Bridge opens - Valley Courier",
            "<h1>Bridge opens after two winters of work</h1>",
            "Bridge opens after two winters of work",
            id="printed-headline",
        ),
    ],
)
def test_title(title: str, h1: str, expected: str) -> None:
    head = f"<title>{title}</title><meta property='og:site_name' content='Valley Courier'>"
    _, meta = read_html(page(head, h1), "p.html")
    assert meta.title == expected


@pytest.mark.parametrize(
    ("site_name", "expected"),
    [
        pytest.param("https://www.valley.example", "Valley Courier", id="url"),
        pytest.param("Hosted", "Valley Courier", id="hosting-label"),
        pytest.param("Valley Courier - News for the valley", "Valley Courier", id="tagline"),
    ],
)
def test_outlet_as_readers_name_it(site_name: str, expected: str) -> None:
    head = (
        f"<meta property='og:site_name' content='{site_name}'>"
        "<meta name='application-name' content='Valley Courier'>"
    )
    _, meta = read_html(page(head), "p.html")
    assert meta.outlet == expected


def test_agency_byline_names_the_outlet_of_a_hosted_page() -> None:
    head = "<meta property='og:site_name' content='Hosted'>"
    top = "<div class='byline'>By MARA OSTEN and LEV TANNER Associated Press</div>"
    _, meta = read_html(page(head, top), "p.html")
    assert meta.authors == ["Mara Osten", "Lev Tanner"]
    assert meta.outlet == "Associated Press"


def test_visible_byline_names_more_than_the_structured_data() -> None:
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Dana Whitlock"}})
    top = "<p class='article-byline'>By Dana Whitlock, Omar Feld and Ruth Amsel</p>"
    _, meta = read_html(page(head, top), "p.html")
    assert meta.authors == ["Dana Whitlock", "Omar Feld", "Ruth Amsel"]


def test_printed_date_beats_a_utc_timestamp() -> None:
    head = "<meta property='article:published_time' content='2019-04-02T03:10:00Z'>"
    top = "<time datetime='2019-04-02T03:10:00Z'>April 1, 2019 at 11:10 pm</time>"
    _, meta = read_html(page(head, top), "p.html")
    assert meta.published == "2019-04-01"


def test_placeholder_date_is_not_a_date() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"})
    _, meta = read_html(page(head), "p.html")
    assert meta.published != "0001-01-01"


@pytest.mark.parametrize(
    ("raws", "expected"),
    [
        pytest.param(["By Dana Whitlock"], ["Dana Whitlock"], id="by"),
        pytest.param(["Analysis by Omar Feld, Courier Editor-at-large"], ["Omar Feld"], id="role"),
        pytest.param(["Ruth Amsel is a reporter"], ["Ruth Amsel"], id="sentence"),
        pytest.param(["Ruth Amsel News reporter"], ["Ruth Amsel"], id="role-after-name"),
        pytest.param(["Petra Quill November 3, 2020"], ["Petra Quill"], id="date"),
        pytest.param(["PETRA QUILL", "Petra Quill"], ["Petra Quill"], id="case-duplicate"),
        pytest.param(["Username"], [], id="placeholder"),
        pytest.param(["admin"], [], id="admin"),
        pytest.param(["Nell Varga, MS, RDN"], ["Nell Varga"], id="credentials"),
        pytest.param(["Photo: Ivo Brandt/Example Images"], [], id="photo-credit"),
        pytest.param(["LEV TANNER Associated Press"], ["Lev Tanner"], id="agency-suffix"),
        pytest.param(["By LEV TANNER, AP Sports Writer"], ["Lev Tanner"], id="agency-role"),
        pytest.param(
            ["Ines Marlowe | Marlowe Media for Courier.example"], ["Ines Marlowe"], id="affiliation"
        ),
        pytest.param(["Quill Publishing GmbH", "Petra Quill"], ["Petra Quill"], id="company"),
        pytest.param(["Von Jonas Erlen, Hamburg"], ["Jonas Erlen"], id="german-by-place"),
        pytest.param(
            ["Par Lucie Aubert (avec Marc Delorme et Anne Vidal)"],
            ["Lucie Aubert", "Marc Delorme", "Anne Vidal"],
            id="french-with",
        ),
        pytest.param(
            ["Por Elena Ruiz Mora elena.ruiz@diario.example"],
            ["Elena Ruiz Mora"],
            id="spanish-email",
        ),
        pytest.param(["Made with Drupal by Example"], [], id="footer-credit"),
        pytest.param(["AFP"], ["AFP"], id="agency-only"),
        pytest.param(["Valley Courier"], [], id="outlet-itself"),
        pytest.param(["Dana Whitlock Valley Courier"], ["Dana Whitlock"], id="outlet-suffix"),
        pytest.param(["Имя *"], [], id="form-label"),
        pytest.param(
            ["The Northern and Southern port authorities"], [], id="description-not-a-person"
        ),
        pytest.param(["The Associated Press"], ["The Associated Press"], id="the-agency-kept"),
    ],
)
def test_byline_cleaning(raws: list[str], expected: list[str]) -> None:
    assert clean_bylines(raws, "Valley Courier").authors == expected


def test_agency_credited_in_a_byline() -> None:
    assert clean_bylines(["LEV TANNER Associated Press"]).agency == "Associated Press"


def test_organisation_author_kept_only_without_people() -> None:
    assert clean_bylines([], "Valley Courier", ["Valley Courier"]).authors == []
    assert clean_bylines([], "Valley Courier", ["Wire Service Ltd Agency"]).authors == [
        "Wire Service Ltd Agency"
    ]
    assert clean_bylines(["Dana Whitlock"], None, ["Some Agency"]).authors == ["Dana Whitlock"]


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        pytest.param(
            b"<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1>"
            b"<p>You don't have permission to access this resource.</p></body></html>",
            "HTTP error page",
            id="http-403",
        ),
        pytest.param(
            b"<html><head><title>HTTP Error 404</title></head><body>"
            b"<p>The page you asked for is not here.</p></body></html>",
            "HTTP error page",
            id="http-404",
        ),
        pytest.param(
            page(
                "<title>Valley Courier</title>",
                "",
                "<p>JavaScript is disabled in your "
                "browser. Please enable JavaScript to read this site.</p>",
            ),
            "enable JavaScript",
            id="javascript",
        ),
        pytest.param(
            page(
                "<title>Valley Courier</title>",
                "",
                "<p>This story is for subscribers "
                "only. Subscribe to continue reading, or sign in.</p>",
            ),
            "paywall",
            id="paywall",
        ),
        pytest.param(
            page(
                "<title>Valley Courier</title>",
                "",
                "<p>We use cookies. Review your privacy settings and accept all to continue.</p>",
            ),
            "consent",
            id="consent",
        ),
        pytest.param(
            b"<html><head><title>Valley Courier</title></head><body><nav>Home</nav></body></html>",
            "no article text",
            id="no-text",
        ),
    ],
)
def test_non_article_refused_with_its_reason(markup: bytes, reason: str) -> None:
    with pytest.raises(InputError, match="not an article") as caught:
        read_html(markup, "page.html")
    assert reason in str(caught.value)


def test_an_article_about_an_error_is_still_an_article() -> None:
    head = "<title>500 residents protest the bridge tolls</title>"
    top = "<h1>500 residents protest the bridge tolls</h1>"
    text, meta = read_html(page(head, top), "p.html")
    assert "Alma Verity" in text and meta.title == "500 residents protest the bridge tolls"


def test_non_articles_counted_failed_and_never_stored(
    runner: CliRunner, env_db: str, tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_bytes(page("<title>Bridge opens | Valley Courier</title>"))
    (folder / "denied.html").write_bytes(
        b"<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>"
    )
    notice = "<p>JavaScript is disabled. Please enable JavaScript to continue.</p>"
    (folder / "script1.html").write_bytes(page("<title>One</title>", "", notice))
    (folder / "script2.html").write_bytes(page("<title>Two</title>", "", notice))
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 1, result.output
    assert "denied.html: not an article (an HTTP error page" in result.stderr
    assert "script1.html: not an article" in result.stderr
    assert "script2.html: not an article" in result.stderr  # refused, not "already stored"
    assert counts(env_db)[0] == 1


def test_report_names_each_duplicate_and_the_article_it_duplicates(
    db_url: str, tmp_path: Path
) -> None:
    first = tmp_path / "first.html"
    first.write_bytes(page("<title>Bridge opens | Valley Courier</title>"))
    (tmp_path / "again.html").write_bytes(first.read_bytes())
    (tmp_path / "later.html").write_bytes(first.read_bytes())
    with Database(db_url) as database:
        database.ingest([str(first)])
        report = database.ingest([str(tmp_path / "again.html"), str(tmp_path / "later.html")])
    assert report.duplicates == 2
    assert sorted(report.duplicate_of) == [
        (str(tmp_path / "again.html"), str(first)),
        (str(tmp_path / "later.html"), str(first)),
    ]
