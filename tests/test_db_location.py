"""``--db``: a file path or a PostgreSQL address, parsed once; a password never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice.db.location import LocationError, parse


@pytest.mark.parametrize(
    "text", ["practice.sqlite3", "/home/ana/Practice/practice.sqlite3", r"C:\Users\ana\p.sqlite3"]
)
def test_a_path_is_a_file(text: str) -> None:
    location = parse(text)
    assert not location.is_postgresql and location.path == Path(text)
    assert location.local_path == Path(text) and location.display == text


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://ana:Secret-1@db.example.org:5433/practice",
        "postgres://ana:Secret-1@db.example.org:5433/practice",
        "postgresql+psycopg://ana:Secret-1@db.example.org:5433/practice",
    ],
)
def test_an_address_is_a_server_with_the_password_hidden(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(tmp_path))
    location = parse(text)
    assert location.is_postgresql and location.path is None
    assert location.url is not None and location.url.drivername == "postgresql+psycopg"
    assert location.url.password == "Secret-1"  # kept for the connection, never shown
    assert location.display == "postgresql://ana:***@db.example.org:5433/practice"
    assert str(location) == location.display
    assert location.local_path == tmp_path / "servers" / "db.example.org-5433-practice.postgresql"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("mysql://ana@db/practice", "mysql:// is not a place Practice can keep a practice"),
        ("postgresql://ana@db.example.org", "names no database"),
    ],
)
def test_what_is_neither_is_refused_plainly(text: str, words: str) -> None:
    with pytest.raises(LocationError, match=words):
        parse(text)
