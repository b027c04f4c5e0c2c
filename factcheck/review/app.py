"""Routes of the review page. Every page is computed from the articles and the ledger on
each request, so what an editor sees is what ``factcheck check`` would report now."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import webbrowser
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..config import Settings
from ..documents import PathInputs, as_inputs, load_documents
from ..errors import FactcheckError
from ..findings import Finding, Position, Report
from ..ledger import ACTIONS, SETTLED, Decision, Entry, Ledger
from ..models import Claim, Document
from ..report import check
from .highlight import highlight
from .security import SECURITY_HEADERS, Guard, Secrets, decision_version, isolate

HEADERS = {**SECURITY_HEADERS, "cache-control": "no-store"}
"""Headers of every page; the Guard adds SECURITY_HEADERS to every other response too."""


class Review:
    """What the server knows: the article paths, the ledger, the settings."""

    def __init__(
        self,
        paths: PathInputs,
        ledger: str | os.PathLike[str],
        settings: Settings | None = None,
        archive: str | None = None,
    ) -> None:
        self.paths = [str(p) for p in as_inputs(paths) if not isinstance(p, Document)]
        self.ledger = Ledger(ledger)
        self.settings = settings or Settings()
        self.lock = threading.Lock()
        self.archive = archive
        """With an archive, the findings are the drafts' (PATHS) against it (docs/archive.md)."""

    def report(self) -> Report:
        # the review page writes the ledger, so a folder not made yet is an empty ledger
        ledger = self.ledger.root if self.ledger.root.exists() else None
        settings = self.settings.model_copy(update={"ledger": ledger})
        if self.archive is not None:
            from ..archive import Archive

            with Archive(self.archive) as archive:
                return archive.check(self.paths, settings, show_all=True)
        return check(self.paths, settings, show_all=True)

    def documents(self) -> dict[str, Document]:
        docs, _ = load_documents(self.paths)
        found = {d.id: d for d in docs}
        if self.archive is not None:
            from ..archive import Archive

            with Archive(self.archive) as archive:
                for info in self.report().documents:
                    stored = None if info.id in found else archive.document(info.id)
                    if stored is not None:
                        found[stored.id] = stored
        return found


def _status(f: Finding, decisions: dict[str, tuple[Decision, Path]]) -> str:
    d = decisions.get(f.id)
    if d is None or d[0].decision == "undone":
        return "open"
    return "decided" if d[0].decision in SETTLED else "flagged"


def _history(d: Decision) -> list[Entry | Decision]:
    """A finding's decisions, newest first, by the order they were recorded (``seq``; in
    files written before it, the file's order): timestamps tie within a second, and a
    note added after a decision is recorded after it though the decision still stands."""
    entries: list[Entry | Decision] = [*d.history, d]
    if d.seq is None or all(h.seq is not None for h in d.history):
        order = {id(h): (h.seq if h.seq is not None else i + 1) for i, h in enumerate(entries)}
    else:  # a file older than seq: its history is in file order, the standing decision last
        order = {id(h): i + 1 for i, h in enumerate(entries)}
    return sorted(entries, key=lambda h: order[id(h)], reverse=True)


def _next_open(ids: list[str], status: dict[str, str], after: str) -> str | None:
    """The next undecided finding after ``after`` in the list's order, wrapping around."""
    if after not in ids:
        return next((i for i in ids if status[i] == "open"), None)
    at = ids.index(after)
    for fid in ids[at + 1 :] + ids[:at]:
        if status[fid] == "open":
            return fid
    return None


def side(p: Position) -> dict[str, str]:
    """One side of a finding in words (what, where, when, who): the reconciler's wording
    where it gave one, else read off the side's first claim, else empty."""
    c = p.claims[0] if p.claims else None
    what = p.what or (" ".join(x for x in (c.subject, c.event) if x) if c else "")
    where = p.where or ((c.place.name or c.place.text or "") if c and c.place else "")
    when = p.when
    if not when and c is not None:
        date = c.as_of.date if c.as_of and c.as_of.date else c.published
        when = date.strftime("%a %-d %b %Y") if date else ""
    who = p.who or sorted({x.source.name for x in p.claims if x.source})
    return {"what": what, "where": where, "when": when, "who": ", ".join(who)}


ADVANCE = frozenset({*SETTLED, "flagged"})
"""Decisions after which the page moves on to the next undecided finding; a note or an
undo stays on the finding."""


def create_app(
    paths: PathInputs,
    ledger: str | os.PathLike[str],
    settings: Settings | None = None,
    keys: Secrets | None = None,
    archive: str | None = None,
) -> tuple[Any, Secrets]:
    """The review ASGI app and its secrets (the URL token to print)."""
    keys = keys or Secrets()
    review = Review(paths, ledger, settings, archive)
    env = Environment(
        loader=PackageLoader("factcheck.review", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=isolate,  # bidi controls in an outlet or source never reorder the page around them
    )
    env.filters["pathpart"] = lambda v: quote(str(v), safe="")  # an id in a URL path, "/" included
    env.globals["csrf"] = keys.csrf
    env.globals["actions"] = ACTIONS
    env.globals["side"] = side

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
        # one stable order (the report's: severity, kind, id) that a decision never changes,
        # so j/k and the editor's sense of place survive deciding
        rows = [(f, _status(f, decisions)) for f in report.conflicts]
        counts = {s: sum(1 for _, st in rows if st == s) for s in ("open", "flagged", "decided")}
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
            standing={fid: d for fid, (d, _) in decisions.items()},
            counts=counts,
            kinds=kinds,
            documents=documents,
            want=want,
            total=len(rows),
            stale=report.stale,
            errors=report.errors,
            saved=request.query_params.get("saved"),
        )

    def finding_page(request: Request) -> Response:
        fid = request.path_params["fid"]
        try:
            report = review.report()
            decisions = review.ledger.decisions()
        except FactcheckError as err:
            return error(str(err), 500)
        ids = [f.id for f in report.conflicts]  # the list's stable order
        status = {f.id: _status(f, decisions) for f in report.conflicts}
        finding = next((f for f in report.conflicts if f.id == fid), None)
        if finding is None:
            return error(f"No finding {fid} in the current report.", 404)
        docs = {d.id: d for d in report.documents}
        at = ids.index(fid)
        d = decisions.get(fid)
        saved_on = request.query_params.get("on", "")
        return page(
            "finding.html",
            f=finding,
            docs=docs,
            status=status[fid],
            standing=d[0] if d else None,
            history=_history(d[0]) if d else [],
            prev_id=ids[at - 1] if at > 0 else None,
            next_id=ids[at + 1] if at + 1 < len(ids) else None,
            position=at + 1,
            total=len(ids),
            decided=sum(1 for st in status.values() if st == "decided"),
            highlight=highlight,
            saved=request.query_params.get("saved"),
            saved_on=saved_on if saved_on in status else "",
            csrf=keys.form_token(decision_version(d[0] if d else None)),
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
        value_source = str(form.get("value_source") or "").strip()
        if action == "resolved" and not (raw_value and value_source):
            # nothing is prefilled: a correction is what the editor typed, with its source
            return error("To resolve, type the correct value and its source.", 400)
        try:
            value = float(raw_value.replace(",", "")) if raw_value and action == "resolved" else None
        except ValueError:
            return error(f"The value {raw_value!r} is not a number.", 400)
        report = review.report()
        finding = next((f for f in report.conflicts if f.id == fid), None)
        if finding is None:
            return error(f"No finding {fid} in the current report.", 404)
        try:
            with review.lock:
                seen = keys.form_version(str(form.get("csrf") or ""))
                now = review.ledger.decisions().get(fid)
                if seen is not None and seen != decision_version(now[0] if now else None):
                    # a page opened before someone else decided must not silently override them
                    who = f"{now[0].decision} by {now[0].reviewer} at {now[0].decided_at}" if now else "undone"
                    return error(
                        f"This finding was decided since you opened the page ({who}). "
                        "Reload it to see the newer decision, then decide again.",
                        409,
                    )
                review.ledger.record(
                    fid,
                    action,
                    reviewer,
                    note,
                    finding,
                    value,
                    value_source if value is not None else None,
                )
        except FactcheckError as err:
            return error(str(err), 400)
        target = fid
        if action in ADVANCE:
            decisions = review.ledger.decisions()
            ids = [f.id for f in report.conflicts]
            status = {i: _status(f, decisions) for i, f in zip(ids, report.conflicts, strict=True)}
            target = _next_open(ids, status, fid) or ""
        where = f"/finding/{target}" if target else "/"
        return RedirectResponse(
            f"{where}?saved={action}&on={fid}", status_code=303, headers={"cache-control": "no-store"}
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
        Route("/article/{doc:path}", article),  # a document id may hold "/"
        Mount("/static", StaticFiles(packages=[("factcheck.review", "static")]), name="static"),
    ]

    async def failed(request: Request, exc: Exception) -> Response:
        # an article or ledger file that went bad while the server runs: one line, not a 500 traceback
        return error(str(exc), 500)

    app = Starlette(routes=routes, exception_handlers={FactcheckError: failed})
    return Guard(app, keys), keys


def free_port(host: str = "127.0.0.1") -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def serve(
    paths: PathInputs,
    ledger: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int | None = None,
    open_browser: bool = True,
    settings: Settings | None = None,
    archive: str | None = None,
) -> None:
    """Serve the review page until interrupted, printing the URL with its token."""
    import uvicorn

    app, keys = create_app(paths, ledger, settings, archive=archive)
    port = port or free_port(host)
    url = f"http://{'127.0.0.1' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}/?token={keys.url_token}"
    print(f"factcheck review: {url}", flush=True)
    if open_browser:
        threading.Timer(0.8, lambda: webbrowser.open(url)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
