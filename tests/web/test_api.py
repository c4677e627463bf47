"""The JSON API and the pages through an HTTP client: every endpoint answers on the seeds,
hostile values come back escaped, writes need the token (and forms a CSRF token), and bad
requests get a 4xx with a message."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from quotedb.api import Database
from quotedb.cli.app import app as cli
from tests.web.conftest import HOSTILE_NAME, HOSTILE_TITLE, RAW, TOKEN, Site

READS = [
    ("home", "/"),
    ("search", "/search?q=right+path"),
    ("search-who", "/search?q=on+the+right+track&mode=who"),
    ("search-facet", "/search?q=path&speaker_kind=person&min_confidence=0.6"),
    ("search-json", "/search.json?q=path"),
    ("search-csv", "/search.csv?q=path"),
    ("people", "/people"),
    ("people-json", "/people.json?kind=person"),
    ("people-csv", "/people.csv"),
    ("api-quotations", "/api/quotations?q=path&by=Lavrov&limit=5"),
    ("api-quotations-all", "/api/quotations?since=2022-01-01&until=2022-12-31&offset=2"),
    ("api-who", "/api/who?text=we+are+on+the+right+track"),
    ("api-people", "/api/people?kind=person"),
    ("api-export", "/api/export?format=csv&by=Lavrov"),
    ("api-export-style", "/api/export?style=apa&q=path"),
    ("api-corrections", "/api/corrections"),
    ("openapi", "/openapi.json"),
    ("script", "/static/app.js"),
]


@pytest.mark.parametrize("path", [pytest.param(p, id=i) for i, p in READS])
def test_every_read_answers(site: Site, path: str) -> None:
    response = site.client().get(path)
    assert response.status_code == 200, response.text


def test_pages_of_one_thing_answer(site: Site) -> None:
    c = site.client()
    q = c.get("/api/quotations?by=Lavrov&limit=1").json()["quotations"][0]
    speaker = next(p for p in c.get("/api/people").json() if p["name"] == "Sergey Lavrov")
    statement = next(
        r["cluster"]
        for r in c.get("/api/quotations?limit=200").json()["quotations"]
        if r["cluster"]
    )
    for path in (
        f"/quotations/{q['id']}",
        f"/api/quotations/{q['id']}",
        f"/api/quotations/{q['id']}/citation?format=ris",
        f"/people/{speaker['id']}",
        f"/api/people/{speaker['id']}",
        f"/articles/{q['article']['id']}",
        f"/articles/{q['article']['id']}.json",
        f"/articles/{q['article']['id']}.csv",
        f"/api/articles/{q['article']['id']}",
        f"/statements/{statement}",
        f"/statements/{statement}.json",
        f"/statements/{statement}.csv",
        f"/api/statements/{statement}",
    ):
        assert c.get(path).status_code == 200, path


def test_the_api_gives_the_cli_results(site: Site, runner: CliRunner, tmp_path: Path) -> None:
    """One implementation: the same ids as ``quotes``, the same bytes as ``export``."""
    c = site.client()
    got = c.get("/api/quotations?by=Lavrov&limit=200").json()["quotations"]
    assert [r["id"] for r in got] == [r.id for r in site.database.quotes(by="Lavrov", limit=None)]
    out = tmp_path / "lavrov.csv"
    site.database.export(out, fmt="csv", by="Lavrov", limit=1000)
    assert c.get("/api/export?format=csv&by=Lavrov").text == out.read_bytes().decode()


def test_a_form_field_left_blank_filters_nothing(site: Site) -> None:
    """A search form sends every field, the empty ones too: blank (or spaces) means no
    filter on the web, where the CLI and the API refuse a blank name."""
    c = site.client()
    every = c.get("/api/quotations?limit=50").json()["quotations"]
    blank = c.get("/api/quotations?limit=50&by=&outlet=%20%20&since=").json()["quotations"]
    assert blank == every and every
    assert c.get("/search?by=%20&outlet=").status_code == 200


def test_listings_come_as_json_and_csv(site: Site) -> None:
    c = site.client()
    shown = c.get("/search.json?q=path&limit=5").json()
    rows = list(csv.DictReader(io.StringIO(c.get("/search.csv?q=path&limit=5").text)))
    assert [str(r["id"]) for r in shown] == [r["id"] for r in rows] and shown
    assert rows[0]["article_id"] == str(shown[0]["article"]["id"])


def test_csv_never_starts_a_formula(site: Site) -> None:
    """The hostile outlet begins with a quote mark; a formula-like cell is defused."""
    site.database.edit_article(site.hostile_article, outlet="=HYPERLINK(1)")
    text = site.client().get("/search.csv?q=mayor").text
    assert ",'=HYPERLINK(1)," in text and ",=HYPERLINK" not in text


def test_paging_walks_the_whole_listing(site: Site) -> None:
    c = site.client()
    every = [r["id"] for r in c.get("/api/quotations?limit=200").json()["quotations"]]
    pages, offset = [], 0
    while True:
        body = c.get(f"/api/quotations?limit=7&offset={offset}").json()
        pages += [r["id"] for r in body["quotations"]]
        if not body["more"]:
            break
        offset += 7
    assert pages == every and len(every) > 7


def test_the_cursor_walks_the_whole_listing(site: Site) -> None:
    c = site.client()
    every = [r["id"] for r in c.get("/api/quotations?limit=200").json()["quotations"]]
    body = c.get("/api/quotations?limit=5").json()
    pages = [r["id"] for r in body["quotations"]]
    while body["next"]:
        body = c.get(f"/api/quotations?limit=5&after={body['next']}").json()
        pages += [r["id"] for r in body["quotations"]]
    assert pages == every and len(every) > 5
    assert body["more"] is False


def test_a_cursor_does_not_page_a_search(site: Site) -> None:
    c = site.client()
    assert c.get("/api/quotations?after=oldest-1&q=mayor").status_code == 400
    assert c.get("/api/quotations?after=sideways").status_code == 400


def _listed_on_page(html: str) -> tuple[list[int], int, str | None]:
    """The quotation ids a search page lists, where its numbering starts, its Next link."""
    ids = [int(i) for i in re.findall(r'<blockquote><a href="/quotations/(\d+)"', html)]
    start = re.search(r'<ol class="hits" start="(\d+)"', html)
    after = re.search(r'rel="next" href="([^"]+)"', html)
    assert start is not None
    return ids, int(start[1]), after[1].replace("&amp;", "&") if after else None


def test_the_listing_page_walks_by_its_next_links(site: Site) -> None:
    c = site.client()
    every = [
        r["id"] for r in c.get("/api/quotations?limit=200&min_confidence=0").json()["quotations"]
    ]
    ids, start, link = _listed_on_page(c.get("/search?min_confidence=0&limit=4").text)
    walked, starts = list(ids), [start]
    while link:
        assert "after=" in link and "limit=4" in link and "offset=" not in link
        page = c.get(link)
        assert page.status_code == 200 and "« First page" in page.text
        ids, start, link = _listed_on_page(page.text)
        walked += ids
        starts.append(start)
    assert walked == every and len(every) > 8
    assert starts == [1 + 4 * n for n in range(len(starts))]


def test_a_cursor_does_not_page_a_search_page(site: Site) -> None:
    c = site.client()
    assert c.get("/search?q=mayor&after=oldest-1").status_code == 400
    assert c.get("/search?min_confidence=0&after=sideways").status_code == 400
    assert c.get("/search.json?min_confidence=0&after=oldest-1").status_code == 200


def test_the_switch_searches_the_paragraphs(site: Site) -> None:
    c = site.client()
    words = c.get("/api/quotations?q=NATO&by=Lavrov").json()["quotations"]
    context = c.get("/api/quotations?q=NATO&by=Lavrov&mode=context").json()["quotations"]
    assert not words and context and all("NATO" in r["context"] for r in context)
    page = c.get("/search?q=NATO&by=Lavrov&mode=context").text
    assert '<p class="context">' in page and "<mark>NATO</mark>" in page


def test_who_says_whether_it_was_said(site: Site) -> None:
    c = site.client()
    answer = c.get("/api/who?text=We+will+send+American+troops+to+Ukraine").json()
    assert answer["verdict"] == "no attested statement"
    page = c.get("/search?q=It%27s+not+covered+by+the+Article+Five+commitment&mode=who&by=Psaki")
    assert "Antony Blinken said it" in page.text


def test_unnamed_sources_are_one_facet_away(site: Site) -> None:
    page = site.client().get("/search").text
    assert "speaker_kind=unnamed" in page
    got = site.client().get("/api/quotations?speaker_kind=unnamed").json()["quotations"]
    assert got and {r["speaker_kind"] for r in got} == {"unnamed"}


def test_a_statement_page_shows_each_rendering_against_the_wording(site: Site) -> None:
    c = site.client()
    records = c.get("/api/quotations?limit=200").json()["quotations"]
    cluster = next(r["cluster"] for r in records if r["cluster"] and "right track" in r["text"])
    st = c.get(f"/api/statements/{cluster}").json()
    assert st["renderings"] == len(st["quotations"]) >= 2
    html = c.get(f"/statements/{cluster}").text
    assert html.count("<ins>") + html.count("<del>") >= 1 and "earliest" in html
    for q in st["quotations"]:
        assert f'href="/quotations/{q["id"]}"' in html


# ---------------------------------------------------------------- hostile values


def hostile_pages(site: Site) -> list[str]:
    return [
        "/",
        "/search?q=mayor",
        "/search?q=mayor+wrote&mode=who",
        f"/search?by={HOSTILE_NAME}",
        f"/quotations/{site.hostile_quotation}",
        f"/articles/{site.hostile_article}",
        f"/people/{site.hostile_speaker}",
        "/people",
        "/quotations/999999",
    ]


def test_hostile_values_are_escaped_on_every_page(site: Site) -> None:
    c = site.client(TOKEN)
    for path in hostile_pages(site):
        html = c.get(path).text
        for raw in RAW:
            assert raw not in html, (path, raw)
    quotation = c.get(f"/quotations/{site.hostile_quotation}").text
    assert "&lt;script&gt;alert(&#39;quote&#39;)" in quotation  # shown, as text
    assert "&lt;script&gt;alert(&#39;title&#39;)" in quotation
    assert "javascript:alert(3)" in quotation  # printed, never linked
    assert "&lt;script&gt;alert(&#39;name&#39;)" in c.get(f"/people/{site.hostile_speaker}").text


def test_hostile_values_come_back_intact_as_data(site: Site) -> None:
    record = site.client().get(f"/api/articles/{site.hostile_article}").json()
    assert record["title"] == HOSTILE_TITLE and record["url"] == "javascript:alert(3)"


# ---------------------------------------------------------------- writes


def test_a_read_only_server_refuses_every_write(site: Site) -> None:
    c = site.client()
    q = site.hostile_quotation
    for path, body in (
        (f"/api/quotations/{q}/speaker", {"to": "Someone Else"}),
        (f"/api/quotations/{q}/not-quote", None),
        (f"/api/people/{site.hostile_speaker}/rename", {"name": "Jane Roe"}),
        (f"/api/articles/{site.hostile_article}", {"title": "A title"}),
        ("/api/corrections/1/undo", None),
    ):
        response = c.post(path, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 403 and "read-only" in response.json()["detail"], path
    assert site.database.show(q)["speaker"] == HOSTILE_NAME


def test_writes_need_the_right_token(site: Site) -> None:
    c = site.client(TOKEN)
    path = f"/api/quotations/{site.hostile_quotation}/speaker"
    assert c.post(path, json={"to": "Anne Other"}).status_code == 403
    wrong = c.post(path, json={"to": "Anne Other"}, headers={"X-Editor-Token": "nope"})
    assert wrong.status_code == 403
    right = c.post(path, json={"to": "Anne Other"}, headers={"X-Editor-Token": TOKEN})
    assert right.status_code == 200, right.text
    assert site.database.show(site.hostile_quotation)["speaker"] == "Anne Other"
    undo = c.post(
        f"/api/corrections/{right.json()['id']}/undo",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert undo.status_code == 200
    assert site.database.show(site.hostile_quotation)["speaker"] == HOSTILE_NAME


def test_a_form_needs_the_csrf_cookie_and_the_token(site: Site) -> None:
    c = site.client(TOKEN)
    page = f"/quotations/{site.hostile_quotation}"
    c.get(page)  # sets the CSRF cookie
    csrf = c.cookies.get("quotedb_csrf")
    assert csrf
    form = {"action": "speaker", "to": "Anne Other", "kind": "person", "editor_token": TOKEN}
    target = f"{page}/correct"
    assert c.post(target, data=form | {"csrf": "forged"}).status_code == 403
    assert c.post(target, data=form | {"csrf": csrf, "editor_token": ""}).status_code == 403
    done = c.post(target, data=form | {"csrf": csrf}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"{page}?done=corrected"
    assert site.database.show(site.hostile_quotation)["speaker"] == "Anne Other"


# ---------------------------------------------------------------- bad requests

BAD = [
    ("limit-zero", "/api/quotations?limit=0", 422),
    ("limit-huge", "/api/quotations?limit=100000", 422),
    ("offset-negative", "/api/quotations?offset=-1", 422),
    ("date-impossible", "/api/quotations?since=2022-13-01", 400),
    ("query-too-long", "/api/quotations?q=" + "a" * 501, 422),
    ("query-nul", "/api/quotations?q=a%00b", 422),
    ("name-nul", "/api/quotations?by=a%00b", 422),
    ("confidence-above-one", "/api/quotations?min_confidence=2", 422),
    ("mode-unknown", "/api/quotations?q=x&mode=guess", 422),
    ("id-not-a-number", "/api/quotations/abc", 422),
    ("id-too-large", "/api/quotations/99999999999999999999", 422),
    ("id-missing", "/api/quotations/999999", 404),
    ("speaker-missing", "/api/people/999999", 404),
    ("statement-missing", "/api/statements/999999", 404),
    ("article-missing", "/api/articles/999999", 404),
    ("who-empty", "/api/who?text=", 422),
    ("format-unknown", "/api/export?format=docx", 422),
    ("page-id-missing", "/quotations/999999", 404),
    ("page-bad-date", "/search?since=yesterday", 400),
    ("speaker-kind-unknown", "/api/quotations?speaker_kind=anonymous", 400),
]


@pytest.mark.parametrize(("path", "status"), [pytest.param(p, s, id=i) for i, p, s in BAD])
def test_bad_requests_get_a_clear_4xx(site: Site, path: str, status: int) -> None:
    response = site.client().get(path)
    assert response.status_code == status, response.text
    if path.startswith("/api/"):
        assert response.json()["detail"]
    else:
        assert 'role="alert"' in response.text


def test_a_large_body_is_refused_unread(site: Site) -> None:
    c = site.client(TOKEN)
    response = c.post(
        f"/api/quotations/{site.hostile_quotation}/speaker",
        content=json.dumps({"to": "x" * 100_000}),
        headers={"X-Editor-Token": TOKEN, "Content-Type": "application/json"},
    )
    assert response.status_code == 413


# ---------------------------------------------------------------- the command


def test_serve_help_names_its_options(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["serve", "--help"], terminal_width=100)
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "--editor-token-file"):
        assert option in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "cannot read the editor token file", id="missing-file"),
        pytest.param("short\n", "at least 16 characters", id="short-token"),
        pytest.param("\n", "at least 16 characters", id="empty-file"),
    ],
)
def test_serve_refuses_a_bad_token_file(
    runner: CliRunner, tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "token"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(
        cli, ["serve", "--db", str(tmp_path / "q.db"), "--editor-token-file", str(path)]
    )
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output


def test_quotedb_serve_answers_on_localhost(tmp_path: Path, seeds_dir: Path) -> None:
    """The real command: uvicorn on a free port, read-only without a token."""
    db = tmp_path / "served.db"
    with Database(str(db)) as d:
        d.ingest([str(seeds_dir)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    quotedb = Path(sys.executable).parent / "quotedb"
    command = [str(quotedb), "serve", "--db", str(db), "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "QUOTEDB_EDITOR_TOKEN"}
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/search?q=path", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.2)
        assert page.status_code == 200 and "path" in page.text
        write = httpx.post(f"http://127.0.0.1:{port}/api/quotations/1/not-quote", timeout=5)
        assert write.status_code == 403
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert "read-only" in err and "Traceback" not in err
