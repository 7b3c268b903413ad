from __future__ import annotations

import sys

import pytest

from tests.sitetools import ROOT, build_site

# The build machinery (docs/_hooks/sitebuild.py, sitefigures.py) is imported by its tests as the hooks import it.
sys.path.insert(0, str(ROOT / "docs" / "_hooks"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site, built once per test session with the same strict settings as a release."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, dest)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return dest


# --- Browser fixtures: the built site served on loopback, opened in Debian's Chromium ---

import functools  # noqa: E402
import http.server  # noqa: E402
import re  # noqa: E402
import threading  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = ROOT / ".cache" / "screenshots"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the built site as if it were deployed at this server's address.

    Material's instant navigation only intercepts links listed in sitemap.xml, whose
    addresses start with ``site_url``; it maps them to the page's scheme and host but
    keeps their port. A real deployment serves the site at ``site_url`` (and
    ``mkdocs serve`` rewrites ``site_url`` to its own address), so the sitemap is served
    with ``site_url`` replaced by this server's address, as it would be at home.
    """

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):  # noqa: N802 - the base class's name
        if self.path.split("?", 1)[0] != "/sitemap.xml":
            return super().do_GET()
        text = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text)
        if locations:
            host, port = self.server.server_address[:2]
            text = text.replace(min(locations, key=len), f"http://{host}:{port}/")
        body = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the built site, served over HTTP on 127.0.0.1 (search and instant navigation need HTTP)."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright: found, or obtained, by tests/browsers.py."""
    from playwright.sync_api import sync_playwright

    from tests.browsers import find_chromium

    try:
        chromium, _ = find_chromium()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@dataclass
class PageWatch:
    """What a page did that it should not: requests off the host, failures, console errors."""

    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def _is_error(message) -> bool:
    """Console errors, and MathJax's warnings: MathJax warns where it fails to draw (a lost stylesheet)."""
    return message.type == "error" or (message.type == "warning" and message.text.startswith("MathJax"))


@pytest.fixture
def watched_page(browser, request):
    """A fresh browser page; every request that would leave 127.0.0.1 is aborted and recorded.

    Returns ``(page, watch)``. A screenshot is saved under .cache/screenshots/ if the test fails.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # the width code must fit
    page = context.new_page()
    watch = PageWatch()

    def route(route_request):
        url = route_request.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:") or url.startswith("blob:"):
            route_request.continue_()
        else:
            watch.blocked.append(url)
            route_request.abort()

    page.route("**/*", route)
    # A request the browser itself cancels because the test moved on to the next page
    # (net::ERR_ABORTED) is not a failure of the site; a missing file shows as HTTP 404 below.
    page.on("requestfailed", lambda r: watch.failed.append(f"{r.url} ({r.failure})")
            if r.url.startswith("http://127.0.0.1:") and "ERR_ABORTED" not in (r.failure or "") else None)
    page.on("response", lambda r: watch.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
    page.on("console", lambda m: watch.console_errors.append(m.text) if _is_error(m) else None)
    page.on("pageerror", lambda e: watch.console_errors.append(str(e)))
    yield page, watch
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)[-150:]
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print what the trust checks covered: the counts the maintainers quote."""
    from tests.sitetools import TALLY

    if TALLY:
        terminalreporter.section("what the checks covered")
        for what, count in TALLY.items():
            terminalreporter.write_line(f"{count:6d}  {what}")
