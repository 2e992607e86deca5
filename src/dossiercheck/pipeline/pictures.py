"""Small pictures of each page for the HTML report and the local page, in the geometry the OCR saw.

Only downscaled JPEGs are embedded (never the scan itself). The page is turned and straightened the
same way as for OCR, so the word boxes of the dates land in the right place. Pictures are drawn in the
pipeline's worker pool: a hostile PDF whose text layer spared it the renderer during OCR meets it here,
and a crash or hang must cost a picture, not the report. Reporters get the pictures as data.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dossiercheck.ingest import Limits, UnreadableFile, read_page, render_pdf_page
from dossiercheck.ingest.guard import use_hard_time_limits, watchdog
from dossiercheck.models import Document, Page, PagePicture
from dossiercheck.pipeline.pool import PagePool

MAX_SIDE = 640
PAGE_SECONDS = 60
PICTURE_DPI = 60


@dataclass(frozen=True)
class _Task:
    path: Path
    file: str
    mime: str
    page: Page


def page_pictures(folder: Path, documents: Sequence[Document], max_pages_per_file: int = 4,
                  jobs: int = 2) -> dict[tuple[str, int], PagePicture]:
    """Pictures keyed by (file, page index); a page that cannot be drawn is simply left out."""
    tasks = [_Task(folder / d.file, d.file, d.mime, page) for d in documents for page in d.pages[:max_pages_per_file]]
    pictures: dict[tuple[str, int], PagePicture] = {}

    def done(task: _Task, picture: PagePicture | None) -> None:
        if picture is not None:
            pictures[(task.file, task.page.index)] = picture

    pool: PagePool[_Task, PagePicture | None] = PagePool(_draw, lambda task, why: None, jobs, use_hard_time_limits)
    pool.run(tasks, done)
    return pictures


def _draw(task: _Task) -> PagePicture | None:
    try:
        with watchdog(PAGE_SECONDS):
            return draw_page(task.path, task.mime, task.page)
    except UnreadableFile:
        return None


def draw_page(path: Path, mime: str, page: Page) -> PagePicture:
    """One page's picture, turned and straightened as for OCR, at most MAX_SIDE pixels on a side."""
    from dossiercheck.ocr import preprocess  # OpenCV: only when pictures are drawn

    opened = read_page(path, mime, page.index, dpi=PICTURE_DPI)
    image = opened.image
    if image is None:  # a page with a text layer: render it just for the picture
        image = render_pdf_page(path, page.index, PICTURE_DPI, Limits())
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
    return PagePicture(uri, image.width, image.height, image.width / base_width)
