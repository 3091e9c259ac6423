"""Input and output serializers of the catalog API (explicit, no ModelSerializer on hot reads)."""

from __future__ import annotations

from rest_framework import serializers

from backend.services.constants import Audience, FeeStage, FileFormat, ItemType, RegionLevel


class ServiceSearchInputSerializer(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=100)
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=50, help_text="Keyword: name, alias or pinyin (`sfz`)."
    )
    department = serializers.CharField(required=False, max_length=32, help_text="Department code.")
    region = serializers.CharField(
        required=False, max_length=12, help_text="Region code; items of the regions above it are included."
    )
    audience = serializers.ChoiceField(choices=Audience.choices, required=False)
    theme = serializers.SlugField(required=False, max_length=40)
    online_depth = serializers.IntegerField(
        required=False, min_value=1, max_value=4, help_text="Minimum online depth."
    )


class DepartmentRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class ServiceSummaryOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    department = DepartmentRefSerializer()
    item_type = serializers.ChoiceField(choices=ItemType.choices)
    audience = serializers.ChoiceField(choices=Audience.choices)
    themes = serializers.ListField(child=serializers.CharField())
    online_depth = serializers.IntegerField()
    promised_days = serializers.IntegerField()
    fee_stage = serializers.ChoiceField(choices=FeeStage.choices)


class RegionRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.ChoiceField(choices=RegionLevel.choices)


class FeeOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    amount_fen = serializers.IntegerField(help_text="Amount in fen (分).")
    legal_basis = serializers.CharField()


class StepOutputSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    name = serializers.CharField()
    description = serializers.CharField()


class WindowOutputSerializer(serializers.Serializer):
    hall = serializers.CharField()
    place = serializers.CharField()
    window = serializers.CharField()
    hours = serializers.CharField()
    hotline = serializers.CharField()


class FaqOutputSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField()


class MaterialSpecOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    required = serializers.BooleanField()
    accepted_formats = serializers.ListField(child=serializers.ChoiceField(choices=FileFormat.choices))
    copies = serializers.IntegerField()
    notes = serializers.CharField()
    sample_image = serializers.CharField()
    certificate_type = serializers.CharField(
        help_text="Electronic certificate type that can stand in; empty if none."
    )
    is_identity_document = serializers.BooleanField(
        help_text="Uploading it needs the `identity_document_upload` consent."
    )


class ServiceGuideOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    version = serializers.IntegerField(help_text="Published guide version; applications keep theirs.")
    language = serializers.CharField(
        help_text="Language served; missing translations fall back to zh-Hans per field."
    )
    name = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())
    item_type = serializers.ChoiceField(choices=ItemType.choices)
    audience = serializers.ChoiceField(choices=Audience.choices)
    themes = serializers.ListField(child=serializers.CharField())
    region = RegionRefSerializer()
    region_level = serializers.ChoiceField(choices=RegionLevel.choices)
    online_depth = serializers.IntegerField()
    conditions = serializers.CharField()
    legal_basis = serializers.CharField()
    statutory_days = serializers.IntegerField()
    promised_days = serializers.IntegerField()
    fee_stage = serializers.ChoiceField(choices=FeeStage.choices)
    department = DepartmentRefSerializer()
    co_departments = DepartmentRefSerializer(many=True)
    fees = FeeOutputSerializer(many=True)
    steps = StepOutputSerializer(many=True)
    windows = WindowOutputSerializer(many=True)
    faqs = FaqOutputSerializer(many=True)
    materials = MaterialSpecOutputSerializer(many=True)
    form_schema = serializers.JSONField(help_text="JSON Schema of the application form.")
