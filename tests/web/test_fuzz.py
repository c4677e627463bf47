"""Fuzzing the JSON API from its own OpenAPI document: whatever schemathesis sends
(valid or not, with the editor token, so that writes run too), the answer is never a 5xx.
Bounded: a few hundred requests per backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error

from quotedb.web import Settings, create_app
from tests.conftest import BACKENDS, POSTGRES, _postgres_database
from tests.web.conftest import TOKEN, Site, build_site

EXAMPLES = 15  # per operation (about twenty of them)


@pytest.fixture(scope="module", params=BACKENDS)
def fuzzed_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("fuzz")
    if request.param == "sqlite":
        site = build_site(str(folder / "quotedb.db"), folder)
        yield site
        site.database.close()
        return
    assert POSTGRES
    for url in _postgres_database():
        site = build_site(url, folder)
        yield site
        site.database.close()


def test_no_request_is_answered_with_a_server_error(fuzzed_site: Site) -> None:
    """Each operation of the document, fuzzed in turn (valid and invalid requests)."""
    app = create_app(Settings(fuzzed_site.database, TOKEN))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case: Case) -> None:
            response = case.call(headers={"X-Editor-Token": TOKEN})
            case.validate_response(response, checks=[not_a_server_error])

        fuzz()


def test_the_document_lists_every_endpoint_of_the_issue(tmp_path: Path) -> None:
    site = build_site(str(tmp_path / "q.db"), tmp_path)
    paths = set(create_app(Settings(site.database)).openapi()["paths"])
    assert {
        "/api/quotations",
        "/api/quotations/{quotation_id}",
        "/api/who",
        "/api/people",
        "/api/people/{speaker_id}",
        "/api/articles/{article_id}",
        "/api/export",
    } <= paths
