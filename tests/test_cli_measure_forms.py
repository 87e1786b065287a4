"""Outcome-measure forms from the shell: ``practice measure-sheet``, ``enter-form``, and a
returned fillable form through ``practice import-sheet``."""

from __future__ import annotations

import io
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject

from _pdf_forms import fill
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.vocabulary import Language, LiteracyLevel, Modality
from practice.services import clients, homework, measure_forms, measures
from practice.services.clients import ClientInput
from practice.services.errors import NotFoundError
from practice.services.measure_forms import MeasureFormError
from practice.services.measures import GoalInput
from practice.sheets.fillable import CODE_FIELD


class Practice:
    def __init__(self, path: Path, client: int, other: int) -> None:
        self.path, self.client, self.other = path, client, other

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.path) as conn:
            return conn.execute(sql).fetchall()

    def measures(self) -> list[measures.MeasureView]:
        database = Database(self.path)
        try:
            with database.session() as s:
                return measures.measures_for(s, self.client) + measures.measures_for(s, self.other)
        finally:
            database.dispose()


@pytest.fixture
def practice(tmp_path: Path) -> Practice:
    path = tmp_path / "practice.sqlite3"
    migrate.upgrade(path)
    database = Database(path)
    try:
        with database.session() as s:
            client = clients.create(
                s, ClientInput(first_name="Lía", last_name="Ficticia", language=Language.ES)
            ).id
            other = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba")).id
            goals = [GoalInput("Salir sola a la tienda"), GoalInput("La preocupación", False)]
            measures.set_goals(s, client, goals)
    finally:
        database.dispose()
    return Practice(path, client, other)


PRINTED_IN_2025 = "UPDATE measure_forms SET created_at = '2025-01-01' || substr(created_at, 11)"


def sheet(practice: Practice, out: Path, measure: str, *extra: str, client: int = 0) -> int:
    return main(
        ["measure-sheet", "--db", str(practice.path), "--client", str(client or practice.client),
         "--measure", measure, "-o", str(out), *extra]
    )  # fmt: skip


def code_of(pdf: bytes) -> str:
    marker = str((PdfReader(io.BytesIO(pdf)).get_fields() or {})[CODE_FIELD]["/V"])
    return marker.split("|")[1]


def test_measure_sheet_keeps_the_form_and_writes_it_in_the_clients_language(
    practice, tmp_path, capsys
):
    out = tmp_path / "phq9.pdf"
    assert sheet(practice, out, "phq9") == 0
    [(code, client, kind, language, large, fillable)] = practice.rows(
        "SELECT code, client_id, kind, language, large_print, fillable FROM measure_forms"
    )
    assert (client, kind, language, large, fillable) == (practice.client, "phq9", "es", 0, 0)
    assert f"code {code}" in capsys.readouterr().out
    with pdfplumber.open(out) as doc:
        text = doc.pages[0].extract_text() or ""
    assert code in text and "Poco interés o placer en hacer cosas" in text
    # English and large print on request, fillable too
    assert sheet(practice, tmp_path / "en.pdf", "gad7", "--lang", "en", "--large-print",
                 "--fillable") == 0  # fmt: skip
    assert practice.rows("SELECT language, large_print, fillable FROM measure_forms")[1] == (
        "en",
        1,
        1,
    )


def test_measure_sheet_refuses_an_existing_file_and_the_practice_itself(practice, tmp_path, capsys):
    out = tmp_path / "phq9.pdf"
    out.write_bytes(b"keep me")
    assert sheet(practice, out, "phq9") != 0
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert sheet(practice, practice.path, "phq9", "--force") != 0
    assert practice.rows("SELECT count(*) FROM measure_forms") == [(0,)]
    assert sheet(practice, out, "phq9", "--force") == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_a_goals_form_needs_goals(practice, tmp_path, capsys):
    assert sheet(practice, tmp_path / "g.pdf", "goals", client=practice.other) != 0
    assert "no goals yet" in capsys.readouterr().err
    assert not (tmp_path / "g.pdf").exists()
    assert practice.rows("SELECT count(*) FROM measure_forms") == [(0,)]


def fillable(practice: Practice, tmp_path: Path, measure: str = "phq9") -> bytes:
    out = tmp_path / f"{measure}-blank.pdf"
    assert sheet(practice, out, measure, "--fillable") == 0
    return out.read_bytes()


def imported(practice: Practice, tmp_path: Path, pdf: bytes, *extra: str) -> int:
    back = tmp_path / "back.pdf"
    back.write_bytes(pdf)
    return main(["import-sheet", str(back), "--db", str(practice.path), *extra])


def test_a_filled_phq9_is_recorded_with_its_answers_and_item_9_raises_the_alert(
    practice, tmp_path, capsys
):
    blank = fillable(practice, tmp_path)
    practice.rows(PRINTED_IN_2025)  # printed before the date written on it
    values = {f"q{n}": "/2" for n in range(1, 10)} | {"q9": "/2", "diff": "/1", "date": "4/3/2025"}
    assert imported(practice, tmp_path, fill(blank, values)) == 0
    out = capsys.readouterr().out
    assert "Risk alert: question 9 answered 2 — acknowledge it in Practice" in out
    assert "total 18 (moderately severe)" in out
    [view] = practice.measures()
    assert view.answers == (2,) * 9 and view.total == 18 and view.difficulty == 1
    assert view.source is MeasureSource.FILLABLE and view.taken_on.isoformat() == "2025-03-04"
    [(form_id,)] = practice.rows("SELECT form_id FROM measures")
    assert practice.rows("SELECT id FROM measure_forms") == [(form_id,)]
    assert practice.rows("SELECT client_id, answer, acknowledged_at FROM risk_alerts") == [
        (practice.client, 2, None)
    ]
    # the same form again is refused
    assert imported(practice, tmp_path, fill(blank, values)) != 0
    assert "already recorded" in capsys.readouterr().err
    assert len(practice.measures()) == 1


def test_unanswered_items_stay_unanswered_and_a_missing_date_is_today(practice, tmp_path, capsys):
    blank = fillable(practice, tmp_path, "gad7")
    values = {f"q{n}": "/1" for n in range(1, 7)}  # item 7 left blank
    assert imported(practice, tmp_path, fill(blank, values)) == 0
    captured = capsys.readouterr()
    assert "Risk alert" not in captured.out
    assert "kept as unanswered: 7" in captured.err
    [view] = practice.measures()
    assert view.answers == (1, 1, 1, 1, 1, 1, None)
    assert view.total == 7 and view.prorated  # 6 x 7 / 6
    assert practice.rows("SELECT count(*) FROM risk_alerts") == [(0,)]


def test_a_filled_goals_form_records_the_ratings_of_the_printed_goals(practice, tmp_path, capsys):
    blank = fillable(practice, tmp_path, "goals")
    assert imported(practice, tmp_path, fill(blank, {"g1": "/7", "g2": "/3"})) == 0
    [view] = practice.measures()
    goal_ids = [g for (g,) in practice.rows("SELECT id FROM client_goals ORDER BY position")]
    assert view.kind is MeasureKind.GOALS
    assert view.ratings == ((goal_ids[0], 7), (goal_ids[1], 3))


def test_wrong_client_unknown_code_and_garbage_are_refused_with_nothing_stored(
    practice, tmp_path, capsys
):
    blank = fillable(practice, tmp_path)
    values = {"q1": "/1", "q9": "/3"}
    # another client's form
    assert imported(practice, tmp_path, fill(blank, values), "--client", str(practice.other)) != 0
    assert "another client" in capsys.readouterr().err
    # a code no form was printed with
    code = code_of(blank)
    forged = fill(blank, values | {CODE_FIELD: "M1|ZZZZZZ|phq9|es|"})
    assert code != "ZZZZZZ"
    assert imported(practice, tmp_path, forged) != 0
    assert "No form was printed with the code ZZZZZZ" in capsys.readouterr().err
    # a form's marker edited to another measure
    edited = fill(blank, values | {CODE_FIELD: f"M1|{code}|gad7|es|"})
    assert imported(practice, tmp_path, edited) != 0
    assert "does not match" in capsys.readouterr().err
    # a damaged PDF, and a file that is no PDF
    assert imported(practice, tmp_path, fill(blank, values)[:4000]) != 0
    assert "incomplete" in capsys.readouterr().err
    assert imported(practice, tmp_path, b"not a pdf at all") != 0
    assert "not a PDF" in capsys.readouterr().err
    # a form with nothing ticked
    assert imported(practice, tmp_path, blank) != 0
    assert "Nothing was ticked" in capsys.readouterr().err
    assert practice.measures() == []
    assert practice.rows("SELECT count(*) FROM risk_alerts") == [(0,)]


def test_a_returned_paper_form_is_entered_by_its_code(practice, tmp_path, capsys):
    out = tmp_path / "paper.pdf"
    assert sheet(practice, out, "phq9") == 0
    [(code,)] = practice.rows("SELECT code FROM measure_forms")
    practice.rows(PRINTED_IN_2025)
    status = main(
        ["enter-form", code.lower(), "--db", str(practice.path), "--answers",
         "1,1,1,1,1,1,1,-,1", "--difficulty", "2", "--date", "2025-03-04"]
    )  # fmt: skip
    assert status == 0
    out_text = capsys.readouterr().out
    assert "Risk alert: question 9 answered 1" in out_text
    [view] = practice.measures()
    assert view.source is MeasureSource.PAPER and view.answers[7] is None
    assert view.total == 9 and view.prorated and view.difficulty == 2
    assert practice.rows("SELECT count(*) FROM risk_alerts") == [(1,)]


def test_the_paper_service_refuses_an_unknown_code_and_another_clients_form(practice):
    database = Database(practice.path)
    try:
        with database.session() as s:
            form, _ = measure_forms.print_form(s, practice.client, MeasureKind.PHQ9)
        with database.session() as s, pytest.raises(NotFoundError):
            measure_forms.record_paper_form(
                s, "NOPE22", taken_on=form.created_at.date(), answers=[0] * 9
            )
        with database.session() as s, pytest.raises(MeasureFormError):
            measure_forms.record_paper_form(
                s, form.code, taken_on=form.created_at.date(), answers=[0] * 9,
                client_id=practice.other,
            )  # fmt: skip
    finally:
        database.dispose()
    assert practice.measures() == []


# ---- issue 16 safety recheck ------------------------------------------------------------


def two_ticked(pdf: bytes, *names: str) -> bytes:
    """Tick boxes 1 and 2 on each question ``names``, as a PDF editor can."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for ref in writer._root_object["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if field.get("/T") in names:
            field[NameObject("/V")] = ArrayObject([NameObject("/1"), NameObject("/2")])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_paper_phq9_with_question_9_blank_says_to_ask_about_it(practice, tmp_path, capsys):
    assert sheet(practice, tmp_path / "paper.pdf", "phq9") == 0
    [(code,)] = practice.rows("SELECT code FROM measure_forms")
    capsys.readouterr()
    args = ["enter-form", code, "--db", str(practice.path), "--answers=1,1,1,1,1,1,1,1,-"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "prorated for 1 unanswered, question 9 not answered." in out
    assert "Question 9 (thoughts of being better off dead or of hurting yourself) was not " \
        "answered: ask about it." in out  # fmt: skip
    [view] = practice.measures()
    assert view.risk_item_unanswered and view.total == 9 and view.prorated


def test_an_imported_phq9_with_question_9_blank_says_to_ask_about_it(practice, tmp_path, capsys):
    blank = fillable(practice, tmp_path)
    values = {f"q{n}": "/1" for n in range(1, 9)}
    assert imported(practice, tmp_path, fill(blank, values)) == 0
    captured = capsys.readouterr()
    assert "question 9 not answered" in captured.out
    assert "Question 9 (thoughts of being better off dead or of hurting yourself) was not " \
        "answered: ask about it." in captured.err  # fmt: skip


@pytest.mark.parametrize(
    ("values", "ticked", "said"),
    [
        ({"q3": "/7"}, (), "question 3: '7' is not one of 0–3"),
        ({"q9": "/-1"}, (), "question 9: '-1' is not one of 0–3"),
        ({"q9": "/often"}, (), "question 9: 'often' is not one of 0–3"),
        ({"q9": "/²"}, (), "question 9: '²' is not one of 0–3"),
        ({"diff": "/9"}, (), "the last question (how difficult): '9' is not one of 0–3"),
        ({}, ("q9",), "question 9: two answers ticked"),
        ({}, ("q1", "q9"), "question 1: two answers ticked; question 9: two answers ticked"),
    ],
)
def test_a_garbled_answer_refuses_the_whole_form_and_says_which(
    practice, tmp_path, capsys, values, ticked, said
):
    blank = fillable(practice, tmp_path)
    answered = {f"q{n}": "/1" for n in range(1, 10)} | values
    pdf = fill(blank, answered)
    if ticked:
        pdf = two_ticked(pdf, *ticked)
    back = tmp_path / "back.pdf"
    back.write_bytes(pdf)
    assert main(["import-sheet", str(back), "--db", str(practice.path)]) == 1
    err = capsys.readouterr().err
    assert f"Some answers on this form cannot be read: {said}. Nothing was recorded" in err
    assert "enter the form's answers by hand" in err and "Nothing was ticked" not in err
    assert practice.measures() == [] and back.read_bytes() == pdf  # the file untouched


@pytest.mark.parametrize("answer", ["²", "1" * 100_000, "\x1b[2J"], ids=["super", "huge", "esc"])
def test_enter_form_says_an_answer_is_not_a_number_without_a_crash(practice, tmp_path, capsys,
                                                                    answer):  # fmt: skip
    assert sheet(practice, tmp_path / "paper.pdf", "phq9") == 0
    [(code,)] = practice.rows("SELECT code FROM measure_forms")
    answers = ",".join([answer] + ["1"] * 8)
    assert main(["enter-form", code, "--db", str(practice.path), f"--answers={answers}"]) == 1
    err = capsys.readouterr().err
    assert "is not a number, '-' or '?'" in err and "unexpected" not in err
    assert "\x1b" not in err and len(err) < 300
    assert practice.measures() == []


def test_a_code_with_an_escape_is_shown_escaped(practice, capsys):
    assert main(["enter-form", "AB\x1b[2JCD", "--db", str(practice.path), "--answers=1"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "AB\\u001b[2JCD" in err


def test_a_first_unanswered_question_is_written_with_an_equals_sign_or_a_question_mark(
    practice, tmp_path, capsys
):
    assert sheet(practice, tmp_path / "paper.pdf", "phq9") == 0
    [(code,)] = practice.rows("SELECT code FROM measure_forms")
    with pytest.raises(SystemExit):
        main(["enter-form", code, "--db", str(practice.path), "--answers", "-,1,1,1,1,1,1,1,1"])
    assert "write --answers=-,1,… with '='" in capsys.readouterr().err
    assert (
        main(["enter-form", code, "--db", str(practice.path), "--answers", "?,1,1,1,1,1,1,1,1"])
        == 0
    )
    [view] = practice.measures()
    assert view.answers == (None, 1, 1, 1, 1, 1, 1, 1, 1)


def test_a_form_dated_before_it_was_printed_is_refused(practice, tmp_path, capsys):
    assert sheet(practice, tmp_path / "paper.pdf", "phq9") == 0
    [(code,)] = practice.rows("SELECT code FROM measure_forms")
    args = ["enter-form", code, "--db", str(practice.path), "--answers=0,0,0,0,0,0,0,0,0"]
    assert main([*args, "--date", "2020-01-01"]) == 1
    err = capsys.readouterr().err
    assert "so it cannot have been filled in on 2020-01-01" in err
    # a plain sentence, without the service's name for the field ("taken_on: ")
    assert err.startswith("practice: This form was printed on "), err
    assert "taken_on" not in err
    assert practice.measures() == []


def test_enter_form_says_a_wrong_answer_in_plain_words(practice, tmp_path, capsys):
    assert sheet(practice, tmp_path / "paper.pdf", "phq9") == 0
    [(code,)] = practice.rows("SELECT code FROM measure_forms")
    practice.rows(PRINTED_IN_2025)
    args = ["enter-form", code, "--db", str(practice.path), "--date", "2025-03-04"]
    assert main([*args, "--answers=0,0,0,0,0,0,0,0,7"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0].startswith("practice: "), err
    assert "answers" not in err and ": " not in err.removeprefix("practice: "), err
    assert practice.measures() == []


def test_a_homework_code_is_named_as_such(practice, capsys):
    database = Database(practice.path)
    try:
        with database.session() as s:
            assignment = homework.assign(
                s, practice.client,
                AssignmentInput(
                    template_key="mood_log", title="Mood log", level=LiteracyLevel.STANDARD,
                    language=Language.EN, modality=Modality.FILLABLE_PDF,
                    start_date=date.today(), due_date=date.today() + timedelta(days=7),
                ),
            )  # fmt: skip
            code = assignment.code
    finally:
        database.dispose()
    assert main(["enter-form", code, "--db", str(practice.path), "--answers=1"]) == 1
    err = capsys.readouterr().err
    assert f"The code {code} is a homework sheet's, not an outcome-measure form's" in err
    assert "practice import-sheet" in err


def test_a_newer_versions_form_says_so(practice, tmp_path, capsys):
    blank = fillable(practice, tmp_path)
    code = code_of(blank)
    newer = fill(blank, {"q1": "/1", CODE_FIELD: f"M2|{code}|phq9|es|"})
    assert imported(practice, tmp_path, newer) == 1
    err = capsys.readouterr().err
    assert "made by a newer version of Practice" in err and "another program" not in err


def test_one_goal_rated_is_singular(practice, tmp_path, capsys):
    assert sheet(practice, tmp_path / "goals.pdf", "goals") == 0
    [(code,)] = practice.rows("SELECT code FROM measure_forms")
    assert main(["enter-form", code, "--db", str(practice.path), "--answers=7,-"]) == 0
    assert ": 1 goal rated." in capsys.readouterr().out


def test_every_command_says_a_services_refusal_without_field_names(capsys):
    from practice.cli.errors import report_errors
    from practice.services.errors import ValidationError

    # the one rule (cli.errors) every command's failure goes through
    def refused() -> int:
        raise ValidationError(
            {"taken_on": "Check the day it was filled in", "answers": "Too many."}
        )

    assert report_errors(refused) == 1
    err = capsys.readouterr().err
    assert err == "practice: Check the day it was filled in. Too many.\n"
