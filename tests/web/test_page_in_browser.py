"""The page in a real browser (Debian's chromium driven by Playwright): a sample dossier dropped on it gives
the verdict and findings of `dossiercheck check` on the same folder; a replaced file and a typed date change it.

Real tesseract, no mocks: the OCR cache (DOSSIERCHECK_CACHE_DIR, a tmp folder for the test session) is shared
with the `check` run it compares against, so the page reads only what that run has not.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import ARTEFACTS, FAULTY, SAMPLE, Served, start_serve

CHROMIUM = Path("/usr/bin/chromium")
CHECK_SECONDS = 90
playwright_api = pytest.importorskip("playwright.sync_api")


def check_json(folder: Path) -> dict[str, Any]:
    """`dossiercheck check FOLDER --format json`, as the CLI gives it."""
    result = subprocess.run([sys.executable, "-m", "dossiercheck", "check", str(folder), "--format", "json"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    return dict(json.loads(result.stdout))


@pytest.fixture()
def page(tmp_path: Path) -> Iterator[tuple[Any, Served]]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make test installs it)")
    served = start_serve()
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
        tab = context.new_page()
        tab.blocked = []  # type: ignore[attr-defined]
        tab.on("console", lambda m: tab.blocked.append(m.text) if "Content Security Policy" in m.text else None)
        try:
            yield tab, served
        finally:
            browser.close()
            served.stop()


def drop_file(tab: Any, path: Path) -> None:
    """Drag-and-drop, as the browser fires it: a `drop` on the zone carrying the file."""
    data = base64.b64encode(path.read_bytes()).decode()
    tab.evaluate("""([name, data]) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name));
        document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
    }""", [path.name, data])


def statuses(tab: Any) -> dict[str, str]:
    items = tab.locator("li.requirement")
    return {items.nth(i).get_attribute("data-requirement"): items.nth(i).get_attribute("data-status")
            for i in range(items.count())}


def wait_for_verdict(tab: Any, verdict: str) -> None:
    tab.wait_for_selector(f"#verdict[data-verdict={verdict}]", timeout=CHECK_SECONDS * 1000)


def test_a_sample_dossier_gives_the_same_checklist_as_check(page: tuple[Any, Served]) -> None:
    tab, served = page
    expected = check_json(SAMPLE)
    tab.goto(served.url)
    assert "key=" not in tab.url, "the key leaves the address bar"
    dropped = SAMPLE / "photo_2.jpg"
    tab.set_input_files("#files", [str(p) for p in sorted(SAMPLE.iterdir()) if p != dropped])
    tab.wait_for_selector("#file-list li >> nth=7")
    assert tab.input_value("#profile") == "visa-d/employee", "the dossier.yaml filled the form"
    assert tab.input_value("#appointment_date") == "2027-01-15"
    drop_file(tab, dropped)
    tab.wait_for_selector("#file-list li >> nth=8")
    tab.click("#check")
    wait_for_verdict(tab, expected["verdict"])
    assert statuses(tab) == {r["id"]: r["status"] for r in expected["requirements"]}

    passport = tab.locator('li.requirement[data-requirement="passport.validity"]')
    assert "2033-08-17" in passport.locator(".message").inner_text()
    evidence = passport.locator(".evidence-item")
    passport.locator("summary").click()
    assert "Reisepass.png" in evidence.first.inner_text()
    assert evidence.locator("rect.box").count() >= 1, "the date that counted is boxed on the page picture"
    picture = tab.request.get(served.base + evidence.locator("image").first.get_attribute("href"))
    assert picture.ok and picture.headers["content-type"].startswith("image/")
    assert passport.locator(".sources a[href^='https://']").count() >= 1
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTEFACTS / "serve-checklist.png"), full_page=False)

    report = tab.request.get(served.base + tab.get_attribute("#download-json", "href"))
    assert json.loads(report.text())["verdict"] == expected["verdict"]
    assert tab.blocked == [], "nothing was blocked by the page's Content-Security-Policy"


def test_a_replaced_file_and_a_typed_date_change_the_result(page: tuple[Any, Served], tmp_path: Path) -> None:
    tab, served = page
    folder = tmp_path / "visa-d-employee"
    shutil.copytree(SAMPLE, folder)
    tab.goto(served.url)
    tab.set_input_files("#files", [str(p) for p in sorted(folder.iterdir())])
    tab.wait_for_selector("#file-list li >> nth=8")
    tab.click("#check")
    wait_for_verdict(tab, "complete")

    with tab.expect_file_chooser() as chooser:
        tab.click('button[data-action=replace][data-path="police_clearance.png"]')
    chooser.value.set_files(str(FAULTY / "police_clearance.png"))  # an old certificate of good conduct
    wait_for_verdict(tab, "incomplete")
    assert statuses(tab)["good_conduct.age"] == "fail"

    tab.select_option("#given-file", "police_clearance.png")
    tab.select_option("#given-field", "issue")
    tab.fill("#given-value", "2026-12-01")
    tab.click("#given-form button[type=submit]")
    wait_for_verdict(tab, "complete")
    assert "2026-12-01" in tab.inner_text('li.requirement[data-requirement="good_conduct.age"]')
    yaml_text = tab.request.get(served.base + tab.get_attribute("#download-yaml", "href")).text()
    assert "police_clearance.png:" in yaml_text and "issue: '2026-12-01'" in yaml_text

    session = tab.get_attribute("body", "data-session")
    assert (served.root / session).is_dir()
    tab.click("#end")
    tab.wait_for_selector("#ended")
    assert not (served.root / session).exists(), "ending the page deletes its files"


def test_the_page_is_worded_in_french_and_keeps_its_files_across_the_switch(page: tuple[Any, Served]) -> None:
    tab, served = page
    tab.goto(served.url)
    tab.set_input_files("#files", str(SAMPLE / "photo_2.jpg"))
    tab.wait_for_selector("#file-list li")
    tab.select_option("#lang", "fr")
    tab.wait_for_selector("html[lang=fr]")
    tab.wait_for_selector("#file-list li")
    assert "Vérifiez votre dossier" in tab.inner_text("h1")
    assert tab.locator("#file-list li").count() == 1
