"""A drawn head and shoulders that a Haar frontal-face cascade accepts as a face.

No photo of a real person ships with the project, so ID photos and passport portraits are
drawn: shaded skin, dark eye sockets under brows, a lit nose bridge, a mouth. Those are the
light/dark contrasts the Viola-Jones features look for, so the face detector finds it.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

SKIN = ((233, 196, 170), (205, 160, 125), (170, 120, 85), (120, 82, 58), (240, 208, 185))
HAIR = ((30, 24, 20), (70, 45, 30), (120, 90, 50), (15, 15, 15), (160, 130, 90))
BACKGROUNDS = ((236, 238, 240), (222, 228, 236), (245, 245, 245), (214, 222, 230))
CLOTHES = ((40, 50, 80), (60, 60, 60), (110, 30, 40), (30, 80, 70), (200, 200, 205))


def draw_portrait(width: int, height: int, rng: random.Random) -> Image.Image:
    """An ICAO-like portrait: plain background, head about 70 % of the height, shoulders."""
    scale = 4  # draw large and shrink, for smooth edges
    w, h = width * scale, height * scale
    bg = rng.choice(BACKGROUNDS)
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR)
    cx = w // 2 + rng.randint(-w // 40, w // 40)
    face_w = int(w * rng.uniform(0.50, 0.56))
    face_h = int(face_w * 1.32)
    top = int(h * 0.17)
    # Shoulders and neck.
    d.ellipse([cx - int(w * 0.62), int(h * 0.80), cx + int(w * 0.62), int(h * 1.45)], fill=rng.choice(CLOTHES))
    neck_w = face_w // 3
    d.rectangle([cx - neck_w // 2, top + int(face_h * 0.8), cx + neck_w // 2, int(h * 0.88)], fill=_shade(skin, 0.85))
    # Hair behind the head, then the face.
    d.ellipse(
        [cx - face_w // 2 - w // 30, top - h // 25, cx + face_w // 2 + w // 30, top + int(face_h * 0.75)], fill=hair
    )
    d.ellipse([cx - face_w // 2, top, cx + face_w // 2, top + face_h], fill=skin)
    # Hairline over the forehead.
    d.chord([cx - face_w // 2, top - face_h // 10, cx + face_w // 2, top + face_h // 2.6], 180, 360, fill=hair)
    eye_y = top + int(face_h * 0.45)
    eye_dx = int(face_w * 0.21)
    eye_w, eye_h = int(face_w * 0.17), int(face_h * 0.06)
    for side in (-1, 1):
        ex = cx + side * eye_dx
        # Socket shadow, brow, white, iris: the dark band across the eyes matters most.
        d.ellipse([ex - eye_w, eye_y - eye_h * 2, ex + eye_w, eye_y + eye_h * 1.4], fill=_shade(skin, 0.72))
        d.rectangle([ex - eye_w, eye_y - eye_h * 2.6, ex + eye_w, eye_y - eye_h * 1.7], fill=_shade(hair, 1.0))
        d.ellipse(
            [ex - eye_w * 0.75, eye_y - eye_h * 0.7, ex + eye_w * 0.75, eye_y + eye_h * 0.7], fill=(235, 235, 230)
        )
        d.ellipse([ex - eye_h * 0.75, eye_y - eye_h * 0.75, ex + eye_h * 0.75, eye_y + eye_h * 0.75], fill=(40, 30, 25))
    # Nose: a light bridge with shaded sides and nostrils.
    nose_top, nose_bot = eye_y + eye_h, top + int(face_h * 0.68)
    d.polygon([(cx, nose_top), (cx - face_w * 0.07, nose_bot), (cx + face_w * 0.07, nose_bot)], fill=_shade(skin, 0.88))
    d.line([(cx - face_w * 0.03, nose_top), (cx - face_w * 0.03, nose_bot)], fill=_shade(skin, 1.08), width=scale * 3)
    for side in (-1, 1):
        d.ellipse(
            [
                cx + side * face_w * 0.05 - 6 * scale,
                nose_bot - 3 * scale,
                cx + side * face_w * 0.05 + 6 * scale,
                nose_bot + 3 * scale,
            ],
            fill=_shade(skin, 0.55),
        )
    mouth_y = top + int(face_h * 0.80)
    d.chord(
        [cx - face_w * 0.16, mouth_y - face_h * 0.04, cx + face_w * 0.16, mouth_y + face_h * 0.05],
        0,
        180,
        fill=(150, 70, 70),
    )
    d.line([(cx - face_w * 0.16, mouth_y), (cx + face_w * 0.16, mouth_y)], fill=(110, 50, 50), width=scale * 2)
    img = img.resize((width, height), Image.Resampling.LANCZOS).filter(ImageFilter.GaussianBlur(0.8))
    return _shade_light(img, rng)


def _shade(color: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, int(c * factor))) for c in color)  # type: ignore[return-value]


def _shade_light(img: Image.Image, rng: random.Random) -> Image.Image:
    """A soft side light, so no two portraits are flat copies of each other."""
    arr = np.asarray(img).astype(np.float32)
    ramp = np.linspace(rng.uniform(0.9, 1.0), rng.uniform(1.0, 1.08), arr.shape[1], dtype=np.float32)
    arr *= ramp[None, :, None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def count_faces(img: Image.Image) -> int:
    """Faces found by OpenCV's bundled frontal-face cascade (used by the tests)."""
    import cv2

    data_dir = getattr(cv2, "data").haarcascades  # noqa: B009 (cv2.data is untyped)
    cascade = cv2.CascadeClassifier(data_dir + "haarcascade_frontalface_default.xml")
    gray = cv2.cvtColor(np.asarray(img.convert("RGB")), cv2.COLOR_RGB2GRAY)
    side = min(gray.shape)
    found = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=4, minSize=(side // 5, side // 5))
    return len(found)
