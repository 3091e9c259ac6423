from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "backend.services"
    label = "services"
    verbose_name = "Service catalog"
