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


def test_a_password_in_the_query_is_the_address_password_and_hidden() -> None:
    location = parse("postgresql://postgres@db.example.org/p2?password=Q5secret&sslmode=require")
    # libpq would use it as the password: it is the address's password now …
    assert location.url is not None and location.url.password == "Q5secret"
    assert "password" not in location.url.query
    # … so it is hidden where the address is shown
    assert location.display == "postgresql://postgres:***@db.example.org/p2?sslmode=require"
    # and the other secrets libpq takes in the query are hidden too
    other = parse("postgresql://ana@db.example.org/p?sslpassword=KeyPass9&sslmode=verify-full")
    assert "KeyPass9" not in other.display and "KeyPass9" not in str(other)
    assert other.display.endswith("?sslmode=verify-full&sslpassword=***")


@pytest.mark.parametrize("secret", ["password", "sslpassword"])
def test_a_secret_in_the_query_is_warned_about_and_never_printed(
    secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from practice.cli import main

    # nothing listens on port 1: the command fails, saying where it tried
    assert main(["--db", f"postgresql://ana@127.0.0.1:1/practice?{secret}=Q5secret", "check"])
    captured = capsys.readouterr()
    assert "can be seen by other users of this computer (ps)" in captured.err
    assert "postgresql://ana" in captured.err and "Q5secret" not in captured.out + captured.err


def test_this_machines_server_has_one_local_name_however_it_is_reached() -> None:
    # its backups folder and dump names follow local_path: reached as localhost
    # today and 127.0.0.1 tomorrow, the Backups window must list the same dumps
    names = {
        parse(f"postgresql://ana@{host}/practice").local_path
        for host in ("localhost", "127.0.0.1", "[::1]")
    }
    assert len(names) == 1
    assert parse("postgresql://ana@office-pc.lan/practice").local_path not in names
