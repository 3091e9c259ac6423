"""The case state machine: every allowed move, every illegal one (409), and each actor's rights."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest
from django.http import Http404

from backend.applications import services
from backend.applications.constants import TRANSITIONS, Actor, Status
from backend.applications.models import Application, ApplicationEvent
from backend.core.models import AuditLog
from notifications.models import Message

ALL_PAIRS = list(product(Status.values, Status.values))
ALLOWED = sorted(TRANSITIONS)
ILLEGAL = [pair for pair in ALL_PAIRS if pair not in TRANSITIONS]


def _counts(application: Application) -> tuple[Any, ...]:
    application.refresh_from_db()
    return (
        application.status,
        ApplicationEvent.objects.filter(application=application).count(),
        AuditLog.objects.filter(object_id=str(application.pk)).count(),
        Message.objects.filter(subject_id=str(application.pk)).count(),
    )


@pytest.fixture
def actors(draft: Any, resident: Any, make_clerk: Any) -> dict[str, Any]:
    application = draft()
    return {
        "application": application,
        Actor.RESIDENT: resident,
        Actor.STAFF: make_clerk(application.department.code, roles=("clerk", "reviewer")),
        Actor.SYSTEM: None,
    }


def _put(application: Application, status: str) -> None:
    # Test set-up only: production code changes status solely through application_transition.
    Application.objects.filter(pk=application.pk).update(status=status)


@pytest.mark.django_db
@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_every_allowed_transition_by_its_actor_writes_state_event_audit(actors, from_status, to_status):
    # given a case in `from_status`
    application = actors["application"]
    _put(application, from_status)
    rule = TRANSITIONS[(from_status, to_status)]
    _, events_before, audits_before, _ = _counts(application)
    # when its actor makes the move
    services.application_transition(
        application_id=application.pk, to_status=to_status, actor=actors[rule.actor], action="test"
    )
    # then the state, one timeline event and one audit row are written
    status_after, events_after, audits_after, messages = _counts(application)
    assert status_after == to_status
    assert events_after == events_before + 1
    assert audits_after == audits_before + 1
    event = ApplicationEvent.objects.filter(application=application).latest("id")
    assert (event.from_status, event.to_status) == (from_status, to_status)
    assert event.public_message_zh and event.public_message_en
    if to_status != Status.IN_REVIEW:
        assert messages >= 1, "the resident is notified (interface 2)"


@pytest.mark.django_db
@pytest.mark.parametrize(("from_status", "to_status"), ILLEGAL, ids=[f"{a}->{b}" for a, b in ILLEGAL])
def test_every_illegal_transition_is_409_and_changes_nothing(actors, from_status, to_status):
    application = actors["application"]
    _put(application, from_status)
    before = _counts(application)
    for kind in (Actor.RESIDENT, Actor.STAFF, Actor.SYSTEM):
        with pytest.raises(services.IllegalTransition) as caught:
            services.application_transition(
                application_id=application.pk, to_status=to_status, actor=actors[kind], action="test"
            )
        assert caught.value.status == 409
        assert caught.value.code == "application_transition_illegal"
    assert _counts(application) == before


@pytest.mark.django_db
@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_other_actors_may_not_make_the_move(actors, make_resident, make_clerk, from_status, to_status):
    application = actors["application"]
    _put(application, from_status)
    rule = TRANSITIONS[(from_status, to_status)]
    before = _counts(application)
    for kind in (Actor.RESIDENT, Actor.STAFF, Actor.SYSTEM):
        if kind == rule.actor:
            continue
        with pytest.raises(services.ActionForbidden):
            services.application_transition(
                application_id=application.pk, to_status=to_status, actor=actors[kind], action="test"
            )
    # someone else's case is not even there
    stranger = (
        make_resident() if rule.actor == Actor.RESIDENT else make_clerk("ZZ", roles=("clerk", "reviewer"))
    )
    with pytest.raises(Http404):
        services.application_transition(
            application_id=application.pk, to_status=to_status, actor=stranger, action="test"
        )
    # staff of the department without the role the move needs
    if rule.actor == Actor.STAFF:
        supervisor = make_clerk(application.department.code, roles=("supervisor",))
        with pytest.raises(services.ActionForbidden):
            services.application_transition(
                application_id=application.pk, to_status=to_status, actor=supervisor, action="test"
            )
    assert _counts(application) == before


@pytest.mark.django_db
def test_reviewer_may_not_do_desk_moves(submitted, make_clerk):
    application = submitted()
    reviewer = make_clerk(application.department.code, roles=("reviewer",))
    with pytest.raises(services.ActionForbidden):
        services.application_accept(application_id=application.pk, staff=reviewer)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


@pytest.mark.django_db
def test_illegal_step_over_http_is_a_409_problem(submitted, resident, client_for):
    application = submitted()
    response = client_for(resident).post(f"/api/v1/applications/{application.pk}/submit")
    assert response.status_code == 409
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "application_transition_illegal"


@pytest.mark.django_db
def test_withdraw_after_acceptance_is_refused(submitted, make_clerk, resident):
    application = submitted()
    clerk = make_clerk(application.department.code)
    services.application_accept(application_id=application.pk, staff=clerk)
    services.application_claim(application_id=application.pk, staff=clerk)
    services.application_request_correction(
        application_id=application.pk, staff=clerk, items=[{"target": "material:photo", "problem": "模糊"}]
    )
    with pytest.raises(services.IllegalTransition):
        services.application_withdraw(application_id=application.pk, applicant=resident)
    application.refresh_from_db()
    assert application.status == Status.CORRECTION_REQUIRED


@pytest.mark.django_db
def test_status_changed_event_is_emitted_after_commit_only(
    draft, resident, django_capture_on_commit_callbacks
):
    from backend.applications import events

    seen: list[dict[str, Any]] = []
    events.register_status_listener("test", seen.append)
    try:
        application = draft()
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.application_submit(application_id=application.pk, applicant=resident)
        assert seen == []  # nothing before commit
        for callback in callbacks:
            callback()
        assert [(e["from_status"], e["to_status"]) for e in seen] == [("draft", "submitted")]
    finally:
        events.unregister_status_listener("test")


@pytest.mark.django_db
def test_first_submission_gets_a_receipt_number_and_the_version(service, submitted):
    application = submitted()
    assert application.receipt_number.startswith("ZB")
    assert application.service_version_id == service.current_version_id
