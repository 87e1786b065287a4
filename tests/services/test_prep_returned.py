"""The printed prep summary carries the client's returned answers and sleep efficiency."""

from __future__ import annotations

import io
from datetime import timedelta

import pdfplumber
from test_sheet_answers import LIBRARY, START, fill, import_, night_values, send

from practice.domain.vocabulary import LiteracyLevel
from practice.services import filled_import, prep, prep_returned
from practice.sheets.prep_summary import PrepSummaryPdf


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)


def test_prep_summary_pdf_lists_returned_answers_flags_and_sleep_efficiency(db):
    # Given a standard sleep diary that came back with two nights and a bad rating
    sent = send(db, "sleep_diary", LiteracyLevel.STANDARD)
    values = night_values(1) | night_values(3, bed_time="0:15", try_sleep_time="0:15")
    values |= {"d1.quality": "3", "d2.quality": "9"}
    import_(db, fill(sent.blank, values))
    # When the prep summary is printed
    today = START + timedelta(days=8)
    with db.session() as s:
        data = prep.build_prep(s, sent.client_id, today=today)
        lines = prep_returned.returned_for(s, sent.client_id, today)
    pdf = PrepSummaryPdf(data, returned=lines).generate()
    text = pdf_text(pdf)
    # Then it has the section, the session date, the nights' efficiency and mean,
    # the answers in the therapist's words and the flagged value marked
    assert "The client's own records (returned fillable sheets)" in text
    assert "came back at the session of Mon 10 Mar" in text
    assert "Sleep efficiency: mean 77 % over 2 nights — day 1 76 %" in text
    assert "day 3 78 %" in text
    assert "Day 1 — " in text and "22:30" in text
    assert "[FLAGGED:" in text and "Day 2 — " in text


def test_prep_summary_pdf_says_which_nights_were_left_out(db):
    # Given a sleep diary with one good night and one whose times cannot be a night
    # (into bed at "11:00" and up at 07:30: 20 hours in bed)
    sent = send(db, "sleep_diary", LiteracyLevel.STANDARD)
    values = night_values(1) | night_values(2, bed_time="11:00", try_sleep_time="11:10")
    import_(db, fill(sent.blank, values))
    # When the prep summary is printed
    today = START + timedelta(days=8)
    with db.session() as s:
        data = prep.build_prep(s, sent.client_id, today=today)
        lines = prep_returned.returned_for(s, sent.client_id, today)
    text = pdf_text(PrepSummaryPdf(data, returned=lines).generate())
    # Then the mean is over the one good night, and the therapist reads why not two
    assert "Sleep efficiency: mean 76 % over 1 night — day 1 76 %" in text
    assert "1 night left out: times do not add up." in text


def test_the_import_says_which_nights_do_not_add_up(db):
    # Given a returned sleep diary with a night of 20 hours in bed
    sent = send(db, "sleep_diary", LiteracyLevel.STANDARD)
    values = night_values(1) | night_values(2, bed_time="11:00", try_sleep_time="11:10")
    # When it is previewed for import
    with db.session() as s:
        preview = filled_import.preview_filled(s, fill(sent.blank, values), templates=LIBRARY)
    # Then the therapist is told before anything is written
    assert any(p.startswith("The times of 1 night do not add up") for p in preview.problems)
