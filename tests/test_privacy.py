"""Privacy: the dossier is never written to, nothing leaves the machine, personal numbers are
masked, the HTML holds thumbnails only, and the cache holds text in private folders or nothing."""

from __future__ import annotations

import ast
import base64
import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from dossiercheck.models import Document, Mrz, MrzCheck, Report, RequirementResult, Skipped
from dossiercheck.reporters import RENDERER_MODULES, render_report
from dossiercheck.reporters.plain import mask_text, masked_report, report_plain
from tests.conftest import GOOD_CONDUCT_LINES, text_page
from tests.pdfs import text_pdf

SRC = Path(__file__).resolve().parents[1] / "src" / "dossiercheck"
PROFILE = ("--profile", "visa-d/employee", "--date", "2027-01-15")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dossiercheck", *args], capture_output=True, text=True,
                          env=env or dict(os.environ), timeout=300)


def tree_state(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry's content hash, modification time and mode (access times may change)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else ""
        state[path.relative_to(folder).as_posix()] = (digest, info.st_mtime_ns, info.st_mode)
    info = folder.stat()
    state["."] = ("", info.st_mtime_ns, info.st_mode)
    return state


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("private") / "dossier"
    folder.mkdir()
    text_page(GOOD_CONDUCT_LINES).save(folder / "good-conduct.png")
    (folder / "medical.pdf").write_bytes(text_pdf([
        "CERTIFICAT MEDICAL", "Le medecin soussigne certifie que Monsieur Jan PEETERS",
        "n'est atteint d'aucune des maladies pouvant mettre en danger la sante publique",
        "Fait a Namur, le 12 janvier 2027",
    ]))
    (folder / "notes.txt").write_text("not a document\n")
    return folder


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shared-cache") / "cache"


def env_with(cache: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, DOSSIERCHECK_CACHE_DIR=str(cache), **extra)


# --- the dossier is read-only to the tool ---------------------------------------------------------


def cli_commands(dossier: Path, out: Path) -> list[list[str]]:
    commands = [
        ["check", str(dossier), *PROFILE, "--format", "json"],
        ["check", str(dossier), *PROFILE, "--format", "text", "--format", "html", "--format", "markdown",
         "--format", "junit", "--output-dir", str(out)],
        ["inspect", str(dossier / "good-conduct.png"), "--date", "2027-01-15", "--format", "json"],
        ["inspect", str(dossier / "medical.pdf"), "--date", "2027-01-15"],
    ]
    if "batch" in run_cli("--help").stdout:  # the folder of clients is read-only too
        commands.append(["batch", str(dossier.parent), *PROFILE, "--output-dir", str(out / "batch")])
    return commands


def test_no_command_changes_the_dossier(dossier: Path, shared_cache: Path, tmp_path: Path) -> None:
    before = tree_state(dossier.parent)
    for command in cli_commands(dossier, tmp_path / "out"):
        result = run_cli(*command, env=env_with(shared_cache))
        assert result.returncode in (0, 1), (command, result.stderr)
        assert tree_state(dossier.parent) == before, command
    assert not list(dossier.glob("dossiercheck-*"))


# --- nothing leaves the machine ---------------------------------------------------------------------

NO_NETWORK = '''
import os, socket

_LOG = os.environ["NETWORK_ATTEMPTS_LOG"]


def _refuse(*args, **kwargs):
    with open(_LOG, "a") as log:
        log.write(repr(args[:2]) + "\\n")
    raise OSError("network access is blocked in this test")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
'''


def test_a_run_with_the_network_blocked_succeeds_and_tries_nothing(dossier: Path, shared_cache: Path,
                                                                    tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK)
    attempts = tmp_path / "attempts.log"
    env = env_with(shared_cache, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
                   NETWORK_ATTEMPTS_LOG=str(attempts))
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.getaddrinfo('example.org', 80)"],
                           env=env, capture_output=True, text=True)
    assert probe.returncode != 0 and attempts.exists()  # the block works
    attempts.unlink()
    for command in (["check", str(dossier), *PROFILE, "--format", "json", "--jobs", "2"],
                    ["check", str(dossier), *PROFILE, "--format", "html", "--no-cache"],
                    ["inspect", str(dossier / "good-conduct.png"), "--date", "2027-01-15"]):
        result = run_cli(*command, env=env)
        assert result.returncode in (0, 1), result.stderr
    assert not attempts.exists(), attempts.read_text()


NETWORK_MODULES = {"urllib", "urllib3", "requests", "httpx", "http", "aiohttp", "socket", "ftplib", "smtplib",
                   "telnetlib", "xmlrpc", "websocket", "websockets", "paramiko", "sentry_sdk"}


def test_no_module_imports_a_network_library() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found += [f"{path.relative_to(SRC)}: {n}" for n in names if n.split(".")[0] in NETWORK_MODULES]
    assert found == []


# --- personal numbers are masked -------------------------------------------------------------------

NATIONAL = "90.04.12-123.45"
DOC_NUMBER = "EH4471093"


def report_with_numbers() -> Report:
    mrz = Mrz(format="TD3", document_code="P", issuing_state="BEL", surname="DUPONT", given_names="MARIE",
              document_number=DOC_NUMBER, nationality="BEL", birth=dt.date(1990, 4, 12), sex="F",
              expiry=dt.date(2031, 5, 1), optional="90041212345", checks=(MrzCheck("document_number", True),),
              lines=("P<BELDUPONT<<MARIE" + "<" * 26, f"{DOC_NUMBER}2BEL9004128F310501590041212345<<56"))
    passport = Document(file="passport.jpg", sha256="0" * 64, mime="image/jpeg", type="passport", mrz=mrz,
                        problems=[f"national number {NATIONAL} printed on the page",
                                  f"number 90041212345 and {DOC_NUMBER} again"])
    return Report(
        tool_version="0", dossier="d", profile="visa-d/employee", reference_date=dt.date(2027, 1, 15),
        documents=[passport], skipped=[Skipped("x.pdf", f"mentions {DOC_NUMBER}")],
        requirements=[RequirementResult(id="passport.validity", status="pass",
                                        message=f"Passport {DOC_NUMBER} valid until 2031-05-01",
                                        action=f"Bring passport {DOC_NUMBER}")],
    )


def leaks(text: str) -> list[str]:
    return [secret for secret in (NATIONAL, "90041212345", DOC_NUMBER) if secret in text]


def test_json_masks_document_and_national_numbers() -> None:
    rendered = render_report(report_with_numbers(), "json")
    assert leaks(rendered) == []
    plain = json.loads(rendered)
    assert plain["documents"][0]["mrz"]["document_number"] == "******093"
    assert "**.**.**-**3.45" in plain["documents"][0]["problems"][0]
    assert "2031-05-01" in plain["requirements"][0]["message"]  # dates are not numbers to hide
    shown = json.dumps(report_plain(report_with_numbers(), show_personal_data=True))
    assert DOC_NUMBER in shown and NATIONAL in shown


@pytest.mark.parametrize("fmt", sorted(RENDERER_MODULES))
def test_the_masked_report_leaks_nothing_in_any_format(fmt: str) -> None:
    assert leaks(render_report(masked_report(report_with_numbers()), fmt)) == []
    assert masked_report(report_with_numbers(), show_personal_data=True).documents[0].mrz.document_number == DOC_NUMBER


@pytest.mark.parametrize("fmt", sorted(set(RENDERER_MODULES) - {"json"}))
def test_every_format_masks_by_default(fmt: str) -> None:
    assert leaks(render_report(report_with_numbers(), fmt)) == []
    assert leaks(render_report(report_with_numbers(), fmt, show_personal_data=True)) != []


@pytest.mark.parametrize("text, masked", [
    ("NN 90.04.12-123.45.", "NN **.**.**-**3.45."),
    ("90041212345", "********345"),
    ("90 04 12 123 45", "** ** ** **3 45"),
    ("issued 12.04.1990, amount 1234.56 EUR", "issued 12.04.1990, amount 1234.56 EUR"),
    ("BE68 5390 0754 7034", "BE68 5390 0754 7034"),
])
def test_mask_text(text: str, masked: str) -> None:
    assert mask_text(text, False) == masked
    assert mask_text(text, True) == text


# --- HTML holds thumbnails only; logs hold no OCR text ------------------------------------------------


def test_html_embeds_only_small_thumbnails(dossier: Path, shared_cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli("check", str(dossier), *PROFILE, "--format", "html", "--output", str(out),
                     env=env_with(shared_cache))
    assert result.returncode in (0, 1), result.stderr
    html = out.read_text()
    pictures = re.findall(r"data:image/(\w+);base64,([A-Za-z0-9+/=]+)", html)
    assert pictures
    for kind, data in pictures:
        assert kind == "jpeg"
        with Image.open(io.BytesIO(base64.b64decode(data))) as image:
            assert max(image.size) <= 640, image.size
    assert (dossier / "good-conduct.png").stat().st_size > 0
    assert "file://" not in html and "src=\"/" not in html  # nothing that points at the originals


def test_no_ocr_text_on_stderr_without_debug(dossier: Path, tmp_path: Path) -> None:
    result = run_cli("check", str(dossier), *PROFILE, "--format", "json", "--no-cache",
                     env=env_with(tmp_path / "cache"))
    assert result.returncode in (0, 1)
    for word in ("CASIER", "DUPONT", "PEETERS", "Namur"):
        assert word not in result.stderr


# --- the cache: text only, private folders, or nothing at all --------------------------------------


def test_cache_holds_text_only_in_private_folders(dossier: Path, tmp_path: Path) -> None:
    root = tmp_path / "new" / "deeper" / "cache"
    result = run_cli("check", str(dossier), *PROFILE, "--format", "json", env=env_with(root))
    assert result.returncode in (0, 1), result.stderr
    created = [tmp_path / "new", tmp_path / "new" / "deeper", root]
    created += [p for p in root.rglob("*") if p.is_dir()]
    assert len(created) >= 6  # new, deeper, cache, ocr, settings key, hash prefix
    for folder in created:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = [p for p in root.rglob("*") if p.is_file()]
    # JSON, and the language model's arrays (py3langid's own, restricted to the languages read: nothing
    # from the dossier) under schemas/language-model.
    model = root / "schemas" / "language-model"
    assert files and all(p.suffix == ".json" or (p.suffix == ".npy" and model in p.parents) for p in files)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
        raw = path.read_bytes()
        if path.suffix == ".npy":
            assert b"DUPONT" not in raw and b"PEETERS" not in raw and b"Namur" not in raw
            continue
        assert b"\x89PNG" not in raw and b"\xff\xd8\xff" not in raw and b"base64" not in raw
        plain = json.loads(raw)
        if path.relative_to(root).parts[0] == "schemas":  # the shipped data parsed, or a digest found valid
            assert b"DUPONT" not in raw and b"PEETERS" not in raw and b"Namur" not in raw
            continue
        if path.relative_to(root).parts[0] == "analysis":  # the documents made of a reading, no pages
            assert isinstance(plain, list) and plain
            for document in plain:
                assert all(isinstance(i, int) for i in document["pages"])
            continue
        if path.relative_to(root).parts[0] == "reports":  # a report kept for a re-run (cli.replay): text
            assert set(plain) == {"texts", "exit_code"} and set(plain["texts"]) == {"json"}
            continue
        assert set(plain) == {"pages", "problems"}
        for page in plain["pages"]:
            assert set(page) <= {"index", "width", "height", "text", "words", "source", "rotation", "skew",
                                 "mean_conf", "mrz_lines", "faces", "crop", "problems", "script"}


def test_cache_info_and_clear(dossier: Path, tmp_path: Path) -> None:
    root = tmp_path / "cache"
    env = env_with(root)
    assert run_cli("check", str(dossier), *PROFILE, "--format", "json", env=env).returncode in (0, 1)
    info = run_cli("cache", "info", env=env)
    assert info.returncode == 0 and str(root) in info.stdout and "0 cached" not in info.stdout
    (root / "unrelated.txt").write_text("not the tool's")  # a cache dir pointed somewhere by mistake
    assert run_cli("cache", "clear", env=env).returncode == 0
    assert not (root / "ocr").exists()
    assert (root / "unrelated.txt").exists()
    assert "0 cached" in run_cli("cache", "info", env=env).stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_no_cache_leaves_nothing_anywhere(dossier: Path, tmp_path: Path, jobs: str) -> None:
    cache = tmp_path / "cache"
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = env_with(cache, TMPDIR=str(tmpdir))
    result = run_cli("check", str(dossier), *PROFILE, "--format", "json", "--no-cache", "--jobs", jobs, env=env)
    assert result.returncode in (0, 1), result.stderr
    assert not cache.exists()
    assert list(tmpdir.iterdir()) == []
