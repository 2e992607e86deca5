"""Small pictures of each page for the HTML report, in the geometry the OCR saw.

Only downscaled JPEGs are embedded (never the scan itself). The page is turned and straightened
the same way as for OCR, so the word boxes of the dates land on the right place.
"""

from __future__ import annotations

import base64
import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dossiercheck.ingest import Limits, read_page, render_pdf_page
from dossiercheck.models import Report
from dossiercheck.ocr import preprocess

MAX_SIDE = 640
PAGE_SECONDS = 60


@dataclass(frozen=True)
class Thumbnail:
    data_uri: str
    width: int
    height: int
    scale: float  # thumbnail pixels per pixel of the page the word boxes refer to


def make_thumbnails(
    folder: Path, report: Report, max_pages_per_file: int = 4, jobs: int = 2
) -> dict[tuple[str, int], Thumbnail]:
    """Thumbnails keyed by (file, page index); a page that cannot be drawn is simply left out.

    Pages are drawn in worker processes: a hostile PDF whose text layer spared it the renderer during
    OCR meets it here, and a crash or hang must cost a picture, not the report.
    """
    keys = [
        (document.file, page.index, document.mime, page)
        for document in report.documents
        for page in document.pages[:max_pages_per_file]
    ]
    thumbs: dict[tuple[str, int], Thumbnail] = {}
    if not keys:
        return thumbs
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(keys))), mp_context=context) as pool:
        futures = {
            (file, index): pool.submit(_thumbnail, folder / file, mime, page) for file, index, mime, page in keys
        }
        for key, future in futures.items():
            try:
                thumbs[key] = future.result(timeout=PAGE_SECONDS)
            except Exception:  # noqa: BLE001 - broken page, crashed or stuck worker: no picture
                continue
        for process in list(getattr(pool, "_processes", {}).values()):
            if process.is_alive() and not all(f.done() for f in futures.values()):
                process.kill()  # a stuck renderer must not hold the report back
    return thumbs


def _thumbnail(path: Path, mime: str, page) -> Thumbnail:  # type: ignore[no-untyped-def]
    opened = read_page(path, mime, page.index, dpi=60)
    image = opened.image
    if image is None:  # a page with a text layer: render it just for the picture
        image = render_pdf_page(path, page.index, 60, Limits())
    image = preprocess.to_grey(image)
    if page.width and page.height:
        # Redo the OCR stage's geometry (crop, quarter turn, then skew) at any scale: the result is
        # the OCR page, uniformly scaled, so one factor maps its word boxes.
        image.thumbnail((MAX_SIDE * 2, MAX_SIDE * 2))
        image = preprocess.warp_to_quad(image, page.crop) if page.crop else image
        image = preprocess.rotate(image, -page.rotation) if page.rotation else image
        image = preprocess.rotate(image, page.skew) if abs(page.skew) >= 0.3 else image
    base_width = page.width or image.width
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "JPEG", quality=70)
    uri = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return Thumbnail(uri, image.width, image.height, image.width / base_width)
