"""The review page: security guards with the ASGI test client, and an end-to-end test in a
real headless browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from factcheck.review import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = """---
id: hostile-article
outlet: "<script>alert('outlet')</script>"
published: 2023-09-02
title: "<img src=x onerror=alert(1)> title"
---
In Ecuador, <script>alert('x')</script> police said 12 guards were held hostage at Turi jail in Cuenca, \u202e
<img src=x onerror=alert(2)> officials said 90 guards were held hostage at Turi jail in Cuenca.
Zalgo: Z\u0351\u0352a\u0353
"""


@pytest.fixture()
def client(tmp_path: Path, seeds_dir: Path):
    arts = tmp_path / "seeds"
    shutil.copytree(seeds_dir, arts)
    (arts / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    app, keys = create_app([arts], tmp_path / "ledger")
    c = TestClient(app, base_url="http://127.0.0.1:8000")
    c.keys = keys  # type: ignore[attr-defined]
    c.ledger = tmp_path / "ledger"  # type: ignore[attr-defined]
    return c


def login(c: TestClient) -> None:
    r = c.get(f"/?token={c.keys.url_token}", follow_redirects=False)  # type: ignore[attr-defined]
    assert r.status_code == 303 and "HttpOnly" in r.headers["set-cookie"]


def test_without_token_or_cookie_nothing_is_served(client: TestClient) -> None:
    assert client.get("/").status_code == 403
    assert client.get("/?token=wrong").status_code == 403


def test_non_local_host_is_refused(client: TestClient) -> None:
    login(client)
    assert client.get("/", headers={"host": "evil.example:8000"}).status_code == 403
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_token_becomes_a_cookie(client: TestClient) -> None:
    login(client)
    r = client.get("/")
    assert r.status_code == 200 and "Findings" in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_decisions_need_the_csrf_token(client: TestClient) -> None:
    login(client)
    fid = re.search(r"/finding/([0-9a-f]{16})", client.get("/").text).group(1)
    r = client.post(f"/finding/{fid}/decide", data={"action": "confirmed", "reviewer": "Ana"})
    assert r.status_code == 403 and not (client.ledger / "decisions").exists()  # type: ignore[attr-defined]
    r = client.post(
        f"/finding/{fid}/decide",
        data={"action": "confirmed", "reviewer": "Ana", "note": "checked", "csrf": client.keys.csrf},
        follow_redirects=False,
    )  # type: ignore[attr-defined]
    assert r.status_code == 303
    assert (client.ledger / "decisions" / f"{fid}.yaml").exists()  # type: ignore[attr-defined]
    page = client.get(f"/finding/{fid}").text
    assert "confirmed" in page and "checked" in page


def test_hostile_article_is_escaped(client: TestClient) -> None:
    login(client)
    listing = client.get("/").text
    fid = next(
        m
        for m in re.findall(r"/finding/([0-9a-f]{16})", listing)
        if "hostile-article" in client.get(f"/finding/{m}").text
    )
    for url in (f"/finding/{fid}", "/article/hostile-article"):
        text = client.get(url).text
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert" in text or "&lt;img src=x" in text


def test_no_request_reads_files_outside(client: TestClient) -> None:
    login(client)
    for url in (
        "/article/..%2F..%2Fetc%2Fpasswd",
        "/article/../../pyproject.toml",
        "/static/../app.py",
        "/static/..%2f__init__.py",
        "/finding/..%2F..%2Fetc",
    ):
        r = client.get(url)
        assert r.status_code in (404, 400), url
        assert "root:" not in r.text and "def create_app" not in r.text


# ---------------------------------------------------------------- end to end, in a browser
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def _browser_or_skip():  # type: ignore[no-untyped-def]
    if CHROMIUM is None:
        pytest.skip("no chromium: run scripts/install-browser.sh (apt-get install chromium) to run this test")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    return sync_playwright


def _launch(p, **kw):  # type: ignore[no-untyped-def]
    return p.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
        **kw,
    )


def _open(page, url: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(60):  # the server loads the gazetteer first
        try:
            page.goto(url)
            return
        except Exception:  # noqa: BLE001 - not listening yet
            time.sleep(0.5)
    raise AssertionError(f"review server at {url} never answered")


@contextlib.contextmanager
def _serve(arts: Path, ledger: Path) -> Iterator[str]:
    """``factcheck review`` in a subprocess, as an editor starts it; yields the printed URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "review", str(arts), "--ledger", str(ledger), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        yield re.search(r"http://\S+", line).group(0)  # type: ignore[union-attr]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.browser
def test_hostile_article_renders_as_text_in_a_browser(tmp_path: Path, seeds_dir: Path) -> None:
    sync_playwright = _browser_or_skip()
    arts = tmp_path / "seeds"
    shutil.copytree(seeds_dir, arts)
    (arts / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    with _serve(arts, tmp_path / "ledger") as url, sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        _open(page, url)
        root = url.split("?")[0].rstrip("/")
        page.goto(root + "/article/hostile-article")
        body = page.inner_text(".article-body")
        title = page.inner_text("h1")
        page.goto(root + "/")
        for href in [a.get_attribute("href") for a in page.locator(".finding-row a").all()]:
            page.goto(root + str(href))
        browser.close()
    assert dialogs == []
    assert "<script>alert('x')</script>" in body and "<img src=x onerror=alert(2)>" in body
    assert "\u202e" in body and "<img src=x onerror=alert(1)>" in title


@pytest.mark.browser
def test_dismiss_a_finding_with_the_keyboard(tmp_path: Path, seeds_dir: Path) -> None:
    sync_playwright = _browser_or_skip()
    arts, ledger = tmp_path / "seeds", tmp_path / "ledger"
    shutil.copytree(seeds_dir, arts)
    with _serve(arts, ledger) as url, sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        _open(page, url)
        page.fill("#reviewer", "Ana Editor")
        page.locator("#reviewer").press("Escape")
        rows = page.locator(".finding-row")
        target = next(i for i in range(rows.count()) if "approximately 120" in rows.nth(i).inner_text())
        for _ in range(target):
            page.keyboard.press("j")
        page.keyboard.press("Enter")
        page.wait_for_selector("#decision")
        fid = page.url.rsplit("/", 1)[1]
        page.keyboard.press("e")
        page.keyboard.type("Different events: July (Reuters, ~120) and September (SNAI, 57), five weeks apart. d")
        page.keyboard.press("Escape")
        page.keyboard.press("d")
        page.wait_for_selector(".saved")
        shots = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
        if shots:
            page.screenshot(path=str(Path(shots) / "review-finding.png"), full_page=True)
        browser.close()
    import yaml

    decision = yaml.safe_load((ledger / "decisions" / f"{fid}.yaml").read_text())
    assert decision["decision"] == "dismissed-different-events"
    assert decision["reviewer"] == "Ana Editor" and decision["note"].endswith("five weeks apart. d")
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(arts), "--ledger", str(ledger), "-f", "json"],
        capture_output=True,
        text=True,
    )
    report = json.loads(out.stdout)
    assert fid not in [f["id"] for f in report["conflicts"]]
    assert fid in [f["id"] for f in report["decided"]]


# ---------------------------------------------------------------- the editor's flow
# a third finding, from two short articles written for this test (a death toll that two
# officials give differently on the same day)
EXTRA = {
    "toll-a.md": "---\nid: toll-a\noutlet: Wire A\npublished: 2024-03-04\n---\n"
    "Police said 12 people were killed in the flood in Quito on Monday.\n",
    "toll-b.md": "---\nid: toll-b\noutlet: Wire B\npublished: 2024-03-04\n---\n"
    "Officials said 40 people were killed in the flood in Quito on Monday.\n",
}

CONTRAST = """els => els.map(el => {
  const rgb = s => s.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const lin = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
  const lum = c => { const v = c.map(lin); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const st = getComputedStyle(el);
  const a = lum(rgb(st.color)), b = lum(rgb(st.backgroundColor));
  return [el.textContent.trim(), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
})"""


def _ids(page, root: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(root + "/")
    return [str(a.get_attribute("href")).rsplit("/", 1)[1] for a in page.locator(".finding-row a").all()]


@pytest.mark.browser
def test_editor_flow_progress_advance_history_and_layout(tmp_path: Path, seeds_dir: Path) -> None:
    sync_playwright = _browser_or_skip()
    arts, ledger = tmp_path / "seeds", tmp_path / "ledger"
    shutil.copytree(seeds_dir, arts)
    for name, text in EXTRA.items():
        (arts / name).write_text(text, encoding="utf-8")
    with _serve(arts, ledger) as url, sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        _open(page, url)
        root = url.split("?")[0].rstrip("/")
        page.fill("#reviewer", "Ana Editor")
        page.locator("#reviewer").press("Escape")
        ids = _ids(page, root)
        n = len(ids)
        assert n >= 3
        assert f"0 of {n} decided" in page.inner_text(".progress")

        # every badge is readable: WCAG AA asks 4.5:1 for text this size
        for text, ratio in page.eval_on_selector_all(".badge", CONTRAST):
            assert ratio >= 4.5, f"badge {text!r} has contrast {ratio:.2f}:1"

        # the claims are above the fold at 1280x800, each side described in words
        page.goto(f"{root}/finding/{ids[0]}")
        assert page.locator(".claim").first.bounding_box()["y"] < 800  # type: ignore[index]
        assert page.locator("dl.side dt").first.inner_text() == "What"
        for text, ratio in page.eval_on_selector_all(".badge", CONTRAST):
            assert ratio >= 4.5, f"badge {text!r} has contrast {ratio:.2f}:1"

        # a decision moves on to the next undecided finding; the order does not change
        page.keyboard.press("d")
        page.wait_for_url(f"**/finding/{ids[1]}?*")
        assert "Recorded: dismissed-different-events" in page.inner_text(".saved")
        assert f"1 of {n} decided" in page.inner_text(".progress")
        assert _ids(page, root) == ids  # stable order: the decided one stays in place
        page.goto(f"{root}/finding/{ids[1]}")
        page.keyboard.press("k")
        page.wait_for_url(f"**/finding/{ids[0]}")
        page.keyboard.press("j")
        page.wait_for_url(f"**/finding/{ids[1]}")

        # a correction needs a typed value and its source: nothing is prefilled
        assert page.input_value("#value") == ""
        page.keyboard.press("r")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        assert page.url.endswith(f"/finding/{ids[1]}") and not (ledger / "decisions" / f"{ids[1]}.yaml").exists()
        page.keyboard.type("57")
        page.keyboard.press("Enter")  # on to the source; still nothing saved
        assert not (ledger / "decisions" / f"{ids[1]}.yaml").exists()
        page.keyboard.type("SNAI statement, 1 Sep")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/finding/{ids[2]}?*")
        assert f"2 of {n} decided" in page.inner_text(".progress")

        # history in the order decisions were made, even within one second
        page.goto(f"{root}/finding/{ids[0]}")
        page.keyboard.press("f")
        page.wait_for_selector(".saved")
        page.goto(f"{root}/finding/{ids[0]}")
        entries = page.locator(".history li.entry").all_inner_texts()
        assert entries[0].startswith("flagged") and entries[1].startswith("dismissed-different-events")
        assert "flagged" in page.inner_text(".why .status")

        # decided rows say which decision, who, and when
        page.goto(root + "/")
        row = page.locator(f".finding-row[data-href='/finding/{ids[1]}']")
        assert "resolved by Ana Editor" in row.inner_text()

        # badges keep their shape on a phone
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(root + "/")
        for box in [b.bounding_box() for b in phone.locator(".finding-row .badge").all()]:
            assert box is not None and box["height"] < 32 and box["width"] < 120, box
        browser.close()


def test_a_single_string_path_is_one_folder(tmp_path: Path, seeds_dir: Path) -> None:
    app, keys = create_app(str(seeds_dir), str(tmp_path / "ledger"))
    c = TestClient(app, base_url="http://127.0.0.1:8000")
    c.get(f"/?token={keys.url_token}")
    page = c.get("/").text
    assert "finding-row" in page and "decided" in page


def test_resolving_needs_a_typed_value_and_source(client: TestClient) -> None:
    login(client)
    fid = re.search(r"/finding/([0-9a-f]{16})", client.get("/").text).group(1)  # type: ignore[union-attr]
    page = client.get(f"/finding/{fid}").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert 'id="value" name="value"' in page and 'value=""' not in page.split('id="value"')[1].split(">")[0]
    for value, source in (("", ""), ("57", ""), ("", "SNAI")):
        r = client.post(
            f"/finding/{fid}/decide",
            data={"action": "resolved", "reviewer": "Ana", "csrf": token, "value": value, "value_source": source},
        )
        assert r.status_code == 400 and "type the correct value and its source" in r.text
    assert not (client.ledger / "decisions" / f"{fid}.yaml").exists()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- a quantity's timeline (issue 20)
# three short articles written for this test: one flood's death toll given three ways, two
# of them with the article's address, one dated to the month only
# a toll that falls from one day to the next, and a figure of that month between them:
# three figures, three findings an editor must see
TIMELINE = {
    "toll-a.md": "---\nid: toll-a\noutlet: Wire A\npublished: 2024-03-04\nurl: https://example.org/a/flood\n---\n"
    "Police said 40 people were killed in the flood in Quito on Monday.\n",
    "toll-b.md": "---\nid: toll-b\noutlet: Wire B\npublished: 2024-03-05\nurl: https://example.org/b/flood\n---\n"
    "Officials said 38 people were killed in the flood in Quito on Tuesday.\n",
    "toll-c.md": "---\nid: toll-c\noutlet: Wire C\npublished: 2024-03\n---\n"
    "Rescue workers said 39 people were killed in the flood in Quito.\n",
}


def _decision(ledger: Path, fid: str) -> str | None:
    import yaml

    path = ledger / "decisions" / f"{fid}.yaml"
    return str(yaml.safe_load(path.read_text())["decision"]) if path.exists() else None


@pytest.mark.browser
def test_review_a_quantity_through_its_timeline(tmp_path: Path) -> None:
    sync_playwright = _browser_or_skip()
    arts, ledger = tmp_path / "arts", tmp_path / "ledger"
    arts.mkdir()
    for name, text in TIMELINE.items():
        (arts / name).write_text(text, encoding="utf-8")
    shots = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
    with _serve(arts, ledger) as url, sync_playwright() as p:
        browser = _launch(p)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        _open(page, url)
        root = url.split("?")[0].rstrip("/")
        page.fill("#reviewer", "Ana Editor")
        page.locator("#reviewer").press("Escape")

        # the list groups findings by quantity; the quantity opens as a timeline
        page.locator(".quantity-link").first.click()
        page.wait_for_url("**/quantity/*")
        quantity = page.url
        rows = page.locator("tr.figure-row")
        assert rows.count() >= 3
        dates = rows.locator("td:first-child").all_inner_texts()
        assert dates[0].startswith("March 2024")  # month precision, never "1 March"
        assert all(d.startswith(("4 March 2024", "5 March 2024")) for d in dates[1:])
        assert page.locator("svg.timeline-chart circle").count() >= 3
        assert page.locator("a[href='https://example.org/a/flood']").count() == 1
        assert "raw:" not in page.inner_text("main")
        if shots:
            page.screenshot(path=str(Path(shots) / "review-timeline.png"), full_page=False)
        phone = context.new_page()  # the same browser: its cookie
        phone.set_viewport_size({"width": 390, "height": 844})
        phone.goto(quantity)
        title = phone.locator("h1.compact-title").bounding_box()
        assert title is not None and title["height"] < 70  # two lines at most on a phone
        chart = phone.locator("svg.timeline-chart").bounding_box()
        assert chart is not None and chart["y"] < 400 and chart["x"] + chart["width"] <= 390
        if shots:
            phone.screenshot(path=str(Path(shots) / "review-timeline-phone.png"), full_page=False)
        phone.close()

        # one finding decided from its page: the page moves on without a full reload
        ids = [str(a.get_attribute("href")).rsplit("/", 1)[1] for a in page.locator(".quantity-finding a").all()]
        assert len(ids) >= 3
        page.goto(f"{root}/finding/{ids[0]}")
        page.evaluate("window.notReloaded = true")
        page.keyboard.press("d")
        page.wait_for_url(f"**/finding/{ids[1]}?*")
        assert "Recorded: dismissed-different-events" in page.inner_text(".saved")
        assert page.evaluate("window.notReloaded === true")
        assert _decision(ledger, ids[0]) == "dismissed-different-events"

        # undo after the auto-advance takes back that decision, not the next finding's
        page.keyboard.press("u")
        page.wait_for_url(f"**/finding/{ids[0]}?*")
        assert _decision(ledger, ids[0]) == "undone" and _decision(ledger, ids[1]) is None
        assert "open" in page.inner_text(".why .status")

        # all findings of the quantity at once
        page.goto(quantity)
        page.keyboard.press("c")
        page.wait_for_selector(".saved")
        assert f"on {len(ids)} findings" in page.inner_text(".saved")
        assert [_decision(ledger, fid) for fid in ids] == ["confirmed"] * len(ids)
        assert page.locator(".quantity-finding.decided").count() == len(ids)

        # the printed URL opens a second tab, and a second browser, on this machine
        tab = context.new_page()
        tab.goto(root + "/")
        assert "Findings" in tab.inner_text("h1")
        other = browser.new_context()
        second = other.new_page()
        response = second.goto(url)
        assert response is not None and response.status == 200 and "Findings" in second.inner_text("h1")
        browser.close()


# ---------------------------------------------------------------- decisions as the page's script makes them
def _page_csrf(c: TestClient, url: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', c.get(url).text).group(1)  # type: ignore[union-attr]


def test_undo_takes_back_the_last_decision_not_the_page_it_is_on(tmp_path: Path) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    for name, text in TIMELINE.items():
        (arts / name).write_text(text, encoding="utf-8")
    app, keys = create_app([arts], tmp_path / "ledger")
    c = TestClient(app, base_url="http://127.0.0.1:8000")
    c.get(f"/?token={keys.url_token}")
    ids = re.findall(r'data-href="/finding/([0-9a-f]{16})"', c.get("/").text)
    assert len(ids) >= 3
    asks = {"accept": "application/json"}
    r = c.post(
        f"/finding/{ids[0]}/decide",
        data={"action": "confirmed", "reviewer": "Ana", "csrf": _page_csrf(c, f"/finding/{ids[0]}")},
        headers=asks,
    )
    assert r.status_code == 200 and r.json()["next"].startswith(f"/finding/{ids[1]}?")  # no redirect: JSON
    r = c.post("/undo", data={"reviewer": "Ana", "csrf": keys.csrf}, headers=asks)
    assert r.json()["next"].startswith(f"/finding/{ids[0]}?saved=undone")
    assert _decision(tmp_path / "ledger", ids[0]) == "undone" and _decision(tmp_path / "ledger", ids[1]) is None
    assert c.post("/undo", data={"reviewer": "Ana", "csrf": keys.csrf}, headers=asks).status_code == 409

    # all findings of the quantity at once, and one undo takes them all back
    key = re.search(r'href="/quantity/([0-9a-f]{12})"', c.get("/").text).group(1)  # type: ignore[union-attr]
    r = c.post(
        f"/quantity/{key}/decide", data={"action": "flagged", "reviewer": "Ana", "csrf": keys.csrf}, headers=asks
    )
    assert r.status_code == 200 and f"n={len(ids)}" in r.json()["next"]
    assert {_decision(tmp_path / "ledger", fid) for fid in ids} == {"flagged"}
    c.post("/undo", data={"reviewer": "Ana", "csrf": keys.csrf}, headers=asks)
    assert {_decision(tmp_path / "ledger", fid) for fid in ids} == {"undone"}
    # a correction names one finding's value: never for a whole quantity; the CSRF check holds
    bad = c.post(
        f"/quantity/{key}/decide", data={"action": "resolved", "reviewer": "Ana", "csrf": keys.csrf}, headers=asks
    )
    assert bad.status_code == 400 and "error" in bad.json()
    assert c.post(f"/quantity/{key}/decide", data={"action": "flagged", "reviewer": "Ana"}).status_code == 403
