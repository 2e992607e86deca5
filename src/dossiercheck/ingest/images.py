"""Pictures (JPEG, PNG, TIFF, HEIC, WebP, BMP): frame counts and one frame as a grey or colour image.

Pillow's decompression-bomb guard stays on at its default (an image over ~179 million pixels is refused);
its warnings about the damage it works around (corrupt EXIF, big images) are silenced here, locally,
because the report says what matters once, in plain words.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageOps

from dossiercheck.ingest.formats import ANIMATED_FORMATS, HEIF_MIMES, IMAGE_MIMES, heif_support, heif_unavailable_reason
from dossiercheck.ingest.guard import Limits, UnreadableFile, decoding

ANIMATION_NOTE = "an animation, not a scan: only its first picture was read"


@contextlib.contextmanager
def _opened(path: Path, mime: str) -> Iterator[Image.Image]:
    if mime in HEIF_MIMES and not heif_support().available:  # registers the HEIF opener with Pillow, once
        raise UnreadableFile(heif_unavailable_reason())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DecompressionBombWarning, corrupt EXIF, truncated tags
        with Image.open(path) as image:
            yield image


def frame_count(path: Path, mime: str) -> tuple[int, str | None]:
    """Pages of the picture (frames of a multi-page TIFF), and a note when its frames are an animation."""
    what = IMAGE_MIMES.get(mime, "image")
    try:
        with decoding(f"the {what} is damaged or incomplete: scan or export it again"), _opened(path, mime) as image:
            frames = max(1, int(getattr(image, "n_frames", 1)))
            if frames > 1 and image.format in ANIMATED_FORMATS:
                return 1, ANIMATION_NOTE
            return frames, None
    except UnreadableFile as exc:
        if isinstance(exc.__cause__, Image.DecompressionBombError):
            millions = 2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000
            raise UnreadableFile(f"the image is too large to open safely (over {millions} million pixels): "
                                 "save it at a lower resolution") from exc
        raise


def read_frame(path: Path, mime: str, index: int, limits: Limits) -> tuple[Image.Image, str | None]:
    """Frame `index` upright (EXIF), on white, reduced to `limits.max_page_pixels`; and a note if reduced."""
    with _opened(path, mime) as image:
        if index:
            image.seek(index)
        width, height = image.size
        if Image.MAX_IMAGE_PIXELS and width * height > 2 * Image.MAX_IMAGE_PIXELS:  # Pillow checks frame 1 only
            raise UnreadableFile(f"page {index + 1} is too large to open safely ({width}×{height} pixels)")
        problem = None
        if width * height > limits.max_page_pixels:
            problem = "the picture is very large and was reduced before reading"
            if image.format == "JPEG":
                # Decode at 1/2, 1/4 or 1/8 straight from the JPEG data: the full picture never exists.
                factor = (limits.max_page_pixels / (width * height)) ** 0.5
                image.draft(None, (max(1, int(width * factor)), max(1, int(height * factor))))
        frame = _on_white(image)
        oriented = _upright(frame)
        pixels = oriented.width * oriented.height
        if pixels > limits.max_page_pixels:
            factor = (limits.max_page_pixels / pixels) ** 0.5
            oriented = oriented.resize((max(1, int(oriented.width * factor)), max(1, int(oriented.height * factor))),
                                       reducing_gap=3.0)
        return _eight_bit(oriented), problem


def _on_white(image: Image.Image) -> Image.Image:
    if image.mode not in ("RGBA", "LA", "P", "PA"):
        return image
    frame = image.convert("RGBA")
    return Image.alpha_composite(Image.new("RGBA", frame.size, "white"), frame)


def _upright(frame: Image.Image) -> Image.Image:
    """The frame turned as its EXIF orientation says; as it is when the EXIF block is broken."""
    try:
        with decoding("a broken EXIF block"):
            oriented = ImageOps.exif_transpose(frame)
    except UnreadableFile:  # a broken EXIF block must not lose the picture
        return frame
    return oriented if oriented is not None else frame


def _eight_bit(image: Image.Image) -> Image.Image:
    if image.mode in ("L", "RGB"):
        return image.copy()
    if image.mode.startswith("I") or image.mode == "F":
        return _deep_to_grey(image)
    return image.convert("RGB")


def _deep_to_grey(image: Image.Image) -> Image.Image:
    """16-bit and float scans (some scanners write them) stretched to 8-bit grey."""
    import numpy as np  # only for these rare scans

    values = np.asarray(image.convert("F") if image.mode != "F" else image, dtype=np.float64)
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    scaled = (values - low) * (255.0 / (high - low)) if high > low else np.zeros_like(values)
    return Image.fromarray(np.nan_to_num(scaled).clip(0, 255).astype(np.uint8), "L")
