"""Find a Chromium for the browser tests, or obtain one, so that the README's test command
needs no third step on a fresh machine.

In order: the ``CHROMIUM`` environment variable; a ``chromium`` on the PATH (Debian's
package); the Chromium that Playwright downloaded before; Playwright's own download
(``python -m playwright install chromium``), where its servers are reachable; Debian's
``chromium`` package through ``apt-get``, where this user may install packages (root).
If none works, the tests fail with a message that says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

#: What a failed search tells the reader to do.
HOW_TO_INSTALL = (
    "the browser tests need Chromium: install Debian's (apt-get install chromium), or let Playwright "
    "download its own (python -m playwright install chromium), or set CHROMIUM to a Chromium executable"
)


def _on_path() -> str | None:
    return next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


def _playwrights_own() -> str | None:
    """The Chromium Playwright manages, if it has been downloaded."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # no driver, or no browser recorded: not found
        return None
    return path if path and Path(path).is_file() else None


def _run(command: list[str], timeout: float) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=timeout).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _download_with_playwright() -> str | None:
    if _run([sys.executable, "-m", "playwright", "install", "chromium"], timeout=900):
        return _playwrights_own()
    return None


def _install_debian_package() -> str | None:
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if _run(["apt-get", "update", "-qq"], timeout=900) and subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium", "fonts-dejavu-core"], capture_output=True, env=env, timeout=1800,
    ).returncode == 0:
        return _on_path()
    return None


#: Each way of finding Chromium, named for the message that says which one was used.
WAYS: list[tuple[str, Callable[[], str | None]]] = [
    ("the CHROMIUM variable", lambda: os.environ.get("CHROMIUM") or None),
    ("the PATH", _on_path),
    ("Playwright's downloaded Chromium", _playwrights_own),
    ("Playwright's download", _download_with_playwright),
    ("Debian's chromium package", _install_debian_package),
]


def find_chromium(ways: list[tuple[str, Callable[[], str | None]]] = WAYS) -> tuple[str, str]:
    """``(executable, how it was found)``; raises ``RuntimeError`` saying what to install if there is none."""
    for how, way in ways:
        path = way()
        if path:
            return path, how
    raise RuntimeError(HOW_TO_INSTALL)
