"""A lenient UUID path converter: a malformed id reaches the view as the nil UUID and is a 404 there.

With Django's `uuid` converter a malformed id falls through to the catch-all route, which for
unsafe methods answers the CSRF check instead of a JSON 404; here every id path answers the
API's own problem+json 404.
"""

from __future__ import annotations

import uuid

NO_SUCH_ID = uuid.UUID(int=0)


class LenientUUIDConverter:
    regex = "[^/]+"

    def to_python(self, value: str) -> uuid.UUID:
        try:
            return uuid.UUID(value)
        except ValueError:
            return NO_SUCH_ID

    def to_url(self, value: object) -> str:
        return str(value)
