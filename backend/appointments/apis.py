"""HTTP endpoints of appointments: halls, free slots, book / cancel / reschedule, check-in."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsResident, role_permission
from backend.appointments import selectors, services
from backend.appointments.constants import AppointmentStatus
from backend.appointments.models import Appointment, Hall, Slot
from backend.appointments.serializers import (
    AppointmentBookInputSerializer,
    AppointmentCheckInInputSerializer,
    AppointmentCheckInOutputSerializer,
    AppointmentOutputSerializer,
    AppointmentRescheduleInputSerializer,
    HallListInputSerializer,
    HallOutputSerializer,
    SlotListInputSerializer,
    SlotOutputSerializer,
)
from backend.core.api_helpers import (
    PageQuerySerializer,
    page_query_validate,
    paginated,
    path_uuid,
    uuid_or_404,
)
from backend.core.openapi import problem_responses
from backend.core.pagination import PageNumberPagination

_SLOT = {
    "id": 42,
    "hall": "jinan-zw",
    "hall_name": "济南市政务服务中心",
    "window": "3号窗口",
    "starts_at": "2026-11-23T09:00:00+08:00",
    "ends_at": "2026-11-23T09:30:00+08:00",
    "capacity": 5,
    "remaining": 2,
}
_APPOINTMENT = {
    "id": "3d0c9a52-7e8b-4d6a-9f0e-1a2b3c4d5e6f",
    "status": "booked",
    "service": "11370000MZ0001",
    "service_name": "婚姻登记",
    "slot": _SLOT,
    "checkin_code": "48213907",
    "rescheduled_to": None,
    "created_at": "2026-11-21T10:00:00+08:00",
    "checked_in_at": None,
}


def slot_data(slot: Slot) -> dict[str, Any]:
    return {
        "id": slot.pk,
        "hall": slot.window.hall.code,
        "hall_name": slot.window.hall.name,
        "window": slot.window.name,
        "starts_at": slot.starts_at,
        "ends_at": slot.ends_at,
        "capacity": slot.capacity,
        "remaining": slot.remaining,
    }


def appointment_data(appointment: Appointment) -> dict[str, Any]:
    return {
        "id": appointment.pk,
        "status": appointment.status,
        "service": appointment.service.code,
        "service_name": appointment.service.name,
        "slot": slot_data(appointment.slot),
        "checkin_code": appointment.checkin_code if appointment.status == AppointmentStatus.BOOKED else None,
        "rescheduled_to": appointment.rescheduled_to_id,
        "created_at": appointment.created_at,
        "checked_in_at": appointment.checked_in_at,
    }


def _service(code: str) -> Any:
    from backend.services.models import ServiceItem

    service = ServiceItem.objects.filter(code=code, is_active=True).first()
    if service is None:
        raise NotFound()
    return service


def _slot(slot_id: int) -> Slot:
    slot = Slot.objects.filter(pk=slot_id).first()
    if slot is None:
        raise NotFound()
    return slot


class HallListApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["appointments"],
        operation_id="appointments_halls_list",
        summary="Service halls, their windows and the services each window handles (public)",
        parameters=[HallListInputSerializer],
        responses={200: HallOutputSerializer(many=True), **problem_responses(400)},
        examples=[
            OpenApiExample(
                "Halls",
                value=[
                    {
                        "code": "jinan-zw",
                        "name": "济南市政务服务中心",
                        "street": "济南市历下区龙鼎大道1号",
                        "windows": [{"code": "3", "name": "3号窗口", "services": ["11370000MZ0001"]}],
                    }
                ],
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        params = HallListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        halls = selectors.hall_list(service_code=params.validated_data.get("service"))
        data = [
            {
                "code": hall.code,
                "name": hall.name,
                "street": hall.street,
                "windows": [
                    {"code": w.code, "name": w.name, "services": [s.code for s in w.services.all()]}
                    for w in hall.windows.all()
                ],
            }
            for hall in halls
        ]
        return Response(HallOutputSerializer(data, many=True).data)


class SlotListApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["appointments"],
        operation_id="appointments_slots_list",
        summary="Free times of a day for a service (public)",
        description="Only future slots with places left, at windows that handle the service.",
        parameters=[SlotListInputSerializer],
        responses={200: SlotOutputSerializer(many=True), **problem_responses(400)},
        examples=[OpenApiExample("Slots", value=[_SLOT], response_only=True)],
    )
    def get(self, request: Request) -> Response:
        params = SlotListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        slots = selectors.slot_list_available(
            service_code=params.validated_data["service"],
            day=params.validated_data["date"],
            hall_code=params.validated_data.get("hall"),
        )
        return Response(SlotOutputSerializer([slot_data(s) for s in slots[:200]], many=True).data)


class AppointmentListCreateApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["appointments"],
        operation_id="appointments_list",
        summary="My appointments",
        parameters=[PageQuerySerializer],
        responses={200: paginated(AppointmentOutputSerializer), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Page",
                value={"count": 1, "next": None, "previous": None, "results": [_APPOINTMENT]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        page_query_validate(request)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(
            selectors.appointment_list_for_resident(resident=request.user), request, view=self
        )
        return paginator.get_paginated_response(
            AppointmentOutputSerializer([appointment_data(a) for a in page], many=True).data
        )

    @extend_schema(
        tags=["appointments"],
        operation_id="appointments_book",
        summary="Book a time at a hall window",
        description="409 `slot_full` when the last place went to someone else, 409 `appointment_duplicate` "
        "for a second booking of the same time, 422 `slot_not_bookable` for a past time or a window that "
        "does not handle the service, 403 `appointment_no_show_limited` (with `limited_until`) after "
        "repeated missed appointments.",
        request=AppointmentBookInputSerializer,
        responses={201: AppointmentOutputSerializer, **problem_responses(403, 404, 409, 422)},
        examples=[
            OpenApiExample("Book", value={"slot": 42, "service": "11370000MZ0001"}, request_only=True),
            OpenApiExample("Booked", value=_APPOINTMENT, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        body = AppointmentBookInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        appointment = services.appointment_book(
            resident=request.user,
            slot=_slot(body.validated_data["slot"]),
            service=_service(body.validated_data["service"]),
        )
        return Response(AppointmentOutputSerializer(appointment_data(appointment)).data, status=201)


class AppointmentDetailApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[path_uuid("appointment_id")],
        tags=["appointments"],
        operation_id="appointments_retrieve",
        summary="One of my appointments, with its check-in code",
        responses={200: AppointmentOutputSerializer, **problem_responses(403, 404)},
        examples=[OpenApiExample("Appointment", value=_APPOINTMENT, response_only=True)],
    )
    def get(self, request: Request, appointment_id: Any) -> Response:
        appointment_id = uuid_or_404(appointment_id)
        appointment = selectors.appointment_get_for_resident(
            resident=request.user, appointment_id=appointment_id
        )
        if appointment is None:
            raise NotFound()
        return Response(AppointmentOutputSerializer(appointment_data(appointment)).data)


class AppointmentCancelApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[path_uuid("appointment_id")],
        tags=["appointments"],
        operation_id="appointments_cancel",
        summary="Cancel my appointment (before it begins)",
        request=None,
        responses={200: AppointmentOutputSerializer, **problem_responses(403, 404, 409)},
        examples=[
            OpenApiExample(
                "Cancelled",
                value={**_APPOINTMENT, "status": "cancelled", "checkin_code": None},
                response_only=True,
            )
        ],
    )
    def post(self, request: Request, appointment_id: Any) -> Response:
        appointment_id = uuid_or_404(appointment_id)
        appointment = services.appointment_cancel(appointment_id=appointment_id, resident=request.user)
        appointment = selectors.appointment_get_for_resident(
            resident=request.user, appointment_id=appointment.pk
        )
        return Response(AppointmentOutputSerializer(appointment_data(appointment)).data)


class AppointmentRescheduleApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[path_uuid("appointment_id")],
        tags=["appointments"],
        operation_id="appointments_reschedule",
        summary="Move my appointment to another time",
        description="Answers the new appointment (new check-in code); the old one becomes `rescheduled`.",
        request=AppointmentRescheduleInputSerializer,
        responses={201: AppointmentOutputSerializer, **problem_responses(403, 404, 409, 422)},
        examples=[
            OpenApiExample("Reschedule", value={"slot": 43}, request_only=True),
            OpenApiExample("New appointment", value=_APPOINTMENT, response_only=True),
        ],
    )
    def post(self, request: Request, appointment_id: Any) -> Response:
        appointment_id = uuid_or_404(appointment_id)
        body = AppointmentRescheduleInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        new = services.appointment_reschedule(
            appointment_id=appointment_id, resident=request.user, slot=_slot(body.validated_data["slot"])
        )
        return Response(AppointmentOutputSerializer(appointment_data(new)).data, status=201)


class AppointmentCheckInApi(APIView):
    permission_classes = [role_permission("clerk", "reviewer", "supervisor")]

    @extend_schema(
        tags=["appointments"],
        operation_id="appointments_check_in",
        summary="Check a resident in at the hall with their code (staff of the hall)",
        description="From an hour before the time until its end. "
        "Staff outside the hall's department get 404.",
        request=AppointmentCheckInInputSerializer,
        responses={200: AppointmentCheckInOutputSerializer, **problem_responses(403, 404, 409)},
        examples=[
            OpenApiExample("Check in", value={"hall": "jinan-zw", "code": "48213907"}, request_only=True),
            OpenApiExample(
                "Checked in",
                value={
                    "id": _APPOINTMENT["id"],
                    "status": "checked_in",
                    "service": "11370000MZ0001",
                    "slot": _SLOT,
                    "checked_in_at": "2026-11-23T08:52:00+08:00",
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        body = AppointmentCheckInInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        hall = Hall.objects.filter(code=body.validated_data["hall"]).first()
        if hall is None:
            raise NotFound()
        appointment = services.appointment_check_in(
            hall=hall, code=body.validated_data["code"], staff=request.user
        )
        data = {
            "id": appointment.pk,
            "status": appointment.status,
            "service": appointment.service.code,
            "slot": slot_data(appointment.slot),
            "checked_in_at": appointment.checked_in_at,
        }
        return Response(AppointmentCheckInOutputSerializer(data).data)
