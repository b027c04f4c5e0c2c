"""The review server's guards: loopback Host names only (against DNS rebinding), a random
token in the printed URL swapped for a cookie (as Jupyter does; a second tab or browser on
this machine opens the same URL), a CSRF token
and a same-origin check on every state-changing request, a form version so that a stale
tab cannot silently override a newer decision, and the security headers on every
response (pages, static files, errors and redirects alike)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from markupsafe import Markup

from .limits import MAX_REQUEST_BYTES, bounded, declared_length

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "factcheck_review"
_LOCAL_HOST = re.compile(r"(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?")
SECURITY_HEADERS = {
    # no inline scripts or styles, nothing from another origin, no framing
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    # not "no-referrer": with it, Chrome sends "Origin: null" on the page's own form posts,
    # and the origin check below needs the real one; other sites still get no referrer
    "referrer-policy": "same-origin",
}
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_VERSION_SEP = "~"


def host_is_local(host: str) -> bool:
    """True for a loopback Host header, with or without a port; anything after the name
    (``[::1]evil.example``, ``[::1]@evil.example``) makes it not local.

    >>> host_is_local("127.0.0.1:8765"), host_is_local("[::1]:80"), host_is_local("evil.example:8765")
    (True, True, False)
    >>> host_is_local("[::1]evil.example"), host_is_local("[::1]@evil.example"), host_is_local("localhost.")
    (False, False, False)
    """
    return _LOCAL_HOST.fullmatch(host.strip().lower()) is not None


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a secret from a request, as bytes, so that a non-ASCII
    value is a plain mismatch (``hmac.compare_digest`` raises on non-ASCII ``str``).

    >>> same_secret("caf\\u00e9", "cafe"), same_secret("abc", "abc"), same_secret(None, "abc")
    (False, True, False)
    """
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8"))


def decision_version(decision: Any) -> str:
    """A short digest of the standing decision (``None``: undecided), carried by the form
    so that a decision made from a page older than the ledger is noticed."""
    if decision is None:
        return "none"
    text = decision.model_dump_json() if hasattr(decision, "model_dump_json") else repr(decision)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Secrets:
    """The session's secrets: the URL token, the cookie value, and the CSRF token."""

    def __init__(self) -> None:
        self.url_token = secrets.token_urlsafe(24)
        self.session = secrets.token_urlsafe(32)
        self.csrf = secrets.token_urlsafe(32)
        self.redeemed = 0

    def redeem(self, token: str | None) -> bool:
        """True for the URL token, for as long as the server runs: an editor opens the
        printed URL in a second tab or another browser on this machine without restarting
        the server (a one-time token answered 403 there). What guards the session is what
        guarded it before: the Host check (only loopback names, so another site cannot
        reach it by DNS rebinding), the token's 192 random bits, the HttpOnly SameSite
        cookie it is swapped for (the token leaves the address bar at once), and the
        Origin and CSRF checks on every change."""
        if not same_secret(token, self.url_token):
            return False
        self.redeemed += 1
        return True

    def form_token(self, version: str | None = None) -> str:
        """The CSRF value for a form, with the version of the decision the page showed."""
        return self.csrf if version is None else f"{self.csrf}{_VERSION_SEP}{version}"

    def csrf_ok(self, value: str | None) -> bool:
        return value is not None and same_secret(value.split(_VERSION_SEP, 1)[0], self.csrf)

    @staticmethod
    def form_version(value: str | None) -> str | None:
        """The decision version a form was rendered with, if it carries one."""
        if value is None or _VERSION_SEP not in value:
            return None
        return value.split(_VERSION_SEP, 1)[1]


def _same_origin(headers: dict[str, str]) -> bool:
    # browsers send Sec-Fetch-Site and Origin on a POST; a request from another site (or a
    # page on another port of localhost) is refused before the CSRF token is even read
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == headers.get("host", "").strip().lower()


def safe_location(path: str) -> str:
    """A redirect target that stays on this server: one leading slash, the rest quoted, so
    ``//evil.example/`` or ``/\\evil.example`` is a local path, never another host.

    >>> safe_location("//evil.example/"), safe_location("/finding/ab12"), safe_location("/\\\\evil")
    ('/evil.example/', '/finding/ab12', '/evil')
    """
    return "/" + quote(path.lstrip("/\\"), safe="/")


def isolate(value: Any) -> Any:
    """Text holding bidirectional controls (U+202E and its kind), wrapped in Unicode's
    first-strong isolate (U+2068 … U+2069), which does in any context, attribute values
    included, what ``<bdi>`` does in HTML text: a reversed outlet name cannot reorder the
    text around it. Used as the templates' ``finalize``."""
    if isinstance(value, str) and any(unicodedata.bidirectional(ch) in _CONTROLS for ch in value):
        if isinstance(value, Markup):
            return Markup("\u2068") + value + Markup("\u2069")
        return "\u2068" + value + "\u2069"
    return value


_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


class Guard:
    """ASGI middleware: refuse non-local Host names; accept a request only with the
    session cookie, or with the URL token (then set the cookie and redirect to the
    bare URL, so the token does not linger in history); refuse state-changing requests
    from another origin; add the security headers to every response."""

    def __init__(self, app: ASGIApp, keys: Secrets) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if not host_is_local(headers.get("host", "")):
            await _plain(send, 403, "Forbidden: the review server answers only to localhost.")
            return
        if scope.get("method", "GET") not in _SAFE_METHODS and not _same_origin(headers):
            await _plain(send, 403, "Forbidden: a change must come from the review page itself.")
            return
        length = declared_length(headers)
        if length is not None and not 0 <= length <= MAX_REQUEST_BYTES:
            # refused before a byte of the body is read: a 10 GB Content-Length is not a decision
            await _plain(send, 413, f"Request too large: at most {MAX_REQUEST_BYTES} bytes.")
            return
        receive = bounded(receive)
        cookies = _cookies(headers.get("cookie", ""))
        if same_secret(cookies.get(COOKIE), self.keys.session):
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        token = (query.get("token") or [""])[0]
        if token and self.keys.redeem(token):
            cookie = f"{COOKIE}={self.keys.session}; Path=/; HttpOnly; SameSite=Strict"
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [
                        (b"location", safe_location(scope["path"]).encode("ascii")),
                        (b"set-cookie", cookie.encode()),
                        (b"cache-control", b"no-store"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await _plain(send, 403, "Forbidden: open the URL that `factcheck review` printed (it carries the token).")


def _with_headers(send: Send) -> Send:
    async def wrapped(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {bytes(k).lower() for k, _ in headers}
            headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


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
