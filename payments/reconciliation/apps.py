from django.apps import AppConfig


class ReconciliationConfig(AppConfig):
    """Finance: reconciliation against the providers' daily bills, difference cases, reports.

    Its own app (label `reconciliation`, own migrations) inside `payments/`: it builds on the
    payments models and services and never changes them.
    """

    name = "payments.reconciliation"
    label = "reconciliation"
    verbose_name = "Reconciliation"
    default_auto_field = "django.db.models.BigAutoField"
