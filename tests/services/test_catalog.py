"""The service catalog: pinyin/alias search, ranking, filters, languages, guides, versions, index."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from backend.services import selectors
from backend.services.models import MaterialSpec, ServiceItem, ServiceVersion
from backend.services.services import service_publish, service_search_keys_refresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(db):
    call_command("seed_demo", stdout=io.StringIO())  # departments
    call_command("seed_catalog", stdout=io.StringIO())
    return ServiceItem.objects.all()


def _codes(response):
    assert response.status_code == 200, response.content
    return [row["code"] for row in response.json()["results"]]


def test_demo_catalog_has_about_twenty_published_items_in_two_languages(catalog):
    assert catalog.count() >= 20
    assert not catalog.filter(current_version__isnull=True).exists()
    for item in catalog:
        assert item.translations["en"]["name"]
        assert item.materials.exists() and item.promised_days <= item.statutory_days
    assert catalog.exclude(fee_stage="none").count() >= 3


def test_pinyin_initials_find_identity_card_items(catalog, api):
    codes = _codes(api.get("/api/v1/services", {"q": "sfz"}))
    assert codes[:3] == ["11370000GA0001", "11370000GA0002", "11370000GA0003"]
    assert _codes(api.get("/api/v1/services", {"q": "shen fen zheng"}))[:3] == codes[:3]
    assert _codes(api.get("/api/v1/services", {"q": "SFZ"}))[:3] == codes[:3]


def test_aliases_are_searched(catalog, api):
    assert _codes(api.get("/api/v1/services", {"q": "开公司"})) == ["11370000SC0001"]
    assert set(_codes(api.get("/api/v1/services", {"q": "营业执照"}))) == {"11370000SC0001", "11370000SC0002"}
    assert _codes(api.get("/api/v1/services", {"q": "kgs"})) == ["11370000SC0001"]  # alias initials


def test_name_matches_rank_before_alias_matches(catalog, api):
    item = ServiceItem.objects.get(code="11370000GA0006")  # 居住证申领
    item.aliases = ["身份证明材料"]
    item.save()
    service_search_keys_refresh(service=item)
    codes = _codes(api.get("/api/v1/services", {"q": "身份证"}))
    assert codes[-1] == "11370000GA0006"
    assert set(codes[:-1]) == {"11370000GA0001", "11370000GA0002", "11370000GA0003"}


def test_filters(catalog, api):
    rs = _codes(api.get("/api/v1/services", {"department": "RS"}))
    assert rs and all("RS" in c for c in rs)
    legal = api.get("/api/v1/services", {"audience": "legal_person"}).json()["results"]
    assert legal and {r["audience"] for r in legal} == {"legal_person"}
    birth = _codes(api.get("/api/v1/services", {"theme": "birth"}))
    assert "11370000GA0005" in birth and "11370000RS0001" not in birth
    deep = api.get("/api/v1/services", {"online_depth": 4}).json()["results"]
    assert deep and all(r["online_depth"] == 4 for r in deep)
    # a county sees the province's items
    assert api.get("/api/v1/services", {"region": "370102"}).json()["count"] == catalog.count()
    assert api.get("/api/v1/services", {"region": "440000"}).json()["count"] == 0
    assert api.get("/api/v1/services", {"online_depth": 9}).status_code == 400


def test_language_and_fallback(catalog, api):
    item = ServiceItem.objects.get(code="11370000GA0001")
    item.translations = {**item.translations, "ug": {"name": "كىملىك ئالماشتۇرۇش"}}
    item.save()
    service_publish(service=item)
    en = api.get("/api/v1/services/11370000GA0001", HTTP_ACCEPT_LANGUAGE="en").json()
    assert en["language"] == "en" and en["name"] == "Renewal of the resident identity card"
    assert en["materials"][0]["name"] == "Resident identity card"
    assert en["department"]["name"] == "Provincial Public Security Department"
    ug = api.get("/api/v1/services/11370000GA0001", HTTP_ACCEPT_LANGUAGE="ug-CN,ug;q=0.9")
    assert ug["Content-Language"] == "ug"
    body = ug.json()
    assert body["name"] == "كىملىك ئالماشتۇرۇش"
    assert body["materials"][0]["name"] == "居民身份证"  # no Uyghur text for it: zh-Hans
    mn = api.get("/api/v1/services", {"q": "sfz"}, HTTP_ACCEPT_LANGUAGE="mn").json()["results"][0]
    assert mn["name"] == "居民身份证换领"
    assert (
        api.get("/api/v1/services/11370000GA0001", HTTP_ACCEPT_LANGUAGE="fr").json()["language"] == "zh-hans"
    )


def test_guide_is_complete(catalog, api):
    guide = api.get("/api/v1/services/11370000GA0001").json()
    assert guide["fees"] == [
        {"code": "gb", "name": "居民身份证工本费", "amount_fen": 2000, "legal_basis": "发改价格〔2005〕436号"}
    ]
    assert guide["promised_days"] == 15 and guide["statutory_days"] == 60
    assert guide["materials"][0]["certificate_type"] == "CN.ID_CARD"
    assert guide["materials"][0]["accepted_formats"] == ["jpeg", "png", "webp"]
    assert [s["order"] for s in guide["steps"]] == [1, 2, 3, 4]
    assert guide["windows"][0]["hall"] and guide["faqs"][0]["question"]
    assert guide["form_schema"]["type"] == "object"
    assert api.get("/api/v1/services/NOPE").status_code == 404


def test_guide_and_search_query_counts_are_fixed(catalog, api, django_assert_num_queries):
    small = ServiceItem.objects.get(code="11370000GA0003")
    big = ServiceItem.objects.get(code="11370000SC0001")
    for n in range(8):
        MaterialSpec.objects.create(service=big, code=f"extra{n}", name=f"材料{n}", accepted_formats=["pdf"])
    service_publish(service=big)
    for item in (small, big):
        with django_assert_num_queries(1):
            assert api.get(f"/api/v1/services/{item.code}").status_code == 200
    for query in ({}, {"q": "sfz"}, {"q": "zheng", "department": "GA", "theme": "household"}):
        with django_assert_num_queries(1):  # the page with its total, whatever the page holds
            assert api.get("/api/v1/services", query).json()["count"] > 0


def test_versions_are_immutable_snapshots(catalog, api):
    item = ServiceItem.objects.get(code="11370000GA0001")
    v1 = item.current_version
    item.promised_days = 10
    item.save()
    v2 = service_publish(service=item)
    assert (v1.number, v2.number) == (1, 2)
    assert ServiceVersion.objects.get(pk=v1.pk).guide["promised_days"] == 15
    guide = api.get("/api/v1/services/11370000GA0001").json()
    assert (guide["version"], guide["promised_days"]) == (2, 10)


def test_application_keeps_its_version(catalog, make_resident):
    from backend.applications.services import application_create

    item = ServiceItem.objects.get(code="11370000GA0001")
    application = application_create(applicant=make_resident(), service_code=item.code)
    item.promised_days = 3
    item.save()
    service_publish(service=item)
    application.refresh_from_db()
    assert application.service_version.number == 1
    assert application.service_version.guide["promised_days"] == 15


@pytest.mark.postgres
def test_search_is_served_by_the_trigram_index(catalog):
    # A catalog of realistic size (a province publishes thousands of items), with statistics.
    template = ServiceItem.objects.get(code="11370000RS0001")
    ServiceItem.objects.bulk_create(
        [
            ServiceItem(
                code=f"BULK{n:05d}",
                name=f"事项{n}",
                department_id=template.department_id,
                region_id=template.region_id,
                statutory_days=20,
                promised_days=10,
                current_version_id=template.current_version_id,
                name_keys=f"事项{n}|shixiang{n}|sx{n}",
                search_keys=f"事项{n}|shixiang{n}|sx{n}|banli{n}",
            )
            for n in range(3000)
        ]
    )
    queryset = selectors.service_search(q="sfz")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE services_serviceitem")
        # Leave the planner no sequential scan to fall back on, so the plan names the index that serves the LIKE.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "services_item_search_trgm" in plan, plan
