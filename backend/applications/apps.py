from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "backend.applications"
    label = "applications"
    verbose_name = "Applications"

    def ready(self) -> None:
        from backend.applications import registrations

        registrations.register_all()
