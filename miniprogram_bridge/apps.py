from django.apps import AppConfig


class MiniprogramBridgeConfig(AppConfig):
    name = "miniprogram_bridge"
    label = "miniprogram_bridge"
    verbose_name = "Mini-program bridge"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from backend.accounts.merge import register_merge_handler
        from miniprogram_bridge.services import merge_bridge_rows

        register_merge_handler("miniprogram_bridge", merge_bridge_rows)
