"""--max-pages: a long scan is read up to the limit, and the report says what was left unread."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def three_page_scan(path: Path) -> None:
    pages = []
    for number in range(1, 4):
        page = Image.new("RGB", (827, 1169), "white")
        ImageDraw.Draw(page).text((80, 100), f"Annex page {number} of the contract", font=ImageFont.truetype(FONT, 28),
                                  fill="black")  # fmt: skip
        pages.append(page)
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=100)


def test_check_and_batch_read_no_more_than_max_pages(tmp_path: Path) -> None:
    from dossiercheck.cli import main

    client = tmp_path / "clients" / "ada"
    client.mkdir(parents=True)
    three_page_scan(client / "annex.pdf")
    (client / "dossier.yaml").write_text("profile: municipality/registration\nappointment_date: '2027-01-15'\n")

    checked = CliRunner().invoke(main, ["check", str(client), "--format", "json", "--max-pages", "2"])
    assert checked.exit_code in (0, 1), checked.output
    annex = json.loads(checked.stdout)["documents"][0]
    assert annex["pages"] == 2
    assert any("only the first 2 were read" in problem for problem in annex["problems"])

    out = tmp_path / "out"
    args = ["batch", str(tmp_path / "clients"), "--output-dir", str(out), "--max-pages", "1"]
    batched = CliRunner().invoke(main, args)
    assert batched.exit_code in (0, 1), batched.output
    annex = json.loads((out / "ada" / "report.json").read_text())["documents"][0]
    assert annex["pages"] == 1
    assert any("only the first 1 were read" in problem for problem in annex["problems"])
