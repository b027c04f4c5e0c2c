"""The review server's guards: loopback Host names only (against DNS rebinding), a random
token in the printed URL swapped for a cookie (as Jupyter does), and a CSRF token on every
state-changing request."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})
COOKIE = "factcheck_review"


def host_is_local(host: str) -> bool:
    """True for a loopback Host header, with or without a port.

    >>> host_is_local("127.0.0.1:8765"), host_is_local("[::1]:80"), host_is_local("evil.example:8765")
    (True, True, False)
    """
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]" in LOCAL_HOSTS
    return host.rsplit(":", 1)[0] in LOCAL_HOSTS if host.count(":") == 1 else host in LOCAL_HOSTS


class Secrets:
    """The session's secrets: the URL token, the cookie value, and the CSRF token."""

    def __init__(self) -> None:
        self.url_token = secrets.token_urlsafe(24)
        self.session = secrets.token_urlsafe(32)
        self.csrf = secrets.token_urlsafe(32)

    def csrf_ok(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value, self.csrf)


class Guard:
    """ASGI middleware: refuse non-local Host names; accept a request only with the
    session cookie, or with the URL token (then set the cookie and redirect to the bare
    URL, so the token does not linger in history)."""

    def __init__(self, app: ASGIApp, keys: Secrets) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if not host_is_local(headers.get("host", "")):
            await _plain(send, 403, "Forbidden: the review server answers only to localhost.")
            return
        cookies = _cookies(headers.get("cookie", ""))
        if hmac.compare_digest(cookies.get(COOKIE, ""), self.keys.session):
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        token = (query.get("token") or [""])[0]
        if token and hmac.compare_digest(token, self.keys.url_token):
            cookie = f"{COOKIE}={self.keys.session}; Path=/; HttpOnly; SameSite=Strict"
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [
                        (b"location", scope["path"].encode()),
                        (b"set-cookie", cookie.encode()),
                        (b"cache-control", b"no-store"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await _plain(send, 403, "Forbidden: open the URL that `factcheck review` printed (it carries the token).")


def _cookies(header: str) -> dict[str, str]:
    out = {}
    for part in header.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out


async def _plain(send: Send, status: int, text: str) -> None:
    await send(
        {"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain; charset=utf-8")]}
    )
    await send({"type": "http.response.body", "body": text.encode()})
