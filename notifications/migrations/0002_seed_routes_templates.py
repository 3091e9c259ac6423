"""Seed the routing rules and the templates (data, editable in the admin afterwards)."""

from django.db import migrations

from notifications.seed import seed, unseed


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
