"""Input/output serializers of the finance reconciliation API (explicit, unique names)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from payments.reconciliation.constants import (
    BILL_PROVIDERS,
    CaseCategory,
    CaseResolution,
    CaseState,
    LineKind,
    RunState,
)
from payments.reconciliation.selectors import GROUPS, PERIODS

MAX_REPORT_DAYS = 366


class DateRangeFilterSerializer(serializers.Serializer):
    date_from = serializers.DateField(help_text="First day (Asia/Shanghai), inclusive.")
    date_to = serializers.DateField(help_text="Last day (Asia/Shanghai), inclusive.")

    def validate(self, attrs: dict) -> dict:
        if attrs["date_to"] < attrs["date_from"]:
            raise serializers.ValidationError({"date_to": _("The range ends before it starts.")})
        if (attrs["date_to"] - attrs["date_from"]).days >= MAX_REPORT_DAYS:
            raise serializers.ValidationError({"date_to": _("At most 366 days at a time.")})
        return attrs


class ReportSummaryFilterSerializer(DateRangeFilterSerializer):
    period = serializers.ChoiceField(choices=PERIODS, default="day")
    group_by = serializers.ChoiceField(choices=GROUPS, default="department")


class ReportExportFilterSerializer(DateRangeFilterSerializer):
    format = serializers.ChoiceField(choices=("csv", "xlsx"), default="csv")


class ReportSummaryRowOutputSerializer(serializers.Serializer):
    period = serializers.CharField(help_text="YYYY-MM-DD or YYYY-MM (Asia/Shanghai)")
    key = serializers.CharField(help_text="department code, fee item code or channel")
    received_fen = serializers.IntegerField()
    refunded_fen = serializers.IntegerField()
    fee_fen = serializers.IntegerField(help_text="provider fees, rounded to the fen")
    net_fen = serializers.IntegerField(help_text="received − refunded − fees")


class RunListFilterSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=BILL_PROVIDERS, required=False)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)


class RunOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    provider = serializers.CharField()
    merchant_id = serializers.CharField()
    bill_date = serializers.DateField()
    state = serializers.ChoiceField(choices=RunState.choices)
    method = serializers.CharField()
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    line_count = serializers.IntegerField()
    counts = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text="per category (matched, provider_only, local_only, amount_mismatch, status_mismatch): "
        "count and amount_fen",
    )
    totals = serializers.DictField(help_text="the bill's own summary, what its rows add up to, per channel")
    errors = serializers.ListField(child=serializers.DictField(), help_text="malformed lines: line, message")
    failure = serializers.CharField()
    bill_file_sha256 = serializers.CharField(source="bill_file.sha256")


class RunCreateInputSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=BILL_PROVIDERS)
    bill_date = serializers.DateField(help_text="The business day (Asia/Shanghai) to reconcile.")
    bill_file_id = serializers.UUIDField(
        required=False, help_text="Re-run a stored bill file; without it the bill is downloaded again."
    )


class BillUploadInputSerializer(serializers.Serializer):
    provider = serializers.ChoiceField(choices=BILL_PROVIDERS)
    bill_date = serializers.DateField()
    file = serializers.FileField(
        help_text="WeChat Pay trade bill (CSV, optionally gzip) or Alipay bill zip, as downloaded."
    )


class CaseListFilterSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=CaseState.choices, required=False)
    category = serializers.ChoiceField(choices=CaseCategory.choices, required=False)
    provider = serializers.ChoiceField(choices=BILL_PROVIDERS, required=False)
    bill_date = serializers.DateField(required=False)


class CaseActionOutputSerializer(serializers.Serializer):
    action = serializers.CharField()
    actor_id = serializers.UUIDField(allow_null=True)
    note = serializers.CharField()
    outcome = serializers.DictField()
    at = serializers.DateTimeField()


class CaseOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    provider = serializers.CharField()
    merchant_id = serializers.CharField()
    bill_date = serializers.DateField()
    kind = serializers.ChoiceField(choices=LineKind.choices)
    reference = serializers.CharField()
    category = serializers.ChoiceField(choices=CaseCategory.choices)
    state = serializers.ChoiceField(choices=CaseState.choices)
    resolution = serializers.ChoiceField(choices=CaseResolution.choices, allow_blank=True)
    out_trade_no = serializers.CharField()
    transaction_id = serializers.CharField()
    provider_amount_fen = serializers.IntegerField(allow_null=True)
    local_amount_fen = serializers.IntegerField(allow_null=True)
    provider_status = serializers.CharField()
    local_state = serializers.CharField()
    order_id = serializers.UUIDField(allow_null=True)
    refund_id = serializers.UUIDField(allow_null=True)
    note = serializers.CharField()
    resolved_at = serializers.DateTimeField(allow_null=True)
    last_run_id = serializers.UUIDField()


class CaseDetailOutputSerializer(CaseOutputSerializer):
    actions = CaseActionOutputSerializer(many=True)


class CaseRefundInputSerializer(serializers.Serializer):
    amount_fen = serializers.IntegerField(min_value=1, max_value=10**12)
    note = serializers.CharField(max_length=200)


class CaseWriteOffInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=2000, help_text="Why the difference is accepted (required).")
