"""Killing the app during writes never corrupts the file nor loses a reported commit."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from crash_child import C_DURATION, _Reported, check_database, run_kills

from practice.db import migrate

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

KILLS = 200
SEED = 20261126


def test_sigkill_during_writes_corrupts_nothing_and_loses_no_commit(tmp_path: Path) -> None:
    # Given one database reused across every kill
    db_path = tmp_path / "crash.sqlite3"
    migrate.upgrade(db_path)

    # When 200 writer processes are killed with SIGKILL at random moments
    figures = run_kills(db_path, kills=KILLS, seed=SEED, stderr_path=tmp_path / "child.err")
    print(f"\ncrash safety: {figures.line()}")

    # Then every check after every kill passed
    assert figures.failures == [], figures.failures[:10]
    assert figures.kills == KILLS and figures.checks == KILLS
    assert (figures.corrupt, figures.lost, figures.torn, figures.child_errors) == (0, 0, 0, 0)
    # and the kills landed while work was going on, not only before it started (about
    # 1.5 commits a kill on an idle machine; a loaded one gives the writers less time)
    assert figures.commits_reported >= KILLS // 10


def test_the_checker_sees_a_lost_commit_and_a_torn_transaction(db_path: Path) -> None:
    # Given a file where one "client with two appointments" has only one appointment
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES (1, 'Crash1', 'Test1',"
            " 'test1 crash1', 'crash1 test1|', 'en', 'plain', 0, 'paper', 'none', 0, 'active',"
            " '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
        )
        conn.execute(
            "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status,"
            f" created_at, updated_at) VALUES (1, 1, '2030-01-07 09:00:00.000000', {C_DURATION},"
            " 'scheduled', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
        )
    conn.close()
    # and a child that reported a client the file does not hold
    reported = _Reported()
    reported.take("C 7 8 9")

    corrupt, lost, torn = check_database(db_path, reported)

    assert corrupt == []
    assert lost == ["client 7", "appointment 8", "appointment 9"]
    assert torn == ["client 1 has 1 paired appointments"]
