"""The routing rules and templates every installation starts with (data, editable in the admin).

Used by migration 0002 and by `seed()` callers that need them back after a table flush
(transactional tests truncate every table).
"""

from __future__ import annotations

from typing import Any

# event: (matters, urgent, email, subscribe_template_key, page); the keys are those of
# settings.WECHAT_SUBSCRIBE_TEMPLATES (the mini-program bridge).
ROUTES = {
    "application.submitted": (False, False, False, "application_progress", "pages/applications/detail"),
    "application.correction_required": (
        True,
        False,
        False,
        "application_progress",
        "pages/applications/detail",
    ),
    "application.accepted": (True, False, False, "application_progress", "pages/applications/detail"),
    "application.fee_due": (True, False, False, "payment_due", "pages/bills/detail"),
    "application.approved": (True, False, True, "application_progress", "pages/applications/detail"),
    "application.rejected": (True, False, True, "application_progress", "pages/applications/detail"),
    "application.completed": (True, False, True, "application_progress", "pages/applications/detail"),
    "application.withdrawn": (False, False, False, "", ""),
    "payment.succeeded": (True, False, False, "", ""),
    "refund.succeeded": (True, False, False, "", ""),
    "certificate.issued": (True, False, True, "certificate_issued", "pages/certificates/detail"),
    # A reminder for an early appointment cannot wait for the end of the quiet hours.
    "appointment.reminder": (True, True, False, "", ""),
}

# event: {language: (title, body)}; the SMS text is the body with the sign in front.
TEXTS = {
    "application.submitted": {
        "zh-hans": ("申请已提交", "您的{service_name}申请已提交，受理编号{receipt_number}。"),
        "en": (
            "Application submitted",
            "Your {service_name} application was submitted, no. {receipt_number}.",
        ),
    },
    "application.correction_required": {
        "zh-hans": ("申请需要补正", "您的{service_name}申请需要补正材料，请登录掌办一次性补齐。"),
        "en": (
            "Corrections needed",
            "Your {service_name} application needs corrections; please fix them in the app.",
        ),
    },
    "application.accepted": {
        "zh-hans": ("申请已受理", "您的{service_name}申请已受理，受理编号{receipt_number}。"),
        "en": ("Application accepted", "Your {service_name} application was accepted, no. {receipt_number}."),
    },
    "application.fee_due": {
        "zh-hans": ("待缴费", "您的{service_name}申请待缴费{amount_yuan}元，请在掌办缴费。"),
        "en": ("Fee due", "A fee of CNY {amount_yuan} is due for your {service_name} application."),
    },
    "application.approved": {
        "zh-hans": ("申请已通过", "您的{service_name}申请已审核通过。"),
        "en": ("Application approved", "Your {service_name} application was approved."),
    },
    "application.rejected": {
        "zh-hans": ("申请未通过", "很抱歉，您的{service_name}申请未通过，详情请登录掌办查看。"),
        "en": (
            "Application rejected",
            "Your {service_name} application was rejected; see the app for details.",
        ),
    },
    "application.completed": {
        "zh-hans": ("办结", "您的{service_name}申请已办结。"),
        "en": ("Completed", "Your {service_name} application is complete."),
    },
    "application.withdrawn": {
        "zh-hans": ("申请已撤回", "您的{service_name}申请已撤回。"),
        "en": ("Application withdrawn", "Your {service_name} application was withdrawn."),
    },
    "payment.succeeded": {
        "zh-hans": ("缴费成功", "您已成功缴费{amount_yuan}元。"),
        "en": ("Payment received", "We received your payment of CNY {amount_yuan}."),
    },
    "refund.succeeded": {
        "zh-hans": ("退款成功", "已退款{amount_yuan}元，将原路退回。"),
        "en": ("Refund made", "CNY {amount_yuan} was refunded to the original account."),
    },
    "certificate.issued": {
        "zh-hans": ("电子证照已签发", "您的{certificate_name}电子证照已签发，可在掌办查看。"),
        "en": ("Certificate issued", "Your electronic {certificate_name} was issued; see it in the app."),
    },
    "appointment.reminder": {
        "zh-hans": ("预约提醒", "您预约了{appointment_time}在{hall_name}办理{service_name}，请准时前往。"),
        "en": ("Appointment reminder", "Reminder: {service_name} at {hall_name}, {appointment_time}."),
    },
}

SIGN = {"zh-hans": "【掌办】", "en": "[Zhangban] "}


def seed(apps: Any, schema_editor: Any = None) -> None:
    EventRoute = apps.get_model("notifications", "EventRoute")
    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for number, (event, (matters, urgent, mail, key, page)) in enumerate(sorted(ROUTES.items()), start=1):
        EventRoute.objects.update_or_create(
            event=event,
            defaults={
                "matters": matters,
                "urgent": urgent,
                "mail": mail,
                "subscribe_template_key": key,
                "page": page,
            },
        )
        for language, (title, body) in TEXTS[event].items():
            for channel, text in (
                ("inbox", body),
                ("email", body),
                ("sms", SIGN[language] + body),
                ("subscribe", body),
            ):
                MessageTemplate.objects.update_or_create(
                    event=event,
                    channel=channel,
                    language=language,
                    defaults={
                        "title": title,
                        "body": text,
                        # The template id registered with the China SMS provider (Tencent), one per event.
                        "provider_template_code": str(1100000 + number) if channel == "sms" else "",
                    },
                )


def unseed(apps: Any, schema_editor: Any = None) -> None:
    apps.get_model("notifications", "MessageTemplate").objects.filter(event__in=list(ROUTES)).delete()
    apps.get_model("notifications", "EventRoute").objects.filter(event__in=list(ROUTES)).delete()
