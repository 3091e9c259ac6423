from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "backend.certificates"
    label = "certificates"
    verbose_name = "Electronic certificates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from backend.accounts.merge import register_merge_handler
        from backend.applications.events import register_status_listener
        from backend.certificates import services

        register_merge_handler("certificates.holder", services.certificate_holder_merge)
        # A case that reaches `completed` issues its result certificates (after its commit).
        register_status_listener("certificates.issue_on_completion", services.certificate_on_status_changed)
