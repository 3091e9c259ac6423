"""A certificate as a PNG: its text and a QR code that opens the public verification.

Chinese text needs a CJK font: set `CERTIFICATE_FONT_PATH` to one (e.g. Noto Sans CJK). Without
it Pillow's built-in font is used, which shows Latin text only.
"""

from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import quote, urlencode

import qrcode
from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

from backend.certificates.models import Certificate
from backend.core.masking import mask_name


def verification_url(certificate: Certificate) -> str:
    base = settings.CERTIFICATE_PUBLIC_BASE_URL.rstrip("/")
    query = urlencode({"code": certificate.verify_code})
    return f"{base}/api/v1/certificates/verify/{quote(certificate.number)}?{query}"


# Where Debian's CJK font packages put their fonts, tried when no path is configured.
_KNOWN_CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in (settings.CERTIFICATE_FONT_PATH, *_KNOWN_CJK_FONTS):
        if path:
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    return ImageFont.load_default(size=size)


def certificate_png(certificate: Certificate, *, status_label: str) -> bytes:
    """Render the certificate (holder name masked, fields in full: the holder is the reader)."""
    width, height = 900, 600
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((12, 12, width - 12, height - 12), outline=(176, 32, 32), width=6)
    ctype = certificate.certificate_type
    draw.text((40, 40), ctype.name, fill=(176, 32, 32), font=_font(40))
    if ctype.name_en:
        draw.text((40, 92), ctype.name_en, fill=(90, 90, 90), font=_font(22))
    lines = [
        f"No. {certificate.number}",
        f"Holder: {mask_name(certificate.holder_name) or '-'}",
        f"Issued by: {certificate.department.name} ({certificate.department.code})",
        f"Valid: {certificate.valid_from.isoformat()} - "
        f"{certificate.valid_until.isoformat() if certificate.valid_until else '∞'}",
        f"Status: {status_label}",
        *[f"{key}: {value}" for key, value in sorted(certificate.fields.items())][:8],
        f"Signature: {certificate.algorithm} key {certificate.key_id}",
    ]
    y = 140
    for line in lines:
        draw.text((40, y), line[:60], fill="black", font=_font(22))
        y += 34
    qr = qrcode.QRCode(border=2, box_size=6, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(verification_url(certificate))
    qr.make(fit=True)
    qr_image = qr.make_image(fill_color="black", back_color="white").convert("RGB").resize((240, 240))
    image.paste(qr_image, (width - 280, height - 280))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
