"""Run the local page: bind 127.0.0.1, make the key, print the address, serve until Ctrl-C, remove every upload.

uvicorn binds the socket; once it listens, the port it got (`--port 0` picks a free one) is printed with
the key, and the Guard is told which Host headers to accept (until then it refuses everything). Whatever way the server
stops (Ctrl-C, SIGTERM, an error), the `finally` removes the sessions' root folder with every upload in it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import secrets
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dossiercheck.errors import UsageError
from dossiercheck.web.app import PageServer, build_app
from dossiercheck.web.checking import CheckSettings
from dossiercheck.web.guard import Guard
from dossiercheck.web.sessions import SessionStore, UploadLimits

LOOPBACK = "127.0.0.1"
GRACEFUL_STOP_SECONDS = 3  # open polls are not waited for longer than this on Ctrl-C


@dataclass(frozen=True)
class ServeOptions:
    """What `dossiercheck serve` was asked for."""

    host: str = LOOPBACK
    port: int = 0  # 0: a free port
    allow_other_host: bool = False
    open_browser: bool = True
    limits: UploadLimits = UploadLimits()
    settings: CheckSettings = CheckSettings()
    idle_minutes: float = 30


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(options: ServeOptions, warn: Callable[[str], None]) -> None:
    """Only this computer may open the page, unless the person starting it says otherwise, knowingly."""
    if is_loopback(options.host):
        return
    if not options.allow_other_host:
        raise UsageError(
            f"refusing to listen on {options.host}: the page would be open to other computers on the network, "
            "with the documents of whoever uses it. Leave out --host to listen on 127.0.0.1 only, or add "
            "--allow-other-host if you really mean it")
    warn(f"WARNING: listening on {options.host}: anyone who can reach this computer on the network and has "
         "the key below can see the documents dropped on the page. Stop with Ctrl-C when done.")


def accepted_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers the Guard accepts; None (any) only when listening on every interface, by request."""
    if host in ("0.0.0.0", "::"):
        return None
    named = {f"{LOOPBACK}:{port}", f"localhost:{port}", f"{host}:{port}"}
    if ":" in host:
        named.add(f"[{host}]:{port}")
    return frozenset(named)


def serve(options: ServeOptions, say: Callable[[str], None]) -> None:
    """Serve the page until stopped; `say` prints a line for the person who started it."""
    import uvicorn

    check_host(options, say)
    store = SessionStore(options.limits, idle_seconds=options.idle_minutes * 60)
    key, token = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    guard = Guard(build_app(PageServer(store, options.settings, token)), key, token)
    config = uvicorn.Config(guard, host=options.host, port=options.port, log_level="warning", lifespan="on",
                            access_log=False, timeout_graceful_shutdown=GRACEFUL_STOP_SECONDS)

    def started(port: int) -> None:
        guard.open(port, accepted_hosts(options.host, port))
        url = f"http://{shown_host(options.host)}:{port}/?key={key}"
        say(f"The page: {url}")
        say(f"Uploads are kept in {store.root} (only you can read it) and deleted when the page ends or "
            "this stops. Stop with Ctrl-C.")
        if options.open_browser:
            webbrowser.open(url)

    try:
        asyncio.run(run_until_stopped(uvicorn.Server(config), started))
    except KeyboardInterrupt:
        pass  # Ctrl-C is how the page is meant to stop (uvicorn raises it again once it has shut down)
    finally:
        store.close()
        say("Stopped; every uploaded file was deleted.")


def shown_host(host: str) -> str:
    return LOOPBACK if host in ("0.0.0.0", "::") or is_loopback(host) else host


async def run_until_stopped(server: Any, started: Callable[[int], None]) -> None:
    """Run uvicorn; once it listens, tell `started` the port it got (`--port 0` lets the system choose)."""
    serving = asyncio.create_task(server.serve())
    while not server.started and not serving.done():
        await asyncio.sleep(0.02)
    if server.started:
        started(server.servers[0].sockets[0].getsockname()[1])
    await serving
