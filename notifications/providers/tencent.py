"""SMS through Tencent Cloud SMS (API 3.0, SendSms 2021-01-11) with the official SDK.

China SMS carries no free text: each message is a pre-registered template (id) with
positional parameters, under an approved sign name. `MessageTemplate.provider_template_code`
holds the template id per event and language; `TENCENT_SMS_TEMPLATE_PARAMS` lists which
params fill {1}, {2}, … for each template. The login code uses `TENCENT_SMS_LOGIN_TEMPLATE`.
"""

from __future__ import annotations

from django.conf import settings
from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.sms.v20210111 import models, sms_client

from backend.core.sms import SmsMessage
from notifications.sms import BaseSmsBackend, SmsSendError

# Per-number codes that no retry fixes.
PERMANENT_PREFIXES = ("InvalidParameterValue", "FailedOperation.PhoneNumber", "UnsupportedOperation")
PERMANENT_CODES = frozenset(
    {
        "FailedOperation.TemplateIncorrectOrUnapproved",
        "FailedOperation.SignatureIncorrectOrUnapproved",
        "FailedOperation.MissingTemplateToModify",
        "FailedOperation.PhoneNumberInBlacklist",
        "InvalidParameterValue.IncorrectPhoneNumber",
        "UnauthorizedOperation.SmsSdkAppIdVerifyFail",
        "AuthFailure.SignatureFailure",
        "AuthFailure.SecretIdNotFound",
    }
)


def tencent_client() -> sms_client.SmsClient:
    http = HttpProfile(
        endpoint=settings.TENCENT_SMS_ENDPOINT,
        protocol=settings.TENCENT_SMS_PROTOCOL,
        reqTimeout=settings.TENCENT_SMS_TIMEOUT,
    )
    cred = credential.Credential(settings.TENCENT_SMS_SECRET_ID, settings.TENCENT_SMS_SECRET_KEY)
    return sms_client.SmsClient(cred, settings.TENCENT_SMS_REGION, ClientProfile(httpProfile=http))


def _template(message: SmsMessage) -> tuple[str, list[str]]:
    if message.template == "login_code":
        return settings.TENCENT_SMS_LOGIN_TEMPLATE, [message.params["code"], "5"]
    from notifications.models import MessageTemplate

    language = message.params.get("_language", "zh-hans")
    row = (
        MessageTemplate.objects.filter(event=message.template, channel="sms", language=language).first()
        or MessageTemplate.objects.filter(event=message.template, channel="sms", language="zh-hans").first()
    )
    if row is None or not row.provider_template_code:
        raise SmsSendError(f"no registered template for {message.template}", retryable=False)
    from notifications.routing import template_values

    values = template_values(message.params)
    names = TEMPLATE_PARAMS.get(message.template, ())
    return row.provider_template_code, [str(values.get(name, "")) for name in names]


# Which params fill the positional slots {1}, {2}, … of each event's registered template.
TEMPLATE_PARAMS: dict[str, tuple[str, ...]] = {
    "application.submitted": ("service_name", "receipt_number"),
    "application.correction_required": ("service_name",),
    "application.accepted": ("service_name", "receipt_number"),
    "application.fee_due": ("service_name", "amount_yuan"),
    "application.approved": ("service_name",),
    "application.rejected": ("service_name",),
    "application.completed": ("service_name",),
    "application.withdrawn": ("service_name",),
    "payment.succeeded": ("amount_yuan",),
    "refund.succeeded": ("amount_yuan",),
    "certificate.issued": ("certificate_name",),
    "appointment.reminder": ("appointment_time", "hall_name", "service_name"),
}


class TencentSmsBackend(BaseSmsBackend):
    provider_name = "tencent"
    receipts = True

    def send(self, message: SmsMessage) -> str:
        template_id, values = _template(message)
        request = models.SendSmsRequest()
        request.PhoneNumberSet = [message.to]
        request.SmsSdkAppId = settings.TENCENT_SMS_SDK_APP_ID
        request.SignName = settings.TENCENT_SMS_SIGN_NAME
        request.TemplateId = template_id
        request.TemplateParamSet = [str(v) for v in values]
        try:
            response = tencent_client().SendSms(request)
        except TencentCloudSDKException as exc:
            code = exc.get_code() or ""
            retryable = code not in PERMANENT_CODES and not code.startswith("AuthFailure")
            raise SmsSendError(f"tencent {code}: {exc.get_message()}", retryable=retryable) from exc
        status = response.SendStatusSet[0]
        if status.Code != "Ok":
            retryable = not (status.Code in PERMANENT_CODES or status.Code.startswith(PERMANENT_PREFIXES))
            raise SmsSendError(f"tencent {status.Code}: {status.Message}", retryable=retryable)
        return str(status.SerialNo)


# 状态回执: what `report_status` means for the outbox row.
REPORT_STATUSES = {"SUCCESS": "delivered", "FAIL": "failed"}


def reports_apply(reports: list[dict[str, str]]) -> None:
    """Apply Tencent's delivery receipts (one batch may hold several messages' reports).

    Each report finds its row by `sid` (the SerialNo SendSms answered) through
    `delivery.receipt_apply`: unknown or stale reports change nothing, so a receipt sent twice
    is harmless. Tencent echoes no reference of ours, so a receipt that overtakes the worker's
    own bookkeeping (row still `sending`, no SerialNo recorded yet) is dropped.
    """
    from notifications import delivery

    for report in reports:
        delivery.receipt_apply(
            provider=TencentSmsBackend.provider_name,
            provider_message_id=report["sid"],
            status=REPORT_STATUSES[report["report_status"]],
            error_code=" ".join(filter(None, [report.get("errmsg"), report.get("description")]))[:200],
        )
