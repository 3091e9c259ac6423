"""Reads of the service catalog: search and the published guide."""

from __future__ import annotations

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404

from backend.services.models import Region, ServiceItem
from backend.services.search import normalize_query

# What a search result shows; the form schema and guide texts stay in the database.
SUMMARY_FIELDS = (
    "code",
    "name",
    "translations",
    "item_type",
    "audience",
    "themes",
    "online_depth",
    "promised_days",
    "fee_stage",
    "department__code",
    "department__name",
    "department__name_en",
)


def region_with_ancestors(code: str) -> list[str]:
    """`code` and the codes above it: a province-wide item serves every city and county."""
    codes: list[str] = []
    region = Region.objects.filter(code=code).only("code", "parent_id").first()
    while region is not None and len(codes) < 5:
        codes.append(region.code)
        region = (
            Region.objects.filter(pk=region.parent_id).only("code", "parent_id").first()
            if region.parent_id
            else None
        )
    return codes or [code]


def service_search(
    *,
    q: str = "",
    department: str = "",
    region: str = "",
    audience: str = "",
    theme: str = "",
    online_depth: int | None = None,
) -> QuerySet[ServiceItem]:
    """Published, active items matching the keyword and filters; name matches first.

    The keyword is matched as a substring of the search keys (names, aliases, pinyin in full
    and initials); on PostgreSQL the `LIKE` is served by the pg_trgm GIN index.
    """
    qs = (
        ServiceItem.objects.filter(is_active=True, current_version__isnull=False)
        .select_related("department")
        .only(*SUMMARY_FIELDS)
    )
    if department:
        qs = qs.filter(department__code=department)
    if region:
        qs = qs.filter(region__code__in=region_with_ancestors(region))
    if audience:
        qs = qs.filter(audience=audience)
    if theme:
        qs = qs.filter(themes__contains=f",{theme},")
    if online_depth:
        qs = qs.filter(online_depth__gte=online_depth)
    key = normalize_query(q)
    if key:
        qs = qs.filter(search_keys__contains=key).annotate(
            rank=Case(
                When(name_keys__contains=key, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        return qs.order_by("rank", "code")
    return qs.order_by("code")


def service_get_published(*, code: str) -> ServiceItem:
    """The active item with its current published version, in one query; 404 otherwise."""
    item = (
        ServiceItem.objects.select_related("current_version")
        .only(
            "id",
            "code",
            "is_active",
            "current_version__id",
            "current_version__number",
            "current_version__guide",
            "current_version__published_at",
            "current_version__service_id",
        )
        .filter(code=code, is_active=True, current_version__isnull=False)
        .first()
    )
    if item is None:
        raise Http404
    return item
