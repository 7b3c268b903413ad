from __future__ import annotations

import pytest

from tests.sitetools import ROOT, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site, built once per test session with the same strict settings as a release."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, dest)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return dest
