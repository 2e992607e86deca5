"""Ingest: the real type from the bytes, skipped files listed with a reason, pages opened one by one."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from dossiercheck.ingest import UnreadableFile, count_pages, discover, read_page
from tests.conftest import text_page


def jpeg_bytes(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", **options)
    return buffer.getvalue()


def test_type_comes_from_bytes_not_name(tmp_path: Path) -> None:
    page = text_page(["hello"])
    (tmp_path / "scan.pdf").write_bytes(jpeg_bytes(page))  # a JPEG named .pdf
    page.save(tmp_path / "IMG_2041", "PNG")  # no extension
    (tmp_path / "notes.jpg").write_text("just some text\n")  # text named .jpg
    files, skipped = discover(tmp_path)
    assert {f.rel: f.mime for f in files} == {"IMG_2041": "image/png", "scan.pdf": "image/jpeg"}
    assert [s.file for s in skipped] == ["notes.jpg"]
    assert "text file" in skipped[0].reason


def test_hidden_own_outputs_and_outside_links_are_listed_as_skipped(tmp_path: Path) -> None:
    text_page(["x"]).save(tmp_path / "a.png")
    (tmp_path / ".DS_Store").write_bytes(b"\0\1")
    (tmp_path / ".git").mkdir()
    (tmp_path / "dossiercheck-report.json").write_text("{}")
    os.symlink("/etc", tmp_path / "etc-link")
    os.symlink("/etc/hostname", tmp_path / "hostname")
    os.symlink(tmp_path / "a.png", tmp_path / "same.png")
    (tmp_path / "empty.jpg").write_bytes(b"")
    (tmp_path / "dossier.yaml").write_text("profile: visa-d/employee\n")
    files, skipped = discover(tmp_path)
    assert [f.rel for f in files] == ["a.png"]
    reasons = {s.file: s.reason for s in skipped}
    assert set(reasons) == {".DS_Store", ".git/", "dossiercheck-report.json", "etc-link/", "hostname",
                            "same.png", "empty.jpg"}
    assert "outside" in reasons["hostname"]
    assert "empty" in reasons["empty.jpg"]


def test_multipage_tiff_is_one_file_with_its_pages(tmp_path: Path) -> None:
    pages = [text_page([f"page {i}"]) for i in range(3)]
    pages[0].save(tmp_path / "multi.tif", save_all=True, append_images=pages[1:], compression="tiff_deflate")
    (source,), _ = discover(tmp_path)
    assert source.mime == "image/tiff"
    assert count_pages(source).pages == 3
    third = read_page(source.path, source.mime, 2)
    assert third.image is not None and third.image.size == pages[2].size


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    page = text_page(["upright"], size=(400, 600))
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated: viewers turn it 90° clockwise
    rotated = page.rotate(90, expand=True)  # what a phone stores for orientation 6
    (tmp_path / "phone.jpg").write_bytes(jpeg_bytes(rotated, exif=exif.tobytes()))
    (source,), _ = discover(tmp_path)
    image = read_page(source.path, source.mime, 0).image
    assert image is not None and image.size == (400, 600)


def test_pdf_text_layer_is_used_and_image_pages_are_rendered(tmp_path: Path) -> None:
    scan = text_page(["scanned"]).convert("RGB")
    scan.save(tmp_path / "scan.pdf", "PDF", resolution=150)
    (source,), _ = discover(tmp_path)
    page = read_page(source.path, source.mime, 0)
    assert page.text is None and page.image is not None
    assert abs(page.image.width - 1240 * 200 / 150) < 5  # rendered at 200 dpi


def test_card_sized_pdf_page_is_rendered_at_its_pictures_resolution(tmp_path: Path) -> None:
    # A scanning app's crop of a passport page: 343 pixels over 82 points (300 dpi). At 200 dpi it
    # would come out 229 pixels wide and lose a third of the MRZ's detail.
    Image.new("RGB", (343, 250), "white").save(tmp_path / "passport.pdf", "PDF", resolution=300)
    (source,), _ = discover(tmp_path)
    page = read_page(source.path, source.mime, 0)
    assert page.image is not None and abs(page.image.width - 343) <= 2


def test_broken_files_are_unreadable_not_crashes(tmp_path: Path) -> None:
    good = jpeg_bytes(text_page(["x"]))
    (tmp_path / "truncated.jpg").write_bytes(good[:200])
    scan = text_page(["secret"]).convert("RGB")
    buffer = io.BytesIO()
    scan.save(buffer, "PDF")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with (tmp_path / "locked.pdf").open("wb") as out:
        writer.write(out)
    (tmp_path / "fake.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(300))
    files, _ = discover(tmp_path)
    reasons = {}
    for source in files:
        try:
            count_pages(source)
            read_page(source.path, source.mime, 0)
            reasons[source.rel] = None
        except UnreadableFile as exc:
            reasons[source.rel] = str(exc)
        except Exception as exc:  # noqa: BLE001 - what read_page raises is caught per page by the OCR stage
            reasons[source.rel] = type(exc).__name__
    assert "password" in reasons["locked.pdf"]
    assert reasons["fake.pdf"] and "PDF" in reasons["fake.pdf"]
    assert reasons["truncated.jpg"] is not None


def test_a_heic_photo_that_cannot_be_decoded_here_is_skipped_with_what_to_do(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """pillow-heif installed but broken: found out when the photo is opened (discovery only looks for the
    package, so that a cached re-run never imports it), and said in the same words."""
    import pillow_heif

    from dossiercheck.ingest import formats, images
    from dossiercheck.pipeline.read import ReadOptions, read_folder

    pillow_heif.register_heif_opener()
    text_page(["CERTIFICAT MEDICAL"]).convert("RGB").save(tmp_path / "photo.heic", format="HEIF")
    broken = formats.OptionalFormat("HEIC/HEIF photos", False, "pillow-heif is broken here (test): reinstall it")
    monkeypatch.setattr(formats, "heif_support", lambda: broken)
    monkeypatch.setattr(images, "heif_support", lambda: broken)
    files, skipped = discover(tmp_path)
    assert [f.rel for f in files] == ["photo.heic"] and not skipped
    readings, unread = read_folder(tmp_path, ReadOptions(jobs=1, use_cache=False))
    assert not readings
    assert [s.file for s in unread] == ["photo.heic"]
    assert "HEIC photos cannot be read on this computer" in unread[0].reason and "reinstall" in unread[0].reason
