"""Routes of the review page. Every page is computed from the articles and the ledger on
each request, so what an editor sees is what ``factcheck check`` would report now."""

from __future__ import annotations

import contextlib
import socket
import threading
import webbrowser
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..config import Settings
from ..documents import load_documents
from ..errors import FactcheckError
from ..findings import Finding, Report
from ..ledger import ACTIONS, SETTLED, Decision, Entry, Ledger
from ..models import Claim, Document
from ..report import check
from .highlight import highlight
from .security import Guard, Secrets

HEADERS = {
    # no inline scripts or styles, nothing from another origin, no framing
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


class Review:
    """What the server knows: the article paths, the ledger, the settings."""

    def __init__(self, paths: Sequence[str | Path], ledger: Path, settings: Settings | None = None) -> None:
        self.paths = [str(p) for p in paths]
        self.ledger = Ledger(ledger)
        self.settings = settings or Settings()
        self.lock = threading.Lock()

    def report(self) -> Report:
        # the review page writes the ledger, so a folder not made yet is an empty ledger
        ledger = self.ledger.root if self.ledger.root.exists() else None
        return check(self.paths, self.settings.model_copy(update={"ledger": ledger}), show_all=True)

    def documents(self) -> dict[str, Document]:
        docs, _ = load_documents(self.paths)
        return {d.id: d for d in docs}


def _status(f: Finding, decisions: dict[str, tuple[Decision, Path]]) -> str:
    d = decisions.get(f.id)
    if d is None or d[0].decision == "undone":
        return "open"
    return "decided" if d[0].decision in SETTLED else "flagged"


def create_app(
    paths: Sequence[str | Path], ledger: Path, settings: Settings | None = None, keys: Secrets | None = None
) -> tuple[Any, Secrets]:
    """The review ASGI app and its secrets (the URL token to print)."""
    keys = keys or Secrets()
    review = Review(paths, ledger, settings)
    env = Environment(
        loader=PackageLoader("factcheck.review", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.globals["csrf"] = keys.csrf
    env.globals["actions"] = ACTIONS

    def page(name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=code, headers=HEADERS)

    def error(message: str, code: int) -> HTMLResponse:
        return page("error.html", code=code, message=message)

    def listing(request: Request) -> Response:
        try:
            report = review.report()
            decisions = review.ledger.decisions()
        except FactcheckError as err:
            return error(str(err), 500)
        rows = [(f, _status(f, decisions)) for f in report.conflicts]
        rank = {"open": 0, "flagged": 1, "decided": 2}
        rows.sort(key=lambda r: (rank[r[1]], {"error": 0, "warning": 1, "info": 2}[r[0].severity], r[0].id))
        counts = {s: sum(1 for _, st in rows if st == s) for s in rank}
        kinds = sorted({f.kind for f, _ in rows})
        documents = sorted({c.document for f, _ in rows for p in f.positions for c in p.claims})
        want = {k: request.query_params.get(k, "") for k in ("status", "kind", "document")}
        shown = [
            (f, st)
            for f, st in rows
            if (not want["status"] or st == want["status"])
            and (not want["kind"] or f.kind == want["kind"])
            and (not want["document"] or any(c.document == want["document"] for p in f.positions for c in p.claims))
        ]
        return page(
            "list.html",
            rows=shown,
            counts=counts,
            kinds=kinds,
            documents=documents,
            want=want,
            total=len(rows),
            stale=report.stale,
            errors=report.errors,
        )

    def finding_page(request: Request) -> Response:
        fid = request.path_params["fid"]
        try:
            report = review.report()
            decisions = review.ledger.decisions()
        except FactcheckError as err:
            return error(str(err), 500)
        ids = [f.id for f in sorted(report.conflicts, key=lambda f: (_status(f, decisions) != "open", f.id))]
        finding = next((f for f in report.conflicts if f.id == fid), None)
        if finding is None:
            return error(f"No finding {fid} in the current report.", 404)
        docs = {d.id: d for d in report.documents}
        at = ids.index(fid)
        d = decisions.get(fid)
        # newest first; a note added later sits above the decision it annotates
        entries: list[Entry | Decision] = [*d[0].history, d[0]] if d else []
        history = sorted(entries, key=lambda h: h.decided_at, reverse=True)
        return page(
            "finding.html",
            f=finding,
            docs=docs,
            status=_status(finding, decisions),
            history=history,
            prev_id=ids[at - 1] if at > 0 else None,
            next_id=ids[at + 1] if at + 1 < len(ids) else None,
            highlight=highlight,
            saved=request.query_params.get("saved"),
        )

    async def decide(request: Request) -> Response:
        fid = request.path_params["fid"]
        form = await request.form()
        if not keys.csrf_ok(str(form.get("csrf") or "")):
            return error("The form's CSRF token is missing or wrong; reload the page and try again.", 403)
        action = str(form.get("action") or "")
        reviewer = str(form.get("reviewer") or "").strip()
        note = str(form.get("note") or "")
        raw_value = str(form.get("value") or "").strip()
        if action not in ACTIONS:
            return error(f"Unknown decision {action!r}.", 400)
        if not reviewer:
            return error("Enter your name (top right) before deciding.", 400)
        try:
            # the value field is prefilled with the best estimate; it only counts when resolving
            value = float(raw_value) if raw_value and action == "resolved" else None
        except ValueError:
            return error(f"The value {raw_value!r} is not a number.", 400)
        report = review.report()
        finding = next((f for f in report.conflicts if f.id == fid), None)
        if finding is None:
            return error(f"No finding {fid} in the current report.", 404)
        try:
            with review.lock:
                review.ledger.record(
                    fid,
                    action,
                    reviewer,
                    note,
                    finding,
                    value,
                    (str(form.get("value_source") or "") or None) if value is not None else None,
                )
        except FactcheckError as err:
            return error(str(err), 400)
        return RedirectResponse(
            f"/finding/{fid}?saved={action}", status_code=303, headers={"cache-control": "no-store"}
        )

    def article(request: Request) -> Response:
        doc_id = request.path_params["doc"]
        docs = review.documents()
        doc = docs.get(doc_id)  # looked up by id among the given articles: never a path from the request
        if doc is None:
            return error(f"No article {doc_id} among the articles under review.", 404)
        claim_id = request.query_params.get("claim", "")
        report = review.report()
        claim: Claim | None = next(
            (c for f in report.conflicts for p in f.positions for c in p.claims if c.id == claim_id), None
        )
        spans = [(claim.quantity.start, claim.quantity.end, "figure")] if claim else []
        if claim and claim.source:
            spans.append((claim.source.start, claim.source.end, "source"))
        return page("article.html", doc=doc, body=highlight(doc.body, spans), claim=claim)

    routes = [
        Route("/", listing),
        Route("/finding/{fid:str}", finding_page),
        Route("/finding/{fid:str}/decide", decide, methods=["POST"]),
        Route("/article/{doc:str}", article),
        Mount("/static", StaticFiles(packages=[("factcheck.review", "static")]), name="static"),
    ]
    app = Starlette(routes=routes)
    return Guard(app, keys), keys


def free_port(host: str = "127.0.0.1") -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def serve(
    paths: Sequence[str | Path],
    ledger: Path,
    host: str = "127.0.0.1",
    port: int | None = None,
    open_browser: bool = True,
    settings: Settings | None = None,
) -> None:
    """Serve the review page until interrupted, printing the URL with its token."""
    import uvicorn

    app, keys = create_app(paths, ledger, settings)
    port = port or free_port(host)
    url = f"http://{'127.0.0.1' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/?token={keys.url_token}"
    print(f"factcheck review: {url}", flush=True)
    if open_browser:
        threading.Timer(0.8, lambda: webbrowser.open(url)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
