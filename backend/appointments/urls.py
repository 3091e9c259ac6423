from django.urls import path

from backend.appointments import apis

urlpatterns = [
    path("appointments", apis.AppointmentListCreateApi.as_view(), name="appointment-list"),
    path("appointments/halls", apis.HallListApi.as_view(), name="appointment-halls"),
    path("appointments/slots", apis.SlotListApi.as_view(), name="appointment-slots"),
    path("appointments/check-in", apis.AppointmentCheckInApi.as_view(), name="appointment-check-in"),
    path("appointments/<str:appointment_id>", apis.AppointmentDetailApi.as_view(), name="appointment-detail"),
    path(
        "appointments/<str:appointment_id>/cancel",
        apis.AppointmentCancelApi.as_view(),
        name="appointment-cancel",
    ),
    path(
        "appointments/<str:appointment_id>/reschedule",
        apis.AppointmentRescheduleApi.as_view(),
        name="appointment-reschedule",
    ),
]
