"""Reads of applications: the resident's list and detail, staff queues, supervision, clocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.http import Http404

from backend.applications import services
from backend.applications.constants import CLOCK_RUNNING, ClockStatus, Status
from backend.applications.models import Application, ApplicationEvent, CorrectionNotice, ReviewTask
from backend.applications.services import staff_department_ids
from backend.core.compiled_lookup import CompiledLookup
from backend.services.constants import BASE_LANGUAGE, GUIDE_LANGUAGES


@dataclass(frozen=True)
class Clock:
    status: str | None
    deadline_on: date | None
    warning_on: date | None
    suspended: bool


def clock_of(application: Application, on: date | None = None) -> Clock:
    """Where the case stands against its time limit: on_time, warning (80% used) or overdue.

    The clock counts from acceptance; while the resident corrects it stands still at the
    day it stopped; after the decision it is frozen at the decision day.
    """
    if application.deadline_on is None or application.warning_on is None:
        return Clock(None, None, None, False)
    reference = on or services.today()
    if application.suspended_on is not None:
        reference = application.suspended_on
    elif application.status not in CLOCK_RUNNING and application.decided_at is not None:
        reference = application.decided_at.date()
    if reference > application.deadline_on:
        status = ClockStatus.OVERDUE
    elif reference >= application.warning_on:
        status = ClockStatus.WARNING
    else:
        status = ClockStatus.ON_TIME
    return Clock(
        status, application.deadline_on, application.warning_on, application.suspended_on is not None
    )


def clock_filter(clock: str, on: date) -> Q:
    """The database condition of one clock status over cases whose clock runs."""
    running = Q(status__in=CLOCK_RUNNING, deadline_on__isnull=False)
    # The day that counts: the suspension day while corrections are awaited, else `on`.
    if clock == ClockStatus.OVERDUE:
        return running & (
            Q(suspended_on__isnull=True, deadline_on__lt=on) | Q(suspended_on__gt=F("deadline_on"))
        )
    if clock == ClockStatus.WARNING:
        return running & (
            Q(suspended_on__isnull=True, warning_on__lte=on, deadline_on__gte=on)
            | Q(suspended_on__gte=F("warning_on"), suspended_on__lte=F("deadline_on"))
        )
    return running & (Q(suspended_on__isnull=True, warning_on__gt=on) | Q(suspended_on__lt=F("warning_on")))


def _with_guide_names(qs: QuerySet[Application], language: str) -> QuerySet[Application]:
    """Code, name and version of the case's guide, read from inside the JSON by the database
    (the whole guide document is not loaded for a progress page)."""
    qs = qs.annotate(
        guide_code=KeyTextTransform("code", "service_version__guide"),
        guide_name=KeyTextTransform("name", "service_version__guide"),
        version_number=F("service_version__number"),
    )
    if language in GUIDE_LANGUAGES and language != BASE_LANGUAGE:
        translations = KeyTransform(language, KeyTransform("translations", "service_version__guide"))
        qs = qs.annotate(guide_name_tr=KeyTextTransform("name", translations))
    return qs


def application_list_for_resident(
    *, applicant: Any, status: str = "", language: str = BASE_LANGUAGE
) -> QuerySet[Application]:
    qs = _with_guide_names(Application.objects.filter(applicant=applicant), language).defer(
        "progress", "form_data_encrypted"
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at")


_RESIDENT_CASE = CompiledLookup(Application, "pk", "applicant_id")
_RESIDENT_CASE_WITH_APPLICANT = CompiledLookup(
    Application, "pk", "applicant_id", select_related=("applicant",)
)


def application_get_for_resident(
    *, applicant: Any, application_id: Any, language: str = BASE_LANGUAGE
) -> Application:
    """The resident's own case with its progress read model; 404 for anyone else's.

    One query whatever the length of the timeline (the read model is a column of the row), its
    SQL compiled once per process: this is the hottest read of 查 (bench/RESULTS.md).
    """
    # Service code, names and version live in the read model too: no join, no JSON digging.
    application = _RESIDENT_CASE.get(pk=application_id, applicant_id=applicant.pk)
    if application is None:
        raise Http404
    return application


def application_with_applicant_for_resident(*, applicant_id: Any, application_id: Any) -> Application | None:
    """The case if `applicant_id` owns it, with the applicant's user row from the same query.

    For the authentication of the case page (applications/authentication.py), which checks the
    user from this row: the page then costs one query. None when it is not theirs.
    """
    return _RESIDENT_CASE_WITH_APPLICANT.get(pk=application_id, applicant_id=applicant_id)


def _detail_queryset() -> QuerySet[Application]:
    return Application.objects.select_related("service_version").prefetch_related(
        "materials",
        Prefetch("corrections", queryset=CorrectionNotice.objects.order_by("round")),
        Prefetch("tasks", queryset=ReviewTask.objects.select_related("department")),
    )


def staff_visible(staff: Any) -> QuerySet[Application]:
    """Cases of the staff member's departments and of the departments co-handling them."""
    mine = staff_department_ids(staff)
    co = ReviewTask.objects.filter(department_id__in=mine).values("application_id")
    return Application.objects.filter(Q(department_id__in=mine) | Q(pk__in=co)).exclude(status=Status.DRAFT)


def staff_queue(
    *, staff: Any, department: str = "", status: str = "", clock: str = "", mine: bool = False
) -> QuerySet[Application]:
    qs = staff_visible(staff).select_related("service_version", "department")
    if department:
        qs = qs.filter(Q(department__code=department) | Q(tasks__department__code=department)).distinct()
    if status:
        qs = qs.filter(status=status)
    if clock:
        qs = qs.filter(clock_filter(clock, services.today()))
    if mine:
        qs = qs.filter(claimed_by=staff)
    return qs.order_by(F("deadline_on").asc(nulls_last=True), "submitted_at")


def application_get_for_staff(*, staff: Any, application_id: Any) -> Application:
    application = (
        _detail_queryset()
        .select_related("applicant", "department")
        .prefetch_related(
            Prefetch(
                "events", queryset=ApplicationEvent.objects.order_by("created_at", "id"), to_attr="all_events"
            )
        )
        .filter(pk__in=staff_visible(staff).values("pk"), pk=application_id)
        .first()
    )
    if application is None:
        raise Http404
    return application
