"""How long and how much the review server waits for a client: a connection that sends
no request (half-open, or a slow-loris dribbling headers) is closed after
:data:`HEADER_SECONDS`; a request body must arrive within :data:`BODY_SECONDS` and be no
larger than :data:`MAX_REQUEST_BYTES` (a Content-Length over it is refused before a byte
of the body is read). The server answers one editor on localhost, so these are generous
for a person and short for a stuck socket."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_SECONDS = 10.0
"""From connecting to a complete request line and headers."""
BODY_SECONDS = 30.0
"""For each part of a request body to arrive."""
MAX_REQUEST_BYTES = 256_000
"""A decision form: a note of at most 10,000 characters, percent-encoded (up to 12 bytes
a character), and a few short fields."""

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]


def declared_length(headers: dict[str, str]) -> int | None:
    """The request's Content-Length, -1 when it is not a number, None when absent.

    >>> declared_length({"content-length": "10000000000"}), declared_length({"content-length": "x"})
    (10000000000, -1)
    """
    raw = headers.get("content-length")
    if raw is None:
        return None
    raw = raw.strip()
    return int(raw) if raw.isdigit() else -1


def bounded(receive: Receive) -> Receive:
    """``receive`` that gives up (as a client disconnect) on a body part that takes longer
    than :data:`BODY_SECONDS` or a body that grows past :data:`MAX_REQUEST_BYTES`, sent
    in chunks with no Content-Length."""
    total = 0

    async def wrapped() -> Message:
        nonlocal total
        try:
            message = await asyncio.wait_for(receive(), BODY_SECONDS)
        except TimeoutError:
            return {"type": "http.disconnect"}
        if message.get("type") == "http.request":
            total += len(message.get("body", b""))
            if total > MAX_REQUEST_BYTES:
                return {"type": "http.disconnect"}
        return message

    return wrapped


class TimedH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for each connection's first request:
    uvicorn times out idle keep-alive connections only after a response, so a client that
    connects and sends nothing, or a byte every few seconds, would hold a socket forever."""

    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._deadline = self.loop.call_later(HEADER_SECONDS, self._too_slow)

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:  # a request's headers arrived: uvicorn takes over
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


def server_url(host: str, port: int, token: str) -> str:
    """The URL to open for a server bound to ``host``: an IPv6 address in brackets, the
    loopback for a wildcard address.

    >>> server_url("::1", 8000, "t"), server_url("0.0.0.0", 80, "t"), server_url("::", 80, "t")
    ('http://[::1]:8000/?token=t', 'http://127.0.0.1:80/?token=t', 'http://[::1]:80/?token=t')
    """
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"
