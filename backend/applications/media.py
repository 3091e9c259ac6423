"""Checking and cleaning uploaded material files (Pillow).

The content decides, never the name: JPEG, PNG, WebP and PDF are recognised by their magic
bytes. Images are opened header-first so a decompression bomb is refused before any pixel is
decoded; then EXIF orientation is applied, every bit of metadata (EXIF with GPS, XMP, ICC,
text chunks) is dropped by re-encoding the pixels alone as JPEG with a bounded long edge, and
a thumbnail is made. PDFs are kept as sent but refused when they carry active content.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from backend.core.errors import ApplicationError

DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_APPLICATION_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000
DEFAULT_LONG_EDGE = 2560
THUMBNAIL_EDGE = 320
JPEG_QUALITY = 85

_PDF_ACTIVE = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/OpenAction")


class MaterialRejected(ApplicationError):
    status = 422
    code = "material_rejected"
    title = _("The file cannot be accepted.")


def setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


@dataclass(frozen=True)
class CleanFile:
    kind: str  # jpeg | png | webp | pdf (what was sent)
    content: bytes  # what is stored
    content_type: str
    extension: str
    sha256: str
    thumbnail: bytes | None = None
    width: int | None = None
    height: int | None = None


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return None


def _reject(code: str, detail: object) -> MaterialRejected:
    return MaterialRejected(detail, code=code)


def _clean_image(data: bytes, kind: str) -> CleanFile:
    max_pixels = setting("MATERIAL_MAX_PIXELS", DEFAULT_MAX_PIXELS)
    long_edge = setting("MATERIAL_LONG_EDGE", DEFAULT_LONG_EDGE)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size  # from the header only; nothing decoded yet
            if width * height > max_pixels:
                raise _reject("material_decompression_bomb", _("The image has too many pixels."))
            if (image.format or "").lower() != kind:
                raise _reject("material_corrupt", _("The image is damaged or not what it claims to be."))
            image.seek(0)
            image.load()
        except MaterialRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _reject("material_decompression_bomb", _("The image has too many pixels.")) from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _reject("material_corrupt", _("The image is damaged or not what it claims to be.")) from exc
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((long_edge, long_edge), Image.Resampling.LANCZOS)
    # A new image from the pixels alone: nothing of the original's metadata can follow it.
    pixels_only = Image.new("RGB", image.size)
    pixels_only.paste(image)
    out = io.BytesIO()
    pixels_only.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    thumb = pixels_only.copy()
    thumb.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.LANCZOS)
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, format="JPEG", quality=75)
    content = out.getvalue()
    return CleanFile(
        kind=kind,
        content=content,
        content_type="image/jpeg",
        extension="jpg",
        sha256=hashlib.sha256(content).hexdigest(),
        thumbnail=thumb_out.getvalue(),
        width=pixels_only.width,
        height=pixels_only.height,
    )


def _clean_pdf(data: bytes) -> CleanFile:
    if b"%%EOF" not in data[-2048:]:
        raise _reject("material_corrupt", _("The PDF is damaged or incomplete."))
    if any(marker in data for marker in _PDF_ACTIVE):
        raise _reject(
            "material_pdf_active_content", _("PDFs with scripts, actions or attachments are not accepted.")
        )
    return CleanFile(
        kind="pdf",
        content=data,
        content_type="application/pdf",
        extension="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
    )


def material_clean(data: bytes, *, accepted_formats: list[str]) -> CleanFile:
    """Check `data` and return what may be stored, or raise `MaterialRejected` with a code.

    Codes: `material_empty` (400), `material_too_large`, `material_type_unsupported`,
    `material_format_not_accepted`, `material_decompression_bomb`, `material_corrupt`,
    `material_pdf_active_content` (422).
    """
    if not data:
        raise MaterialRejected(_("The file is empty."), code="material_empty", status=400)
    if len(data) > setting("MATERIAL_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES):
        raise _reject("material_too_large", _("The file is larger than allowed."))
    kind = sniff(data[:16])
    if kind is None:
        raise _reject("material_type_unsupported", _("Only JPEG, PNG, WebP and PDF files are accepted."))
    if accepted_formats and kind not in accepted_formats:
        raise _reject("material_format_not_accepted", _("This material does not accept this file format."))
    return _clean_pdf(data) if kind == "pdf" else _clean_image(data, kind)
