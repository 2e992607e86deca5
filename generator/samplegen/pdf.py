"""Minimal PDF writing: born-digital pages with a text layer, and scanned pages as JPEG images.

Written by hand (about a hundred lines) rather than through a PDF library, so the output is
byte-for-byte deterministic, carries a fixed creation date and adds no dependency.
"""

from __future__ import annotations

import io

from PIL import Image

from .canvas import PageSpec, font

BASE14 = {
    "sans": "Helvetica",
    "sans-bold": "Helvetica-Bold",
    "narrow": "Helvetica",
    "narrow-bold": "Helvetica-Bold",
    "dejavu": "Helvetica",
    "dejavu-bold": "Helvetica-Bold",
    "condensed": "Helvetica",
    "condensed-bold": "Helvetica-Bold",
    "serif": "Times-Roman",
    "serif-bold": "Times-Bold",
    "dejavu-serif": "Times-Roman",
    "dejavu-serif-bold": "Times-Bold",
    "italic": "Times-Italic",
    "mono": "Courier",
    "mono-bold": "Courier-Bold",
    "ocrb": "Courier",
}
FIXED_DATE = "D:20260101000000Z"


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class _Writer:
    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def stream(self, entries: bytes, data: bytes) -> int:
        """A stream object; `entries` are its dictionary's keys other than /Length."""
        return self.add(b"<< " + entries + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")

    def finish(self, root: int, title: str) -> bytes:
        info = self.add(
            b"<< /Producer (dossiercheck samples) /Title ("
            + _escape(title)
            + b") /CreationDate ("
            + FIXED_DATE.encode()
            + b") /ModDate ("
            + FIXED_DATE.encode()
            + b") >>"
        )
        out = io.BytesIO()
        out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, start=1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1))
        for off in offsets:
            out.write(b"%010d 00000 n \n" % off)
        out.write(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(self.objects) + 1, root, info, xref)
        )
        return out.getvalue()


def _page_tree(w: _Writer, page_ids: list[int], pages_id: int) -> int:
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    w.objects[pages_id - 1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids)
    return w.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)


def text_pdf(pages: list[PageSpec], title: str) -> bytes:
    """A born-digital PDF: every run becomes real text in a base-14 font."""
    w = _Writer()
    pages_id = w.add(b"")
    names = sorted({BASE14[r.font] for p in pages for r in p.runs} | {"Helvetica"})
    font_ids = {
        n: w.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /" + n.encode() + b" /Encoding /WinAnsiEncoding >>")
        for n in names
    }
    res = b"<< /Font << " + b" ".join(b"/F%d %d 0 R" % (i, font_ids[n]) for i, n in enumerate(names)) + b" >> >>"
    page_ids = []
    for spec in pages:
        k = 72.0 / spec.dpi
        pw, ph = spec.width * k, spec.height * k
        ops = [b"0.16 0.16 0.16 RG"]
        for mark in spec.marks:
            if mark[0] == "line":
                ops.append(
                    b"%.2f w %.2f %.2f m %.2f %.2f l S"
                    % (mark[5] * k, mark[1] * k, ph - mark[2] * k, mark[3] * k, ph - mark[4] * k)
                )
            elif mark[0] == "rect" and mark[5] is not None:
                ops.append(
                    b"0.8 w %.2f %.2f %.2f %.2f re S"
                    % (mark[1] * k, ph - mark[4] * k, (mark[3] - mark[1]) * k, (mark[4] - mark[2]) * k)
                )
        ops.append(b"0.08 0.08 0.08 rg")
        for run in spec.runs:
            ascent = font(run.font, run.size).getmetrics()[0]
            fid = names.index(BASE14[run.font])
            ops.append(
                b"BT /F%d %.2f Tf %.2f %.2f Td (" % (fid, run.size * k, run.x * k, ph - (run.y + ascent) * k)
                + _escape(run.text)
                + b") Tj ET"
            )
        content = w.stream(b"", b"\n".join(ops))
        page_ids.append(
            w.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources " % (pages_id, pw, ph)
                + res
                + b" /Contents %d 0 R >>" % content
            )
        )
    return w.finish(_page_tree(w, page_ids, pages_id), title)


def image_pdf(images: list[Image.Image], dpi: int, quality: int = 75) -> bytes:
    """A scanned PDF: one JPEG per page, no text layer."""
    w = _Writer()
    pages_id = w.add(b"")
    page_ids = []
    for img in images:
        rgb = img.convert("RGB")
        buf = io.BytesIO()
        rgb.save(buf, "JPEG", quality=quality)
        data = buf.getvalue()
        xo = w.stream(
            b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /DCTDecode" % rgb.size,
            data,
        )
        pw, ph = rgb.width * 72.0 / dpi, rgb.height * 72.0 / dpi
        content = w.stream(b"", b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph))
        page_ids.append(
            w.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] " % (pages_id, pw, ph)
                + b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (xo, content)
            )
        )
    return w.finish(_page_tree(w, page_ids, pages_id), "scan")
