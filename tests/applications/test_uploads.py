"""Material uploads: content sniffing, metadata stripping, bombs, limits, consent, authorized serving."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.applications.models import ApplicationMaterial, Consent
from tests.factories.cases import jpeg_bytes, make_service, png_bytes

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def _gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (39.0, 54.0, 20.0), 3: "E", 4: (116.0, 23.0, 29.0)})
    return jpeg_bytes(size=(64, 48), exif=exif)


def _bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims a huge image (decoding it would need ~10 GB)."""
    data = bytearray(png_bytes((1, 1)))
    ihdr = bytearray(data[12:29])  # chunk type + 13 data bytes
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)) & 0xFFFFFFFF)
    return bytes(data)


@pytest.fixture
def case(draft):
    return draft()


def _upload(client, application, data, name="photo.jpg", slot="photo"):
    return client.post(
        f"/api/v1/applications/{application.pk}/materials",
        {"slot": slot, "file": SimpleUploadedFile(name, data)},
        format="multipart",
    )


def _stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_gps_exif_is_stripped_and_orientation_applied(case, resident, client_for, settings):
    original = _gps_jpeg()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD), "precondition: the upload carries GPS"
    client = client_for(resident)
    response = _upload(client, case, original)
    assert response.status_code == 201
    body = response.json()
    assert (body["width"], body["height"]) == (48, 64)  # rotated upright
    served = client.get(f"/api/v1/applications/{case.pk}/materials/{body['id']}/file")
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert "no-store" in served["Cache-Control"]
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert "exif" not in image.info
    assert not image.getexif()
    assert not image.getexif().get_ifd(GPS_IFD)


def test_long_edge_is_bounded_and_a_thumbnail_is_made(case, resident, client_for, settings):
    settings.MATERIAL_LONG_EDGE = 100
    response = _upload(client_for(resident), case, jpeg_bytes(size=(400, 200)))
    assert (response.json()["width"], response.json()["height"]) == (100, 50)
    material = ApplicationMaterial.objects.get(pk=response.json()["id"])
    assert material.thumbnail_name.endswith(".thumb.jpg")


@pytest.mark.parametrize(
    ("name", "payload", "status", "code"),
    [
        ("bomb.png", _bomb_png(), 422, "material_decompression_bomb"),
        ("empty.jpg", b"", 400, "material_empty"),
        (
            "page.jpg",
            b"<!DOCTYPE html><html><script>alert(1)</script></html>",
            422,
            "material_type_unsupported",
        ),
        (
            "script.pdf",
            b"%PDF-1.4\n1 0 obj << /OpenAction << /JS (app.alert(1)) >> >>\n%%EOF",
            422,
            "material_pdf_active_content",
        ),
        ("cut.jpg", jpeg_bytes()[:40], 422, "material_corrupt"),
    ],
    ids=["decompression-bomb", "empty", "html-named-jpg", "pdf-with-javascript", "truncated-jpeg"],
)
def test_bad_files_are_refused_with_their_code_and_nothing_is_stored(
    case, resident, client_for, settings, name, payload, status, code
):
    before = _stored_files(settings)
    response = _upload(
        client_for(resident), case, payload, name=name, slot="proof" if name.endswith(".pdf") else "photo"
    )
    assert response.status_code == status
    assert response.json()["code"] == code
    assert ApplicationMaterial.objects.filter(application=case).count() == 1  # only the draft's own photo
    assert _stored_files(settings) == before


def test_oversized_file_is_refused(case, resident, client_for, settings):
    settings.MATERIAL_MAX_FILE_BYTES = 1024
    response = _upload(client_for(resident), case, jpeg_bytes(size=(600, 600), color="green") + b"\0" * 2048)
    assert response.status_code == 422
    assert response.json()["code"] == "material_too_large"
    assert ApplicationMaterial.objects.filter(application=case).count() == 1


def test_application_total_is_limited(case, resident, client_for, settings):
    used = ApplicationMaterial.objects.get(application=case).size_bytes
    settings.MATERIAL_MAX_APPLICATION_BYTES = used + 10
    response = _upload(client_for(resident), case, jpeg_bytes(size=(80, 80)))
    assert response.status_code == 422
    assert response.json()["code"] == "material_application_size_exceeded"


def test_format_not_accepted_by_the_slot(case, resident, client_for):
    pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF"
    response = _upload(client_for(resident), case, pdf, name="a.pdf", slot="photo")
    assert response.status_code == 422
    assert response.json()["code"] == "material_format_not_accepted"
    assert _upload(client_for(resident), case, pdf, name="a.pdf", slot="proof").status_code == 201


def test_identity_document_needs_separate_consent_first(resident, client_for):
    service = make_service("T0300", identity_slot=True)
    client = client_for(resident)
    app_id = client.post("/api/v1/applications", {"service_code": service.code}, format="json").json()["id"]
    refused = client.post(
        f"/api/v1/applications/{app_id}/materials",
        {"slot": "id_card", "file": SimpleUploadedFile("id.jpg", jpeg_bytes())},
        format="multipart",
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "consent_required"
    assert not ApplicationMaterial.objects.filter(application_id=app_id).exists()
    # consent must be explicit
    assert (
        client.post(
            "/api/v1/consents", {"purpose": "identity_document_upload", "agree": False}, format="json"
        ).status_code
        == 400
    )
    assert not Consent.objects.filter(user=resident).exists()
    granted = client.post(
        "/api/v1/consents", {"purpose": "identity_document_upload", "agree": True}, format="json"
    )
    assert granted.status_code == 201
    accepted = client.post(
        f"/api/v1/applications/{app_id}/materials",
        {"slot": "id_card", "file": SimpleUploadedFile("id.jpg", jpeg_bytes())},
        format="multipart",
    )
    assert accepted.status_code == 201


def test_unknown_slot_and_locked_application(case, resident, client_for):
    client = client_for(resident)
    assert _upload(client, case, jpeg_bytes(), slot="nope").json()["code"] == "material_slot_unknown"
    client.post(f"/api/v1/applications/{case.pk}/submit")
    locked = _upload(client, case, jpeg_bytes())
    assert locked.status_code == 409
    assert locked.json()["code"] == "application_not_editable"


def test_files_are_not_on_a_public_media_path(case, resident, client_for, api):
    material = ApplicationMaterial.objects.get(application=case)
    assert api.get(f"/media/{material.storage_name}").status_code == 404
    assert api.get(f"/api/v1/applications/{case.pk}/materials/{material.pk}/file").status_code == 401


def test_removing_a_file(case, resident, client_for, settings):
    material = ApplicationMaterial.objects.get(application=case)
    client = client_for(resident)
    assert client.delete(f"/api/v1/applications/{case.pk}/materials/{material.pk}").status_code == 204
    assert not ApplicationMaterial.objects.filter(pk=material.pk).exists()
