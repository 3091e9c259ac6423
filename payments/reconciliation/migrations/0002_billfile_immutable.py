"""PostgreSQL only: raw bill file rows cannot be changed or deleted (the files are evidence)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        """
        CREATE OR REPLACE FUNCTION reconciliation_billfile_immutable() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'reconciliation_billfile rows are immutable';
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER reconciliation_billfile_immutable
            BEFORE UPDATE OR DELETE ON reconciliation_billfile
            FOR EACH ROW EXECUTE FUNCTION reconciliation_billfile_immutable();
        """
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TRIGGER IF EXISTS reconciliation_billfile_immutable ON reconciliation_billfile")
    schema_editor.execute("DROP FUNCTION IF EXISTS reconciliation_billfile_immutable()")


class Migration(migrations.Migration):
    dependencies = [("reconciliation", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
