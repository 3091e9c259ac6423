"""Photos of the resident's documents, drawn with Pillow (a sandbox card, never a real one)."""

from __future__ import annotations

import io
from typing import Literal

from PIL import Image, ImageDraw, ImageFont


def card_image(
    title: str, lines: list[str], *, fmt: Literal["JPEG", "PNG"] = "JPEG", background: str = "#dfe9f5"
) -> bytes:
    """A card-sized (85.6 × 54 mm at ~12 px/mm) photo with a title, text lines and a portrait box."""
    image = Image.new("RGB", (1024, 648), background)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.load_default(size=44), ImageFont.load_default(size=30)
    draw.rounded_rectangle((12, 12, 1011, 635), radius=36, outline="#34506e", width=6)
    draw.text((48, 40), title, fill="#1d3557", font=big)
    for row, line in enumerate(lines):
        draw.text((48, 150 + row * 56), line, fill="#1d1d1d", font=small)
    draw.rectangle((760, 150, 960, 420), fill="#b8c4d2", outline="#34506e", width=3)
    draw.ellipse((815, 190, 905, 280), fill="#8895a7")
    draw.rounded_rectangle((790, 290, 930, 410), radius=40, fill="#8895a7")
    draw.text((48, 560), "SANDBOX SPECIMEN - NOT A REAL DOCUMENT", fill="#a4161a", font=small)
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, format=fmt, quality=85)
    else:
        image.save(out, format=fmt)
    return out.getvalue()


def portrait_photo(*, background: str = "#ffffff", fmt: Literal["JPEG", "PNG"] = "PNG") -> bytes:
    """A passport-style photo (33 × 48 mm proportions) on the given background."""
    image = Image.new("RGB", (396, 576), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((128, 90, 268, 250), fill="#c9a27e")
    draw.rounded_rectangle((78, 270, 318, 576), radius=90, fill="#2b4162")
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()
