"""Make a page image easy for Tesseract: grey, upright, straight, even light, sensible size.

Phone photos arrive at 12 MP with shadows; flatbed scans at 150-600 dpi; card photos at a
few hundred pixels. Tesseract reads best around 200-300 dpi with a flat background.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

# The long side of the page image that OCR sees: about an A4 page at 200-300 dpi.
TARGET_LONG_SIDE = 2400
MIN_LONG_SIDE = 1600
# An MRZ band: 2% of its pixels are surely ink, the 90th percentile is surely paper.
INK_PAPER_PERCENTILES = (2.0, 90.0)
MAX_SKEW = 6.0  # degrees; larger angles are left to OSD (90° steps) or are not skew


def to_grey(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def normalise_size(image: Image.Image) -> Image.Image:
    """Downscale huge photos and upscale small card pictures towards the target size."""
    long_side = max(image.size)
    if long_side > TARGET_LONG_SIDE * 1.15:
        scale = TARGET_LONG_SIDE / long_side
    elif long_side < MIN_LONG_SIDE:
        scale = min(3.0, MIN_LONG_SIDE / long_side)
    else:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.BICUBIC)


def flatten_light(image: Image.Image) -> Image.Image:
    """Divide by the page's background so shadows and uneven light do not become ink."""
    grey = np.asarray(image, dtype=np.uint8)
    if grey.size == 0 or min(grey.shape) < 16:
        return image
    # The background is what remains after closing away text strokes at a coarse scale.
    small = cv2.resize(grey, (max(8, grey.shape[1] // 8), max(8, grey.shape[0] // 8)), interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    background = cv2.GaussianBlur(background, (0, 0), 3)
    background = cv2.resize(background, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(grey, np.maximum(background, 1), scale=255)
    # Stretch contrast, ignoring the extreme 0.5% on each side (dust, glare).
    return Image.fromarray(stretch_levels(flat, (0.5, 99.5)))


def stretch_levels(grey: np.ndarray, percentiles: tuple[float, float]) -> np.ndarray:
    """Map the dark and light percentiles to black and white; a flat image is left as it is
    (stretching noise would invent ink)."""
    low, high = np.percentile(grey, percentiles)
    if high - low < 10:
        return grey
    # A look-up table of 256 levels: no floating-point copy of the page (16 MB for an A4 at 200 dpi).
    table = np.clip((np.arange(256, dtype=np.float32) - low) * (255.0 / (high - low)), 0, 255).astype(np.uint8)
    return cv2.LUT(np.ascontiguousarray(grey, dtype=np.uint8), table)


def estimate_skew(image: Image.Image) -> float:
    """Small rotation of the text lines, in degrees (positive: rotate counter-clockwise to fix).

    Projection profile: the angle at which row sums of ink vary the most is the one at which
    text lines are horizontal. Done on a ~1000 px copy, and on the ink's coordinates rather than on
    turned copies of the picture: each angle tried is a projection of the ink pixels onto the turned
    vertical axis (what `warpAffine` about the centre then row sums gave, 4x faster: ~15 ms a page).
    """
    grey: np.ndarray = np.asarray(image, dtype=np.uint8)
    scale = 1000 / max(grey.shape)
    if scale < 1:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if ink.mean() < 1:  # blank page
        return 0.0
    height = ink.shape[0]
    ys, xs = np.nonzero(ink)
    across = xs.astype(np.float32) - ink.shape[1] / 2
    down = ys.astype(np.float32) - height / 2

    def score(angle: float) -> float:
        radians = np.deg2rad(angle)
        # The row each ink pixel lands on once the picture is turned by `angle` about its centre.
        rows = np.rint(down * np.cos(radians) - across * np.sin(radians) + height / 2).astype(np.int64)
        sums = np.bincount(rows[(rows >= 0) & (rows < height)], minlength=height).astype(np.float64)
        return float(np.var(np.diff(sums)))

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    best = max(fine, key=score)
    return float(round(best, 1))


def rotate(image: Image.Image, degrees: float) -> Image.Image:
    """Rotate counter-clockwise by `degrees`, growing the canvas and filling with white."""
    if not degrees:
        return image
    fill = 255 if image.mode == "L" else (255, 255, 255)
    exact = degrees % 90 == 0
    return image.rotate(
        degrees, expand=True, fillcolor=fill, resample=Image.Resampling.NEAREST if exact else Image.Resampling.BICUBIC
    )


def downscaled(image: Image.Image, long_side: int) -> Image.Image:
    scale = long_side / max(image.size)
    if scale >= 1:
        return image
    return image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.Resampling.BILINEAR
    )


def crop_to_page(image: Image.Image) -> tuple[Image.Image, tuple[float, ...]]:
    """Cut a photographed page (or card) out of its background and square it up.

    Phone photos show the page at an angle on a desk; the desk's texture reads as noise and the
    perspective bends the text lines. When a bright four-sided shape clearly stands out (between
    20% and 95% of the picture), it is warped to a rectangle. Returns the image and the corners as
    fractions of the picture's size (empty when the image was left as it is).
    """
    grey = np.asarray(image, dtype=np.uint8)
    if grey.ndim != 2 or min(grey.shape) < 64:
        return image, ()
    scale = min(1.0, 800 / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    blurred = cv2.GaussianBlur(small, (7, 7), 0)
    otsu, _ = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # A page lit from one side is darker at one end: Otsu's threshold may cut that end off the page.
    # Lower thresholds, towards the picture's border (the desk), are tried before giving up.
    desk = float(np.median(np.concatenate([blurred[:4].ravel(), blurred[-4:].ravel(),
                                           blurred[:, :4].ravel(), blurred[:, -4:].ravel()])))  # fmt: skip
    steps = [otsu - k * (otsu - desk) / 4 for k in range(4)] if desk < otsu else [otsu]
    quad = next((q for level in steps if (q := _page_shape(blurred, level)) is not None), None)
    if quad is None:
        return image, ()
    corners = _order_corners(quad.reshape(4, 2).astype(np.float32) / scale)
    fractions = tuple(round(float(v), 5) for x, y in corners for v in (x / grey.shape[1], y / grey.shape[0]))
    warped = warp_to_quad(image, fractions)
    return (warped, fractions) if warped is not image else (image, ())


def _page_shape(blurred: np.ndarray, level: float) -> np.ndarray | None:
    """The four corners of the bright shape above `level`, if it is a page standing out on a background."""
    _, bright = cv2.threshold(blurred, level, 255, cv2.THRESH_BINARY)
    bright = cv2.morphologyEx(bright, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    largest = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(largest) / (blurred.shape[0] * blurred.shape[1])
    if not 0.2 <= area <= 0.95:
        return None
    quad = cv2.approxPolyDP(largest, 0.02 * cv2.arcLength(largest, True), True)
    if len(quad) != 4 or not cv2.isContourConvex(quad) or not _stands_out(blurred, quad):
        return None
    return quad


# A desk, a table or a scanner lid around a photographed page is much darker than the paper; a light
# letterhead band or a grey form box on a scanned page is not, and must not be cut off as background.
_BACKGROUND_CONTRAST = 60  # grey levels between the paper and what lies outside it
_EDGE = 0.02  # a side of the shape this close to the picture's border touches it


def _stands_out(blurred: np.ndarray, quad: np.ndarray) -> bool:
    """Whether the bright shape is a page on a background, not a band of the page itself.

    The outside must be clearly darker than the inside, and show on two sides at least: a shape that
    touches three borders of the picture only cuts a strip (a coloured header) off a page that fills it.
    """
    height, width = blurred.shape
    mask = np.zeros_like(blurred)
    cv2.fillConvexPoly(mask, quad.reshape(-1, 2).astype(np.int32), 255)
    inside, outside = blurred[mask > 0], blurred[mask == 0]
    if outside.size == 0 or float(np.median(inside)) - float(np.median(outside)) < _BACKGROUND_CONTRAST:
        return False
    xs, ys = quad[:, 0, 0], quad[:, 0, 1]
    touching = sum((xs.min() <= _EDGE * width, xs.max() >= (1 - _EDGE) * width - 1,
                    ys.min() <= _EDGE * height, ys.max() >= (1 - _EDGE) * height - 1))  # fmt: skip
    return touching <= 2


def warp_to_quad(image: Image.Image, fractions: tuple[float, ...]) -> Image.Image:
    """Warp the part of the picture inside the quadrilateral (corners as fractions) to a rectangle."""
    if len(fractions) != 8:
        return image
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    height_px, width_px = grey.shape
    corners = np.array(
        [[fractions[i] * width_px, fractions[i + 1] * height_px] for i in range(0, 8, 2)], dtype=np.float32
    )
    top_left, top_right, bottom_right, bottom_left = corners
    width = int(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    height = int(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    if width < 16 or height < 16:
        return image
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    return Image.fromarray(cv2.warpPerspective(grey, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255))


def _order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    sums = points.sum(axis=1)
    diffs = np.diff(points, axis=1).ravel()
    return np.array(
        [points[np.argmin(sums)], points[np.argmin(diffs)], points[np.argmax(sums)], points[np.argmax(diffs)]],
        dtype=np.float32,
    )
