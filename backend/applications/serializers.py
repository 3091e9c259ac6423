"""Input and output serializers of the applications API (explicit; hot reads build plain dicts)."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.applications.constants import ClockStatus, ConsentPurpose, Status, TaskStatus


# Refuses fields it does not know: a resident cannot slip in `status`, `fees` or `owner`.
class StrictInputSerializer(serializers.Serializer):
    def to_internal_value(self, data):  # type: ignore[no-untyped-def]
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [
                            serializers.ErrorDetail(
                                "This field cannot be written.", code="field_not_writable"
                            )
                        ]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)


class StrictInputSchema(OpenApiSerializerExtension):
    """Tell the contract what the server does: unknown fields are refused (`additionalProperties: false`)."""

    target_class = "backend.applications.serializers.StrictInputSerializer"
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):  # type: ignore[no-untyped-def]
        schema = auto_schema._map_basic_serializer(self.target, direction)
        schema["additionalProperties"] = False
        return schema


# --- resident input ----------------------------------------------------------------------------
class ApplicationCreateInputSerializer(StrictInputSerializer):
    service_code = serializers.CharField(max_length=64)


class ApplicationFormInputSerializer(StrictInputSerializer):
    form_data = serializers.DictField(help_text="Answers to the service's form (its JSON Schema).")


class PageInputSerializer(serializers.Serializer):
    """Page parameters checked like any other: a malformed page size is a 400, not ignored."""

    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=100)


class ApplicationListInputSerializer(PageInputSerializer):
    status = serializers.ChoiceField(choices=Status.choices, required=False)


class MaterialUploadInputSerializer(serializers.Serializer):
    slot = serializers.SlugField(max_length=64, help_text="Material slot code from the service guide.")
    # Empty files reach the service, which refuses them with its own code (`material_empty`).
    file = serializers.FileField(
        allow_empty_file=True, help_text="JPEG, PNG, WebP or PDF, recognised by content."
    )


@extend_schema_field({"type": "boolean", "enum": [True]})
class ExplicitYesField(serializers.BooleanField):
    """A box the resident must tick: only `true` is valid."""


class ConsentInputSerializer(StrictInputSerializer):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    agree = ExplicitYesField(help_text="Must be true: the resident's explicit, separate consent.")

    def validate_agree(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("Consent must be given explicitly.", code="consent_not_given")
        return value


class LookupInputSerializer(StrictInputSerializer):
    receipt_number = serializers.RegexField(r"^[A-Za-z]{2}[0-9]{14}$", max_length=16)
    factor = serializers.CharField(
        min_length=6,
        max_length=20,
        help_text="Last 6 characters of the applicant's ID number, or their phone number.",
    )


# --- outputs -----------------------------------------------------------------------------------
class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    actor_role = serializers.CharField()
    department_code = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class StaffTimelineEntrySerializer(TimelineEntrySerializer):
    internal_note = serializers.CharField()
    actor_id = serializers.UUIDField(allow_null=True)


class MaterialOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    slot = serializers.CharField()
    content_type = serializers.CharField()
    size_bytes = serializers.IntegerField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    uploaded_at = serializers.DateTimeField()


class CorrectionItemSerializer(serializers.Serializer):
    target = serializers.RegexField(
        r"^(field|material):[A-Za-z0-9_\-]{1,64}$", help_text="`field:<form field>` or `material:<slot>`."
    )
    problem = serializers.CharField(max_length=500)


class CorrectionOutputSerializer(serializers.Serializer):
    round = serializers.IntegerField()
    items = CorrectionItemSerializer(many=True)
    created_at = serializers.DateTimeField()
    resolved_at = serializers.DateTimeField(allow_null=True)


class TaskOutputSerializer(serializers.Serializer):
    department_code = serializers.CharField()
    department_name = serializers.CharField()
    status = serializers.ChoiceField(choices=TaskStatus.choices)
    reason = serializers.CharField()
    legal_basis = serializers.CharField()


class ApplicationSummaryOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_code = serializers.CharField()
    service_name = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    receipt_number = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    deadline_on = serializers.DateField(allow_null=True)
    clock_status = serializers.ChoiceField(choices=ClockStatus.choices, allow_null=True)


class ApplicationDetailOutputSerializer(ApplicationSummaryOutputSerializer):
    service_version = serializers.IntegerField()
    accepted_at = serializers.DateTimeField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)
    clock_suspended = serializers.BooleanField(
        help_text="True while the clock waits for the resident's corrections."
    )
    next_step = serializers.CharField(help_text="What happens next / what to do, in the request's language.")
    form_data = serializers.DictField()
    fee_bill_id = serializers.UUIDField(allow_null=True)
    open_correction = CorrectionOutputSerializer(
        allow_null=True, help_text="Everything to fix, when a notice is open."
    )
    corrections = CorrectionOutputSerializer(many=True)
    materials = MaterialOutputSerializer(many=True)
    tasks = TaskOutputSerializer(many=True)
    timeline = TimelineEntrySerializer(many=True)


class StaffApplicationSummaryOutputSerializer(ApplicationSummaryOutputSerializer):
    department_code = serializers.CharField()
    claimed_by = serializers.UUIDField(allow_null=True)


class StaffApplicationDetailOutputSerializer(ApplicationDetailOutputSerializer):
    department_code = serializers.CharField()
    claimed_by = serializers.UUIDField(allow_null=True)
    applicant_id = serializers.UUIDField()
    applicant_name = serializers.CharField(help_text="Masked.")
    applicant_phone = serializers.CharField(help_text="Masked.")
    timeline = StaffTimelineEntrySerializer(many=True)


class ConsentOutputSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    text_version = serializers.CharField()
    granted_at = serializers.DateTimeField()


class LookupOutputSerializer(serializers.Serializer):
    receipt_number = serializers.CharField()
    service_name = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    submitted_on = serializers.DateField(allow_null=True)
    deadline_on = serializers.DateField(allow_null=True)
    last_update_on = serializers.DateField()
    next_step = serializers.CharField()


# --- staff input --------------------------------------------------------------------------------
class StaffQueueInputSerializer(PageInputSerializer):
    department = serializers.CharField(required=False, max_length=32)
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    clock = serializers.ChoiceField(choices=ClockStatus.choices, required=False)
    mine = serializers.BooleanField(required=False, default=False, help_text="Only cases I claimed.")


class SupervisionInputSerializer(PageInputSerializer):
    clock = serializers.ChoiceField(choices=ClockStatus.choices, required=False)
    department = serializers.CharField(required=False, max_length=32)


class StaffNoteInputSerializer(StrictInputSerializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class CorrectionRequestInputSerializer(StrictInputSerializer):
    items = CorrectionItemSerializer(many=True, min_length=1, max_length=50)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class TaskApproveInputSerializer(StrictInputSerializer):
    department_code = serializers.CharField(max_length=32)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class TaskRejectInputSerializer(StrictInputSerializer):
    department_code = serializers.CharField(max_length=32)
    reason = serializers.CharField(max_length=2000)
    legal_basis = serializers.CharField(max_length=1000)


class CommentInputSerializer(StrictInputSerializer):
    text = serializers.CharField(max_length=2000)


class CommentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
