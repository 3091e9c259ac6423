"""Small helpers for APIViews: paginated list schemas, strict optional query parameters, path ids.

(Added with the certificates / appointments / feedback endpoints; generic, so other apps may use them.)
"""

from __future__ import annotations

import uuid
from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import NotFound

from backend.core.pagination import MAX_PAGE

_PAGINATED: dict[str, type[serializers.Serializer]] = {}


def paginated(serializer_class: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """The schema of a `PageNumberPagination` page of `serializer_class` (count, next, previous, results).

    An `APIView` that paginates by hand must document this, not a bare array.
    """
    base = serializer_class.__name__.removesuffix("Serializer").removesuffix("Output")
    name = f"Paginated{base}ListSerializer"
    if name not in _PAGINATED:
        _PAGINATED[name] = type(
            name,
            (serializers.Serializer,),
            {
                "__module__": serializer_class.__module__,
                "count": serializers.IntegerField(help_text="Items in all pages."),
                "next": serializers.CharField(allow_null=True, help_text="URL of the next page."),
                "previous": serializers.CharField(allow_null=True, help_text="URL of the previous page."),
                "results": serializer_class(many=True),
            },
        )
    return _PAGINATED[name]


# Text the contract can state exactly: any characters but NUL (DRF refuses it), not trimmed
# (which white space Python strips and JSON Schema's `\s` matches differ at the edges).
ANY_TEXT = r"^[^\x00]*$"


def text_field(*, blank: bool = False, **kwargs: Any) -> serializers.RegexField:
    """A free-text input whose schema says exactly what is accepted (minLength 1 unless blank)."""
    return serializers.RegexField(ANY_TEXT, allow_blank=blank, trim_whitespace=False, **kwargs)


class StrictQueryCharField(serializers.RegexField):
    """An optional query parameter that, when present, must not be empty (`?service=` is a 400).

    DRF treats an empty optional form/query value as absent; the contract says minLength 1.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(ANY_TEXT, trim_whitespace=False, **kwargs)

    def get_value(self, dictionary: Any) -> Any:
        if hasattr(dictionary, "getlist") and self.field_name in dictionary:
            return dictionary[self.field_name]
        return super().get_value(dictionary)


def uuid_or_404(value: str) -> uuid.UUID:
    """Path ids are routed as text (so a malformed one still gets a problem+json 404)."""
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise NotFound() from exc


def int_or_404(value: str) -> int:
    if not str(value).isdigit() or len(str(value)) > 18:
        raise NotFound()
    return int(value)


def path_uuid(name: str) -> Any:
    """Document a text-routed path id as a UUID."""
    from drf_spectacular.types import OpenApiTypes
    from drf_spectacular.utils import OpenApiParameter

    return OpenApiParameter(name, OpenApiTypes.UUID, OpenApiParameter.PATH)


def path_int(name: str) -> Any:
    from drf_spectacular.types import OpenApiTypes
    from drf_spectacular.utils import OpenApiParameter

    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH)


class StrictQueryIntegerField(serializers.IntegerField):
    """An optional integer query parameter that, when present, must be a valid integer."""

    def get_value(self, dictionary: Any) -> Any:
        if hasattr(dictionary, "getlist") and self.field_name in dictionary:
            return dictionary[self.field_name]
        return super().get_value(dictionary)


class PageQuerySerializer(serializers.Serializer):
    """`page` and `page_size` of a paginated list; invalid values are a 400, not silently ignored."""

    page = StrictQueryIntegerField(
        required=False, min_value=1, max_value=MAX_PAGE, help_text="Page number, from 1."
    )
    page_size = StrictQueryIntegerField(
        required=False, min_value=1, max_value=100, help_text="Items per page (default 20, at most 100)."
    )


def page_query_validate(request: Any) -> None:
    PageQuerySerializer(data=request.query_params).is_valid(raise_exception=True)
