"""Bearer authentication of the resident's case page: the user and the case in one query.

The progress page is the hottest read of 查. On a busy host each database round trip costs
more wall time than the CPU of reading a row, and a sync worker waits through it
(bench/RESULTS.md: the page paid three round trips — connection check, user, case — against
two for a one-row view). So here the case row comes with its applicant's row in one join:
the user is checked exactly as `BearerAuthentication` checks it, and the case is kept on the
authenticator for the view. Only when the case is not the token user's does the user row get
its own query, so a bad or disabled account is still a 401 before anyone learns of a 404.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.request import Request

from backend.accounts.authentication import BearerAuthentication
from backend.applications import selectors
from backend.applications.models import Application


class ResidentCaseAuthentication(BearerAuthentication):
    """For URLs with an `application_id`: `self.case` is that case if it is the user's, else None."""

    case: Application | None = None

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = self.get_header(request)
        if header is None:
            return None
        raw_token = self.get_raw_token(header)
        if raw_token is None:
            return None
        token = self.get_validated_token(raw_token)
        user_id = self.user_id(token)
        # The URL converter gives a UUID (the nil UUID for a malformed id: no case, a 404).
        case_id = (request.parser_context or {}).get("kwargs", {}).get("application_id")
        case = (
            selectors.application_with_applicant_for_resident(applicant_id=user_id, application_id=case_id)
            if case_id is not None
            else None
        )
        if case is None:
            return self.get_user(token), token
        user = self.check_user(case.applicant, token)
        self.case = case
        return user, token


class ResidentCaseAuthenticationScheme(OpenApiAuthenticationExtension):
    """In the contract it is the same `bearerAuth` scheme: same header, same token."""

    target_class = ResidentCaseAuthentication
    name: list[str] = []  # defined once, by backend/accounts/schema.py

    def get_security_definition(self, auto_schema: Any) -> list[dict[str, Any]]:
        return []

    def get_security_requirement(self, auto_schema: Any) -> dict[str, list[str]]:
        return {"bearerAuth": []}
