"""Evaluation levels and tags (政务服务"好差评"), and the states of consultations and complaints."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """The five national levels, from very dissatisfied (1) to very satisfied (5)."""

    VERY_DISSATISFIED = 1, _("very dissatisfied")
    DISSATISFIED = 2, _("dissatisfied")
    BASICALLY_SATISFIED = 3, _("basically satisfied")
    SATISFIED = 4, _("satisfied")
    VERY_SATISFIED = 5, _("very satisfied")


BAD_LEVELS = frozenset({Level.VERY_DISSATISFIED, Level.DISSATISFIED})
GOOD_LEVELS = frozenset({Level.SATISFIED, Level.VERY_SATISFIED})


class Stage(models.TextChoices):
    """What is rated: acceptance (受理) once the case is accepted, the result (办结) once completed."""

    ACCEPTANCE = "acceptance", _("acceptance")
    COMPLETION = "completion", _("completion")


class ReasonTag(models.TextChoices):
    # Praise
    FAST = "fast", _("handled quickly")
    CLEAR_GUIDE = "clear_guide", _("clear guidance")
    COURTEOUS = "courteous", _("courteous staff")
    ONCE_ONLY = "once_only", _("done in one go")
    # Criticism
    SLOW = "slow", _("too slow")
    UNCLEAR_GUIDE = "unclear_guide", _("unclear guidance")
    REPEATED_MATERIALS = "repeated_materials", _("materials asked for repeatedly")
    ATTITUDE = "attitude", _("poor attitude")
    OVERDUE = "overdue", _("not done in time")
    OTHER = "other", _("other")


class RectificationStatus(models.TextChoices):
    OPEN = "open", _("open")
    REPLIED = "replied", _("replied")


class ForwardStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class InquiryKind(models.TextChoices):
    CONSULTATION = "consultation", _("consultation")
    COMPLAINT = "complaint", _("complaint")


class InquiryStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    REPLIED = "replied", _("replied")
    CLOSED = "closed", _("closed")


INQUIRY_TRANSITIONS: frozenset[tuple[str, str]] = frozenset(
    {
        (InquiryStatus.SUBMITTED, InquiryStatus.REPLIED),
        (InquiryStatus.REPLIED, InquiryStatus.REPLIED),  # a further reply
        (InquiryStatus.SUBMITTED, InquiryStatus.CLOSED),  # withdrawn by the resident
        (InquiryStatus.REPLIED, InquiryStatus.CLOSED),
    }
)
