from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "backend.appointments"
    label = "appointments"
    verbose_name = "Appointments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from backend.accounts.merge import register_merge_handler
        from backend.appointments import services

        register_merge_handler("appointments.resident", services.appointment_resident_merge)
