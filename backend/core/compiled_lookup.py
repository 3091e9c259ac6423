"""One-row equality lookups whose SQL the ORM compiles once per process instead of per request.

Why: on a hot read (the progress page, the user behind every bearer token) turning a QuerySet
into SQL costs several times more CPU than the database round trip — about 300 µs for the
user row and 500 µs for a case row on the benchmark machine, against under 100 µs to execute
and load the row (bench/RESULTS.md, bench/progress_profile.py). SQLAlchemy caches compiled
statements for this reason; Django does not, so the few hot lookups keep theirs here.

The SQL still comes from the ORM (same columns, quoting, converters, database routing); only
the per-request values change. Queries run through Django's cursor, so query logging,
`django_assert_num_queries` and execute wrappers see them as usual.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, models, router
from django.db.models.query import get_related_populators
from django.db.transaction import TransactionManagementError

M = TypeVar("M", bound=models.Model)

_INTEGER_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # (lookup name, field) in the order of the SQL parameters.
    params: tuple[tuple[str, models.Field], ...]
    # The model's own columns within the row, and their attnames.
    start: int
    end: int
    attnames: tuple[str, ...]
    # Column position -> (converters, expression), as the ORM's compiler would apply them.
    converters: dict[int, tuple[list[Any], Any]]
    # Fill the `select_related` objects from the rest of the row, as QuerySet iteration does.
    populators: tuple[Any, ...]


class CompiledLookup(Generic[M]):
    """`Model.objects.get(a=…, b=…)` for a fixed set of equality lookups, compiled once.

    `lookups` name concrete fields or their attnames (`"pk"`, `"applicant_id"`); values are
    prepared by the field exactly as a filter would (a malformed UUID raises ValidationError).
    `select_related` joins forward relations into the same row, as the QuerySet method does;
    `lock_of` makes it `select_for_update(of=lock_of)` (inside a transaction only, as there).
    """

    def __init__(
        self,
        model: type[M],
        *lookups: str,
        select_related: tuple[str, ...] = (),
        lock_of: tuple[str, ...] = (),
    ) -> None:
        if not lookups:
            raise ImproperlyConfigured("CompiledLookup needs at least one lookup.")
        self.model = model
        self.lookups = lookups
        self.select_related = select_related
        self.lock_of = lock_of
        self._compiled: dict[tuple[str, str], _Compiled] = {}

    def get(self, **values: Any) -> M | None:
        """The one row matching `values`, or None; MultipleObjectsReturned if more than one."""
        if set(values) != set(self.lookups):
            raise TypeError(f"expected exactly {sorted(self.lookups)}, got {sorted(values)}")
        alias = router.db_for_write(self.model) if self.lock_of else router.db_for_read(self.model)
        connection = connections[alias]
        if self.lock_of and connection.get_autocommit():
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        compiled = self._compiled.get((alias, connection.vendor)) or self._compile(alias)
        params = [
            field.get_db_prep_value(values[name], connection, prepared=False)
            for name, field in compiled.params
        ]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchmany(2)
        if not rows:
            return None
        if len(rows) > 1:
            raise self.model.MultipleObjectsReturned(f"more than one {self.model.__name__} matches {values}")
        row = list(rows[0])
        for position, (converters, expression) in compiled.converters.items():
            value = row[position]
            for converter in converters:
                value = converter(value, expression, connection)
            row[position] = value
        instance = self.model.from_db(alias, compiled.attnames, row[compiled.start : compiled.end])
        for populator in compiled.populators:
            populator.populate(row, instance)
        return instance

    def _compile(self, alias: str) -> _Compiled:
        connection = connections[alias]
        fields = {name: self._field(name) for name in self.lookups}
        sentinels = {name: _sentinel(field) for name, field in fields.items()}
        queryset = self.model._default_manager.using(alias).filter(**sentinels).order_by()[:2]
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.lock_of:
            queryset = queryset.select_for_update(of=self.lock_of)
        compiler = queryset.query.get_compiler(alias)
        sql, raw_params = compiler.as_sql()
        klass_info = compiler.klass_info
        if klass_info is None or compiler.annotation_col_map:
            raise ImproperlyConfigured(f"{self.model.__name__}: CompiledLookup loads model rows only.")
        # Find where each lookup's value went; anything else in the parameters (a manager's
        # own filter, say) would be frozen into the SQL, so it is refused.
        prepared = {
            name: fields[name].get_db_prep_value(value, connection, prepared=False)
            for name, value in sentinels.items()
        }
        order: list[tuple[str, models.Field]] = []
        for param in raw_params:
            matches = [name for name, value in prepared.items() if value == param]
            if len(matches) != 1:
                raise ImproperlyConfigured(
                    f"{self.model.__name__}: cannot map SQL parameter {param!r} to one of {self.lookups}."
                )
            order.append((matches[0], fields[matches[0]]))
        if sorted(name for name, _ in order) != sorted(self.lookups):
            raise ImproperlyConfigured(f"{self.model.__name__}: each lookup must appear exactly once.")
        columns = [expression for expression, _sql, _alias in compiler.select]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        compiled = _Compiled(
            sql=sql,
            params=tuple(order),
            start=start,
            end=end,
            attnames=tuple(column.target.attname for column in columns[start:end]),
            converters=compiler.get_converters(columns),
            populators=tuple(get_related_populators(klass_info, compiler.select, alias)),
        )
        self._compiled[(alias, connection.vendor)] = compiled
        return compiled

    def _field(self, name: str) -> models.Field:
        field = self.model._meta.pk if name == "pk" else self.model._meta.get_field(name)
        if not getattr(field, "concrete", False) or field.many_to_many:
            raise ImproperlyConfigured(f"{self.model.__name__}.{name} is not a concrete column.")
        return field  # type: ignore[return-value]


def _sentinel(field: models.Field) -> Any:
    """A random value of the field's type, to recognise its place among the SQL parameters."""
    target = field.target_field if field.is_relation else field  # type: ignore[attr-defined]
    kind = target.get_internal_type()
    if kind == "UUIDField":
        return uuid.uuid4()
    if kind in _INTEGER_TYPES:
        return secrets.randbelow(2**31 - 2) + 1
    if kind in {"CharField", "TextField", "SlugField"}:
        return secrets.token_hex(8)
    raise ImproperlyConfigured(f"CompiledLookup does not handle {kind} lookups.")
