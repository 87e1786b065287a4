"""One client's record as PDF, read back: the profile, notes as amended, reviews with
their anchor words, private notes only when chosen, Spanish intact, page x of y."""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from practice.db import migrate
from practice.db.engine import Database
from practice.domain.record_model import (
    ClientProfile,
    ClientRecord,
    ReminderRecord,
    SessionNoteRecord,
)
from practice.services import demo
from practice.services.export import export_client
from practice.sheets import client_record, record_text
from practice.sheets.client_record import CONFIDENTIAL, PRIVATE_HEADING, ClientRecordPdf
from practice.sheets.fonts import register_fonts

DEMO_TODAY = date(2025, 3, 12)


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ClientRecord]]:
    """Exported records of demo clients: the improver (long), the conditional client
    with and without psychotherapy notes, and the client with an amended note."""
    path = tmp_path_factory.mktemp("client_record") / "practice.sqlite3"
    migrate.upgrade(path)
    db = Database(path)
    with db.session() as s:
        summary = demo.seed_demo(s, today=DEMO_TODAY)
    with db.session() as s:
        out = {
            "improver": export_client(s, summary.improver_id),
            "conditional": export_client(s, summary.conditional_id),
            "conditional_private": export_client(
                s, summary.conditional_id, include_psychotherapy_notes=True
            ),
            "amended": export_client(s, summary.cannot_postpone_id),
            "drifter": export_client(s, summary.drifter_id),
            "discharged": export_client(s, summary.roles["discharged"]),
        }
    db.dispose()
    yield out


def read(pdf: bytes) -> tuple[list[str], set[str]]:
    """The text of each page and every font name used for a character."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [p.extract_text() or "" for p in doc.pages]
        fonts = {str(ch["fontname"]) for p in doc.pages for ch in p.chars}
    return pages, fonts


def flat(pages: list[str]) -> str:
    """All pages as one line of single-spaced text (wrapped lines joined)."""
    return " ".join(" ".join(pages).split())


def phrase(text: str, words: int = 6) -> str:
    return " ".join(text.split()[:words])


def newest_note(record: ClientRecord) -> SessionNoteRecord:
    notes = [a for a in record.appointments if a.session_note]
    note = max(notes, key=lambda a: a.starts_at).session_note
    assert note is not None
    return note


def test_the_improvers_record_reads_back(records: dict[str, ClientRecord]) -> None:
    # Given the demo improver's exported record
    record = records["improver"]
    # When it is rendered
    pages, fonts = read(ClientRecordPdf(record).generate())
    text = flat(pages)
    # Then the name, a note section and a review with its anchor words read back
    assert "Quintero, Marisol (Mari)" in text
    note = newest_note(record)
    assert phrase(note.sections["Subjective"]) in text
    reviews = [r for hw in record.homework_assignments for r in hw.reviews]
    half = next(r for r in reviews if r.completion == 2)
    assert "completion 2 — about half" in text
    assert any(r.completion == 4 for r in reviews) and "completion 4 — all as agreed" in text
    assert half.barriers and "Chaotic week" in text  # a barrier label, not its key
    # A long record runs over pages, each headed and numbered "page x of y"
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):
        assert page.lstrip().startswith(CONFIDENTIAL)
        assert f"Page {number} of {len(pages)}" in page
    assert "exported" in pages[-1]
    # Only the embedded sheet font, never a base-14 font
    family = register_fonts().family
    assert fonts and all(family in f for f in fonts), fonts


def test_sessions_come_newest_first(records: dict[str, ClientRecord]) -> None:
    record = records["improver"]
    text = flat(read(ClientRecordPdf(record).generate())[0])
    notes = [a.session_note for a in sorted(record.appointments, key=lambda a: a.starts_at)]
    attended = [n for n in notes if n is not None]
    oldest = phrase(attended[0].sections["Subjective"])
    newest = phrase(attended[-1].sections["Subjective"])
    assert text.index(newest) < text.index(oldest)


def test_an_amended_note_shows_the_original_and_the_amendment(
    records: dict[str, ClientRecord],
) -> None:
    record = records["amended"]
    note = next(
        a.session_note
        for a in record.appointments
        if a.session_note is not None and a.session_note.amendments
    )
    amendment = note.amendments[0]
    text = flat(read(ClientRecordPdf(record).generate())[0])
    original = note.sections["Subjective"]
    amended = amendment.sections["Subjective"]
    assert original in text  # the note as signed
    assert "Amendment 1," in text
    assert f"Reason: {amendment.reason}" in text
    assert amended in text and amended != original
    # Only what the amendment changed is repeated under it (up to the next session)
    under = text[text.index("Amendment 1,") :].split(" min · ")[0]
    unchanged = note.sections["Assessment"]
    assert amendment.sections["Assessment"] == unchanged
    assert amended in under and unchanged not in under


def test_psychotherapy_notes_only_when_included(records: dict[str, ClientRecord]) -> None:
    private = records["conditional_private"]
    notes = [a.psychotherapy_note for a in private.appointments if a.psychotherapy_note]
    assert notes, "the demo's conditional client has a psychotherapy note"
    secret = phrase(notes[0].text, 8)

    left_out = flat(read(ClientRecordPdf(records["conditional"]).generate())[0])
    assert PRIVATE_HEADING not in left_out
    assert secret not in left_out
    assert "psychotherapy notes left out" in left_out

    included = flat(read(ClientRecordPdf(private).generate())[0])
    assert PRIVATE_HEADING in included
    assert secret in included
    assert "psychotherapy notes included" in included


def test_conditional_periods_and_calls(records: dict[str, ClientRecord]) -> None:
    record = records["conditional"]
    text = flat(read(ClientRecordPdf(record).generate())[0])
    period = record.conditioning_periods[0]
    assert "Conditional sessions and day-before calls" in text
    assert phrase(period.reason, 8) in text
    checks = [c for a in record.appointments for c in a.day_before_checks]
    assert checks and "self-record done; session kept" in text
    assert "session keep" not in text.lower()


def test_spanish_characters_are_intact(records: dict[str, ClientRecord]) -> None:
    improver = records["improver"]
    notes = "¿Cómo está la señora Núñez? ¡Ánimo! Pingüino, año, acción."
    record = replace(improver, client=replace(improver.client, notes=notes))
    text = flat(read(ClientRecordPdf(record).generate())[0])
    assert "¿Cómo está la señora Núñez? ¡Ánimo! Pingüino, año, acción." in text
    assert "Registro del ánimo" in text  # a Spanish homework title from the demo


def test_hostile_text_is_drawn_not_obeyed(records: dict[str, ClientRecord]) -> None:
    # Markup, NUL, a lone surrogate, control characters, right-to-left, emoji and a
    # very long word: the record still renders and shows the text literally.
    improver = records["improver"]
    note = newest_note(improver)
    hostile = "<b>not bold</b> & <para> \x00NUL\ud800 \x07bell שלום עולם 🙂 " + "x" * 5000
    hostile_note = replace(note, sections={**note.sections, "Subjective": hostile})
    record = replace(
        improver,
        client=replace(improver.client, first_name="Ana " * 60),
        appointments=tuple(
            replace(a, session_note=hostile_note) if a.session_note is note else a
            for a in improver.appointments
        ),
    )
    pages, _ = read(ClientRecordPdf(record).generate())
    text = flat(pages)
    assert "<b>not bold</b> & <para>" in text
    assert "NUL?" in text and "bell" in text


def test_every_part_of_the_record_reads_back_in_words(records: dict[str, ClientRecord]) -> None:
    # Given the improver's record, one of her assignments with two logged reminders
    improver = records["improver"]
    newest = max(improver.homework_assignments, key=lambda a: a.start_date)
    log = tuple(
        ReminderRecord(id=n, assignment_id=newest.id, on_date=day, channel="alarm",
                       sent_at=sent, created_at="2025-03-01T08:00:00Z")
        for n, (day, sent) in enumerate(
            [("2025-03-04", None), ("2025-03-03", "2025-03-03T19:30:00Z")], 1
        )
    )  # fmt: skip
    record = replace(
        improver,
        homework_assignments=tuple(
            replace(a, reminder_log=log) if a is newest else a
            for a in improver.homework_assignments
        ),
    )
    # When it is rendered
    text = flat(read(ClientRecordPdf(record).generate())[0])
    # Then the profile, counts, sheets, reminders and resistance read as words
    for line in (
        "Birth date: 17 May 1984",
        "Language: Spanish",
        "Sheets: Easy level",
        "Preferred way to record: Paper sheet",
        "Stage of change: Action",
        "Status: Active",
        "Client since: 8 Oct 2024",
        "26 appointments, 20 attended.",
        "Sheet: Activity schedule, easy level, Spanish; paper sheet, daily, "
        "from 26 Feb 2025 to 4 Mar 2025",
        "In session: value discussed, teach-back done, alarm set, card printed",
        "; 1 of 2 logged reminders sent (3 Mar 2025 – 4 Mar 2025)",
        # her notes are in Spanish, as a Spanish-speaking client's demo notes are
        "Resistance: Homework not done — No trajo el registro; cambió de tema cuando le pregunté.",
    ):
        assert line in text, line
    replacing = next(a for a in record.homework_assignments if a.replaces_id is not None)
    codes = {a.id: a.code for a in record.homework_assignments}
    assert f"Replaces: {codes[replacing.replaces_id]}" in text
    # And the conditional client's period and calls, in the vocabulary's words
    conditional = flat(read(ClientRecordPdf(records["conditional"]).generate())[0])
    assert "From 24 Jan 2025, open (agreed 23 Jan 2025)" in conditional
    assert "self-record not done; session cancelled" in conditional
    assert "client not reached; session kept" in conditional


def test_an_empty_record_still_renders() -> None:
    # Given a client with nothing recorded but the required fields, and no export time
    client = ClientProfile(
        id=1, first_name="Dale", last_name="Whitcombe", language="en", literacy_level="plain",
        preferred_modality="paper", reminder_channel="none", status="active",
        created_at="2026-01-05T09:00:00Z", updated_at="2026-01-05T09:00:00Z",
    )  # fmt: skip
    record = ClientRecord(exported_at="", client=client)
    # When it is rendered
    pages, _ = read(ClientRecordPdf(record).generate())
    text = flat(pages)
    # Then one page says so
    assert "Whitcombe, Dale" in text and "No homework assigned." in text
    assert "0 appointments, 0 attended." in text
    assert "exported date unknown" in text
    assert "Conditional sessions" not in text
    assert "Page 1 of 1" in text


def test_the_renderer_uses_only_domain_and_sheets() -> None:
    for module in (client_record, record_text):
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)] + [
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
        ]
        ours = [n for n in names if n.startswith("practice")]
        assert ours and all(re.match(r"practice\.(domain|sheets)\b", n) for n in ours), ours
        assert not any(n.startswith(("PySide6", "sqlalchemy")) for n in names), names


def test_measures_goals_and_the_alert_read_back(records: dict[str, ClientRecord]) -> None:
    # Given the drifter, whose fillable PHQ-9 answered item 9 (alert open), and the
    # discharged client with GAD-7 and two rated personal goals
    drifter = flat(read(ClientRecordPdf(records["drifter"]).generate())[0])
    goals = flat(read(ClientRecordPdf(records["discharged"]).generate())[0])
    # Then each measure reads back as a row: date, measure, total, band, how it came
    assert drifter.index("Outcome measures, newest first") < drifter.index("Sessions, newest")
    assert (
        "11 Mar 2025: PHQ-9 · 16, moderately severe · item 9: 1 · "
        "risk alert open, not yet acknowledged · fillable PDF"
    ) in drifter
    assert "3 Oct 2024: PHQ-9 · 14, moderate · in session" in drifter
    assert "PHQ-9 from 14 to 16 over 22 weeks: no reliable change (n = 8)." in drifter
    assert drifter.count("item 9:") == 1  # only when above 0
    assert "GAD-7 from 15 to 5 over 16 weeks: reliable improvement (n = 6)." in goals
    assert "9 Oct 2024: GAD-7 · 15, severe · in session" in goals
    assert "9 Oct 2024: Personal goals · goal 1: 1/10, goal 2: 8/10 · in session" in goals
    # and the current goals with which end is better and their latest rating
    assert "Current personal goals" in goals
    assert "1. Drive on the motorway on my own (10 is best): latest 9 of 10 on 29 Jan 2025" in goals
    assert "(0 is best): latest 2 of 10 on 29 Jan 2025" in goals


def test_an_acknowledged_alert_and_a_prorated_total(records: dict[str, ClientRecord]) -> None:
    # Given the drifter's alert acknowledged (and the flag set), one total prorated
    record = records["drifter"]
    risky = next(m for m in record.measures if m.risk_alert)
    assert risky.risk_alert is not None
    done = replace(
        risky.risk_alert,
        acknowledged_at="2025-03-12T09:15:00Z",
        action_note="Phoned him the same morning; safety plan made together.",
        flag_set=True,
    )
    first = min(record.measures, key=lambda m: m.taken_on)
    changed = [
        replace(m, risk_alert=done) if m is risky
        else replace(m, prorated=True) if m is first else m
        for m in record.measures
    ]  # fmt: skip
    text = flat(read(ClientRecordPdf(replace(record, measures=tuple(changed))).generate())[0])
    # Then the row says when it was acknowledged, the flag, and what was done
    assert "risk alert acknowledged 12 Mar 2025" in text and "not yet acknowledged" not in text
    assert "marked cannot postpone" in text
    assert "What was done: Phoned him the same morning; safety plan made together." in text
    assert "3 Oct 2024: PHQ-9 · 14 (prorated), moderate" in text
