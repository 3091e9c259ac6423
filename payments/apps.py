from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self) -> None:
        from backend.accounts.merge import register_merge_handler
        from payments import services

        register_merge_handler("payments.bills", services.payer_merge)
