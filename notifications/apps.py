from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    label = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from notifications import merge, routing
        from notifications.models import EventRoute, MessageTemplate

        merge.register()
        # Cache invalidation only (no domain flow): the routing snapshot is re-read after an edit.
        for model in (EventRoute, MessageTemplate):
            uid = f"notifications-rules-{model.__name__}"
            post_save.connect(routing.rules_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(routing.rules_changed, sender=model, dispatch_uid=f"{uid}-delete")
