"""Every audited (record, action) has its sentence; old summaries read in words."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from practice.domain.audit_words import SENTENCES, describe, details, headline

SERVICES = Path(__file__).resolve().parents[2] / "src" / "practice" / "services"
CALL = re.compile(r'record\(\s*\w+,\s*"([\w-]+)",\s*[^,]+,\s*"([\w-]+)"', re.S)


def _when(at: datetime) -> str:
    return f"<{at.isoformat()}>"


def test_every_pair_the_services_record_has_a_sentence() -> None:
    # Given every audit.record call in the services written with literal names
    pairs = {m.groups() for p in SERVICES.glob("*.py") for m in CALL.finditer(p.read_text())}
    assert len(pairs) > 20
    # Then each has its sentence in the one map
    assert sorted(p for p in pairs if p not in SENTENCES and p[1] != "seed_demo") == []


def test_old_transitions_and_counts_read_in_words() -> None:
    assert headline("appointment", "status", "scheduled -> cancelled_no_self_record") == (
        "Appointment cancelled: self-record not done"
    )
    assert details("active -> paused", _when) == "Active → Paused"
    assert details("3 clients imported from CSV; 1 duplicates skipped", _when) == (
        "3 clients imported from CSV; 1 duplicate skipped"
    )
    assert (
        details("at 2026-03-02 09:00 UTC, 50 min", _when)
        == "at <2026-03-02T09:00:00+00:00>, 50 min"
    )
    assert describe("widget", "frobbed", "", _when) == "Widget: frobbed"


def test_typed_text_that_looks_like_a_time_is_left_as_written() -> None:
    # Given summaries holding typed text shaped like stored times, but not real ones
    for typed in ("Dr X 2026-99-99 10:00 UTC", "seen 2026-02-30T25:61Z"):
        # Then they read back as written (no error: the audit page shows every event)
        assert typed in details(f"consulted: {typed}", lambda at: at.astimezone().isoformat())


def _day(d: date) -> str:
    return f"[{d.isoformat()}]"


def test_plain_days_local_times_fields_calls_and_keys_read_in_words() -> None:
    # Given summaries as the services stored them (issue 12: ISO and codes showed through)
    assert details("2026-12-10 09:30 -> 2026-12-10 11:30 UTC, 50 min", _when, _day) == (
        "<2026-12-10T09:30:00+00:00> → <2026-12-10T11:30:00+00:00>, 50 min"
    )
    assert details("every 1 week(s) 2026-12-07 to 2027-01-25, 50 min", _when, _day) == (
        "every 1 week(s) [2026-12-07] to [2027-01-25], 50 min"
    )
    assert "(agreed [2026-12-05];" in details(
        "on from 2026-12-07 (agreed 2026-12-05; x)", _when, _day
    )
    assert details("moved to 2026-12-07 14:05 local", _when, _day) == (
        "moved to <2026-12-07T14:05:00> local"
    )
    assert details("fields changed: emergency_contact, presenting_problem", _when) == (
        "fields changed: emergency contact, diagnosis or presenting problem"
    )
    assert details("day-before call for appointment 4: not_done, cancel", _when) == (
        "day-before call for appointment 4: self-record not done, session cancelled"
    )
    assert details("assignment 3 (my_week, plain, en) for client 2", _when) == (
        "assignment 3 (My week, plain, en) for client 2"
    )
    assert details("note 1 of appointment 2 created (free)", _when) == (
        "note 1 of appointment 2 created (Free text note)"
    )
