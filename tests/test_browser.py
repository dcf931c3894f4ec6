"""Real-browser test of the exported HTML reports.

Headless Chromium opens every exported page from disk with networking
disabled (a dead proxy for everything but loopback, DevTools offline
emulation, and any non-file request counted as a failure) and checks that
- every chart container holds a rendered SVG or canvas,
- no script error is thrown or logged,
- no request leaves the machine (no CDN),
- hostile article text (`<script>alert(1)</script>`, `<img onerror=...>`)
  shows as text and runs nothing: `alert` is hooked before any page script
  runs, no element carries an `onerror` attribute, and a chart tooltip over a
  hostile datum holds text, not markup.

Chromium is driven over the DevTools protocol through `--remote-debugging-pipe`
(two file descriptors, NUL-separated JSON): standard library only, no port,
no extra Python dependency, no browser download.

When Chromium is missing the test is skipped with a visible reason, except
in CI (the `CI` environment variable, set by `.ci/run`), where it fails.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from test_reports import HOSTILE_TEXTS, fixture_build, seeds_build  # shared, built once per session

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    # networking off: every non-loopback request goes to a dead proxy
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--window-size=1280,1000",
]

# Installed before any page script: records alert/confirm/prompt calls.
HOOK = """
window.__csAlerts = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = function (m) { window.__csAlerts.push(name + ':' + String(m)); };
}
"""

# Evaluated after load: the state of the page, as JSON.
PROBE = """
(() => {
  const charts = Array.from(document.querySelectorAll('.cs-chart'));
  const rendered = charts.filter(c => c.querySelector('.cs-chart-view svg, .cs-chart-view canvas')).length;
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: n => (n.parentElement && n.parentElement.closest('script,style'))
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
  let text = '';
  while (walker.nextNode()) text += walker.currentNode.nodeValue + '\\n';
  return JSON.stringify({
    charts: charts.length, rendered,
    alerts: window.__csAlerts || null,
    onerror: document.querySelectorAll('[onerror]').length,
    imgX: document.querySelectorAll('img[src="x"]').length,
    hostileScripts: Array.from(document.scripts).filter(s => ['', 'text/javascript', 'module'].includes(s.type)
                                                           && s.textContent.includes('alert(1)')).length,
    text,
  });
})()
"""


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class Chromium:
    """A headless Chromium driven over `--remote-debugging-pipe`."""

    def __init__(self, exe: str):
        self.profile = tempfile.mkdtemp(prefix="claimscope-chromium-")
        cmd_r, cmd_w = os.pipe()  # we write commands, Chromium reads fd 3
        res_r, res_w = os.pipe()  # Chromium writes fd 4, we read

        def child_fds() -> None:  # runs in the child before exec
            a, b = os.dup(cmd_r), os.dup(res_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=child_fds, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(cmd_r)
        os.close(res_w)
        self._w, self._r = cmd_w, res_r
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None,
             timeout: float = 30) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._next(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _next(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self._r], [], [], left)
            if ready:
                chunk = os.read(self._r, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._next(deadline))
        except TimeoutError:
            pass

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        for fd in (self._w, self._r):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab with the alert hook, offline networking and event logs on."""

    def __init__(self, browser: Chromium):
        self.b = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.s = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Network.emulateNetworkConditions",
                  {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        self.send("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})

    def send(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30) -> dict[str, Any]:
        return self.b.send(method, params, session=self.s, timeout=timeout)

    def eval(self, expression: str) -> Any:
        res = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in res:
            raise RuntimeError(res["exceptionDetails"])
        return res["result"].get("value")

    def open(self, path: Path, *, timeout: float = 30) -> dict[str, Any]:
        """Load `path`, wait until every chart rendered (or timeout), and
        return the probe plus the errors and requests seen."""
        self.b.events.clear()
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        deadline = time.monotonic() + timeout
        state: dict[str, Any] = {}
        while time.monotonic() < deadline:
            self.b.drain(0.25)
            ready = self.eval("document.readyState")
            if ready == "complete":
                state = json.loads(self.eval(PROBE))
                if state["rendered"] == state["charts"]:
                    break
        self.b.drain(0.5)  # late errors
        mine = [e for e in self.b.events if e.get("sessionId") == self.s]
        state["errors"] = [
            e["params"] for e in mine
            if e.get("method") == "Runtime.exceptionThrown"
            or (e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") in ("error", "assert"))
            or (e.get("method") == "Log.entryAdded" and e["params"]["entry"].get("level") == "error")
        ]
        state["requests"] = [e["params"]["request"]["url"] for e in mine if e.get("method") == "Network.requestWillBeSent"]
        state["dialogs"] = [e["params"] for e in mine if e.get("method") == "Page.javascriptDialogOpening"]
        return state

    def hover_tooltip(self, css: str) -> dict[str, Any] | None:
        """Move the mouse over the first element matching `css` and return the
        vega tooltip's text and whether it holds any element other than its
        table markup."""
        box = self.eval(f"""(() => {{ const el = document.querySelector({json.dumps(css)});
            if (!el) return null; el.scrollIntoView({{block: 'center'}});
            const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        if not box:
            return None
        for dx in (0, 1, -1):
            self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box[0] + dx, "y": box[1]})
            self.b.drain(0.3)
        return json.loads(self.eval("""JSON.stringify((() => { const t = document.getElementById('vg-tooltip-element');
            if (!t) return {shown: false};
            const tags = Array.from(t.querySelectorAll('*')).map(e => e.tagName.toLowerCase());
            return {shown: t.classList.contains('visible'), text: t.textContent,
                    foreign: tags.filter(x => !['table', 'tbody', 'thead', 'tr', 'td', 'th', 'h2'].includes(x))};
            })())"""))


@pytest.fixture(scope="module")
def browser():
    exe = find_chromium()
    if exe is None:
        message = ("headless Chromium not found: install the Debian package `chromium` "
                   "(apt-get install chromium; .ci/run does it) to run the real-browser test")
        if os.environ.get("CI"):
            pytest.fail("CI: " + message)
        pytest.skip(message)
    b = Chromium(exe)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def page(browser):
    return Page(browser)


def _check_page(state: dict[str, Any], path: Path) -> None:
    name = path.name
    assert state.get("charts", -1) >= 0, f"{name}: page did not load"
    assert state["rendered"] == state["charts"], f"{name}: {state['rendered']} of {state['charts']} charts rendered"
    assert not state["errors"], f"{name}: script errors: {state['errors'][:3]}"
    remote = [u for u in state["requests"] if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not remote, f"{name}: network requests: {remote[:5]}"
    assert state["alerts"] == [], f"{name}: alert ran: {state['alerts']}"
    assert not state["dialogs"], f"{name}: dialog opened: {state['dialogs']}"
    assert state["onerror"] == 0 and state["imgX"] == 0, f"{name}: hostile markup became elements"
    assert state["hostileScripts"] == 0, f"{name}: a script element holds article text"


def test_fixture_reports_render_offline_and_safely(tmp_path_factory, page):
    out, summary = fixture_build(tmp_path_factory)
    assert summary.ok, [str(f) for f in summary.failures]
    pages = [out / "index.html", *sorted((out / "reports").glob("*.html"))]
    assert len(pages) == len(summary.written) + 1
    n_charts = 0
    for path in pages:
        state = page.open(path)
        _check_page(state, path)
        n_charts += state["charts"]
        if path.name == "incident-inc-gassaneyah-0527.html":
            for hostile in HOSTILE_TEXTS:
                assert hostile in state["text"], f"{path.name}: {hostile!r} not shown as text"
            tip = page.hover_tooltip('.cs-chart-view svg path[aria-label*="onerror"]')
            assert tip is not None, "no chart mark for the hostile source"
            assert tip["shown"], "tooltip did not open"
            assert "<img src=x onerror=alert(1)>" in tip["text"], tip
            assert tip["foreign"] == [], f"tooltip holds markup: {tip['foreign']}"
            assert page.eval("window.__csAlerts.length") == 0
        if path.name == "index.html":
            assert HOSTILE_TEXTS[1] in state["text"]
    assert n_charts >= 10


def test_seed_reports_render_offline(tmp_path_factory, page):
    out, summary = seeds_build(tmp_path_factory)
    assert summary.ok, [str(f) for f in summary.failures]
    pages = [out / "index.html", *sorted((out / "reports").glob("*.html"))]
    for path in pages:
        _check_page(page.open(path), path)


def _visible_rows(page) -> list[str]:
    return page.eval("""Array.from(document.querySelectorAll('#cs-incidents tbody tr'))
        .filter(r => !r.hidden).map(r => r.querySelector('td:nth-child(2) span.cs-muted:last-of-type').textContent)""")


def _type(page, selector: str, value: str, event: str = "input") -> None:
    page.eval(f"""(() => {{ const el = document.querySelector({json.dumps(selector)});
        if (el.type === 'checkbox') el.checked = {json.dumps(bool(value))}; else el.value = {json.dumps(value)};
        el.dispatchEvent(new Event({json.dumps(event)})); }})()""")


def test_index_filters_and_pages_thousands_of_incidents(tmp_path, page):
    """The index lists every incident; its inline script (no network) sorts
    them by a column, filters them by text, verdict and having a page, and
    shows them 100 at a time."""
    import pandas as pd

    from claimscope import reports
    from claimscope.tables import read_tables
    from test_reports import FIXTURE

    t = read_tables(FIXTURE)
    base = t["incidents"]
    many = pd.concat([base.assign(incident_id=[f"{i}-{k:04d}" for i in base["incident_id"]]) for k in range(50)],
                     ignore_index=True)  # 250 incidents
    t["incidents"] = many
    plan = reports.plan_reports(t, incidents=7, knowledge=reports.page_knowledge())
    written = [j.filename for j in plan]
    index = tmp_path / "index.html"
    index.write_text(reports.index_html(t, plan, written, [], incidents=7), encoding="utf-8")
    state = page.open(index)
    _check_page(state, index)
    assert page.eval("document.getElementById('cs-controls').hidden") is False
    rows = _visible_rows(page)
    assert len(rows) == 100 and page.eval("document.getElementById('cs-count').textContent") == "incidents 1–100 of 250"
    page.eval("document.getElementById('cs-next').click()")
    assert len(_visible_rows(page)) == 100 and set(_visible_rows(page)).isdisjoint(rows)
    page.eval("document.getElementById('cs-next').click()")
    assert len(_visible_rows(page)) == 50 and page.eval("document.getElementById('cs-next').disabled")
    _type(page, "#cs-q", "ariha 0042")  # every word must match
    assert _visible_rows(page) == ["inc-ariha-0907-0042"]
    _type(page, "#cs-q", "")
    _type(page, "#cs-with-page", "on", "change")
    assert len(_visible_rows(page)) == 7
    _type(page, "#cs-with-page", "", "change")
    _type(page, "#cs-status", "contested", "change")
    assert len(_visible_rows(page)) == 100 and "of 100" in page.eval("document.getElementById('cs-count').textContent")
    # sort by deaths, largest first (gassaneyah: 24), then back by incident (date, ascending)
    _type(page, "#cs-status", "", "change")
    page.eval("document.querySelectorAll('#cs-incidents thead th')[2].click()")
    first = _visible_rows(page)
    assert first[0].startswith("inc-gassaneyah-0527") and len(first) == 100
    page.eval("document.querySelectorAll('#cs-incidents thead th')[1].click()")
    assert _visible_rows(page)[0].startswith("inc-gassaneyah-0527")   # 2020-05-27: the earliest dated
    page.eval("document.querySelectorAll('#cs-incidents thead th')[1].click()")
    assert _visible_rows(page)[0].startswith("inc-maarat-undated")    # descending: undated (9999) first
    assert page.eval("window.__csAlerts.length") == 0


def test_harness_catches_a_hostile_page(tmp_path, page):
    """The checks above can fail: a page that runs article markup, loads from a
    CDN, throws, and leaves a chart empty is caught on every count."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<html><head><script src="https://cdn.jsdelivr.net/npm/vega@6"></script></head><body>'
        '<div class="cs-chart"><div class="cs-chart-view"></div></div>'
        "<p>Local sources said <script>alert(1)</script> and <img src=x onerror=alert(2)></p>"
        "<script>notDefined()</script></body></html>", encoding="utf-8")
    state = page.open(bad, timeout=3)
    assert state["rendered"] == 0 and state["charts"] == 1
    assert state["alerts"] == ["alert:1", "alert:2"]
    assert state["onerror"] == 1 and state["hostileScripts"] == 1
    assert any("exceptionDetails" in e for e in state["errors"])
    assert any(u.startswith("https://cdn.jsdelivr.net") for u in state["requests"])
    with pytest.raises(AssertionError):
        _check_page(state, bad)
