"""Pages as lists of positioned text runs and marks, drawn to pixels or written as PDF text.

One description feeds both back ends, so a born-digital PDF and a scan of the same document
carry the same words at the same places. Liberation fonts are metric-compatible with the PDF
base-14 fonts, so line breaks measured with Pillow hold in the PDF too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

_LIB = "/usr/share/fonts/truetype/liberation/"
_DJV = "/usr/share/fonts/truetype/dejavu/"
FONT_FILES = {
    "sans": _LIB + "LiberationSans-Regular.ttf",
    "sans-bold": _LIB + "LiberationSans-Bold.ttf",
    "serif": _LIB + "LiberationSerif-Regular.ttf",
    "serif-bold": _LIB + "LiberationSerif-Bold.ttf",
    "mono": _LIB + "LiberationMono-Regular.ttf",
    "mono-bold": _LIB + "LiberationMono-Bold.ttf",
    "narrow": _LIB + "LiberationSansNarrow-Regular.ttf",
    "narrow-bold": _LIB + "LiberationSansNarrow-Bold.ttf",
    "dejavu": _DJV + "DejaVuSans.ttf",
    "dejavu-bold": _DJV + "DejaVuSans-Bold.ttf",
    "dejavu-serif": _DJV + "DejaVuSerif.ttf",
    "dejavu-serif-bold": _DJV + "DejaVuSerif-Bold.ttf",
    "condensed": _DJV + "DejaVuSansCondensed.ttf",
    "condensed-bold": _DJV + "DejaVuSansCondensed-Bold.ttf",
    "italic": _LIB + "LiberationSerif-Italic.ttf",
    "ocrb": "/usr/share/fonts/opentype/ocr-b/OCRB.otf",
}
# (regular, bold) pairs. The holdout set never shares a family with the default set.
FONT_SETS = (("sans", "sans-bold"), ("serif", "serif-bold"), ("dejavu", "dejavu-bold"))
HOLDOUT_FONT_SETS = (("dejavu-serif", "dejavu-serif-bold"), ("narrow", "narrow-bold"), ("condensed", "condensed-bold"))
# Born-digital PDFs can only use families with a base-14 twin.
PDF_FONT_SETS = (("sans", "sans-bold"), ("serif", "serif-bold"))
HOLDOUT_PDF_FONT_SETS = (("mono", "mono-bold"),)


@lru_cache(maxsize=256)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_FILES[name], size)


def text_width(name: str, size: int, text: str) -> float:
    return font(name, size).getlength(text)


def wrap(text: str, name: str, size: int, width: float) -> list[str]:
    """Greedy line breaking by measured width."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and text_width(name, size, trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


@dataclass
class Run:
    """A line of text whose top-left corner is at (x, y) pixels."""

    x: float
    y: float
    text: str
    font: str
    size: int
    color: tuple[int, int, int] = (20, 20, 20)


@dataclass
class PageSpec:
    width: int
    height: int
    dpi: int
    runs: list[Run] = field(default_factory=list)
    # ("line", x0, y0, x1, y1, width) | ("rect", x0, y0, x1, y1, outline, fill) | raster-only marks:
    # ("stamp", cx, cy, r, text) | ("signature", x, y, w, h, seed) | ("image", x, y, PIL.Image)
    marks: list[tuple[Any, ...]] = field(default_factory=list)
    background: tuple[int, int, int] = (255, 255, 255)

    def text(
        self, x: float, y: float, text: str, name: str, size: int, color: tuple[int, int, int] = (20, 20, 20)
    ) -> float:
        """Adds a run and returns the y of the next line."""
        self.runs.append(Run(x, y, text, name, size, color))
        return y + size * 1.35

    def right(self, x_right: float, y: float, text: str, name: str, size: int) -> float:
        return self.text(x_right - text_width(name, size, text), y, text, name, size)

    def center(self, y: float, text: str, name: str, size: int) -> float:
        return self.text((self.width - text_width(name, size, text)) / 2, y, text, name, size)

    def paragraph(
        self, x: float, y: float, width: float, text: str, name: str, size: int, leading: float = 1.4
    ) -> float:
        for line in wrap(text, name, size, width):
            self.runs.append(Run(x, y, line, name, size))
            y += size * leading
        return y + size * 0.5


def render(spec: PageSpec) -> Image.Image:
    """The page in pixels, marks included."""
    img = Image.new("RGB", (spec.width, spec.height), spec.background)
    draw = ImageDraw.Draw(img)
    for mark in spec.marks:
        kind = mark[0]
        if kind == "line":
            draw.line([mark[1:3], mark[3:5]], fill=(40, 40, 40), width=int(mark[5]))
        elif kind == "rect":
            draw.rectangle(list(mark[1:5]), outline=mark[5], fill=mark[6])
        elif kind == "image":
            img.paste(mark[3], (int(mark[1]), int(mark[2])))
    for run in spec.runs:
        draw.text((run.x, run.y), run.text, font=font(run.font, run.size), fill=run.color)
    for mark in spec.marks:
        if mark[0] == "stamp":
            _stamp(img, *mark[1:])
        elif mark[0] == "signature":
            _signature(draw, *mark[1:])
    return img


def _stamp(img: Image.Image, cx: float, cy: float, r: float, text: str) -> None:
    """A round rubber stamp in translucent blue, partly over the text as real ones are."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    color = (40, 60, 170, 150)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=max(2, int(r / 18)))
    d.ellipse([cx - r * 0.72, cy - r * 0.72, cx + r * 0.72, cy + r * 0.72], outline=color, width=max(1, int(r / 30)))
    f = font("sans-bold", max(8, int(r / 4.5)))
    for i, word in enumerate([w for w in text.split() if len(w) > 3][:3]):
        w = f.getlength(word)
        d.text((cx - w / 2, cy - r * 0.35 + i * r * 0.28), word, font=f, fill=color)
    img.paste(layer, (0, 0), layer)


def _signature(draw: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, seed: int) -> None:
    """A handwritten-looking scribble: a few connected loops."""
    rng = random.Random(seed)
    points = []
    steps = 40
    for i in range(steps):
        t = i / (steps - 1)
        points.append(
            (
                x + t * w + rng.uniform(-w * 0.03, w * 0.03),
                y + h / 2 + (h / 2.2) * (rng.random() - 0.5) * 2 * (1 - t * 0.4),
            )
        )
    draw.line(points, fill=(20, 30, 110), width=max(2, int(h / 18)), joint="curve")
