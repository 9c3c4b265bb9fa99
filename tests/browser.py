"""Real headless Chromium for the viz tests (Debian's /usr/bin/chromium, never a downloaded build).

``browser`` is a session fixture; ``open_page(browser, path)`` loads a file with
every non-file request blocked and recorded (the views must work offline) and
collects console errors, page errors and dialogs, which a hostile task text
would open if its markup ever ran.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = os.environ.get("ZEREN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Probe:
    """What a page did while loaded: errors, dialogs and requests that left the file."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() or shutil.which(CHROMIUM) is not None


def launch_chromium(pw: Playwright) -> Browser:
    """Debian's headless Chromium with the flags that keep it offline and quiet (tests and benchmarks)."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        pytest.skip(
            f"headless Chromium not found at {CHROMIUM} (apt install chromium, or set ZEREN_CHROMIUM)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def open_page(browser, path: Path, *, wait_ready: bool = True, timeout_ms: int = 60_000) -> Iterator[Probe]:
    """Load ``path`` offline; with ``wait_ready`` wait until the view set ``zeren.ready`` (first draw)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    probe = Probe(page)
    page.on("console", lambda msg: probe.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: probe.page_errors.append(str(err)))

    def on_dialog(dialog) -> None:
        probe.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def route(r) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")):
            r.continue_()
        else:
            probe.external_requests.append(url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(path.resolve().as_uri())
        if wait_ready:
            page.wait_for_function("window.zeren && window.zeren.ready === true", timeout=timeout_ms)
        yield probe
    finally:
        context.close()


def canvas_ink(page) -> int:
    """How many sampled canvas pixels are not blank: proof that vis actually drew."""
    return page.evaluate(
        """() => {
        const c = document.querySelector('#mynetwork canvas');
        const ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < d.length; i += 4 * 7) {
            if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) ink++;
        }
        return ink;
    }"""
    )
