"""Laying out a text document's Content on A4 pages, in one of several house styles.

Layouts 0-2 are the default set; 3-4 are used only for the holdout set, so accuracy measured
on holdout documents says something about layouts the classifier was never tuned on.
"""

from __future__ import annotations

import random

from .canvas import PageSpec, text_width, wrap
from .content import LABELS, Content

A4_MM = (210, 297)
DEFAULT_LAYOUTS = (0, 1, 2)
HOLDOUT_LAYOUTS = (3, 4)


def a4(dpi: int) -> PageSpec:
    return PageSpec(round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi), dpi)


def lay_out(
    c: Content, rng: random.Random, dpi: int, fonts: tuple[str, str], holdout: bool, scanned: bool
) -> list[PageSpec]:
    """Pages for the content; marks (stamp, signature) only when the page will be a scan."""
    style = rng.choice(HOLDOUT_LAYOUTS if holdout else DEFAULT_LAYOUTS)
    regular, bold = fonts
    k = dpi / 150
    body = round(rng.choice((21, 22, 23, 24)) * k)
    margin = round(rng.choice((130, 150, 170)) * k)
    pages = [a4(dpi)]
    page = pages[0]
    left = margin + (round(300 * k) if style == 3 else 0)
    width = page.width - left - margin
    bottom = page.height - margin - body * 3

    # Header.
    y = float(margin) * 0.8
    if style == 1 and c.issuer:
        page.marks.append(("rect", 0, 0, page.width, margin + body * 2.2 * len(c.issuer[:3]), None, (228, 232, 238)))
        for line in c.issuer[:3]:
            y = page.text(margin, y, line, bold if line == c.issuer[0] else regular, body)
    elif style == 2:
        for line in c.issuer[:3]:
            y = page.center(y, line, bold, body)
    elif style == 3:
        ys = float(margin)
        page.marks.append(("line", left - 40 * k, margin, left - 40 * k, page.height - margin, max(1, round(2 * k))))
        for line in c.issuer[:3]:
            for part in wrap(line, regular, round(body * 0.85), 250 * k):
                ys = page.text(margin * 0.6, ys, part, regular, round(body * 0.85))
    elif style == 4:
        for line in c.issuer[:3]:
            y = page.right(page.width - margin, y, line, regular, body)
    else:
        for line in c.issuer[:3]:
            y = page.text(margin, y, line, bold if line == c.issuer[0] else regular, body)
    y += body * 1.5

    # Title.
    tsize = round(body * rng.uniform(1.35, 1.7))
    title_lines = wrap(c.title, bold, tsize, width)
    if style in (0, 2):
        if style == 2:
            page.marks.append(
                (
                    "rect",
                    margin - 10 * k,
                    y - 10 * k,
                    page.width - margin + 10 * k,
                    y + tsize * 1.35 * len(title_lines) + 10 * k,
                    (40, 40, 40),
                    None,
                )
            )
        for line in title_lines:
            y = page.center(y, line, bold, tsize)
    else:
        for line in title_lines:
            y = page.text(left, y, line, bold, tsize)
        if style == 1:
            page.marks.append(("line", left, y, left + width * 0.6, y, max(1, round(2 * k))))
    if c.subtitle:
        y = page.center(y, c.subtitle, regular, body)
    y += body * 1.2

    label_w = max((text_width(regular, body, b[1]) for b in c.blocks if b[0] == "f"), default=0) + 30 * k
    label_w = min(label_w, width * 0.45)
    for block in c.blocks:
        needed = body * 1.5 * (1 + (len(block[1]) // 80 if block[0] == "p" else 0))
        if y + needed > bottom:
            page = a4(dpi)
            pages.append(page)
            y = float(margin)
        if block[0] == "p":
            y = page.paragraph(left, y, width, block[1], regular, body)
        elif block[0] == "h":
            y = page.text(left, y + body * 0.3, block[1], bold, body) + body * 0.2
        elif block[0] == "t":
            cols = (0.0, 0.22, 0.78)
            for x, cell in zip(cols, block[1], strict=False):
                page.text(left + x * width, y, str(cell), regular, round(body * 0.92))
            y += body * 1.45
        elif style == 4:
            page.marks.append(("rect", left, y - 6 * k, left + width, y + body * 1.6, (120, 120, 120), None))
            page.text(left + 8 * k, y, block[1], regular, round(body * 0.8))
            page.text(left + label_w, y, block[2], bold, body)
            y += body * 1.9
        elif text_width(regular, body, block[1]) > label_w - 12 * k:
            # A label too long for the column: value on the next line, as long-form certificates do.
            y = page.text(left, y, block[1] + ("" if style == 3 else ":"), regular, body)
            for line in wrap(block[2], bold, body, width - label_w) or [""]:
                y = page.text(left + label_w, y, line, bold, body)
        elif style == 2:
            label = block[1]
            page.text(left, y, label, regular, body)
            dots_x = left + text_width(regular, body, label) + 8 * k
            page.text(dots_x, y, "." * max(0, int((left + label_w - dots_x) / (body * 0.28))), regular, body)
            y = page.text(left + label_w + 10 * k, y, block[2], bold, body)
        else:
            page.text(left, y, block[1] + ("" if style == 3 else ":"), regular, body)
            value_lines = wrap(block[2], bold, body, width - label_w) or [""]
            for line in value_lines:
                y = page.text(left + label_w, y, line, bold, body)
        y += body * 0.15

    # Closing, signature and stamp.
    if y + body * 9 > bottom:
        page = a4(dpi)
        pages.append(page)
        y = float(margin)
    y += body * 1.2
    if c.closing:
        y = page.text(left if style != 4 else page.width / 2, y, c.closing, regular, body)
    if c.signer:
        sig_w = min(260 * k, width / 3)
        sx = page.width - margin - max(text_width(regular, body, c.signer), sig_w) if style != 3 else left
        y += body * 3.2
        if scanned:
            page.marks.append(("signature", sx, y - body * 3, sig_w, body * 2.6, rng.randrange(1 << 30)))
        page.text(sx, y, c.signer, regular, body)
        if scanned and c.stamp:
            page.marks.append(("stamp", sx - 170 * k, y + body * 1.2, rng.uniform(95, 120) * k, c.stamp))
    if c.footer:
        pages[-1].text(margin, page.height - margin * 0.6, c.footer, regular, round(body * 0.75))
    if len(pages) > 1:
        for i, p in enumerate(pages, start=1):
            p.right(
                p.width - margin,
                p.height - margin * 0.6,
                f"{LABELS['page'][c.lang]} {i}/{len(pages)}",
                regular,
                round(body * 0.75),
            )
    return pages
