"""Every answer of a returned fillable sheet is kept, flagged when doubtful, sealed
against editing and forging, and imported into the session it was printed for."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from _loop import new_client
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from sqlalchemy import func, select

from _pdf_forms import fill
from practice.db import migrate
from practice.db.engine import Database
from practice.db.models import HomeworkReview, SheetAnswer
from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
)
from practice.services import appointments, filled_import, homework, printing, sheet_answers
from practice.services.filled_import import FilledImportError, ReviewExistsError
from practice.sheets.fillable import CODE_FIELD
from practice.sheets.scale_kinds import ScaleKind, scale_range
from practice.sheets.templates import load_templates

LIBRARY = load_templates()
START = date(2025, 3, 3)  # a Monday in the past: sessions there can be marked attended


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def assignment(template: str, level: LiteracyLevel, language: Language = Language.EN, **kw):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "template_key": template,
        "title": template.replace("_", " ").capitalize(),
        "level": level,
        "language": language,
        "modality": Modality.FILLABLE_PDF,
        "start_date": START,
        "due_date": START + timedelta(days=7),
    }
    values.update(kw)
    return AssignmentInput(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Sent:
    client_id: int
    assignment_id: int
    set_in: int
    due_in: int  # the session the sheet was printed for
    blank: bytes


def send(db, template: str, level: LiteracyLevel, language: Language = Language.EN) -> Sent:  # type: ignore[no-untyped-def]
    """A client gets a fillable sheet in session 1, due back at session 2 a week later."""
    with db.session() as s:
        client = new_client(s, language=language)
        first = appointments.schedule(s, client, at(START)).appointment.id
        appointments.mark(s, first, AppointmentStatus.ATTENDED)
        second = appointments.schedule(s, client, at(START + timedelta(days=7))).appointment.id
        a = homework.assign(s, client, assignment(template, level, language), appointment_id=first)
        blank = printing.sheet_for_assignment(s, a.id, templates=LIBRARY, today=START)
        appointments.mark(s, second, AppointmentStatus.ATTENDED)
    return Sent(client, a.id, first, second, blank)


def stored(db) -> list[tuple[str, str, str, int | None, str | None]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = s.scalars(select(SheetAnswer).order_by(SheetAnswer.id)).all()
        return [(r.name, r.label, r.value, r.number, r.problem) for r in rows]


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def import_(db, data: bytes, **kw):  # type: ignore[no-untyped-def]
    with db.session() as s:
        preview = filled_import.preview_filled(s, data, templates=LIBRARY, **kw)
        assert preview.session_id is not None
        return filled_import.apply_filled(s, preview, preview.session_id, preview.suggested)


NIGHT = {  # a night across midnight, by sleep diary item
    "bed_time": "22:30", "try_sleep_time": "23:00", "minutes_to_sleep": "30",
    "awakenings": "2", "minutes_awake": "30", "final_wake_time": "6:30",
    "out_of_bed_time": "7:00",
}  # fmt: skip


def sleep_fields(level: LiteracyLevel) -> dict[str, str]:
    """Sleep diary item -> the key its field has on this sheet (keys may be renamed)."""
    keys = {f.key for f in LIBRARY.get("sleep_diary").text(level, Language.EN).fields}
    return {
        item: next(k for k in names if k in keys)
        for item, names in sheet_answers.SLEEP_KEYS.items()
        if any(k in keys for k in names)
    }


def label(template: str, level: LiteracyLevel, key: str) -> str:
    fields = LIBRARY.get(template).text(level, Language.EN).fields
    return next(f.label for f in fields if f.key == key).rstrip(":")


def top(template: str, level: LiteracyLevel, key: str) -> int:
    """The top of a rating field's scale at ``level``."""
    field = next(f for f in LIBRARY.get(template).text(level, Language.EN).fields if f.key == key)
    return scale_range(ScaleKind(field.scale) if field.scale else None, level)[1]


def night_values(day: int, **changes: str) -> dict[str, str]:
    keys = sleep_fields(LiteracyLevel.STANDARD)
    values = NIGHT | changes
    return {f"d{day}.{keys[item]}": values[item] for item in keys}


# ---- every answer kept --------------------------------------------------------------


def test_a_sleep_diary_keeps_every_answer_and_goes_to_the_session_it_was_printed_for(db):
    # Given a standard sleep diary printed in session 1 for session 2, with two nights
    # (the second going to bed after midnight) and a rating of sleep quality
    sent = send(db, "sleep_diary", LiteracyLevel.STANDARD)
    keys = sleep_fields(LiteracyLevel.STANDARD)
    assert len(keys) == 7  # every item needed for sleep efficiency is on the sheet
    values = night_values(1) | night_values(3, bed_time="0:15", try_sleep_time="0:15")
    values |= {"d1.quality": "3"}
    filled = fill(sent.blank, values)
    # When it is previewed
    with db.session() as s:
        preview = filled_import.preview_filled(s, filled, templates=LIBRARY)
    # Then it goes to session 2 without asking, and nothing is flagged
    assert (preview.printed_for, preview.session_id) == (sent.due_in, sent.due_in)
    assert preview.session_question is None and preview.flagged == ()
    assert preview.days_recorded == 2
    # When it is imported
    view = import_(db, filled)
    # Then every answer is stored with its English label and the value it was read as
    rows = stored(db)
    assert len(rows) == len(values) == 15
    bed = keys["bed_time"]
    assert (f"d1.{bed}", label("sleep_diary", LiteracyLevel.STANDARD, bed), "22:30", 1350,
            None) in rows  # fmt: skip
    latency = keys["minutes_to_sleep"]
    read = {r[0]: (r[2], r[3], r[4]) for r in rows}
    assert read[f"d1.{latency}"] == ("30", 30, None)
    quality_top = top("sleep_diary", LiteracyLevel.STANDARD, "quality")
    assert read["d1.quality"] == (f"3 / {quality_top}", 3, None)
    # And read back, each night has its sleep efficiency (across midnight)
    with db.session() as s:
        sheets = sheet_answers.returned_sheets(s, sent.client_id)
    assert [x.review_id for x in sheets] == [view.id]
    nights = {n.block: n.efficiency.percent for n in sheets[0].nights}
    assert nights == {"d1": 76, "d3": 78}  # 390 of 510 and 315 of 405 minutes asleep


def test_spanish_answers_read_with_english_labels_and_keep_the_clients_words(db):
    # Given a plain mood log in Spanish: a written mood, two ticked feelings, a text
    sent = send(db, "mood_log", LiteracyLevel.PLAIN, Language.ES)
    filled = fill(
        sent.blank,
        {"d2.mood": "7", "d2.emotions.0": "/Yes", "d2.emotions.3": "/Yes",
         "d2.events": "Discutí con mi hermano"},
    )  # fmt: skip
    import_(db, filled)
    rows = {r[0]: r for r in stored(db)}
    mood_label = label("mood_log", LiteracyLevel.PLAIN, "mood")
    assert rows["d2.mood"][1:4] == (mood_label, "7 / 10", 7)
    assert rows["d2.events"][2] == "Discutí con mi hermano"
    with db.session() as s:
        review_id = s.scalars(select(HomeworkReview.id)).one()
        answers = {a.field_key + str(a.option): a for a in sheet_answers.for_review(s, review_id)}
    # the option in English for the therapist, the client's Spanish word kept
    first = answers["emotions0"]
    english = LIBRARY.get("mood_log").text(LiteracyLevel.PLAIN, Language.EN).fields
    spanish = LIBRARY.get("mood_log").text(LiteracyLevel.PLAIN, Language.ES).fields
    emotions = next(f for f in english if f.key == "emotions")
    own = next(f for f in spanish if f.key == "emotions").options[0]
    assert (first.label, first.value) == (emotions.label.rstrip(":"), emotions.options[0])
    assert first.own_words == own and own != emotions.options[0]


@pytest.mark.parametrize("template", sorted(LIBRARY.keys()))
@pytest.mark.parametrize("level", list(LiteracyLevel))
def test_every_built_in_sheet_keeps_every_answer(db, template: str, level: LiteracyLevel):
    # Given any built-in sheet, every field of day or entry 1 answered
    sent = send(db, template, level)
    fields = PdfReader(io.BytesIO(sent.blank)).get_fields() or {}
    values = {}
    for name, field in fields.items():
        if not name.startswith(("d1.", "e1.")):
            continue
        states = [str(x) for x in field.get("/_States_", []) if str(x) != "/Off"]
        values[name] = states[-1] if states else "4"
    filled = fill(sent.blank, values)
    # When imported
    import_(db, filled)
    # Then one answer is stored for each answered field (a radio group counts once)
    rows = stored(db)
    assert sorted(r[0] for r in rows) == sorted(values)
    assert all(r[1] for r in rows)  # every answer has a label
    assert all(r[2] for r in rows)  # and a value


def test_two_fields_with_the_same_label_are_told_apart(db):
    # Given a standard thought record, both beliefs rated (each column says "Belief")
    sent = send(db, "thought_record", LiteracyLevel.STANDARD)
    filled = fill(sent.blank, {"e1.belief": "80", "e1.alternative_belief": "40"})
    # When imported
    import_(db, filled)
    # Then the therapist reads which belief each rating is about
    labels = {r[0]: r[1] for r in stored(db)}
    assert labels == {
        "e1.belief": "Belief: Automatic thought",
        "e1.alternative_belief": "Belief: Balanced thought",
    }


# ---- flagged, never silently valid ---------------------------------------------------


def test_out_of_range_and_malformed_values_are_kept_and_flagged(db):
    sent = send(db, "sleep_diary", LiteracyLevel.STANDARD)
    with db.session() as s:
        other = homework.assign(
            s,
            sent.client_id,
            assignment("mood_log", LiteracyLevel.STANDARD),
            appointment_id=sent.set_in,
        )
        mood_blank = printing.sheet_for_assignment(s, other.id, templates=LIBRARY, today=START)
    bad_mood = fill(mood_blank, {"d1.mood": "150", "d2.mood": "7/10", "d3.mood": "40"})
    with db.session() as s:
        preview = filled_import.preview_filled(s, bad_mood, templates=LIBRARY)
    flagged = {a.name: a.problem for a in preview.flagged}
    assert flagged == {
        "d1.mood": "150 is outside the 0–100 scale of this sheet.",
        "d2.mood": "“7/10” is not a whole number from 0 to 100.",
    }
    assert preview.ratings == (40,)  # only the valid rating counts
    assert "2 answers do not fit the sheet" in " ".join(preview.problems)
    # and on the sleep diary: a quality of 9 on 0-4, a time that is not one, a silly number
    keys = sleep_fields(LiteracyLevel.STANDARD)
    quality_top = top("sleep_diary", LiteracyLevel.STANDARD, "quality")
    bed, latency = f"d1.{keys['bed_time']}", f"d1.{keys['minutes_to_sleep']}"
    bad_sleep = fill(
        sent.blank, {"d1.quality": str(quality_top + 5), bed: "late", latency: "99999",
                     "d1.awakenings": "two", f"d1.{keys['minutes_awake']}": "2000"},
    )  # fmt: skip
    import_(db, bad_sleep)
    problems = {r[0]: r[4] for r in stored(db)}
    assert problems == {
        bed: "“late” is not a clock time (like 23:30).",
        latency: "“99999” is not a whole number.",
        "d1.awakenings": "“two” is not a whole number.",
        f"d1.{keys['minutes_awake']}": "2000 is more than a sheet can sanely hold here.",
        "d1.quality": f"{quality_top + 5} is outside the 0–{quality_top} scale of this sheet.",
    }
    assert {r[0]: r[2] for r in stored(db)}[bed] == "late"  # kept as written


# ---- the seal ------------------------------------------------------------------------


def _refused(db, data: bytes, match: str, **kw) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s, pytest.raises(FilledImportError, match=match):
        filled_import.preview_filled(s, data, templates=LIBRARY, **kw)
    assert count(db, HomeworkReview) == 0 and count(db, SheetAnswer) == 0


def _marker(pdf: bytes) -> str:
    return str((PdfReader(io.BytesIO(pdf)).get_fields() or {})[CODE_FIELD]["/V"])


def test_an_edited_code_or_session_is_refused(db):
    # Given two clients' sealed sheets
    ana = send(db, "mood_log", LiteracyLevel.STANDARD)
    bo = send(db, "mood_log", LiteracyLevel.STANDARD)
    marker = _marker(ana.blank)
    parts = marker.split("|")
    assert parts[0] == "P3" and len(parts[-1]) == 20
    bo_parts = _marker(bo.blank).split("|")
    # When Ana's code and assignment are changed to Bo's (to land in Bo's review)
    forged = "|".join([parts[0], bo_parts[1], bo_parts[2], *parts[3:]])
    _refused(db, fill(ana.blank, {CODE_FIELD: forged, "d1.mood": "50"}), "does not match its seal")
    # or the session, the print date, the level or the number of days
    for i, value in ((3, str(bo.due_in)), (4, "2020-01-01"), (6, "plain"), (8, "d9")):
        edited = "|".join(parts[:i] + [value] + parts[i + 1 :])
        _refused(db, fill(ana.blank, {CODE_FIELD: edited}), "does not match its seal")
    # or the whole marker is rewritten to an older, unsealed one
    old = "|".join([parts[1], "mood_log", "standard", "en"])
    _refused(db, fill(ana.blank, {CODE_FIELD: old}), "printed without a seal")


def test_a_sheet_sealed_by_another_practice_is_refused(db, tmp_path: Path):
    # Given a sheet sealed in another practice file, whose assignment has the same id
    other_path = tmp_path / "other.sqlite3"
    migrate.upgrade(other_path)
    other = Database(other_path)
    try:
        foreign = send(other, "mood_log", LiteracyLevel.STANDARD)
    finally:
        other.dispose()
    send(db, "mood_log", LiteracyLevel.STANDARD)
    # Then this practice refuses it
    _refused(db, fill(foreign.blank, {"d1.mood": "50"}), "made by another practice")


def _add_block(pdf: bytes, name: str, copy_of: str) -> bytes:
    """Add a form field named ``name`` (a copy of ``copy_of``), as an editor could."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for annot in page.get("/Annots", []):
            obj = annot.get_object()
            if obj.get("/T") == copy_of:
                new = DictionaryObject({k: v for k, v in obj.items() if k != "/P"})
                new[NameObject("/T")] = TextStringObject(name)
                new[NameObject("/V")] = TextStringObject("60")
                ref = writer._add_object(new)
                page[NameObject("/Annots")] = ArrayObject([*page["/Annots"], ref])
                writer._root_object["/AcroForm"]["/Fields"].append(ref)
                break
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_more_day_blocks_than_printed_are_refused(db):
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    filled = fill(sent.blank, {"d1.mood": "50"})
    assert "d7" in _marker(sent.blank).split("|")
    twenty = _add_block(filled, "d20.mood", "d1.mood")
    _refused(db, twenty, r"This sheet has 8 day blocks, but 7 were printed.*\(d20\)")
    entry = _add_block(filled, "e1.mood", "d1.mood")
    _refused(db, entry, "blocks were added after printing")


def test_another_clients_sheet_is_refused_when_a_client_is_open(db):
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    with db.session() as s:
        other = new_client(s, "Bo")
    _refused(db, fill(sent.blank, {"d1.mood": "50"}), "another client", client_id=other)


# ---- the session, and never overwriting without asking -----------------------------------


def test_a_sheet_whose_session_was_not_attended_asks_which_session(db):
    # Given the session the sheet was printed for was cancelled, and another attended
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    with db.session() as s:
        appointments.mark(s, sent.due_in, AppointmentStatus.CANCELLED_BY_CLIENT)
        later = appointments.schedule(
            s, sent.client_id, at(START + timedelta(days=9))
        ).appointment.id
        appointments.mark(s, later, AppointmentStatus.ATTENDED)
    filled = fill(sent.blank, {"d1.mood": "50"})
    with db.session() as s:
        preview = filled_import.preview_filled(s, filled, templates=LIBRARY)
    # Then it does not guess: the therapist is asked, with the reason
    assert preview.session_id is None
    assert "on Mon 10 Mar 2025, which is cancelled by client" in (preview.session_question or "")
    assert [v.id for v in preview.sessions] == [later]
    # When the session is given, it goes there
    view = import_(db, filled, appointment_id=later)
    assert view.appointment_id == later
    # and a session that cannot review it is refused
    _refused_after = pytest.raises(FilledImportError, match="cannot review this homework")
    with db.session() as s, _refused_after:
        filled_import.preview_filled(s, filled, templates=LIBRARY, appointment_id=sent.set_in)


def test_an_existing_review_is_replaced_only_when_asked(db):
    # Given session 2 already reviewed the homework by hand
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    first = fill(sent.blank, {"d1.mood": "50"})
    import_(db, first)
    again = fill(sent.blank, {"d1.mood": "55", "d2.mood": "60", "d3.mood": "150"})
    with db.session() as s:
        preview = filled_import.preview_filled(s, again, templates=LIBRARY)
        lines = filled_import.changes(s, preview, sent.due_in, preview.suggested)
    # Then what would change is shown, old against new
    assert lines is not None
    assert [(x.what, x.old, x.new) for x in lines] == [
        ("Brought the record", "yes", "yes"),
        ("Completion", "1 (started)", "2 (about half)"),
        ("Days recorded", "1", "3"),
        ("Answers from the sheet", "1", "3"),
    ]
    # When applied without asking to replace, nothing changes
    with db.session() as s, pytest.raises(ReviewExistsError, match="Completion 1 .started. → 2"):
        filled_import.apply_filled(s, preview, sent.due_in, preview.suggested)
    assert [r[2] for r in stored(db)] == ["50 / 100"]
    # When replacing is confirmed, the figures and the answers are the new sheet's
    with db.session() as s:
        filled_import.apply_filled(s, preview, sent.due_in, preview.suggested, replace=True)
    assert [r[:3] for r in stored(db)] == [
        ("d1.mood", "Overall mood today", "55 / 100"),
        ("d2.mood", "Overall mood today", "60 / 100"),
        ("d3.mood", "Overall mood today", "150"),
    ]
    assert count(db, HomeworkReview) == 1


def test_each_time_homework_without_a_seal_key_row_is_sealed_on_first_use(db):
    # Given a practice whose seal key was lost (removed from practice_meta)
    from sqlalchemy import text

    with db.session() as s:
        s.execute(text("DELETE FROM practice_meta WHERE key = 'sheet_seal_key'"))
    # When a sheet is printed, a new key is made and the sheet imports
    sent = send(db, "panic_diary", LiteracyLevel.PLAIN)
    with db.session() as s:
        a = homework.get(s, sent.assignment_id)
    assert a.frequency is Frequency.DAILY
    view = import_(db, fill(sent.blank, {"e1.when_where": "Bus, Monday 8:10"}))
    assert view.days_recorded == 1


def test_hostile_values_are_kept_harmless_and_flagged(db):
    # Given a plain mood log filled with hostile values: a rating off its scale, a
    # huge text with control characters, and markup
    sent = send(db, "mood_log", LiteracyLevel.PLAIN)
    huge = "\x1b[2J" + "ab\x00c" * 7000
    filled = fill(
        sent.blank,
        {"d1.mood": "99", "d1.events": huge, "d2.events": "<script>alert(1)</script>",
         "d3.helped": "=HYPERLINK(\"http://x\")"},
    )  # fmt: skip
    import_(db, filled)
    rows = {r[0]: r for r in stored(db)}
    # Then the impossible rating is kept as written and flagged, never counted
    assert rows["d1.mood"][2:] == ("99", None, "99 is outside the 0–10 scale of this sheet.")
    # the control characters are gone and the long text is cut and flagged
    events = rows["d1.events"]
    assert "\x00" not in events[2] and "\x1b" not in events[2] and len(events[2]) == 20_000
    assert events[4] == "Very long: cut at 20,000 characters."
    # and markup or a formula is kept as plain text (escaped wherever it is shown)
    assert rows["d2.events"][2] == "<script>alert(1)</script>"
    assert rows["d3.helped"][2] == '=HYPERLINK("http://x")'


def test_the_clients_record_holds_the_answers_of_their_returned_sheets(db):
    from practice.services.export import export_client
    from practice.sheets.client_record import ClientRecordPdf

    # Given a returned sheet with a flagged value, imported
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    import_(db, fill(sent.blank, {"d1.mood": "40", "d2.mood": "150"}))
    # When the client's record is exported (right of access)
    with db.session() as s:
        record = export_client(s, sent.client_id)
    # Then each review carries its sheet's answers, as stored
    [assignment] = record.homework_assignments
    [review] = assignment.reviews
    assert [(a.name, a.value, a.problem) for a in review.sheet_answers] == [
        ("d1.mood", "40 / 100", None),
        ("d2.mood", "150", "150 is outside the 0–100 scale of this sheet."),
    ]
    as_json = record.to_json()["homework_assignments"][0]["reviews"][0]
    assert as_json["sheet_answers"][1]["raw"] == "150"
    # and the record's PDF prints them under the review
    import pdfplumber

    with pdfplumber.open(io.BytesIO(ClientRecordPdf(record).generate())) as doc:
        text = " ".join((page.extract_text() or "") for page in doc.pages)
    assert "Day 1, Overall mood today: 40 / 100" in text
    assert "Day 2, Overall mood today: 150 (flagged: 150 is outside the 0–100" in text
