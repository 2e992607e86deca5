"""The page's door and its clean-up, over plain HTTP: the key, the Host header, the interface, the uploads folder."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.web.conftest import SAMPLE, Served, start_serve


def fetch(url: str, method: str = "GET", data: bytes | None = None, headers: dict[str, str] | None = None
          ) -> tuple[int, str, dict[str, str]]:
    """(status, body, headers) without following redirects, so the key's redirect can be seen."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def cookie_of(served: Served) -> str:
    status, _, headers = fetch(served.url)
    assert status == 303, "the key in the address is moved to a cookie"
    return headers["set-cookie"].split(";")[0]


def test_a_request_without_the_key_is_refused(served: Served) -> None:
    for path in ("/", "/static/page.js", "/bring?profile=visa-d/employee"):
        status, body, headers = fetch(served.base + path)
        assert status == 403, path
        assert "needs its key" in body
        assert "default-src 'none'" in headers["content-security-policy"]
    assert fetch(served.base + "/?key=wrong")[0] == 403


def test_the_key_opens_the_page_with_a_strict_policy(served: Served) -> None:
    status, body, headers = fetch(served.base + "/", headers={"Cookie": cookie_of(served)})
    assert status == 200 and 'id="files"' in body
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe" not in policy
    assert "http" not in re.sub(r"http://127\.0\.0\.1:\d+", "", body.split("<main>")[0]), "nothing from elsewhere"


def test_another_host_header_is_refused(served: Served) -> None:
    """A site whose name was rebound to 127.0.0.1 (DNS rebinding) sends its own name as the Host."""
    port = served.base.rsplit(":", 1)[1]
    status, body, _ = fetch(served.url, headers={"Host": f"evil.example:{port}"})
    assert status == 403 and "Refused" in body
    assert fetch(served.base + "/", headers={"Host": f"evil.example:{port}", "Cookie": cookie_of(served)})[0] == 403


def test_a_change_without_the_page_token_is_refused(served: Served) -> None:
    cookie = cookie_of(served)
    _, page, _ = fetch(served.base + "/", headers={"Cookie": cookie})
    session = re.search(r'data-session="([^"]+)"', page)
    assert session is not None
    status, _, _ = fetch(f"{served.base}/s/{session.group(1)}/files?path=x.png", "PUT", b"x", {"Cookie": cookie})
    assert status == 403
    assert not any((served.root / session.group(1) / "documents").iterdir())


def test_another_interface_is_refused_without_the_explicit_option() -> None:
    result = subprocess.run([sys.executable, "-m", "dossiercheck", "serve", "--no-browser", "--host", "0.0.0.0"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "refusing to listen on 0.0.0.0" in result.stderr and "--allow-other-host" in result.stderr


def test_the_explicit_option_warns_and_still_wants_the_key() -> None:
    served = start_serve("--host", "0.0.0.0", "--allow-other-host")
    try:
        assert "WARNING: listening on 0.0.0.0" in served.printed
        assert fetch(served.base + "/")[0] == 403
    finally:
        served.stop()


def test_the_uploads_are_gone_when_the_page_ends_and_when_the_server_stops(served: Served) -> None:
    cookie = cookie_of(served)
    _, page, _ = fetch(served.base + "/", headers={"Cookie": cookie})
    session = re.search(r'data-session="([^"]+)"', page)
    token = re.search(r'data-token="([^"]+)"', page)
    assert session is not None and token is not None
    folder = served.root / session.group(1)
    assert folder.stat().st_mode & 0o777 == 0o700 and served.root.stat().st_mode & 0o777 == 0o700
    headers = {"Cookie": cookie, "x-dossiercheck-token": token.group(1)}
    upload = (SAMPLE / "photo_2.jpg").read_bytes()
    assert fetch(f"{served.base}/s/{session.group(1)}/files?path=photo_2.jpg", "PUT", upload, headers)[0] == 200
    assert (folder / "documents" / "photo_2.jpg").read_bytes() == upload
    # The page's unload beacon: a form with the token as a field.
    beacon = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    assert fetch(f"{served.base}/s/{session.group(1)}/end", "POST", f"csrf={token.group(1)}".encode(), beacon)[0] == 200
    assert not folder.exists()
    _, page, _ = fetch(served.base + "/", headers={"Cookie": cookie})  # a second page, left open
    other = re.search(r'data-session="([^"]+)"', page)
    assert other is not None and (served.root / other.group(1)).is_dir()
    assert served.stop() == 0
    assert not served.root.exists(), "stopping the server (Ctrl-C) removes every upload"


def test_a_file_over_the_limit_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    served = start_serve("--max-file-mb", "1")
    try:
        cookie = cookie_of(served)
        _, page, _ = fetch(served.base + "/", headers={"Cookie": cookie})
        session = re.search(r'data-session="([^"]+)"', page)
        token = re.search(r'data-token="([^"]+)"', page)
        assert session is not None and token is not None
        headers = {"Cookie": cookie, "x-dossiercheck-token": token.group(1)}
        status, body, _ = fetch(f"{served.base}/s/{session.group(1)}/files?path=big.pdf", "PUT",
                                b"%PDF" + b"0" * (8 * 1024 * 1024), headers)
        assert status == 413 and "larger than 1 MB" in body
        assert not any((served.root / session.group(1) / "documents").iterdir())
    finally:
        served.stop()
