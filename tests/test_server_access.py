"""Where a server is and its password in memory (practice.db.server_access)."""

from __future__ import annotations

import pytest

from practice.db.location import parse
from practice.db.server_access import is_local, with_password


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("postgresql://ana@localhost/practice", True),
        ("postgresql://ana@127.0.0.1:5433/practice", True),
        ("postgresql://ana@/practice?host=/var/run/postgresql", True),
        ("postgresql://ana@office-pc.lan/practice", False),
        ("postgresql://ana@10.0.0.7/practice", False),
    ],
)
def test_a_server_is_local_only_on_this_machine(url: str, local: bool) -> None:
    assert is_local(parse(url)) is local


def test_a_password_given_is_used_but_never_shown() -> None:
    location = with_password(parse("postgresql://ana@office-pc.lan/practice"), "s3cret!")
    assert location.url is not None and location.url.password == "s3cret!"
    assert "s3cret" not in location.display and "s3cret" not in str(location)
