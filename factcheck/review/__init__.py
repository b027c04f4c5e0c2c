"""The editors' review page: a local web server where each finding sits beside its
sources, and decisions go straight into the ledger that CI reads.

Starlette (with uvicorn) was chosen over Flask because it is small, async-native, ships a
test client, and lets the security checks be one plain ASGI middleware; pages are
rendered on the server with Jinja2 (autoescaping on), with a little vanilla JavaScript
for the keys. Nothing is loaded from a network."""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
