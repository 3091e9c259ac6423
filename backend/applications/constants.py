"""Application states, the transition table, and who may make each move.

The table is the only place that says which `(from, to)` moves exist and which actor makes
them; `services.application_transition` refuses everything else with 409
`application_transition_illegal`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.accounts.constants import Role


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    CORRECTION_REQUIRED = "correction_required", _("correction required")
    ACCEPTED = "accepted", _("accepted")
    FEE_DUE = "fee_due", _("fee due")
    IN_REVIEW = "in_review", _("in review")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    COMPLETED = "completed", _("completed")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Actor(models.TextChoices):
    RESIDENT = "resident", "resident"
    STAFF = "staff", "staff"
    SYSTEM = "system", "system"


class TaskStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class ClockStatus(models.TextChoices):
    ON_TIME = "on_time", _("on time")
    WARNING = "warning", _("warning: 80 percent of the time limit used")
    OVERDUE = "overdue", _("overdue")


class ConsentPurpose(models.TextChoices):
    IDENTITY_DOCUMENT_UPLOAD = "identity_document_upload", _("upload photos of identity documents")


@dataclass(frozen=True)
class Rule:
    actor: str
    roles: frozenset[str] = frozenset()


_DESK = frozenset({Role.CLERK.value})
_REVIEW = frozenset({Role.CLERK.value, Role.REVIEWER.value})

# (from, to) -> who may make the move. Staff moves also need a department of the case.
TRANSITIONS: dict[tuple[str, str], Rule] = {
    (Status.DRAFT, Status.SUBMITTED): Rule(Actor.RESIDENT),
    (Status.SUBMITTED, Status.WITHDRAWN): Rule(Actor.RESIDENT),
    (Status.CORRECTION_REQUIRED, Status.WITHDRAWN): Rule(Actor.RESIDENT),  # only before acceptance
    (Status.CORRECTION_REQUIRED, Status.SUBMITTED): Rule(Actor.RESIDENT),  # resubmitted before acceptance
    (Status.CORRECTION_REQUIRED, Status.IN_REVIEW): Rule(Actor.RESIDENT),  # resubmitted during review
    (Status.SUBMITTED, Status.CORRECTION_REQUIRED): Rule(Actor.STAFF, _DESK),
    (Status.IN_REVIEW, Status.CORRECTION_REQUIRED): Rule(Actor.STAFF, _REVIEW),
    (Status.SUBMITTED, Status.ACCEPTED): Rule(Actor.STAFF, _DESK),
    (Status.SUBMITTED, Status.FEE_DUE): Rule(Actor.STAFF, _DESK),  # fee before acceptance
    (Status.FEE_DUE, Status.ACCEPTED): Rule(Actor.SYSTEM),  # paid
    (Status.ACCEPTED, Status.IN_REVIEW): Rule(Actor.STAFF, _REVIEW),  # claimed
    (Status.IN_REVIEW, Status.APPROVED): Rule(Actor.STAFF, _REVIEW),  # the last task approved
    (Status.IN_REVIEW, Status.FEE_DUE): Rule(Actor.STAFF, _REVIEW),  # the last approval; fee after approval
    (Status.FEE_DUE, Status.APPROVED): Rule(Actor.SYSTEM),  # paid
    (Status.IN_REVIEW, Status.REJECTED): Rule(Actor.STAFF, _REVIEW),  # a task rejected with its legal reason
    (Status.APPROVED, Status.COMPLETED): Rule(Actor.STAFF, _DESK),
    (Status.REJECTED, Status.COMPLETED): Rule(Actor.STAFF, _DESK),
}

# Named groups.
EDITABLE = frozenset({Status.DRAFT, Status.CORRECTION_REQUIRED})
WITHDRAWABLE = frozenset({Status.SUBMITTED, Status.CORRECTION_REQUIRED})
FINAL = frozenset({Status.COMPLETED, Status.WITHDRAWN})
CLOCK_RUNNING = frozenset({Status.ACCEPTED, Status.IN_REVIEW, Status.CORRECTION_REQUIRED})
STAFF_ROLES = (Role.CLERK, Role.REVIEWER, Role.SUPERVISOR)

# Status -> notification event (interface 2); in_review and draft tell the resident nothing.
NOTIFY_EVENTS: dict[str, str] = {
    Status.SUBMITTED: "application.submitted",
    Status.CORRECTION_REQUIRED: "application.correction_required",
    Status.ACCEPTED: "application.accepted",
    Status.FEE_DUE: "application.fee_due",
    Status.APPROVED: "application.approved",
    Status.REJECTED: "application.rejected",
    Status.COMPLETED: "application.completed",
    Status.WITHDRAWN: "application.withdrawn",
}

# What the resident reads on the timeline and as "next step", per new status: (zh-Hans, en).
PUBLIC_MESSAGES: dict[str, tuple[str, str]] = {
    Status.SUBMITTED: ("申请已提交，等待预审受理。", "Submitted; waiting for pre-review and acceptance."),
    Status.CORRECTION_REQUIRED: (
        "需要补正，请按一次性告知的内容修改后重新提交。",
        "Corrections needed: fix every listed item, then resubmit.",
    ),
    Status.ACCEPTED: ("申请已受理，办理时限开始计算。", "Accepted; the time limit has started."),
    Status.FEE_DUE: ("请缴纳费用后继续办理。", "Please pay the fee to continue."),
    Status.IN_REVIEW: ("正在审查。", "Under review."),
    Status.APPROVED: ("审批通过。", "Approved."),
    Status.REJECTED: ("不予许可，理由及依据见决定书。", "Refused; the reason and legal basis are given."),
    Status.COMPLETED: ("已办结。", "Completed."),
    Status.WITHDRAWN: ("申请已撤回。", "Withdrawn."),
}

NEXT_STEPS: dict[str, tuple[str, str]] = {
    Status.DRAFT: ("填写表单、上传材料后提交。", "Fill in the form, upload the materials, then submit."),
    Status.SUBMITTED: ("等待工作人员预审受理。", "Wait for staff to pre-review and accept."),
    Status.CORRECTION_REQUIRED: ("按补正告知修改后重新提交。", "Fix the listed items and resubmit."),
    Status.ACCEPTED: ("等待审查。", "Wait for the review."),
    Status.FEE_DUE: ("在掌办缴费。", "Pay the fee in the app."),
    Status.IN_REVIEW: ("等待审查结果。", "Wait for the decision."),
    Status.APPROVED: ("等待办结送达。", "Wait for the result to be issued."),
    Status.REJECTED: (
        "可依法申请行政复议或提起行政诉讼。",
        "You may apply for administrative reconsideration or sue.",
    ),
    Status.COMPLETED: ("无需操作。", "Nothing to do."),
    Status.WITHDRAWN: ("无需操作。", "Nothing to do."),
}
