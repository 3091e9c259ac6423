"""The service catalog: standard service items (同一事项、同一标准、同一编码) and their guides.

The rows here are the *editable* catalog that administrators maintain in the admin. What
residents read and apply under is a `ServiceVersion`: an immutable snapshot of the whole guide
(materials, fees, steps, windows, FAQ, form schema, with every translation), published by
`services.services.service_publish`. An application keeps the version it was submitted under.

Translations: zh-Hans is the base text of every field; `translations` holds optional
per-field texts by language, `{"en": {"name": "..."}, "ug": {...}}`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from backend.accounts.models import Department
from backend.services.constants import Audience, FeeStage, ItemType, RegionLevel


class Region(models.Model):
    """An administrative division by its GB/T 2260 code: province, city or county."""

    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=100)
    level = models.CharField(max_length=16, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ServiceItem(models.Model):
    """One standard service item, identified by its standard code."""

    code = models.CharField(max_length=64, unique=True, help_text="Standard item code (事项编码).")
    name = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names residents search for.")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="service_items")
    co_departments = models.ManyToManyField(
        Department,
        blank=True,
        related_name="co_handled_items",
        help_text="Co-handling departments (并联办理).",
    )
    item_type = models.CharField(max_length=32, choices=ItemType.choices, default=ItemType.PUBLIC_SERVICE)
    audience = models.CharField(max_length=16, choices=Audience.choices, default=Audience.INDIVIDUAL)
    # Comma-delimited with a comma at both ends (",birth,household,") so one theme is found
    # with a plain `contains` on every database.
    themes = models.CharField(max_length=300, blank=True, default="")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="service_items")
    region_level = models.CharField(max_length=16, choices=RegionLevel.choices, default=RegionLevel.PROVINCE)
    online_depth = models.PositiveSmallIntegerField(
        default=1, help_text="1 information only … 4 fully online (全程网办)."
    )
    conditions = models.TextField(blank=True)
    legal_basis = models.TextField(blank=True)
    statutory_days = models.PositiveSmallIntegerField(help_text="Statutory time limit in working days.")
    promised_days = models.PositiveSmallIntegerField(help_text="Promised time limit in working days.")
    fee_stage = models.CharField(max_length=24, choices=FeeStage.choices, default=FeeStage.NONE)
    form_schema = models.JSONField(default=dict, blank=True, help_text="JSON Schema of the application form.")
    is_active = models.BooleanField(default=True)
    translations = models.JSONField(default=dict, blank=True)
    # Derived search keys (lower case): names, pinyin in full and initials; see services.search.
    name_keys = models.TextField(blank=True, default="", editable=False)
    search_keys = models.TextField(blank=True, default="", editable=False)
    current_version = models.ForeignKey(
        "ServiceVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(online_depth__gte=1, online_depth__lte=4), name="online_depth_1_4"
            ),
            models.CheckConstraint(
                condition=Q(promised_days__lte=models.F("statutory_days")), name="promise_within_law"
            ),
        ]
        # The pg_trgm GIN index on search_keys is created in migration 0002 (PostgreSQL only).

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def theme_list(self) -> list[str]:
        return [t for t in self.themes.split(",") if t]


class FeeItem(models.Model):
    service = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="fee_items")
    code = models.CharField(max_length=32)
    name = models.CharField(max_length=200)
    amount_fen = models.PositiveIntegerField()
    legal_basis = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="fee_code_unique_per_service")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.amount_fen} fen)"


class ProcessStep(models.Model):
    service = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class ServiceWindow(models.Model):
    """A hall and window where the item is handled in person."""

    service = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="windows")
    hall = models.CharField(max_length=200)
    place = models.CharField(max_length=300, blank=True, help_text="Street and building of the hall.")
    window = models.CharField(max_length=100, blank=True)
    hours = models.CharField(max_length=200, blank=True)
    hotline = models.CharField(max_length=40, blank=True, help_text="The hall's public service line.")
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.hall} {self.window}"


class FaqEntry(models.Model):
    service = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="faqs")
    order = models.PositiveSmallIntegerField(default=0)
    question = models.CharField(max_length=300)
    answer = models.TextField()
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.question


class MaterialSpec(models.Model):
    """One material slot of the item's list: what to bring or upload."""

    service = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="materials")
    code = models.SlugField(max_length=64, help_text="Slot code used by uploads and correction notices.")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200)
    required = models.BooleanField(default=True)
    accepted_formats = models.JSONField(default=list, help_text='Subset of ["jpeg", "png", "webp", "pdf"].')
    copies = models.PositiveSmallIntegerField(default=1)
    notes = models.TextField(blank=True)
    sample_image = models.CharField(max_length=300, blank=True, help_text="Path or URL of a sample picture.")
    certificate_type = models.CharField(
        max_length=64, blank=True, help_text="Electronic certificate type code that can stand in for it."
    )
    is_identity_document = models.BooleanField(
        default=False, help_text="Photos of identity documents need the resident's separate consent."
    )
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="material_code_unique_per_service")
        ]

    def __str__(self) -> str:
        return self.name


class ServiceVersion(models.Model):
    """An immutable published snapshot of one item's guide; applications point at one."""

    service = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    guide = models.JSONField(help_text="The whole guide with all translations, as published.")
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["service_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["service", "number"], name="service_version_unique")]

    def __str__(self) -> str:
        return f"{self.service_id} v{self.number}"
