from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "backend.supervision"
    label = "supervision"
    verbose_name = "Supervision figures"
