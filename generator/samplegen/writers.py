"""Encoding pages into files: every image format the tool accepts, scanned and text PDFs.

No encoder is given a timestamp, so the same pages always give the same bytes.
"""

from __future__ import annotations

import io
import random

from PIL import Image

from .canvas import PageSpec
from .pdf import image_pdf, text_pdf

EXTENSIONS = {
    "jpeg": ".jpg",
    "png": ".png",
    "tiff": ".tif",
    "heic": ".heic",
    "webp": ".webp",
    "bmp": ".bmp",
    "pdf-scan": ".pdf",
    "pdf-text": ".pdf",
}
MULTI_PAGE = ("tiff", "pdf-scan", "pdf-text")


def encode(
    pages: list[Image.Image], fmt: str, quality: int = 75, exif_orientation: int | None = None, dpi: int = 150
) -> bytes:
    """Bytes of the file; single-page formats take the first page only (callers pick multi-page formats)."""
    buf = io.BytesIO()
    first = pages[0].convert("RGB")
    if fmt == "jpeg":
        kwargs: dict[str, object] = {"quality": quality, "dpi": (dpi, dpi)}
        if exif_orientation is not None:
            exif = Image.Exif()
            exif[0x0112] = exif_orientation
            kwargs["exif"] = exif.tobytes()
        first.save(buf, "JPEG", **kwargs)
    elif fmt == "png":
        first.save(buf, "PNG", optimize=False, compress_level=6, dpi=(dpi, dpi))
    elif fmt == "tiff":
        rest = [p.convert("RGB") for p in pages[1:]]
        first.save(buf, "TIFF", compression="tiff_deflate", save_all=True, append_images=rest, dpi=(dpi, dpi))
    elif fmt == "heic":
        import pillow_heif

        heif = pillow_heif.from_pillow(first)
        # x265's slower presets take seconds per page for no gain here.
        heif.save(buf, quality=min(quality, 50), enc_params={"preset": "ultrafast"})
    elif fmt == "webp":
        first.save(buf, "WEBP", quality=quality, method=4)
    elif fmt == "bmp":
        # Uncompressed: a large page goes to 8-bit grey, as scanner software does to keep BMPs small.
        (first.convert("L") if first.width * first.height > 1_500_000 else first).save(buf, "BMP")
    elif fmt == "pdf-scan":
        return image_pdf(pages, dpi, quality)
    else:
        raise ValueError(f"unknown image format {fmt}")
    return buf.getvalue()


def encode_text_pdf(pages: list[PageSpec], title: str) -> bytes:
    return text_pdf(pages, title)


def jpeg_artefacts(img: Image.Image, rng: random.Random) -> Image.Image:
    """A low-quality JPEG round trip, as from a messaging app that recompressed the scan."""
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=rng.randint(12, 30))
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def file_name(stem: str, fmt: str, rng: random.Random, odd_names: bool) -> tuple[str, str]:
    """A name for the file and a note when the extension lies: the tool must sniff bytes."""
    ext = EXTENSIONS[fmt]
    if not odd_names:
        return stem + ext, ""
    roll = rng.random()
    if roll < 0.08:
        return f"IMG_{rng.randint(1000, 9999)}", "no-extension"
    if roll < 0.14:
        wrong = ".pdf" if not fmt.startswith("pdf") else ".jpg"
        return f"scan{rng.randint(1, 99)}{wrong}", "wrong-extension"
    if roll < 0.2:
        return stem + ext.upper(), ""
    return stem + ext, ""
