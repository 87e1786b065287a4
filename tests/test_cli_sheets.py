"""``practice sheet``, ``week-sheets``, ``reminder-card`` and ``alarm``, run in-process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pdfplumber
import pytest
from icalendar import Calendar
from pypdf import PdfReader
from sqlalchemy import select

from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.db.models import HomeworkAssignment
from practice.domain.vocabulary import AppointmentStatus, AssignmentStatus, Language, LiteracyLevel
from practice.services import appointments, demo, homework
from practice.sheets.styles import LEVEL_SIZES
from practice.sheets.templates import load_templates

DAY = date(2025, 3, 12)  # a Wednesday
LIBRARY = load_templates()


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, demo.DemoSummary]]:
    path = tmp_path_factory.mktemp("cli_sheets") / "demo.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    with database.session() as s:
        summary = demo.seed_demo(s, today=DAY)
    database.dispose()
    yield path, summary


def text_of(path: Path) -> str:
    with pdfplumber.open(path) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _active(path: Path, client_id: int) -> homework.AssignmentView:
    database = Database(path)
    try:
        with database.session() as s:
            return homework.active_for_client(s, client_id)[0]
    finally:
        database.dispose()


# ---- no database -------------------------------------------------------------------


def test_list_prints_one_template_a_line_key_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sheet", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "thought_record\tThought record"
    assert [line.split("\t")[0] for line in lines] == LIBRARY.keys()
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] for line in lines)


@pytest.mark.parametrize("level", list(LiteracyLevel))
def test_a_blank_sheet_for_every_level(tmp_path: Path, level: LiteracyLevel) -> None:
    out = tmp_path / f"blank-{level.value}.pdf"
    args = ["sheet", "--template", "mood_log", "--level", level.value, "--lang", "es", "-o"]
    assert main([*args, str(out)]) == 0
    text = LIBRARY.get("mood_log").text(level, Language.ES)
    assert text.title in text_of(out)
    assert "Nombre:" in text_of(out)  # blank: a line for the name, no code
    probe = " ".join(text.instructions[0].split()[:2])
    with pdfplumber.open(out) as doc:
        found = doc.pages[0].search(probe, regex=False, return_chars=True)
    assert {round(c["size"], 2) for c in found[0]["chars"] if c["text"].strip()} == {
        LEVEL_SIZES[level][0]
    }
    assert leftovers(tmp_path) == [out.name]


def test_blank_sheet_options_large_print_letter_fillable(tmp_path: Path) -> None:
    out = tmp_path / "big.pdf"
    args = ["sheet", "--template", "thought_record", "--level", "standard", "--lang", "en"]
    assert main([*args, "--large-print", "--paper", "letter", "--fillable", "-o", str(out)]) == 0
    reader = PdfReader(out)
    box = reader.pages[0].mediabox  # Letter; the thought record's table prints landscape
    assert sorted((round(float(box.width)), round(float(box.height)))) == [612, 792]
    assert "practice_code" in (reader.get_fields() or {})
    with pdfplumber.open(out) as doc:
        sizes = {round(c["size"]) for c in doc.pages[0].chars if c["text"].strip()}
    assert max(sizes) > 18 and 18 in sizes


@pytest.mark.parametrize(
    ("option", "value", "listed"),
    [
        ("--template", "nonsense", "thought_record, abc_record, mood_log"),
        ("--level", "expert", "standard, plain, easy, pictorial"),
        ("--lang", "fr", "en, es"),
    ],
)
def test_unknown_template_level_or_language_lists_the_valid_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, listed: str
) -> None:
    args = {"--template": "mood_log", "--level": "plain", "--lang": "en", option: value}
    out = tmp_path / "never.pdf"
    argv = ["sheet", *[x for kv in args.items() for x in kv], "-o", str(out)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"unknown {option[2:]} '{value}'" in err and listed in err
    assert leftovers(tmp_path) == []  # nothing written, no temporary file left


def test_sheet_without_output_or_with_mixed_options_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sheet", "--template", "mood_log", "--level", "plain", "--lang", "en"]) == 1
    assert "-o FILE" in capsys.readouterr().err
    out = tmp_path / "x.pdf"
    assert main(["sheet", "--assignment", "1", "--level", "easy", "-o", str(out)]) == 1
    assert "from the assignment" in capsys.readouterr().err
    assert leftovers(tmp_path) == []


# ---- on the demo practice ---------------------------------------------------------------


def test_an_assignments_sheet_is_filled_for_its_client(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path
) -> None:
    path, summary = practice
    a = _active(path, summary.roles["improver"])
    out = tmp_path / "sheet.pdf"
    assert main(["sheet", "--db", str(path), "--assignment", str(a.id), "-o", str(out)]) == 0
    text = text_of(out)
    assert "Para Mari" in text and a.code in text and a.title in text


def test_unknown_assignment_is_an_error_and_writes_nothing(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = practice
    for command, name in (("sheet", "s.pdf"), ("reminder-card", "c.pdf"), ("alarm", "a.ics")):
        argv = [command, "--db", str(path), "--assignment", "99999", "-o", str(tmp_path / name)]
        assert main(argv) == 1
        assert "no homework assignment with id 99999" in capsys.readouterr().err
    assert leftovers(tmp_path) == []


def test_week_sheets_hold_the_weeks_active_homework(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = practice
    monday = DAY - timedelta(days=DAY.weekday())
    database = Database(path)
    with database.session() as s:
        seen = {
            v.client_id
            for v in appointments.agenda(s, monday, monday + timedelta(days=6))
            if v.status in (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)
        }
        codes = {a.code for c in seen for a in homework.active_for_client(s, c)}
    database.dispose()
    assert codes
    out = tmp_path / "week.pdf"
    argv = ["week-sheets", "--db", str(path), "--from", str(monday), "--to"]
    assert main([*argv, str(monday + timedelta(days=6)), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert f"{len(codes)} sheets:" in captured.err
    text = text_of(out)
    assert all(code in text for code in codes)


def test_week_sheets_for_an_empty_range_fail_clearly(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = practice
    out = tmp_path / "none.pdf"
    argv = ["week-sheets", "--db", str(path), "--from", "2031-01-06", "--to", "2031-01-12"]
    assert main([*argv, "-o", str(out)]) == 1
    assert "No sheets to print" in capsys.readouterr().err
    assert leftovers(tmp_path) == []


def test_reminder_card_is_written_and_marked_printed(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path
) -> None:
    path, summary = practice
    a = _active(path, summary.roles["drifter"])
    out = tmp_path / "card.pdf"
    argv = ["reminder-card", "--db", str(path), "--assignment", str(a.id), "--size", "index"]
    assert main([*argv, "-o", str(out)]) == 0
    page = PdfReader(out).pages[0].mediabox
    assert (round(float(page.width)), round(float(page.height))) == (360, 216)
    assert a.code in text_of(out)
    database = Database(path)
    with database.session() as s:
        assert s.get(HomeworkAssignment, a.id).reminder_card_printed is True
    database.dispose()


def test_alarm_file_parses(practice: tuple[Path, demo.DemoSummary], tmp_path: Path) -> None:
    path, summary = practice
    a = _active(path, summary.roles["improver"])
    out = tmp_path / "alarm.ics"
    assert main(["alarm", "--db", str(path), "--assignment", str(a.id), "-o", str(out)]) == 0
    event = next(iter(Calendar.from_ical(out.read_bytes()).walk("VEVENT")))
    assert a.reminder_time is not None
    assert event.decoded("dtstart").time() == a.reminder_time
    # the lock screen shows a neutral title, not the sheet's name
    assert a.language is Language.ES
    assert str(event["summary"]) == "Hora de tu hoja" != a.title
    assert len(event.walk("VALARM")) == 1
    # the therapist may give another
    own = tmp_path / "own.ics"
    argv = ["alarm", "--db", str(path), "--assignment", str(a.id), "--title", "Paseo", "-o"]
    assert main([*argv, str(own)]) == 0
    event = next(iter(Calendar.from_ical(own.read_bytes()).walk("VEVENT")))
    assert str(event["summary"]) == "Paseo"


def test_homework_that_is_over_gets_no_sheet_card_or_alarm(
    practice: tuple[Path, demo.DemoSummary], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a demo assignment that was dropped or replaced or completed
    path, _ = practice
    database = Database(path)
    with database.session() as s:
        over = s.scalars(
            select(HomeworkAssignment).where(HomeworkAssignment.status != AssignmentStatus.ACTIVE)
        ).first()
        assert over is not None
        over_id, code = over.id, over.code
    database.dispose()
    # When its sheet, card or alarm is asked for, each is refused with the reason
    for command, name in (("sheet", "s.pdf"), ("reminder-card", "c.pdf"), ("alarm", "a.ics")):
        argv = [
            command,
            "--db",
            str(path),
            "--assignment",
            str(over_id),
            "-o",
            str(tmp_path / name),
        ]
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert code in err and "so it gets no sheet, reminder card or alarm" in err
    # and nothing is written
    assert leftovers(tmp_path) == []


def test_the_paper_follows_the_locale_unless_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a computer set to Mexican Spanish
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")
    base = ["sheet", "--template", "mood_log", "--level", "plain", "--lang", "es", "-o"]
    # When a blank sheet is written without --paper, and with --paper a4
    assert main([*base, str(tmp_path / "mx.pdf")]) == 0
    assert main([*base, str(tmp_path / "a4.pdf"), "--paper", "a4"]) == 0
    # Then the first is on US Letter, the second on A4
    sizes = [PdfReader(tmp_path / n).pages[0].mediabox for n in ("mx.pdf", "a4.pdf")]
    assert [(round(float(b.width)), round(float(b.height))) for b in sizes] == [
        (612, 792),
        (595, 842),
    ]
