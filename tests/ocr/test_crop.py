"""Cutting a photographed page out of its background, and leaving scanned pages whole."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw

from dossiercheck.ocr.preprocess import crop_to_page


def page_with_header(band_grey: int) -> Image.Image:
    """An A4 scan at 100 dpi whose letterhead is a full-width band of light grey, as on many official papers."""
    image = Image.new("L", (827, 1169), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 826, 150), fill=band_grey)
    for y in range(260, 1000, 40):
        draw.line((80, y, 700, y), fill=60, width=2)  # lines of small print
    return image


def on_desk(page: np.ndarray, corners: list[tuple[int, int]], desk_grey: int) -> Image.Image:
    """The page photographed at an angle on a desk of one grey: warped into the quadrilateral `corners`."""
    height, width = page.shape
    matrix = cv2.getPerspectiveTransform(np.float32([(0, 0), (width, 0), (width, height), (0, height)]),
                                         np.float32(corners))  # fmt: skip
    return Image.fromarray(cv2.warpPerspective(page, matrix, (1200, 1600), borderValue=desk_grey))


def test_a_light_letterhead_band_is_not_taken_for_the_background() -> None:
    image, corners = crop_to_page(page_with_header(225))
    assert corners == ()
    assert image.size == (827, 1169)


def test_a_page_photographed_on_a_dark_desk_is_cut_out() -> None:
    corners_on_desk = [(150, 180), (1060, 120), (1100, 1480), (110, 1430)]
    desk = on_desk(np.asarray(page_with_header(225)), corners_on_desk, desk_grey=70)
    image, corners = crop_to_page(desk)
    assert len(corners) == 8
    top_left = corners[0] * 1200, corners[1] * 1600
    assert abs(top_left[0] - 150) < 25 and abs(top_left[1] - 180) < 25
    # The header band survives the cut: the top of the result is grey, not the desk.
    assert 200 < image.getpixel((image.width // 2, 40)) < 250


def test_a_page_lit_from_one_side_on_a_grey_desk_is_cut_out() -> None:
    # The light falls off towards the top left: that end of the page is as grey as Otsu's threshold
    # between paper and desk, and the first shape found is not four-sided.
    corners_on_desk = [(150, 260), (1040, 120), (1100, 1480), (90, 1430)]
    page = np.asarray(page_with_header(245)).astype(np.float32)
    ys, xs = np.mgrid[0 : page.shape[0], 0 : page.shape[1]]
    shade = 0.7 + 0.3 * np.clip((xs / page.shape[1] + ys / page.shape[0]) / 1.2, 0, 1)
    desk = on_desk((page * shade).astype(np.uint8), corners_on_desk, desk_grey=135)
    _, corners = crop_to_page(desk)
    assert len(corners) == 8
    top_left = corners[0] * 1200, corners[1] * 1600
    assert abs(top_left[0] - 150) < 30 and abs(top_left[1] - 260) < 30
