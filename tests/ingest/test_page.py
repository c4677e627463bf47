"""Page structure: what text, and so which quotations, a saved news page yields."""

from __future__ import annotations

import lxml.html
import pytest

from quotedb.core.pipeline import extract
from quotedb.ingest.html import read_html
from quotedb.ingest.page import Post, prepare, read_post, render

FILLER = (
    "<p>The river town of Elmsford voted on Tuesday to rebuild its old stone bridge, a project "
    "that has divided residents for more than a decade and cost two councillors their seats.</p>"
    "<p>Engineers say the crossing, built in 1890, can no longer carry lorries, and the detour "
    "adds twenty minutes to every delivery that reaches the market square each morning.</p>"
)
TAIL = (
    "<p>Work is due to start in the spring, and the council expects the new bridge to open to "
    "traffic within two years, weather and funding allowing, the town clerk told residents.</p>"
)


def page(body: str) -> bytes:
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Bridge vote</title></head>"
        f"<body><nav>Home | News</nav><article><h1>Bridge vote</h1>{FILLER}{body}{TAIL}"
        "</article><footer>Copyright the Elmsford Echo</footer></body></html>"
    )
    return html.encode("utf-8")


def text_of(body: str) -> str:
    return read_html(page(body), "test.html")[0]


TWEET = (
    "<div class='widget widget-tweet'><blockquote class='twitter-tweet'><p lang='en'>"
    "Proud of this town tonight. The bridge is coming home! "
    "<a href='https://t.co/abc'>pic.twitter.com/abc</a></p>— Nell Harrow (@nellharrow) "
    "<a href='https://twitter.com/nellharrow/status/1'>May 4, 2021</a></blockquote>"
    "<script src='https://platform.twitter.com/widgets.js'></script></div>"
)


@pytest.mark.parametrize(
    ("body", "expected", "absent"),
    [
        pytest.param(
            TWEET,
            "“Proud of this town tonight. The bridge is coming home!” Nell Harrow wrote on "
            "Twitter.",
            ["@nellharrow", "pic.twitter.com", "May 4, 2021"],
            id="tweet-with-link-and-date",
        ),
        pytest.param(
            "<blockquote class='twitter-tweet'><p>the bridge.<br><br>is. back.</p>"
            "— river rat 🚣 (@riverrat) <a href='https://x/1'>May 5, 2021</a></blockquote>",
            "“the bridge. is. back,” wrote river rat on Twitter.",
            ["🚣"],
            id="tweet-lowercase-name-and-line-breaks",
        ),
        pytest.param(
            "<blockquote class='twitter-tweet'><p>Our slogan “Cross with care” starts today</p>"
            "— Elmsford Council (@elmsford) <a href='https://x/2'>May 6, 2021</a></blockquote>",
            "“Our slogan ‘Cross with care’ starts today,” Elmsford Council wrote on Twitter.",
            [],
            id="tweet-inner-marks-made-single",
        ),
        pytest.param(
            "<blockquote class='instagram-media'><div><p>Sunset over the new piers.</p>"
            "<p><a href='https://i/p/1'>A post shared by Tom Brae (@tombrae)</a> on May 7</p>"
            "</div></blockquote>",
            "“Sunset over the new piers,” Tom Brae wrote on Instagram.",
            ["A post shared by"],
            id="instagram-post",
        ),
        pytest.param(
            "<blockquote class='twitter-tweet'><p>Words with no byline at all here</p>"
            "</blockquote>",
            None,
            ["Words with no byline"],
            id="embed-without-author-dropped",
        ),
    ],
)
def test_embedded_posts(body: str, expected: str | None, absent: list[str]) -> None:
    text = text_of(body)
    if expected is not None:
        assert expected in text
    for junk in absent:
        assert junk not in text


def test_tweet_is_a_quotation_by_its_author() -> None:
    text = text_of(TWEET)
    (q,) = [q for q in extract(text) if q.text.startswith("Proud")]
    assert q.speaker == "Nell Harrow"


def test_hover_card_is_dropped_and_name_kept() -> None:
    card = (
        "<p>Mayor <span class='person'><a href='/p/quill'>Mara Quill</a><span class='card'>"
        "<span><img src='/q.jpg'><a href='/p/quill'>Mara Jane Quill</a>"
        "<a href='/s/1'>Quill says ‘bridge first’ in budget row</a> "
        "<a href='/s/2'>Council backs ferry plan</a> <a href='/p/quill'>MORE</a></span></span>"
        "</span> said the vote was “a promise kept to every family in Elmsford.”</p>"
    )
    text = text_of(card)
    assert "Mayor Mara Quill said the vote" in text
    assert "Mara Jane Quill" not in text and "bridge first" not in text
    (q,) = [q for q in extract(text) if q.text.startswith("a promise")]
    assert q.speaker == "Mara Quill"


def test_sentence_with_two_links_is_kept() -> None:
    body = (
        "<p>The plan drew on reports by <a href='/a'>the county</a> and "
        "<a href='/b'>the rail board</a>, which both warned of rising costs for the town.</p>"
    )
    assert "by the county and the rail board, which both warned" in text_of(body)


def test_split_body_is_joined_in_order() -> None:
    part = "<div class='story-body'><p>{}</p></div>"
    first = "Residents packed the hall. " * 10
    second = "“We waited long enough,” said Ivo Stane, a baker on the square. " * 4
    html = (
        "<!DOCTYPE html><html><head><title>Vote</title></head><body><article>"
        f"<div class='row'>{part.format(first)}<aside>Advertisement</aside></div>"
        f"<div class='row'>{part.format(second)}</div></article></body></html>"
    )
    text = read_html(html.encode(), "split.html")[0]
    assert text.index("Residents packed") < text.index("We waited long enough")


def test_parts_between_other_text_stay_apart() -> None:
    tree = lxml.html.fromstring(
        "<html><body>"
        + "".join(
            f"<h3>Person {i} of the panel</h3><div class='bio-text'><p>{'Bio words. ' * 30}</p>"
            "</div>"
            for i in range(3)
        )
        + "</body></html>"
    )
    prepare(tree)
    order = [el.text_content() for el in tree.iter("h3")]
    assert order == [f"Person {i} of the panel" for i in range(3)]
    assert len(tree.findall(".//div[@class='bio-text']")) == 3


def test_blocks_are_spaced() -> None:
    tree = lxml.html.fromstring("<html><body><div><div>Alpha</div>Beta</div></body></html>")
    assert "Alpha Beta" in prepare(tree).text_content()


@pytest.mark.parametrize(
    ("post", "sentence"),
    [
        pytest.param(
            Post("We won.", "Ann Lee", "Twitter"),
            "“We won,” Ann Lee wrote on Twitter.",
            id="full-stop-becomes-comma",
        ),
        pytest.param(
            Post("We won!", "Ann Lee", "Twitter"),
            "“We won!” Ann Lee wrote on Twitter.",
            id="exclamation-kept",
        ),
        pytest.param(
            Post("We won", "Ann Lee", "Instagram"),
            "“We won,” Ann Lee wrote on Instagram.",
            id="comma-added",
        ),
    ],
)
def test_render(post: Post, sentence: str) -> None:
    assert render(post) == sentence


def test_read_post_takes_the_posts_own_byline() -> None:
    el = lxml.html.fromstring(
        "<blockquote class='twitter-tweet'><p>Agreed, see this.</p>"
        "<blockquote><p>Quoted words</p>— Other One (@other)</blockquote>"
        "— Main Writer (@main) <a href='https://x/3'>May 8, 2021</a></blockquote>"
    )
    post = read_post(el, "Twitter")
    assert post is not None and post.author == "Main Writer"
