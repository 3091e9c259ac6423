from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "backend.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from backend.accounts import roles, schema  # noqa: F401 - registers the OpenAPI auth scheme

        roles.connect_post_migrate(self)
