"""Every audited (record, action) has its sentence; old summaries read in words."""

from __future__ import annotations

import re
from datetime import datetime
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
