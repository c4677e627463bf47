"""The pages in a real headless browser (Debian's chromium driven by Playwright, no browser
download): search, a facet, a quotation, copying a citation, a correction refused without
the token and made with it; screenshots of every page at two sizes.

Skipped where /usr/bin/chromium is absent. Screenshots go to ``test-artifacts/`` (kept by
CI, ignored by git); ``docs/web/`` holds one set copied from there.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from quotedb.web import Settings, create_app
from tests.web.conftest import TOKEN, Site

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live(site: Site) -> Iterator[str]:
    """The application served by uvicorn in a thread, as ``quotedb serve`` serves it."""
    port = free_port()
    config = uvicorn.Config(
        create_app(Settings(site.database, TOKEN)), host="127.0.0.1", port=port, log_level="error"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


def test_search_facet_quotation_citation_and_correction(
    live: str, browser: object, site: Site, request: pytest.FixtureRequest
) -> None:
    backend = request.node.callspec.params["db_url"]
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live)
    page = context.new_page()
    page.goto(live + "/")
    shots = {"home": live + "/"}

    page.get_by_label("Search").fill("right path")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?*")
    hits = page.locator("li.hit")
    assert hits.count() >= 1 and "path" in hits.first.inner_text().lower()
    assert page.locator("li.hit mark").count() >= 1  # highlighted snippet
    shots["search"] = page.url

    page.locator("aside.facets").get_by_role("link", name="person").first.click()
    page.wait_for_url("**speaker_kind=person**")
    kinds = page.locator("li.hit .kind").all_inner_texts()
    assert kinds and set(kinds) == {"person"}

    page.locator("li.hit blockquote a").first.click()
    page.wait_for_url("**/quotations/*")
    assert page.locator(".paragraph mark.quote").count() == 1
    shots["quotation"] = page.url
    page.get_by_role("button", name="Copy APA").click()
    page.wait_for_selector("button.copy[data-copied=yes]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == page.locator("#cite-1").inner_text().strip() and "(20" in copied

    quotation = page.url.rsplit("/", 1)[1]
    page.get_by_label("Right speaker").fill("Anne Other")
    page.get_by_role("button", name="Submit correction").click()
    assert "editor token" in page.get_by_role("alert").inner_text()
    assert site.database.show(int(quotation))["speaker"] != "Anne Other"

    page.go_back()
    page.get_by_label("Right speaker").fill("Anne Other")
    page.get_by_label("Editor token").fill(TOKEN)
    page.get_by_role("button", name="Submit correction").click()
    page.wait_for_url("**done=corrected")
    assert "Correction recorded" in page.get_by_role("status").inner_text()
    assert site.database.show(int(quotation))["speaker"] == "Anne Other"

    person = next(p.id for p in site.database.people(limit=None) if p.name == "Sergey Lavrov")
    article = site.database.show(int(quotation))["article"]["id"]
    statement = max(site.database.statements(limit=None), key=lambda st: st.renderings).id
    shots |= {
        "statement": f"{live}/statements/{statement}",
        "person": f"{live}/people/{person}",
        "people": f"{live}/people",
        "article": f"{live}/articles/{article}",
    }
    screenshots(context, shots, ARTIFACTS / backend)
    context.close()


def screenshots(context: object, pages: dict[str, str], folder: Path) -> None:
    """Each page at each size, as PNG files named page-size.png."""
    folder.mkdir(parents=True, exist_ok=True)
    page = context.new_page()  # type: ignore[attr-defined]
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, url in pages.items():
            page.goto(url)
            path = folder / f"{name}-{size}.png"
            page.screenshot(path=str(path))
            assert path.stat().st_size > 1000
    page.close()
