"""Tests of tests/browsers.py: how the browser tests find or obtain Chromium."""

from __future__ import annotations

import pytest

from tests.browsers import HOW_TO_INSTALL, WAYS, find_chromium


def test_the_first_way_that_finds_chromium_wins_and_later_ways_are_not_tried():
    tried = []

    def way(name, result):
        return name, lambda: tried.append(name) or result

    found = find_chromium([way("variable", None), way("path", "/usr/bin/chromium"), way("download", "/never")])
    assert found == ("/usr/bin/chromium", "path")
    assert tried == ["variable", "path"]


def test_with_no_way_left_the_message_says_what_to_install():
    with pytest.raises(RuntimeError) as raised:
        find_chromium([("nothing", lambda: None)])
    assert str(raised.value) == HOW_TO_INSTALL
    assert "apt-get install chromium" in HOW_TO_INSTALL and "playwright install chromium" in HOW_TO_INSTALL


def test_installed_chromium_is_preferred_to_any_download():
    names = [name for name, _ in WAYS]
    assert names.index("the PATH") < names.index("Playwright's download") < names.index("Debian's chromium package")


def test_the_variable_overrides_everything(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/opt/my/chromium")
    assert find_chromium() == ("/opt/my/chromium", "the CHROMIUM variable")
