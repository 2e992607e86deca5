"""The door of the local page, in front of every route (an ASGI middleware):

- the Host header must name the address the server was started on (127.0.0.1:PORT or localhost:PORT), so
  a web site whose name was rebound to 127.0.0.1 (DNS rebinding) is refused;
- every request carries the key made at start: in the query on the first load (then it is moved to a
  cookie and out of the address bar), in that cookie after; compared in constant time;
- a request that changes something also carries the page's token in a header or a form field (CSRF), and
  its Origin, when the browser sends one, is the page's own;
- every answer says that nothing is loaded from elsewhere (Content-Security-Policy) and is never cached.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import cookie_parser

from dossiercheck.web.messages import in_every_language

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_HEADER = "x-dossiercheck-token"
TOKEN_FIELD = "csrf"
MAX_FORM_BYTES = 64 * 1024
SAFE_METHODS = ("GET", "HEAD")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cache-control", b"no-store"),
]
def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison (bytes: compare_digest refuses non-ASCII text)."""
    return given is not None and secrets.compare_digest(given.encode("utf-8", "replace"), expected.encode())


class Guard:
    """The ASGI middleware that refuses, before any route runs, what did not come from the page itself."""

    def __init__(self, app: App, key: str, token: str) -> None:
        self.app, self.key, self.token = app, key, token
        self.hosts: frozenset[str] | None = frozenset()  # nothing is served until the port is known
        self.cookie = "dossiercheck_key"

    def open(self, port: int, hosts: frozenset[str] | None) -> None:
        """Serve from now on; `hosts`: the accepted Host headers ('127.0.0.1:8080', ...), None for any."""
        self.hosts = hosts
        self.cookie = f"dossiercheck_key_{port}"  # cookies ignore ports: two servers must not share one

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await send({"type": "websocket.close", "code": 1008})
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "").lower()
        if self.hosts is not None and host not in self.hosts:
            await plain(send, 403, in_every_language("wrong_host"))
            return
        query = QueryParams(scope.get("query_string", b"").decode("latin-1"))
        from_query = same(query.get("key"), self.key)
        if not from_query and not same(self._cookie(headers), self.key):
            await plain(send, 403, in_every_language("no_key"))
            return
        method = scope["method"]
        if method not in SAFE_METHODS:
            origin = headers.get("origin")
            if origin is not None and origin.lower() != f"http://{host}":
                await plain(send, 403, in_every_language("no_token"))
                return
            if not same(headers.get(TOKEN_HEADER), self.token):
                receive, ok = await self._form_token(headers, receive)
                if not ok:
                    await plain(send, 403, in_every_language("no_token"))
                    return
        if from_query and method == "GET":
            # The key goes into a cookie and out of the address bar (history, screenshots, shoulders).
            rest = str(QueryParams([(k, v) for k, v in query.multi_items() if k != "key"]))
            await send({"type": "http.response.start", "status": 303, "headers": [
                (b"location", (scope["path"] + ("?" + rest if rest else "")).encode("latin-1")),
                (b"set-cookie", f"{self.cookie}={self.key}; Path=/; HttpOnly; SameSite=Strict".encode()),
                (b"content-length", b"0"), *SECURITY_HEADERS]})
            await send({"type": "http.response.body", "body": b""})
            return
        await self.app(scope, receive, _with_headers(send))

    def _cookie(self, headers: dict[str, str]) -> str | None:
        return cookie_parser(headers.get("cookie", "")).get(self.cookie)

    async def _form_token(self, headers: dict[str, str], receive: Receive) -> tuple[Receive, bool]:
        """A small url-encoded form (the page's unload beacon) may carry the token as a field instead."""
        if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            return receive, False
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if len(body) > MAX_FORM_BYTES:
                return receive, False
            if not message.get("more_body"):
                break
        fields = QueryParams(body.decode("utf-8", "replace"))
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay, same(fields.get(TOKEN_FIELD), self.token)


def _with_headers(send: Send) -> Send:
    """`send`, adding the security headers every answer carries (a route may set its own cache-control)."""
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
        await send(message)

    return wrapped


async def plain(send: Send, status: int, text: str) -> None:
    """A refusal as plain text, with the security headers: nothing of the page is served to a stranger."""
    body = text.encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
