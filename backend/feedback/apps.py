from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "backend.feedback"
    label = "feedback"
    verbose_name = "Evaluation, consultation and complaints"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from backend.accounts.merge import register_merge_handler
        from backend.feedback import services

        register_merge_handler("feedback.resident", services.feedback_resident_merge)
