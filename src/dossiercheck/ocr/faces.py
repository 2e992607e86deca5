"""Count faces on a page, to recognise ID photos (a face and no text).

OpenCV's frontal-face Haar cascade ships inside the opencv-python-headless wheel, so it runs
offline and needs no model download.
"""

from __future__ import annotations

import functools

import cv2
import numpy as np
from PIL import Image


@functools.lru_cache(maxsize=1)
def _cascade() -> cv2.CascadeClassifier | None:
    path = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"  # type: ignore[attr-defined]
    cascade = cv2.CascadeClassifier(path)
    return None if cascade.empty() else cascade


def count_faces(image: Image.Image) -> int:
    """Faces of a sensible size (at least 1/12 of the short side), as found at two scales.

    The cascade is sensitive to scale (a face can be missed at 800 px and found at 400), so the
    page is tried at two sizes and the larger count wins.
    """
    cascade = _cascade()
    if cascade is None:
        return 0
    source = np.asarray(image.convert("L"), dtype=np.uint8)
    best = 0
    for long_side in (400, 800):
        scale = long_side / max(source.shape)
        grey = cv2.resize(
            source, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        )
        grey = cv2.equalizeHist(grey)
        min_side = max(24, min(grey.shape) // 12)
        faces = cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(min_side, min_side))
        best = max(best, len(faces))
    return best
