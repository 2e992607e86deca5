"""Scan and phone-photo effects, each optional and chosen by seed.

Effect names recorded in the truth:
  rotate90/180/270    the stored pixels show the page turned that many degrees clockwise
  exif-orientation-N  the pixels are stored so that EXIF Orientation N (1-8) shows the page upright
  skew, blur, noise, shadow, jpeg-artefacts, grayscale, lowres, phone-photo, on-page
"""

from __future__ import annotations

import random

import cv2
import numpy as np
from PIL import Image, ImageFilter

# The inverse of what a viewer does for each EXIF Orientation value, so the viewer's
# transform brings the stored pixels back upright (values 2, 4, 5, 7 include a mirror).
_STORE_FOR_ORIENTATION = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
_CLOCKWISE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}


def for_orientation(img: Image.Image, value: int) -> Image.Image:
    """Pixels to store with EXIF Orientation `value` so that exif_transpose() gives `img` back."""
    op = _STORE_FOR_ORIENTATION[value]
    return img if op is None else img.transpose(op)


def rotate_clockwise(img: Image.Image, degrees: int) -> Image.Image:
    return img.transpose(_CLOCKWISE[degrees])


def skew(img: Image.Image, rng: random.Random) -> Image.Image:
    angle = rng.choice((-1, 1)) * rng.uniform(0.6, 4.0)
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(246, 246, 244))


def blur(img: Image.Image, rng: random.Random) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.3)))


def noise(img: Image.Image, rng: random.Random) -> Image.Image:
    arr = np.asarray(img).astype(np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 32))
    # Luminance noise only: one channel shared by R, G and B, a third of the random numbers.
    arr += (gen.standard_normal(arr.shape[:2], dtype=np.float32) * rng.uniform(3, 9))[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def shadow(img: Image.Image, rng: random.Random) -> Image.Image:
    """Uneven light: a darker corner fading across the page, as under a desk lamp."""
    w, h = img.size
    sw, sh = max(2, w // 16), max(2, h // 16)  # light varies slowly: compute small, then enlarge
    y, x = np.mgrid[0:sh, 0:sw].astype(np.float32)
    cx, cy = rng.choice((0, sw)), rng.choice((0, sh))
    dist = np.sqrt((x - cx) ** 2 + (y - cy) ** 2) / np.hypot(sw, sh)
    light = np.clip(rng.uniform(0.55, 0.75) + dist * rng.uniform(0.4, 0.6), 0, 1.05).astype(np.float32)
    light = cv2.resize(light, (w, h), interpolation=cv2.INTER_LINEAR)
    arr = np.asarray(img.convert("RGB")).astype(np.float32)
    arr *= light[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def lowres(img: Image.Image, rng: random.Random, card: bool) -> Image.Image:
    """Cards shrink until the MRZ band is about 300 px wide; pages drop to roughly 90-110 dpi."""
    if card:
        target = rng.randint(320, 380)
    else:
        target = round(img.width * rng.uniform(0.55, 0.7))
    k = target / img.width
    return img.resize((target, max(1, round(img.height * k))), Image.Resampling.BILINEAR)


def phone_photo(img: Image.Image, rng: random.Random) -> Image.Image:
    """The page photographed at an angle on a table: perspective, background and light."""
    pad_k = rng.uniform(0.08, 0.16)
    longest = max(img.size) * (1 + 2 * pad_k)
    if longest > 2200:  # keeps phone photos near 2 MP, which is what messaging apps send on anyway
        k = 2200 / longest
        img = img.resize((round(img.width * k), round(img.height * k)), Image.Resampling.BILINEAR)
    w, h = img.size
    pad = round(max(w, h) * pad_k)
    out_w, out_h = w + 2 * pad, h + 2 * pad
    gen = np.random.default_rng(rng.randrange(1 << 32))
    table = np.array(rng.choice(((120, 90, 60), (70, 70, 75), (160, 150, 135), (40, 45, 60))), np.float32)
    grain = gen.standard_normal((out_h // 4 + 1, out_w // 4 + 1), dtype=np.float32) * 8
    bg = table[None, None, :] + cv2.resize(grain, (out_w, out_h), interpolation=cv2.INTER_NEAREST)[..., None]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)

    def jitter() -> float:
        return rng.uniform(-0.7, 0.7) * pad

    dst = np.array(
        [
            [pad + jitter(), pad + jitter()],
            [pad + w + jitter(), pad + jitter()],
            [pad + w + jitter(), pad + h + jitter()],
            [pad + jitter(), pad + h + jitter()],
        ],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(src, dst)
    rgb = np.asarray(img.convert("RGB"))
    warped = cv2.warpPerspective(rgb, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (out_w, out_h))
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    arr = warped.astype(np.float32) * alpha + bg * (1 - alpha)
    return shadow(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)), rng)


def on_page(card: Image.Image, rng: random.Random, dpi: int = 200) -> Image.Image:
    """A card or passport page laid on a flatbed scanner: an A4 sheet at `dpi` with the card near a corner."""
    k = dpi / 300
    small = card.resize((round(card.width * k), round(card.height * k)), Image.Resampling.LANCZOS)
    page = Image.new("RGB", (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)), (250, 250, 250))
    page.paste(small, (rng.randint(40, 200), rng.randint(40, 260)))
    return page


def apply(
    pages: list[Image.Image],
    rng: random.Random,
    card: bool,
    allow_phone: bool = True,
    level: float = 0.5,
    lossless: bool = False,
) -> tuple[list[Image.Image], list[str]]:
    """Chooses and applies effects to every page alike; returns the pages and the effect names.

    No noise on lossless formats: scanners that write PNG/TIFF/BMP clean the page, and noise
    would make such files ten times larger.
    """
    names: list[str] = []
    if card and level > 0 and rng.random() < 0.3:
        pages = [on_page(p, rng) for p in pages]
        names.append("on-page")
        card = False
    phone = allow_phone and rng.random() < level * 0.35
    steps = []
    if not phone and rng.random() < level * 0.5:
        steps.append("skew")
    if rng.random() < level * 0.3:
        steps.append("blur")
    if rng.random() < level * 0.35 and not lossless:
        steps.append("noise")
    if not phone and rng.random() < level * 0.3:
        steps.append("shadow")
    if rng.random() < level * (0.35 if card else 0.15):
        steps.append("lowres")
    if rng.random() < level * 0.2:
        steps.append("grayscale")
    if phone:
        steps.append("phone-photo")
    out = []
    for page in pages:
        for step in steps:
            if step == "skew":
                page = skew(page, rng)
            elif step == "blur":
                page = blur(page, rng)
            elif step == "noise":
                page = noise(page, rng)
            elif step == "shadow":
                page = shadow(page, rng)
            elif step == "lowres":
                page = lowres(page, rng, card)
            elif step == "grayscale":
                page = page.convert("L").convert("RGB")
            elif step == "phone-photo":
                page = phone_photo(page, rng)
        out.append(page)
    return out, names + steps
