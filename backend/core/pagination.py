"""Page-number pagination with a bounded page size for small screens.

Strict: a malformed `page` or `page_size` is a 400 validation problem, not silently
replaced by the default (a client bug should show, and the contract says integer ≥ 1).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.paginator import InvalidPage, Page
from django.db.models import Count, QuerySet, Window
from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError

_POSITIVE_INT = re.compile(r"[1-9][0-9]{0,8}")
MAX_PAGE = 999_999_999  # what _POSITIVE_INT admits; beyond any real list, and in the contract


def _positive_int(request: Any, name: str, maximum: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if not _POSITIVE_INT.fullmatch(raw) or (maximum is not None and int(raw) > maximum):
        message = (
            _("Must be a whole number from 1 to %(max)d.") % {"max": maximum}
            if maximum
            else _("Must be a whole number from 1.")
        )
        raise ValidationError({name: [ErrorDetail(str(message), code="invalid")]})
    return int(raw)


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request: Any) -> int:
        size = _positive_int(request, self.page_size_query_param, self.max_page_size)
        return size or self.page_size

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> Any:
        _positive_int(request, self.page_query_param)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            parameter["schema"]["maximum"] = (
                self.max_page_size if parameter["name"] == self.page_size_query_param else MAX_PAGE
            )
        return parameters


class CountedPagePagination(PageNumberPagination):
    """The same pages, with the total counted by the page query itself (`COUNT(*) OVER ()`).

    One query instead of two for a page with rows: on a hot public list (the catalog search)
    the second round trip and its compilation cost more than the counting (bench/RESULTS.md).
    An empty page falls back to the count query, to tell "no results" from "past the end".
    Not for DISTINCT querysets (the window counts rows before DISTINCT).
    """

    def paginate_queryset(self, queryset: QuerySet[Any], request: Any, view: Any = None) -> Any:
        if queryset.query.distinct:
            raise TypeError("CountedPagePagination cannot count a DISTINCT queryset")
        self.request = request
        number = _positive_int(request, self.page_query_param) or 1
        size = self.get_page_size(request)
        start = (number - 1) * size
        rows = list(queryset.annotate(page_total_count=Window(Count("*")))[start : start + size])
        paginator = self.django_paginator_class(queryset, size)
        if rows:
            paginator.count = rows[0].page_total_count  # fills the paginator's cached count
        try:
            paginator.validate_number(number)
        except InvalidPage as exc:
            raise NotFound(self.invalid_page_message.format(page_number=number, message=str(exc))) from exc
        self.page = Page(rows, number, paginator)
        return rows
