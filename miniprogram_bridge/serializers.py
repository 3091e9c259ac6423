"""Input/output serializers of the mini-program bridge (one pair per operation)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.accounts.serializers import TokenPairSerializer
from miniprogram_bridge.constants import SubscribeDecision


class WeChatLoginInputSerializer(serializers.Serializer):
    code = serializers.CharField(
        max_length=128,
        help_text="`res.code` of `wx.login()`: single use, valid for 5 minutes.",
    )


class WeChatPhoneInputSerializer(serializers.Serializer):
    code = serializers.CharField(
        max_length=128,
        help_text=(
            '`e.detail.code` of `<button open-type="getPhoneNumber" bindgetphonenumber=…>` '
            "(not the old `encryptedData`): single use, valid for 5 minutes."
        ),
    )


class AlipayLoginInputSerializer(serializers.Serializer):
    auth_code = serializers.CharField(
        max_length=128,
        help_text="`res.authCode` of `my.getAuthCode({scopes: 'auth_base'})`: single use.",
    )


class AlipayPhoneInputSerializer(serializers.Serializer):
    response = serializers.CharField(
        max_length=4096,
        help_text=(
            "`res.response` of `my.getPhoneNumber()`, passed on unchanged: a JSON string "
            '`{"response": "<AES ciphertext>", "sign": …, "sign_type": "RSA2", '
            '"encrypt_type": "AES", "charset": "UTF-8"}`.'
        ),
    )


class PhoneBindOutputSerializer(serializers.Serializer):
    user_id = serializers.UUIDField(help_text="The account that now holds the phone.")
    phone = serializers.CharField(help_text="Masked: `138****5678`.")
    merged = serializers.BooleanField(
        help_text=(
            "True when the phone belonged to another account and the two were merged. The "
            "surviving account may not be the one you logged in with: always switch to `tokens`."
        )
    )
    tokens = TokenPairSerializer(help_text="A fresh token pair for the surviving account.")


class SubscribeConsentInputSerializer(serializers.Serializer):
    result = serializers.DictField(
        child=serializers.CharField(max_length=256),
        allow_empty=False,
        help_text=(
            "The `res` object of `wx.requestSubscribeMessage({tmplIds})` as it came: template id → "
            "`accept` | `reject` | `ban` | `filter`; the `errMsg` key is ignored."
        ),
    )

    def validate_result(self, value: dict[str, str]) -> dict[str, str]:
        decisions = {str(k): v for k, v in value.items() if k != "errMsg"}
        if not decisions:
            raise serializers.ValidationError(_("No template decisions."), code="subscribe_result_empty")
        if len(decisions) > 20:
            raise serializers.ValidationError(_("Too many templates."), code="subscribe_result_too_long")
        bad = sorted(k for k, v in decisions.items() if v not in SubscribeDecision.values)
        if bad:
            raise serializers.ValidationError(
                _("Decisions are accept, reject, ban or filter."), code="subscribe_decision_invalid"
            )
        return decisions


class SubscribeConsentOutputSerializer(serializers.Serializer):
    template_key = serializers.CharField(allow_null=True, help_text="Our name of the template.")
    template_id = serializers.CharField()
    remaining = serializers.IntegerField(help_text="Messages that may still be sent (one per accept).")
    last_decision = serializers.ChoiceField(choices=SubscribeDecision.choices)
    updated_at = serializers.DateTimeField()


class SubscribeTemplateOutputSerializer(serializers.Serializer):
    template_key = serializers.CharField()
    template_id = serializers.CharField(help_text="Pass these to `wx.requestSubscribeMessage({tmplIds})`.")


class SubscribeConsentListOutputSerializer(serializers.Serializer):
    templates = SubscribeTemplateOutputSerializer(many=True, help_text="Every configured template.")
    consents = SubscribeConsentOutputSerializer(many=True)


class _JsonBooleanField(serializers.BooleanField):
    """A JSON `true`/`false` only: `"true"`, `1` or `"on"` are not what Alipay's callback gives."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class _JsonStringField(serializers.CharField):
    """A JSON string only (a template id is never a number)."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class AlipaySubscribeResultSerializer(serializers.Serializer):
    """`res.result` of `my.requestSubscribeMessage`; the other keys Alipay adds are ignored."""

    subscribedEntityIds = serializers.ListField(  # Alipay's own key
        child=_JsonStringField(max_length=128),
        max_length=20,
        default=list,
        help_text="Template ids the user subscribed to: each allows one message.",
    )
    unsubscribedEntityIds = serializers.ListField(  # Alipay's own key
        child=_JsonStringField(max_length=128),
        max_length=20,
        default=list,
        help_text="Template ids the user did not subscribe to.",
    )


class AlipaySubscribeConsentInputSerializer(serializers.Serializer):
    """The `res` object of `my.requestSubscribeMessage({entityIds})`'s success callback, as it came."""

    behavior = serializers.ChoiceField(
        choices=["subscribe"],
        help_text="`subscribe` (the success callback); `cancel` / '' come from `fail` and are not results.",
    )
    keep = _JsonBooleanField(
        default=False,
        help_text="One-time templates: the user ticked 'keep this choice, do not ask again'.",
    )
    refuse = _JsonBooleanField(
        default=False, help_text="Long-term templates: the user chose 'refuse, do not ask again'."
    )
    result = AlipaySubscribeResultSerializer()

    def validate(self, attrs: dict) -> dict:
        result = attrs["result"]
        subscribed, unsubscribed = result["subscribedEntityIds"], result["unsubscribedEntityIds"]
        if not subscribed and not unsubscribed:
            raise serializers.ValidationError(
                {"result": _("No template decisions.")}, code="subscribe_result_empty"
            )
        if set(subscribed) & set(unsubscribed):
            raise serializers.ValidationError(
                {"result": _("A template cannot be both subscribed and unsubscribed.")},
                code="subscribe_result_conflict",
            )
        return attrs
