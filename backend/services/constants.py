"""Choices of the service catalog."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("province")
    CITY = "city", _("city")
    COUNTY = "county", _("county")


class ItemType(models.TextChoices):
    LICENCE = "licence", _("administrative licence")
    CONFIRMATION = "confirmation", _("administrative confirmation")
    PAYMENT = "payment", _("administrative payment")
    REGISTRATION = "registration", _("registration")
    PUBLIC_SERVICE = "public_service", _("public service")
    OTHER = "other", _("other administrative power")


class Audience(models.TextChoices):
    INDIVIDUAL = "individual", _("individual")
    LEGAL_PERSON = "legal_person", _("legal person")


class FeeStage(models.TextChoices):
    NONE = "none", _("no fee")
    BEFORE_ACCEPTANCE = "before_acceptance", _("before acceptance")
    AFTER_APPROVAL = "after_approval", _("after approval")


class FileFormat(models.TextChoices):
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"
    WEBP = "webp", "WebP"
    PDF = "pdf", "PDF"


# Languages a guide may be written in: zh-Hans is the base text, the others are optional
# per-field translations (Uyghur and Mongolian for the minority-language guides).
BASE_LANGUAGE = "zh-hans"
GUIDE_LANGUAGES = ("zh-hans", "en", "ug", "mn")
