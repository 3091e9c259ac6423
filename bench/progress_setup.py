"""Prepare the benchmark database: catalog, one resident with a case in review, a token.

Prints `ACCESS APPLICATION_ID DEPARTMENT_ID` on one line for the runner.
"""

from __future__ import annotations

import os
import uuid
from datetime import date

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.progress_settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from backend.accounts.identity import identity_login_or_create  # noqa: E402
from backend.accounts.models import Department  # noqa: E402
from backend.accounts.otp import phone_index  # noqa: E402
from backend.accounts.services import staff_create  # noqa: E402
from backend.accounts.tokens import tokens_issue  # noqa: E402
from backend.applications import services  # noqa: E402

call_command("seed_demo", verbosity=0)
call_command("seed_catalog", verbosity=0)
services.today = lambda: date(2025, 9, 26)  # a date the working calendar knows, whatever the run date

phone = f"+86139{uuid.uuid4().int % 10**8:08d}"
resident = identity_login_or_create(
    provider="phone", subject=phone_index(phone), defaults={"phone": phone, "phone_index": phone_index(phone)}
)
clerk = staff_create(
    username=f"bench-{uuid.uuid4().hex[:8]}",
    password=uuid.uuid4().hex + "Aa1!",
    roles={"clerk"},
    departments=[],
)
clerk.departments.add(Department.objects.get(code="SC"))


def jpeg_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1200, 1600), "white").save(out, format="JPEG")
    return out.getvalue()


application = services.application_create(applicant=resident, service_code="11370000SC0001")
services.application_form_update(
    application_id=application.pk,
    applicant=resident,
    form_data={
        "applicant_name": "张三",
        "contact_phone": "13812345678",
        "company_name": "济南示例科技有限公司",
    },
)
services.material_upload(application_id=application.pk, applicant=resident, slot="lease", data=jpeg_bytes())
services.material_upload(
    application_id=application.pk,
    applicant=resident,
    slot="articles",
    data=b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF",
)
services.consent_grant(user=resident, purpose="identity_document_upload")
services.material_upload(application_id=application.pk, applicant=resident, slot="id_card", data=jpeg_bytes())
services.application_submit(application_id=application.pk, applicant=resident)
services.application_accept(application_id=application.pk, staff=clerk)
services.application_claim(application_id=application.pk, staff=clerk)
services.task_decide(application_id=application.pk, staff=clerk, department_code="SC", approve=True)
for n in range(3):
    services.application_comment(application_id=application.pk, staff=clerk, text=f"note {n}")

print(tokens_issue(resident, amr=["sms"])["access"], application.pk, Department.objects.get(code="GA").pk)
