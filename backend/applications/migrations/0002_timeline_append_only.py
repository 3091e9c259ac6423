"""Make the timeline append-only in the database: UPDATE and DELETE of events are refused (PostgreSQL)."""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION applications_event_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'applications_applicationevent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER applications_event_append_only
  BEFORE UPDATE OR DELETE ON applications_applicationevent
  FOR EACH ROW EXECUTE FUNCTION applications_event_refuse_change();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS applications_event_append_only ON applications_applicationevent;
DROP FUNCTION IF EXISTS applications_event_refuse_change();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
