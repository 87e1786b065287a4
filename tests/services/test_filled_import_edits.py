"""Returned sheets edited after printing: renamed or added fields, phantom options,
replays into other sessions, impossible nights, special files (services.filled_import)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from _loop import new_client
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from sqlalchemy import func, select

from practice.db.models import HomeworkReview, SheetAnswer
from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import AppointmentStatus, Language, LiteracyLevel, Modality
from practice.services import appointments, filled_import, homework, printing, sheet_answers
from practice.services.filled_import import FilledImportError
from practice.sheets.templates import load_templates
from practice.ui.sheet_answers_html import returned_html

LIBRARY = load_templates()
START = date(2025, 3, 3)  # a Monday in the past
UNPRINTED = "fields the printed sheet did not have"


def at(day: date) -> datetime:
    return datetime.combine(day, time(10)).astimezone()


def attended(s, client_id: int, day: date) -> int:  # type: ignore[no-untyped-def]
    appointment_id = appointments.schedule(s, client_id, at(day)).appointment.id
    appointments.mark(s, appointment_id, AppointmentStatus.ATTENDED)
    return appointment_id


@dataclass(frozen=True)
class Sent:
    client_id: int
    assignment_id: int
    before_print: int  # attended after the homework was set, before the sheet was printed
    due_in: int  # attended, after printing
    later: int  # attended, a week after that
    blank: bytes


def send(  # type: ignore[no-untyped-def]
    db, template: str, level: LiteracyLevel, language: Language = Language.EN
) -> Sent:
    """Set on 3 March, a session on 5 March, the sheet printed on 6 March, sessions on
    10 and 17 March (all attended)."""
    with db.session() as s:
        client = new_client(s, language=language)
        first = attended(s, client, START)
        a = homework.assign(
            s, client,
            AssignmentInput(
                template_key=template, title="Homework", level=level, language=language,
                modality=Modality.FILLABLE_PDF, start_date=START,
                due_date=START + timedelta(days=7),
            ),
            appointment_id=first,
        )  # fmt: skip
        before = attended(s, client, START + timedelta(days=2))
        due = appointments.schedule(s, client, at(START + timedelta(days=7))).appointment.id
        blank = printing.sheet_for_assignment(
            s, a.id, templates=LIBRARY, today=START + timedelta(days=3)
        )
        appointments.mark(s, due, AppointmentStatus.ATTENDED)
        later = attended(s, client, START + timedelta(days=14))
    return Sent(client, a.id, before, due, later, blank)


def edit(
    pdf: bytes,
    values: dict[str, str],
    *,
    rename: dict[str, str] | None = None,
    add: dict[str, tuple[str, str]] | None = None,
    tooltip: dict[str, str] | None = None,
) -> bytes:
    """Fill ``values``, rename fields (old -> new), add copies of fields (new -> (copy of,
    value)) and rewrite tooltips, as a PDF editor could; then save."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    fields = writer._root_object["/AcroForm"]["/Fields"]
    for page in writer.pages:
        for annot in list(page.get("/Annots", [])):
            obj = annot.get_object()
            name = obj.get("/T")
            if rename and name in rename:
                obj[NameObject("/T")] = TextStringObject(rename[name])
            if tooltip and name in tooltip:
                obj[NameObject("/TU")] = TextStringObject(tooltip[name])
            for new, (copy_of, value) in (add or {}).items():
                if name == copy_of:
                    clone = DictionaryObject({k: v for k, v in obj.items() if k != "/P"})
                    clone[NameObject("/T")] = TextStringObject(new)
                    clone[NameObject("/V")] = TextStringObject(value)
                    ref = writer._add_object(clone)
                    page[NameObject("/Annots")] = ArrayObject([*page["/Annots"], ref])
                    fields.append(ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def refused(db, data: bytes, match: str, **kw) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s, pytest.raises(FilledImportError, match=match):
        preview = filled_import.preview_filled(s, data, templates=LIBRARY, **kw)
        filled_import.apply_filled(s, preview, preview.session_id or 0, preview.suggested)
    assert count(db, HomeworkReview) == 0 and count(db, SheetAnswer) == 0


def import_(db, data: bytes, *, replace: bool = False, **kw):  # type: ignore[no-untyped-def]
    with db.session() as s:
        preview = filled_import.preview_filled(s, data, templates=LIBRARY, **kw)
        assert preview.session_id is not None
        return filled_import.apply_filled(
            s, preview, preview.session_id, preview.suggested, replace=replace
        )


# ---- 1. block ids exactly as printed, and no field the sheet did not print ------------


@pytest.mark.parametrize("block", ["d01", "d001", "d0", "d00"])
def test_a_block_renamed_with_a_zero_is_refused(db, block):
    # Given a 7-day mood log whose day 2 mood was renamed d01/d0 …
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    data = edit(sent.blank, {"d1.mood": "40", "d2.mood": "60"}, rename={"d2.mood": f"{block}.mood"})
    # Then it is refused as a block that was not printed, nothing written
    refused(db, data, rf"but 7 were printed \(d1 to d7\).*\({block}\)")


def test_thousands_of_added_fields_are_refused_not_counted(db):
    # Given a sheet with 2,000 junk fields added to day 1
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    junk = {f"d1.junk{i}": ("d1.events", "x") for i in range(2000)}
    data = edit(sent.blank, {"d1.mood": "40"}, add=junk)
    # Then it is refused: those fields were never printed
    refused(db, data, UNPRINTED)


@pytest.mark.parametrize(
    ("template", "name", "copy_of"),
    [
        ("panic_diary", "e1.symptoms.13", "e1.symptoms.0"),  # a 14th symptom of 13
        ("mood_log", "d1.mood.7", "d1.events"),  # an option on a rating
        ("mood_log", "d2.zz1.mood", "d1.events"),  # a grid slot on a sheet without a grid
        ("mood_log", "d2.h99.mood", "d1.events"),
    ],
)
def test_fields_never_printed_are_refused(db, template, name, copy_of):
    sent = send(db, template, LiteracyLevel.STANDARD)
    data = edit(sent.blank, {}, add={name: (copy_of, "/Yes")})
    refused(db, data, UNPRINTED)


def test_an_options_words_come_from_the_template_not_the_file(db):
    # Given a Spanish panic diary whose ticked symptom's tooltip was rewritten
    sent = send(db, "panic_diary", LiteracyLevel.STANDARD, Language.ES)
    fields = PdfReader(io.BytesIO(sent.blank)).get_fields() or {}
    on = next(str(v) for v in fields["e1.symptoms.0"].get("/_States_", []) if v != "/Off")
    data = edit(sent.blank, {"e1.symptoms.0": on}, tooltip={"e1.symptoms.0": "EVIL WORDS"})
    # When imported
    import_(db, data)
    # Then the stored answer reads as the template's option, in English and in Spanish
    english = LIBRARY.get("panic_diary").text(LiteracyLevel.STANDARD, Language.EN)
    spanish = LIBRARY.get("panic_diary").text(LiteracyLevel.STANDARD, Language.ES)
    symptoms_en = next(f for f in english.fields if f.key == "symptoms").options
    symptoms_es = next(f for f in spanish.fields if f.key == "symptoms").options
    with db.session() as s:
        row = s.scalars(select(SheetAnswer).where(SheetAnswer.name == "e1.symptoms.0")).one()
        assert (row.value, row.raw) == (symptoms_en[0], symptoms_es[0])
        assert "EVIL" not in row.raw + row.value


# ---- 4. one sheet, one review; no session before the print date -----------------------


def test_a_session_held_before_the_sheet_was_printed_is_refused(db):
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    data = edit(sent.blank, {"d1.mood": "40"})
    refused(
        db, data, r"on Wed 5 Mar 2025 was held before this sheet was printed \(Thu 6 Mar 2025\)",
        appointment_id=sent.before_print,
    )  # fmt: skip
    with db.session() as s:
        preview = filled_import.preview_filled(s, data, templates=LIBRARY)
    assert sent.before_print not in [v.id for v in preview.sessions]


def test_one_sheet_is_not_replayed_into_another_session(db):
    # Given the sheet imported into the session it was printed for
    sent = send(db, "mood_log", LiteracyLevel.STANDARD)
    data = edit(sent.blank, {"d1.mood": "40", "d2.mood": "50"})
    import_(db, data)
    # When the same sheet is imported into the later session, even "replacing"
    with db.session() as s, pytest.raises(FilledImportError, match="already imported into the"):
        preview = filled_import.preview_filled(
            s, data, templates=LIBRARY, appointment_id=sent.later
        )
    with db.session() as s:
        preview = filled_import.preview_filled(s, data, templates=LIBRARY)
        assert preview.session_id == sent.due_in  # the review that holds it
        with pytest.raises(FilledImportError, match=r"session on Mon 10 Mar 2025\. One sheet"):
            filled_import.apply_filled(s, preview, sent.later, preview.suggested, replace=True)
    # Then only the first review exists; re-importing into it (replacing) is allowed
    assert count(db, HomeworkReview) == 1
    import_(db, edit(sent.blank, {"d1.mood": "45"}), replace=True)
    with db.session() as s:
        rows = s.scalars(select(HomeworkReview)).all()
        assert [(r.appointment_id, r.days_recorded) for r in rows] == [(sent.due_in, 1)]


# ---- 3. impossible nights are left out of sleep efficiency --------------------------------


NIGHT = {
    "bed_time": "22:30", "try_sleep_time": "23:00", "minutes_to_sleep": "30",
    "awakenings": "2", "minutes_awake": "30", "final_wake_time": "6:30",
    "out_of_bed_time": "7:00",
}  # fmt: skip


def night(day: int, **changes: str) -> dict[str, str]:
    return {f"d{day}.{key}": value for key, value in (NIGHT | changes).items()}


@pytest.fixture
def english_gui(qapp: object) -> None:
    """The prep view's words in English, as a therapist with an English GUI reads them
    (without a translator Qt shows the source's "%n night(s)")."""
    from practice.ui import i18n

    i18n.install("en")


def test_nights_whose_times_do_not_add_up_are_left_out(db, english_gui):
    # Given a sleep diary: a good night, "11:00" meant as 11 pm, a 24-hour night,
    # and awakenings with 0 minutes awake (fine)
    sent = send(db, "sleep_diary", LiteracyLevel.STANDARD)
    values = (
        night(1)
        | night(2, bed_time="11:00", try_sleep_time="11:00", final_wake_time="7:00",
                out_of_bed_time="7:30")
        | night(3, bed_time="22:00", try_sleep_time="22:00", out_of_bed_time="21:59")
        | night(4, awakenings="3", minutes_awake="0")
    )  # fmt: skip
    import_(db, edit(sent.blank, values))
    # When the prep view reads it back
    with db.session() as s:
        sheet = sheet_answers.returned_sheets(s, sent.client_id)[0]
    # Then only nights 1 and 4 have an efficiency, and two are said to be left out
    assert [n.block for n in sheet.nights] == ["d1", "d4"]
    assert sheet.nights_left_out == 2
    html = returned_html([sheet], START + timedelta(days=8))
    assert "2 nights left out: times do not add up." in html
    assert "over 2 nights" in html


# ---- 6. regular files only ------------------------------------------------------------------


def test_only_regular_files_of_at_most_50_mb_are_read(tmp_path: Path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.pdf"
    zero.symlink_to("/dev/zero")
    big = tmp_path / "big.pdf"
    with big.open("wb") as f:
        f.truncate(filled_import.MAX_PDF_BYTES + 1)
    for special in (fifo, zero, tmp_path):
        with pytest.raises(FilledImportError, match="not a regular file"):
            filled_import.read_sheet_file(special)
    with pytest.raises(FilledImportError, match="larger than 50 MB"):
        filled_import.read_sheet_file(big)
    ok = tmp_path / "ok.pdf"
    ok.write_bytes(b"%PDF-1.4 small")
    assert filled_import.read_sheet_file(ok) == b"%PDF-1.4 small"
