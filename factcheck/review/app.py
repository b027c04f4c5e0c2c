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
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..config import Settings
from ..documents import PathInputs, as_inputs, load_documents
from ..errors import FactcheckError
from ..findings import DocumentInfo, Finding, Position, Report
from ..formats.chart import svg
from ..formats.text import evidence_bits
from ..formats.timeline import Timeline, claim_date, timelines
from ..formats.words import clean, measure
from ..formats.words import date as date_words
from ..ledger import ACTIONS, Decision, Entry, Ledger
from ..models import Claim, Document
from ..report import check
from .decide import (
    ADVANCE,
    BULK,
    Done,
    Stale,
    UndoStack,
    answer,
    bulk,
    next_open,
    record_one,
    status_of,
    undo,
    wants_json,
)
from .highlight import highlight
from .limits import TimedH11, server_url
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


def side(p: Position, docs: dict[str, DocumentInfo] | None = None) -> dict[str, str]:
    """One side of a finding in words (what, where, when, who): the reconciler's wording
    where it gave one, else read off the side's first claim, else empty."""
    c = p.claims[0] if p.claims else None
    what = p.what or (" ".join(x for x in (c.subject, c.event) if x) if c else "")
    where = p.where or ((c.place.name or c.place.text or "") if c and c.place else "")
    when = p.when
    if c is not None and (not when or (c.as_of is not None and c.as_of.precision not in (None, "day"))):
        when = claim_date(c, docs or {})  # at its precision: 'March 2023', never the 1st
    who = p.who or sorted({x.source.name for x in p.claims if x.source})
    return {"what": clean(what), "where": clean(where), "when": clean(when), "who": clean(", ".join(who))}


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
    env.globals["session_csrf"] = keys.csrf  # for undo from any page (a page's form may carry a versioned one)
    env.globals["actions"] = ACTIONS
    env.globals["side"] = side
    env.globals["clean"] = clean
    env.globals["when"] = claim_date
    env.globals["date_words"] = date_words
    env.globals["measure"] = measure
    env.globals["evidence_bits"] = evidence_bits

    def page(name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=code, headers=HEADERS)

    def error(message: str, code: int, request: Request | None = None) -> Response:
        if request is not None and wants_json(request):
            return JSONResponse({"error": message}, status_code=code, headers={"cache-control": "no-store"})
        return page("error.html", code=code, message=message)

    def state() -> tuple[Report, dict[str, tuple[Decision, Path]], list[Timeline]]:
        report = review.report()
        return report, review.ledger.decisions(), timelines(report)

    def listing(request: Request) -> Response:
        try:
            report, decisions, groups = state()
        except FactcheckError as err:
            return error(str(err), 500)
        # one stable order, the timelines' (strongest quantity first, its findings strongest
        # first), that a decision never changes: j/k and the editor's sense of place survive
        status = {f.id: status_of(f.id, decisions) for f in report.conflicts}
        counts = {s: sum(1 for st in status.values() if st == s) for s in ("open", "flagged", "decided")}
        kinds = sorted({f.kind for f in report.conflicts})
        documents = sorted({c.document for f in report.conflicts for p in f.positions for c in p.claims})
        want = {k: request.query_params.get(k, "") for k in ("status", "kind", "document")}

        def shown(f: Finding) -> bool:
            return (
                (not want["status"] or status[f.id] == want["status"])
                and (not want["kind"] or f.kind == want["kind"])
                and (not want["document"] or any(c.document == want["document"] for p in f.positions for c in p.claims))
            )

        rows = [(t, [(f, status[f.id]) for f in t.findings if shown(f)]) for t in groups]
        return page(
            "list.html",
            groups=[(t, r) for t, r in rows if r],
            standing={fid: d for fid, (d, _) in decisions.items()},
            counts=counts,
            kinds=kinds,
            documents=documents,
            want=want,
            total=len(status),
            stale=report.stale,
            errors=report.errors,
            saved=request.query_params.get("saved"),
        )

    def quantity_page(request: Request) -> Response:
        key = request.path_params["key"]
        try:
            report, decisions, groups = state()
        except FactcheckError as err:
            return error(str(err), 500)
        at = next((k for k, t in enumerate(groups) if t.key == key), None)
        if at is None:
            return error(f"No quantity {key} in the current report.", 404)
        t = groups[at]
        status = {f.id: status_of(f.id, decisions) for f in t.findings}
        return page(
            "quantity.html",
            t=t,
            chart=Markup(svg(t)),  # built from escaped text only (formats.chart)
            status=status,
            standing={fid: d for fid, (d, _) in decisions.items()},
            docs={d.id: d for d in report.documents},
            prev_key=groups[at - 1].key if at > 0 else None,
            next_key=groups[at + 1].key if at + 1 < len(groups) else None,
            position=at + 1,
            total=len(groups),
            bulk_actions=BULK,
            saved=request.query_params.get("saved"),
            count=request.query_params.get("n", ""),
        )

    def finding_page(request: Request) -> Response:
        fid = request.path_params["fid"]
        try:
            report, decisions, groups = state()
        except FactcheckError as err:
            return error(str(err), 500)
        order = [f for t in groups for f in t.findings]
        ids = [f.id for f in order]  # the list's stable order
        status = {f.id: status_of(f.id, decisions) for f in order}
        finding = next((f for f in order if f.id == fid), None)
        if finding is None:
            return error(f"No finding {fid} in the current report.", 404)
        group = next(t for t in groups if any(f.id == fid for f in t.findings))
        docs = {d.id: d for d in report.documents}
        at = ids.index(fid)
        d = decisions.get(fid)
        saved_on = request.query_params.get("on", "")
        return page(
            "finding.html",
            f=finding,
            t=group,
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

    async def fields(request: Request) -> dict[str, str] | Response:
        form = await request.form()
        out = {k: str(form.get(k) or "") for k in ("csrf", "action", "reviewer", "note", "value", "value_source")}
        out["reviewer"], out["value"], out["value_source"] = (
            out["reviewer"].strip(),
            out["value"].strip(),
            out["value_source"].strip(),
        )
        if not keys.csrf_ok(out["csrf"]):
            return error("The form's CSRF token is missing or wrong; reload the page and try again.", 403, request)
        if not out["reviewer"]:
            return error("Enter your name (top right) before deciding.", 400, request)
        return out

    async def decide(request: Request) -> Response:
        fid = request.path_params["fid"]
        form = await fields(request)
        if isinstance(form, Response):
            return form
        action = form["action"]
        # the page's undo posts to /undo (the last decision, wherever the page is); "undone"
        # posted here by another client reopens this finding, as it always did
        if action not in ACTIONS:
            return error(f"Unknown decision {action!r}.", 400, request)
        if action == "resolved" and not (form["value"] and form["value_source"]):
            # nothing is prefilled: a correction is what the editor typed, with its source
            return error("To resolve, type the correct value and its source.", 400, request)
        try:
            report, _, groups = state()
            finding = next((f for f in report.conflicts if f.id == fid), None)
            if finding is None:
                return error(f"No finding {fid} in the current report.", 404, request)
            decision = record_one(review.ledger, review.lock, keys, finding, form)
        except Stale as err:
            return error(str(err), 409, request)
        except ValueError:
            return error(f"The value {form['value']!r} is not a number.", 400, request)
        except FactcheckError as err:
            return error(str(err), 400, request)
        if action != "noted":
            stack.push(Done({fid: decision_version(decision)}, f"/finding/{fid}"))
        target = fid
        if action in ADVANCE:
            decisions = review.ledger.decisions()
            ids = [f.id for t in groups for f in t.findings]
            target = next_open(ids, {i: status_of(i, decisions) for i in ids}, fid) or ""
        where = f"/finding/{target}" if target else "/"
        return answer(request, f"{where}?saved={action}&on={fid}")

    async def decide_quantity(request: Request) -> Response:
        key = request.path_params["key"]
        form = await fields(request)
        if isinstance(form, Response):
            return form
        try:
            _, _, groups = state()
            t = next((g for g in groups if g.key == key), None)
            if t is None:
                return error(f"No quantity {key} in the current report.", 404, request)
            versions = bulk(review.ledger, review.lock, t, form["action"], form["reviewer"], form["note"])
        except ValueError as err:
            return error(str(err), 400, request)
        except FactcheckError as err:
            return error(str(err), 400, request)
        if versions:
            stack.push(Done(versions, f"/quantity/{key}"))
        return answer(request, f"/quantity/{key}?saved={form['action']}&n={len(versions)}")

    async def take_back(request: Request) -> Response:
        got = await fields(request)
        if isinstance(got, Response):
            return got
        try:
            undone, where = undo(review.ledger, review.lock, stack, got["reviewer"])
        except FactcheckError as err:
            return error(str(err), 400, request)
        if not undone:
            return error("Nothing to undo: no decision made on this page is still standing.", 409, request)
        where = where if where.startswith("/quantity/") else f"/finding/{undone[0]}"
        return answer(request, f"{where}?saved=undone&on={undone[0]}", f"undone: {len(undone)}")

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

    stack = UndoStack()
    routes = [
        Route("/", listing),
        Route("/quantity/{key:str}", quantity_page),
        Route("/quantity/{key:str}/decide", decide_quantity, methods=["POST"]),
        Route("/finding/{fid:str}", finding_page),
        Route("/finding/{fid:str}/decide", decide, methods=["POST"]),
        Route("/undo", take_back, methods=["POST"]),
        Route("/article/{doc:path}", article),  # a document id may hold "/"
        Mount("/static", StaticFiles(packages=[("factcheck.review", "static")]), name="static"),
    ]

    async def failed(request: Request, exc: Exception) -> Response:
        # an article or ledger file that went bad while the server runs: one line, not a 500 traceback
        return error(str(exc), 500)

    app = Starlette(routes=routes, exception_handlers={FactcheckError: failed})
    return Guard(app, keys), keys


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET  # "--host ::1"
    with contextlib.closing(socket.socket(family, socket.SOCK_STREAM)) as s:
        s.bind((host.strip("[]"), 0))
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
    url = server_url(host, port, keys.url_token)
    print(f"factcheck review: {url}", flush=True)
    if open_browser:
        threading.Timer(0.8, lambda: webbrowser.open(url)).start()
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", http=TimedH11, timeout_keep_alive=5)
