"""CompiledLookup: the same row the ORM's `get()` returns, from SQL compiled once per process."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler

from backend.accounts.models import Department, Identity, User
from backend.core.compiled_lookup import CompiledLookup
from tests.factories import make_citizen_id

pytestmark = pytest.mark.django_db


def _fields(instance: Any) -> dict[str, Any]:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


@pytest.fixture
def person(make_resident: Any) -> User:
    user = make_resident()
    user.real_name, user.citizen_id = "张三", make_citizen_id()
    user.save(update_fields=["real_name", "citizen_id"])
    return user


def test_row_is_the_one_the_orm_loads_with_every_converter_applied(person: User) -> None:
    # Given a user with encrypted columns, a UUID key and datetimes
    lookup = CompiledLookup(User, "pk")
    # When it is read both ways
    compiled = lookup.get(pk=person.pk)
    # Then every field matches, decrypted and typed, and the instance is a saved row
    assert compiled is not None
    assert _fields(compiled) == _fields(User.objects.get(pk=person.pk))
    assert compiled.real_name == "张三" and compiled.phone.startswith("+86")
    assert compiled.get_deferred_fields() == set()
    assert compiled._state.adding is False and compiled._state.db == "default"


def test_values_are_prepared_like_a_filter(person: User) -> None:
    lookup = CompiledLookup(User, "id")
    assert lookup.get(id=str(person.pk)) == person  # a string id, as a token's claim carries it
    with pytest.raises(ValidationError):
        lookup.get(id="not-a-uuid")


def test_no_row_is_none_and_two_rows_refuse(db: Any) -> None:
    parent = Department.objects.create(code="P1", name="上级")
    by_parent = CompiledLookup(Department, "parent_id")
    assert by_parent.get(parent_id=parent.pk) is None
    Department.objects.create(code="C1", name="甲", parent=parent)
    assert by_parent.get(parent_id=parent.pk).code == "C1"  # type: ignore[union-attr]
    Department.objects.create(code="C2", name="乙", parent=parent)
    with pytest.raises(Department.MultipleObjectsReturned):
        by_parent.get(parent_id=parent.pk)


def test_two_lookups_are_both_applied(make_resident: Any, person: User) -> None:
    other = make_resident()
    lookup = CompiledLookup(User, "pk", "kind")
    assert lookup.get(pk=person.pk, kind="resident") == person
    assert lookup.get(pk=person.pk, kind="staff") is None
    assert lookup.get(pk=other.pk, kind="resident") == other
    assert lookup.get(pk=uuid.uuid4(), kind="resident") is None


def test_select_related_fills_the_related_row_from_the_same_query(
    person: User, django_assert_num_queries: Any
) -> None:
    identity = Identity.objects.get(user=person)
    lookup = CompiledLookup(Identity, "pk", "user_id", select_related=("user",))
    expected_user = _fields(User.objects.get(pk=person.pk))
    with django_assert_num_queries(1):
        loaded = lookup.get(pk=identity.pk, user_id=person.pk)
        assert loaded is not None
        assert _fields(loaded) == _fields(identity)
        assert _fields(loaded.user) == expected_user  # decrypted, and no query of its own
    assert lookup.get(pk=identity.pk, user_id=uuid.uuid4()) is None


def test_sql_is_compiled_once_and_each_call_is_one_query(
    person: User, monkeypatch: pytest.MonkeyPatch, django_assert_num_queries: Any
) -> None:
    compiled = []
    original = SQLCompiler.as_sql

    def counting(self: SQLCompiler, *args: Any, **kwargs: Any) -> Any:
        compiled.append(self.query.model)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    lookup = CompiledLookup(User, "pk")
    for _ in range(3):
        with django_assert_num_queries(1) as captured:
            assert lookup.get(pk=person.pk) == person
        assert connection.ops.quote_name("accounts_user") in captured[0]["sql"]
    assert compiled == [User]


@pytest.mark.parametrize(
    ("lookups", "values"),
    [
        (("pk",), {}),
        (("pk",), {"pk": 1, "code": "x"}),
        (("pk", "code"), {"pk": 1}),
    ],
    ids=["missing", "unexpected", "partial"],
)
def test_values_must_name_exactly_the_lookups(lookups: tuple[str, ...], values: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        CompiledLookup(Department, *lookups).get(**values)


@pytest.mark.parametrize(
    ("lookups", "error"),
    [
        ((), ImproperlyConfigured),
        (("departments",), ImproperlyConfigured),
        (("is_active",), ImproperlyConfigured),
        (("no_such_field",), FieldDoesNotExist),
    ],
    ids=["none", "many-to-many", "unsupported-type", "unknown"],
)
def test_lookups_it_cannot_compile_are_refused(lookups: tuple[str, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        CompiledLookup(User, *lookups).get(**dict.fromkeys(lookups, 1))
