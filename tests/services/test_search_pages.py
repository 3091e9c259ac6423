"""Catalog search pages: the total comes with the page (one query) and matches a separate count."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from backend.services.selectors import service_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(db: Any) -> int:
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_catalog", stdout=io.StringIO())
    return service_search().count()


def test_pages_walk_the_whole_result_with_the_right_total(catalog, api, django_assert_num_queries):
    # Given a catalog of more items than one page of 5
    assert catalog > 10
    codes: list[str] = []
    page, url = 1, "/api/v1/services"
    while True:
        # When each page is fetched: one query gives its rows and the total
        with django_assert_num_queries(1):
            body = api.get(url, {"page_size": 5, "page": page}).json()
        # Then the total is the count of the whole search, and the links lead on
        assert body["count"] == catalog
        assert (body["previous"] is None) == (page == 1)
        codes += [row["code"] for row in body["results"]]
        if body["next"] is None:
            break
        assert f"page={page + 1}" in body["next"]
        page += 1
    assert codes == list(service_search().values_list("code", flat=True))
    assert page == -(-catalog // 5)


def test_page_past_the_end_is_404(catalog, api):
    last = -(-catalog // 5)
    assert api.get("/api/v1/services", {"page_size": 5, "page": last}).status_code == 200
    response = api.get("/api/v1/services", {"page_size": 5, "page": last + 1})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_no_match_is_an_empty_first_page(catalog, api, django_assert_num_queries):
    with django_assert_num_queries(2):  # the empty page, then the count that tells why
        body = api.get("/api/v1/services", {"q": "nothingmatchesthis"}).json()
    assert body == {"count": 0, "next": None, "previous": None, "results": []}
    assert api.get("/api/v1/services", {"q": "nothingmatchesthis", "page": 2}).status_code == 404


def test_malformed_page_is_still_a_400(catalog, api):
    response = api.get("/api/v1/services", {"page": "last"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "page"


def test_distinct_querysets_are_refused(catalog):
    from django.test import RequestFactory
    from rest_framework.request import Request

    from backend.core.pagination import CountedPagePagination

    with pytest.raises(TypeError):
        CountedPagePagination().paginate_queryset(
            service_search().distinct(), Request(RequestFactory().get("/"))
        )
