"""Small pictures of each page for the HTML report, in the geometry the OCR saw.

Only downscaled JPEGs are embedded (never the scan itself). The page is turned and straightened
the same way as for OCR, so the word boxes of the dates land on the right place.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from dossiercheck.ingest import Limits, read_page, render_pdf_page
from dossiercheck.models import Report
from dossiercheck.ocr import preprocess

MAX_SIDE = 640


@dataclass(frozen=True)
class Thumbnail:
    data_uri: str
    width: int
    height: int
    scale: float  # thumbnail pixels per pixel of the page the word boxes refer to


def make_thumbnails(folder: Path, report: Report, max_pages_per_file: int = 4) -> dict[tuple[str, int], Thumbnail]:
    """Thumbnails keyed by (file, page index); a page that cannot be opened is simply left out."""
    thumbs: dict[tuple[str, int], Thumbnail] = {}
    for document in report.documents:
        for page in document.pages[:max_pages_per_file]:
            try:
                thumbs[(document.file, page.index)] = _thumbnail(folder / document.file, document.mime, page)
            except Exception:  # noqa: BLE001 - a report without one picture is still a report
                continue
    return thumbs


def _thumbnail(path: Path, mime: str, page) -> Thumbnail:  # type: ignore[no-untyped-def]
    opened = read_page(path, mime, page.index, dpi=60)
    image = opened.image
    if image is None:  # a page with a text layer: render it just for the picture
        image = render_pdf_page(path, page.index, 60, Limits())
    image = preprocess.to_grey(image)
    if page.width and page.height:
        # Redo the OCR stage's geometry (skew, then the quarter turn) at any scale: the result is
        # the OCR page, uniformly scaled, so one factor maps its word boxes.
        image.thumbnail((MAX_SIDE * 2, MAX_SIDE * 2))
        image = preprocess.rotate(image, page.skew) if abs(page.skew) >= 0.3 else image
        image = preprocess.rotate(image, -page.rotation) if page.rotation else image
    base_width = page.width or image.width
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "JPEG", quality=70)
    uri = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return Thumbnail(uri, image.width, image.height, image.width / base_width)


