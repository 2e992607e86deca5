"""Which file types the tool reads, told from their bytes, and the optional readers some of them need.

HEIC/HEIF photos need pillow-heif's opener registered with Pillow. That is done the first time such a
photo is opened, not when this module is imported; when pillow-heif is missing or broken, HEIC files
are listed as not read with that reason, and `dossiercheck --version` says so: never silently off.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

IMAGE_MIMES = {
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
    "image/tiff": "TIFF image",
    "image/heic": "HEIC photo",
    "image/heif": "HEIF photo",
    "image/webp": "WebP image",
    "image/bmp": "BMP image",
    "image/x-ms-bmp": "BMP image",
}
HEIF_MIMES = ("image/heic", "image/heif")
JPEG_MIME = "image/jpeg"
PDF_MIME = "application/pdf"
# Formats whose several frames are an animation, not pages (a multi-page TIFF is pages).
ANIMATED_FORMATS = ("WEBP", "PNG")

_WHAT = {
    "text/plain": "a text file",
    "application/zip": "a ZIP archive",
    "application/x-executable": "a program",
    "application/x-dosexec": "a Windows program",
    "image/svg+xml": "an SVG drawing",
    "image/gif": "a GIF picture",
    "application/x-sharedlib": "a program",
    "application/x-pie-executable": "a program",
    "application/x-mach-binary": "a macOS program",
    "application/x-rar": "a RAR archive",
    "application/gzip": "a compressed archive",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/octet-stream": "not a recognisable document (unknown bytes)",
    "inode/x-empty": "empty",
}


def readable(mime: str) -> bool:
    return mime == PDF_MIME or mime in IMAGE_MIMES


def unsupported_reason(mime: str) -> str:
    what = _WHAT.get(mime, f"of type {mime}")
    return f"not a document the tool can read ({what}): save it as PDF, JPEG, PNG, TIFF, HEIC, WebP or BMP"


@dataclass(frozen=True)
class OptionalFormat:
    """An optional reader: whether it works here, and why not."""

    name: str
    available: bool
    detail: str  # its version, or why it is off and what to do


def heif_installed() -> bool:
    """Whether pillow-heif is installed, without importing it (see `heif_support`)."""
    import importlib.util

    return importlib.util.find_spec("pillow_heif") is not None


@functools.lru_cache(maxsize=1)
def heif_support() -> OptionalFormat:
    """Register pillow-heif's opener with Pillow (once per process) and say whether HEIC can be read."""
    try:
        import pillow_heif
    except ImportError as exc:
        return OptionalFormat("HEIC/HEIF photos", False,
                              f"pillow-heif cannot be imported ({exc}): reinstall dossiercheck, "
                              "or convert the photos to JPEG")
    try:
        pillow_heif.register_heif_opener()
    except (RuntimeError, OSError, ValueError) as exc:  # a broken libheif inside the wheel
        return OptionalFormat("HEIC/HEIF photos", False, f"pillow-heif is broken here ({exc}): reinstall it")
    return OptionalFormat("HEIC/HEIF photos", True, f"pillow-heif {getattr(pillow_heif, '__version__', '?')}")


def heif_unavailable_reason() -> str:
    support = heif_support()
    return f"HEIC photos cannot be read on this computer: {support.detail}"


def optional_formats() -> tuple[OptionalFormat, ...]:
    """Every optional reader and its state, for `dossiercheck --version`."""
    return (heif_support(), aes_support())


@functools.lru_cache(maxsize=1)
def aes_support() -> OptionalFormat:
    """pypdf opens AES-encrypted PDFs (those without a user password) only with `cryptography`."""
    try:
        import cryptography
    except ImportError:
        return OptionalFormat("AES-encrypted PDFs", False,
                              "the cryptography package is missing: reinstall dossiercheck")
    return OptionalFormat("AES-encrypted PDFs", True, f"cryptography {cryptography.__version__}")
