"""On PostgreSQL: pg_trgm and a GIN trigram index that serves `search_keys LIKE '%…%'`.

The keys are stored lower case and the query is lower-cased in Python, so the plain (case
sensitive) LIKE that `contains` produces can use the index; `icontains` (UPPER(...)) could not.
SQLite (the embedded default) has no such index and scans the few hundred rows. `fastupdate` is
off: the catalog is read far more than written, and a pending list would make every search
scan it (and the planner price the index higher).
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS services_item_search_trgm ON services_serviceitem "
    "USING gin (search_keys gin_trgm_ops) WITH (fastupdate = off)",
]
BACKWARD = ["DROP INDEX IF EXISTS services_item_search_trgm"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
