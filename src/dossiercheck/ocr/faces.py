"""Count faces on a page, to recognise ID photos (a face and no text).

OpenCV's frontal-face Haar cascade ships inside the opencv-python-headless wheel, so it runs
offline and needs no model download.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

# Two of the cascades OpenCV ships: they miss different faces (lighting, a drawn or retouched face),
# and on a page with little text a face found by either is worth the few milliseconds.
CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_frontalface_alt2.xml")
# The cascade is sensitive to scale (a face missed at 400 px may be found at 300 or 600), so the
# picture is tried at several sizes (long side, in pixels).
SCALES = (300, 400, 600, 800)


_LOCAL = threading.local()  # a cascade per thread: the worker reads pages on several threads at once


def _cascades() -> tuple[cv2.CascadeClassifier, ...]:
    if not hasattr(_LOCAL, "cascades"):
        found = (cv2.CascadeClassifier(cv2.data.haarcascades + name) for name in CASCADES)  # type: ignore[attr-defined]
        _LOCAL.cascades = tuple(cascade for cascade in found if not cascade.empty())
    cascades: tuple[cv2.CascadeClassifier, ...] = _LOCAL.cascades
    return cascades


@dataclass(frozen=True)
class Faces:
    """The faces found on a picture: how many, and the widest one's width as a share of the picture's
    short side (an ID photo's face fills over half of it; the photo on a passport page or a card less
    than a third)."""

    count: int = 0
    widest: float = 0.0


def _faces_upright(source: np.ndarray) -> Faces:
    """Faces of a sensible size (at least 1/12 of the short side), at the first scale and cascade finding any."""
    for long_side in SCALES:
        scale = long_side / max(source.shape)
        grey = cv2.resize(
            source, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        )
        grey = cv2.equalizeHist(grey)
        min_side = max(24, min(grey.shape) // 12)
        for cascade in _cascades():
            faces = cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(min_side, min_side))
            if len(faces):
                return Faces(len(faces), float(max(int(w) for _, _, w, _ in faces)) / min(grey.shape))
    return Faces()


def faces_upright(image: Image.Image) -> Faces:
    """The faces on the picture as it stands (no turns tried)."""
    if not _cascades():
        return Faces()
    return _faces_upright(np.asarray(image.convert("L"), dtype=np.uint8))


def count_faces(image: Image.Image, try_turns: bool = False, upright: Faces | None = None) -> int:
    """Faces on the picture as it stands; with `try_turns`, also on its quarter turns when none is upright.

    A photo has no text to tell which way up it is, and a phone without orientation data or a
    scanner lid puts it on its side: the cascade finds frontal faces only, so each turn is tried.
    `upright`: the faces already found on the picture as it stands (`faces_upright`), not looked for again.
    """
    if not _cascades():
        return 0
    if upright is not None and (upright.count or not try_turns):
        return upright.count
    source = np.asarray(image.convert("L"), dtype=np.uint8)
    found = upright.count if upright is not None else _faces_upright(source).count
    turns = (1, 2, 3) if try_turns else ()
    for quarter in turns:
        if found:
            break
        found = _faces_upright(np.ascontiguousarray(np.rot90(source, quarter))).count
    return found
