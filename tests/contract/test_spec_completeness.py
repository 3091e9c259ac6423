"""Every operation in the contract carries what a mobile developer needs.

A summary, tags, a success response with a schema, documented problem+json errors, and at
least one example — so the spec alone is enough to build a client from.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.contract


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    target = tmp_path_factory.mktemp("spec") / "openapi.yaml"
    call_command("spectacular", "--file", str(target), "--validate")
    return yaml.safe_load(target.read_text(encoding="utf-8"))


def _operations(spec: dict[str, Any]):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield f"{method.upper()} {path}", operation


def _has_example(operation: dict[str, Any]) -> bool:
    """An example of the request or of a success answer (the error examples come for free)."""
    successes = [r for code, r in operation.get("responses", {}).items() if code.startswith("2")]
    bodies = [operation.get("requestBody", {}), *successes]
    for body in bodies:
        for media in body.get("content", {}).values():
            if media.get("example") is not None or media.get("examples"):
                return True
    # A success without a body (204) needs no example.
    return any(not r.get("content") for r in successes) and not operation.get("requestBody")


def test_every_operation_is_documented(spec):
    missing: list[str] = []
    for name, operation in _operations(spec):
        responses = operation.get("responses", {})
        if not operation.get("summary"):
            missing.append(f"{name}: summary")
        if not operation.get("tags"):
            missing.append(f"{name}: tags")
        if not operation.get("operationId"):
            missing.append(f"{name}: operationId")
        if not any(code.startswith("2") for code in responses):
            missing.append(f"{name}: success response")
        errors = [code for code in responses if code[0] in "45"]
        if not errors:
            missing.append(f"{name}: error responses")
        # Provider callbacks answer in the provider's own failure format, by protocol.
        for code in [] if operation.get("x-provider-callback") else errors:
            if "application/problem+json" not in responses[code].get("content", {}):
                missing.append(f"{name}: {code} is not problem+json")
        if not _has_example(operation):
            missing.append(f"{name}: example")
    assert not missing, "\n".join(missing)


def test_problem_schema_is_documented(spec):
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "code"} <= set(problem["required"])
