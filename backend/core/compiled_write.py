"""Row inserts and updates whose SQL is built once per process instead of per call.

Why: on the payment callback (bench/RESULTS.md, issue 5) the statements themselves cost the
database about 0.1 ms each, but `Model.objects.create()` and `save(update_fields=…)` spend three
to four times that in Python building the same INSERT or UPDATE again on every call. This is
the write-side companion of `compiled_lookup.py` (docs/adr/0003, 0004): the statement is built
from the model's metadata once per (model, columns, database); each call only prepares values,
through the fields exactly as `save()` does (`pre_save`, then `get_db_prep_save`), and runs it
through Django's cursor, so query logging and `django_assert_num_queries` see it.

What the ORM would do and these do not: send `pre_save`/`post_save` signals, resolve
expressions (`F()`), handle multi-table inheritance. A model with signal receivers, or a value
that is an expression, goes through the ORM instead, so behaviour never silently differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import DatabaseError, connections, models, router
from django.db.models import signals

M = TypeVar("M", bound=models.Model)

# (model, alias, vendor, kind, columns, rows) -> SQL
_statements: dict[tuple[Any, ...], tuple[str, tuple[models.Field, ...]]] = {}


def rows_insert(objs: Sequence[M]) -> list[M]:
    """`Model.objects.bulk_create(objs)` in one INSERT, with primary keys set on the objects.

    The objects are unsaved instances of one model; database-generated keys come back through
    RETURNING (PostgreSQL, SQLite). Defaults and `auto_now_add` are applied as `save()` does.
    """
    if not objs:
        return []
    model = type(objs[0])
    alias = router.db_for_write(model)
    connection = connections[alias]
    if not _plain(model) or any(type(obj) is not model for obj in objs):
        return list(model._default_manager.using(alias).bulk_create(objs))
    meta = model._meta
    with_pk = objs[0].pk is not None
    if any((obj.pk is not None) != with_pk for obj in objs):
        return list(model._default_manager.using(alias).bulk_create(objs))
    key = (model, alias, connection.vendor, "insert", with_pk, len(objs))
    compiled = _statements.get(key)
    if compiled is None:
        compiled = _statements[key] = _insert_sql(model, connection, with_pk=with_pk, rows=len(objs))
    sql, fields = compiled
    params: list[Any] = []
    for obj in objs:
        for field in fields:
            value = field.pre_save(obj, add=True)
            if hasattr(value, "resolve_expression"):
                return list(model._default_manager.using(alias).bulk_create(objs))
            params.append(field.get_db_prep_save(value, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        returned = cursor.fetchall() if not with_pk else []
    for index, obj in enumerate(objs):
        if not with_pk:
            setattr(obj, meta.pk.attname, returned[index][0])
        obj._state.adding, obj._state.db = False, alias
    return list(objs)


def row_insert(model: type[M], **values: Any) -> M:
    """`model.objects.create(**values)` through a statement built once (see module docstring)."""
    obj = model(**values)
    if not _plain(model):
        obj.save(force_insert=True, using=router.db_for_write(model))
        return obj
    return rows_insert([obj])[0]


def row_update(instance: models.Model, fields: Sequence[str]) -> None:
    """`instance.save(update_fields=fields)` through a statement built once.

    Raises DatabaseError when no row was updated, as `save(update_fields=…)` does.
    """
    model = type(instance)
    alias = instance._state.db or router.db_for_write(model)
    connection = connections[alias]
    if not _plain(model):
        instance.save(update_fields=fields, using=alias)
        return
    key = (model, alias, connection.vendor, "update", tuple(fields))
    compiled = _statements.get(key)
    if compiled is None:
        compiled = _statements[key] = _update_sql(model, connection, fields)
    sql, targets = compiled
    params = []
    for field in targets:
        value = field.pre_save(instance, add=False)
        if hasattr(value, "resolve_expression"):
            instance.save(update_fields=fields, using=alias)
            return
        params.append(field.get_db_prep_save(value, connection))
    params.append(model._meta.pk.get_db_prep_value(instance.pk, connection, prepared=False))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if cursor.rowcount != 1:
            raise DatabaseError("Save with update_fields did not affect any rows.")


def _plain(model: type[models.Model]) -> bool:
    """No signal receivers, no parent tables: `save()` would do exactly what we do."""
    return not (
        model._meta.parents or signals.pre_save.has_listeners(model) or signals.post_save.has_listeners(model)
    )


def _insert_sql(
    model: type[models.Model], connection: Any, *, with_pk: bool, rows: int
) -> tuple[str, tuple[models.Field, ...]]:
    meta = model._meta
    qn = connection.ops.quote_name
    fields = tuple(
        f
        for f in meta.local_concrete_fields
        if not getattr(f, "generated", False) and (with_pk or f is not meta.auto_field)
    )
    _refuse_placeholders(model, fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "  # noqa: S608 - names from _meta
        f"VALUES {', '.join([row] * rows)}"
    )
    if not with_pk:
        if not connection.features.can_return_rows_from_bulk_insert:
            raise DatabaseError(f"{connection.vendor} cannot return the keys of inserted rows.")
        sql += f" RETURNING {qn(meta.db_table)}.{qn(meta.pk.column)}"
    return sql, fields


def _update_sql(
    model: type[models.Model], connection: Any, names: Sequence[str]
) -> tuple[str, tuple[models.Field, ...]]:
    meta = model._meta
    qn = connection.ops.quote_name
    fields = []
    for name in names:
        field = meta.get_field(name)
        if not getattr(field, "concrete", False) or field.primary_key or field.many_to_many:
            raise ValueError(f"{model.__name__}.{name} is not a column that can be updated.")
        fields.append(field)
    _refuse_placeholders(model, fields)
    assignments = ", ".join(f"{qn(f.column)} = %s" for f in fields)
    sql = f"UPDATE {qn(meta.db_table)} SET {assignments} WHERE {qn(meta.pk.column)} = %s"  # noqa: S608 - names from _meta
    return sql, tuple(fields)


def _refuse_placeholders(model: type[models.Model], fields: Sequence[models.Field]) -> None:
    """Fields with their own SQL placeholder (geometry, say) are not plain `%s` values."""
    for field in fields:
        if hasattr(field, "get_placeholder"):
            raise ValueError(f"{model.__name__}.{field.name} needs its own placeholder; use the ORM.")


__all__ = ["row_insert", "row_update", "rows_insert"]
