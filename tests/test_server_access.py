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
        # libpq connects to the query's host (lists: every one), not the address's
        ("postgresql://ana@127.0.0.1/practice?host=10.0.0.7", False),
        ("postgresql://ana@localhost/practice?host=localhost,10.0.0.7", False),
        ("postgresql://ana@localhost/practice?host=localhost&host=10.0.0.7:5432", False),
        ("postgresql://ana@localhost/practice?hostaddr=127.0.0.1,10.0.0.7", False),
        ("postgresql://ana@10.0.0.7/practice?host=localhost", False),
        ("postgresql://ana@localhost/practice?host=127.0.0.1:5433,/tmp,::1", True),
        # a connection service could name any host
        ("postgresql://ana@localhost/practice?service=office", False),
    ],
)
def test_a_server_is_local_only_on_this_machine(url: str, local: bool) -> None:
    assert is_local(parse(url)) is local


@pytest.mark.parametrize(
    ("env", "local"),
    [({"PGHOSTADDR": "10.0.0.7"}, False), ({"PGSERVICE": "office"}, False), ({}, True)],
)
def test_the_environment_libpq_reads_counts_even_beside_a_local_host(
    env: dict[str, str], local: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("PGHOST", "PGHOSTADDR", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert is_local(parse("postgresql://ana@localhost/practice")) is local


def test_a_password_given_is_used_but_never_shown() -> None:
    location = with_password(parse("postgresql://ana@office-pc.lan/practice"), "s3cret!")
    assert location.url is not None and location.url.password == "s3cret!"
    assert "s3cret" not in location.display and "s3cret" not in str(location)
