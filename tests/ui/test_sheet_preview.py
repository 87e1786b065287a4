"""The sheet preview, "Print this week's sheets" and "Import a filled sheet", as used."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

import pdfplumber
import pytest
from _homework_data import attended, local, mood_log
from icalendar import Calendar
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton
from sqlalchemy import func, select

from practice.db.models import HomeworkAssignment, HomeworkReview, SheetAnswer
from practice.domain.inputs import ReviewInput
from practice.domain.paper import paper_for_locale
from practice.domain.vocabulary import AppointmentStatus, Language, LiteracyLevel, Modality
from practice.services import appointments, clients, homework, printing, reviews
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates
from practice.ui.filled_import_dialog import FilledImportDialog
from practice.ui.sheet_preview import SheetPreview, show_sheet_for_assignment
from practice.ui.week_sheets_dialog import WeekSheetsDialog

LEFT = Qt.MouseButton.LeftButton
LIBRARY = load_templates()


@dataclass(frozen=True)
class Practice:
    client_id: int
    mood: int  # fillable, standard, English
    sleep: int  # paper, easy, Spanish
    reviewed_in: int  # attended session after the homework was set


@pytest.fixture
def practice(db) -> Practice:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as s:
        client = clients.create(
            s, ClientInput(first_name="Nora", last_name="Ejemplo", preferred_name="Nori")
        ).id
        set_in = attended(s, client, local(today - timedelta(days=8), 10))
        mood = homework.assign(
            s,
            client,
            mood_log(
                today - timedelta(days=8),
                level=LiteracyLevel.STANDARD,
                modality=Modality.FILLABLE_PDF,
                due_date=today - timedelta(days=1),
                reminder_time=time(21, 15),
            ),
            appointment_id=set_in,
        )
        sleep = homework.assign(
            s,
            client,
            mood_log(
                today,
                template_key="sleep_diary",
                title="Diario de sueño",
                level=LiteracyLevel.EASY,
                language=Language.ES,
            ),
        )
        later = attended(s, client, local(today - timedelta(days=1), 10))
        appointments.schedule(s, client, local(today + timedelta(days=6), 10))
    return Practice(client, mood.id, sleep.id, later)


def pages_of(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_preview(qtbot, db, assignment_id: int) -> SheetPreview:  # type: ignore[no-untyped-def]
    dialog = show_sheet_for_assignment(db, LIBRARY, assignment_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


# ---- the preview ---------------------------------------------------------------------------


def test_preview_shows_the_sheet_pages_and_saves_the_same_bytes(
    qtbot, db, practice, tmp_path, monkeypatch
):
    # Given the preview of Nori's fillable mood log
    dialog = open_preview(qtbot, db, practice.mood)
    with db.session() as s:
        expected = printing.sheet_for_assignment(s, practice.mood, templates=LIBRARY)
    # Then it shows every page of that sheet, the client's other active sheet in a
    # chooser, and the fillable box ticked (the assignment's modality)
    assert dialog.page_count() == pages_of(expected) == pages_of(dialog.pdf)
    assert dialog.chooser.isVisibleTo(dialog) and dialog.chooser.count() == 2
    assert dialog.fillable_box.isChecked()
    assert dialog.page_label.text() == f"Page 1 of {dialog.page_count()}"
    # When the therapist pages through a longer sheet (the easy sleep diary)
    longer = open_preview(qtbot, db, practice.sleep)
    assert longer.page_count() >= 2
    qtbot.mouseClick(longer.next_button, LEFT)
    assert longer.page_label.text() == f"Page 2 of {longer.page_count()}"
    assert longer.previous_button.isEnabled()
    # When they save the mood log as PDF
    target = tmp_path / "nori.pdf"
    save_to(monkeypatch, target)
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the file holds exactly the bytes shown
    assert target.read_bytes() == dialog.pdf
    assert "practice_code" in (PdfReader(target).get_fields() or {})
    assert "Saved" in dialog.message.text()


def test_fillable_toggle_and_chooser_switch_documents(qtbot, db, practice):
    dialog = open_preview(qtbot, db, practice.mood)
    qtbot.mouseClick(dialog.fillable_box, LEFT, pos=dialog.fillable_box.rect().center())
    assert not dialog.fillable_box.isChecked()
    assert not PdfReader(io.BytesIO(dialog.pdf)).get_fields()
    dialog.chooser.setCurrentIndex(1 - dialog.chooser.currentIndex())
    assert dialog.source.label.startswith("Diario de sueño")
    assert not dialog.fillable_box.isChecked()  # a paper assignment
    assert dialog.page_count() == pages_of(dialog.pdf)


def test_card_and_alarm_are_saved_and_the_card_is_marked_printed(
    qtbot, db, practice, tmp_path, monkeypatch
):
    dialog = open_preview(qtbot, db, practice.mood)
    card = tmp_path / "card"  # the extension is added
    save_to(monkeypatch, card)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.card_button, LEFT)
    assert (tmp_path / "card.pdf").read_bytes()[:5] == b"%PDF-"
    with db.session() as s:
        assert s.get(HomeworkAssignment, practice.mood).reminder_card_printed is True
    alarm = tmp_path / "alarm.ics"
    save_to(monkeypatch, alarm)
    qtbot.mouseClick(dialog.alarm_button, LEFT)
    event = next(iter(Calendar.from_ical(alarm.read_bytes()).walk("VEVENT")))
    assert event.decoded("dtstart").time() == time(21, 15)


def test_paper_and_alarm_title_are_chosen_in_the_preview(
    qtbot, db, practice, tmp_path, monkeypatch
):
    # Given the preview of an English assignment
    dialog = open_preview(qtbot, db, practice.mood)
    sizes = {"a4": (595, 842), "letter": (612, 792)}
    # Then the paper starts at the locale's size
    assert dialog.paper_box.currentData() == paper_for_locale(QLocale.system().name())
    # When the therapist picks the other size, the sheet shown (and saved) changes
    other = "letter" if dialog.paper_box.currentData() == "a4" else "a4"
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(other))
    box = PdfReader(io.BytesIO(dialog.pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == sizes[other]
    # and the alarm title starts neutral; a title typed in is what the phone shows
    assert dialog.alarm_title.text() == "Time for your sheet"
    dialog.alarm_title.clear()
    qtbot.keyClicks(dialog.alarm_title, "Walk the dog")
    alarm = tmp_path / "alarm.ics"
    save_to(monkeypatch, alarm)
    qtbot.mouseClick(dialog.alarm_button, LEFT)
    event = next(iter(Calendar.from_ical(alarm.read_bytes()).walk("VEVENT")))
    assert str(event["SUMMARY"]) == "Walk the dog"


def test_dropped_homework_shows_why_it_gets_no_sheet(qtbot, db, practice):
    # Given homework that was dropped
    with db.session() as s:
        homework.drop(s, practice.sleep, "Too much at once")
    # When its sheet is opened from the client's list
    dialog = open_preview(qtbot, db, practice.sleep)
    # Then the preview says why, at the top, instead of a sheet
    assert dialog.source.label.startswith("Diario de sueño")
    assert dialog.message.isVisibleTo(dialog)
    assert "was dropped, so it gets no sheet, reminder card or alarm" in dialog.message.text()
    layout = dialog.layout()
    assert layout.indexOf(dialog.message) < layout.indexOf(dialog.view)
    # and Print, Save, card and alarm are off, their tooltips saying why
    for button in (dialog.print_button, dialog.save_button, dialog.card_button):
        assert not button.isEnabled()
        assert "was dropped" in button.toolTip()


def test_dropped_homework_never_writes_an_empty_file_or_prints(
    qtbot, db, practice, tmp_path, monkeypatch
):
    # Given the preview of the dropped sleep diary
    with db.session() as s:
        homework.drop(s, practice.sleep, "Too much at once")
    dialog = open_preview(qtbot, db, practice.sleep)
    asked: list[object] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: asked.append(a) or (str(tmp_path / "x.pdf"), ""),
    )
    # When Save as PDF and Print are triggered anyway (e.g. by a shortcut)
    dialog.save_pdf()
    dialog.print_sheet()
    # Then no file dialog opened, no file was written, and nothing says "Saved"
    assert asked == [] and not (tmp_path / "x.pdf").exists()
    assert "Saved" not in dialog.message.text() and "printer" not in dialog.message.text()
    assert "was dropped" in dialog.message.text()


def test_homework_dropped_while_previewed_gets_no_card_and_no_file_dialog(
    qtbot, db, practice, tmp_path, monkeypatch
):
    # Given the preview of the active sleep diary, which is then dropped elsewhere
    dialog = open_preview(qtbot, db, practice.sleep)
    assert dialog.card_button.isEnabled()
    with db.session() as s:
        homework.drop(s, practice.sleep, "Too much at once")
    asked: list[object] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: asked.append(a) or (str(tmp_path / "c.pdf"), ""),
    )
    # When the therapist clicks the card and the alarm buttons
    qtbot.mouseClick(dialog.card_button, LEFT)
    alarm_enabled = dialog.alarm_button.isEnabled()
    qtbot.mouseClick(dialog.alarm_button, LEFT)
    # Then they are refused before any file dialog opens, saying why
    assert asked == [] and not (tmp_path / "c.pdf").exists()
    assert "was dropped" in dialog.message.text()
    assert not alarm_enabled and not dialog.card_button.isEnabled()


def test_printing_paints_every_page(qtbot, db, practice, tmp_path):
    dialog = open_preview(qtbot, db, practice.mood)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.page_count()
    assert pages_of((tmp_path / "printed.pdf").read_bytes()) == dialog.page_count()


def _print_through_the_dialog(qtbot, dialog: SheetPreview, target: Path) -> list[QPageLayout]:  # type: ignore[no-untyped-def]
    """Click Print…; in the print dialog, note its page layout, print to ``target`` as
    PDF (typed into its file name box) and click Print."""
    shown: list[QPageLayout] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QPrintDialog):
            QTimer.singleShot(20, answer)
            return
        shown.append(box.printer().pageLayout())
        name = box.findChild(QLineEdit, "filename")
        name.selectAll()
        qtbot.keyClicks(name, str(target))
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "&Print")
        qtbot.mouseClick(button, LEFT)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(dialog.print_button, LEFT)
    return shown


def test_a_landscape_sheet_prints_on_a_whole_landscape_page(qtbot, db, practice, tmp_path):
    # Given the preview of the sleep diary, a landscape A4 sheet
    dialog = open_preview(qtbot, db, practice.sleep)
    sheet = PdfReader(io.BytesIO(dialog.pdf)).pages[0].mediabox
    assert sheet.width > sheet.height
    # When the therapist clicks Print… and prints (to a PDF file)
    target = tmp_path / "printed.pdf"
    shown = _print_through_the_dialog(qtbot, dialog, target)
    # Then the print dialog already showed a landscape A4 page
    assert [layout.orientation() for layout in shown] == [QPageLayout.Orientation.Landscape]
    assert shown[0].pageSize().id() == QPageSize.PageSizeId.A4
    assert "Sent to the printer" in dialog.message.text()
    # and the printed page is landscape, the size of the sheet's page
    with pdfplumber.open(target) as printed:
        assert len(printed.pages) == dialog.page_count()
        page = printed.pages[0]
        assert (
            abs(page.width - float(sheet.width)) < 2 and abs(page.height - float(sheet.height)) < 2
        )
        # with the sheet's image filling it, centred
        (image,) = page.images
        assert image["width"] >= 0.97 * page.width and image["height"] >= 0.97 * page.height
        assert abs(image["x0"] - (page.width - image["x1"])) < 2
        assert abs(image["top"] - (page.height - image["bottom"])) < 2


# ---- this week's sheets ------------------------------------------------------------------


def test_week_batch_defaults_to_the_coming_seven_days(qtbot, db):
    # Given Saturday 5 December 2026
    saturday = date(2026, 12, 5)
    # When the week batch opens
    dialog = WeekSheetsDialog(db, LIBRARY, today=saturday)
    qtbot.addWidget(dialog)
    # Then it covers Saturday 5 to Friday 11 December, not the mostly past Mon-Sun week
    assert dialog.range() == (date(2026, 12, 5), date(2026, 12, 11))


def test_on_a_saturday_preview_prints_the_sheets_of_next_tuesday(qtbot, db, practice):
    # Given a Saturday, and Nori's session on the Tuesday after it (the Mon-Sun week
    # around that Saturday would end on the Sunday)
    today = date.today() + timedelta(days=14)  # past the fixture's appointment's week
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    with db.session() as s:
        appointments.schedule(s, practice.client_id, local(saturday + timedelta(days=3), 10))
    dialog = WeekSheetsDialog(db, LIBRARY, today=saturday)
    qtbot.addWidget(dialog)
    dialog.show()

    # When the therapist clicks Preview and print…
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    # Then Tuesday's client's sheets are in the preview
    assert dialog.preview is not None
    qtbot.addWidget(dialog.preview)
    with pdfplumber.open(io.BytesIO(dialog.preview.pdf)) as doc:
        text = " ".join(p.extract_text() or "" for p in doc.pages)
    assert "Nori" in text


def test_week_sheets_dialog_counts_and_previews_the_combined_pdf(qtbot, db, practice):
    today = date.today()
    dialog = WeekSheetsDialog(db, LIBRARY, today=today + timedelta(days=6))
    qtbot.addWidget(dialog)
    first = today + timedelta(days=6)
    # the coming seven days from that day, with the client's appointment: two sheets
    assert dialog.range() == (first, first + timedelta(days=6))
    assert dialog.count_label.text() == "2 sheets for 1 client"
    assert dialog.list.count() == 2
    preview = dialog.open_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    with db.session() as s:
        pdf, _ = printing.week_sheets(s, first, first + timedelta(days=6), templates=LIBRARY)
    assert preview.page_count() == pages_of(pdf)
    assert not preview.card_button.isVisibleTo(preview)
    # each sheet starts on a front page when printed on both sides
    with pdfplumber.open(io.BytesIO(preview.pdf)) as doc:
        texts = [" ".join((p.extract_text() or "").split()) for p in doc.pages]
    starts = [i for i, text in enumerate(texts) if "Page 1 of" in text or "Página 1 de" in text]
    assert len(starts) == 2 and all(i % 2 == 0 for i in starts), starts
    assert all(t == "This page is left blank." for t in texts if "Nori" not in t)
    # an empty week says so and cannot be previewed
    dialog.from_edit.setDate(dialog.from_edit.date().addDays(70))
    dialog.to_edit.setDate(dialog.to_edit.date().addDays(70))
    assert dialog.count_label.text().startswith("No sheets to print")
    assert not dialog.preview_button.isEnabled()


# ---- importing a filled sheet ---------------------------------------------------------------


def filled_sheet(db, assignment_id: int, path: Path) -> Path:  # type: ignore[no-untyped-def]
    with db.session() as s:
        blank = printing.sheet_for_assignment(
            s, assignment_id, templates=LIBRARY, today=date.today() - timedelta(days=8)
        )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank)))
    values = {"d1.mood": "30", "d2.mood": "55", "d3.events": "Slept badly"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _reviews(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(HomeworkReview)) or 0


def test_import_dialog_shows_what_it_found_and_writes_the_confirmed_review(
    qtbot, db, practice, tmp_path, monkeypatch
):
    # Given the returned sheet, printed 8 days ago for the next (still scheduled) session
    dialog = FilledImportDialog(db, LIBRARY, client_id=practice.client_id)
    qtbot.addWidget(dialog)
    choose(monkeypatch, filled_sheet(db, practice.mood, tmp_path / "back.pdf"))
    # When the therapist chooses it
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then it shows the client, the homework, days recorded, ratings and the answers
    found = dialog.found.toPlainText()
    assert "Ejemplo, Nora (Nori)" in found and "Mood log" in found
    assert "3 of 7 expected" in found and "30, 55" in found and "Slept badly" in found
    assert "Day 2" in found and "55 / 100" in found
    assert dialog.error_label.isHidden()
    # and the suggestion: brought, 3 days, completion 2
    assert dialog.brought.isChecked() and dialog.days.value() == 3
    assert dialog.completion.currentData() == 2
    # but the session it was printed for is not attended yet: the dialog asks
    assert dialog.session.currentData() is None
    assert "which has not been held yet: import it at that session" in dialog.session_note.text()
    assert not dialog.confirm_button.isEnabled()
    # When they choose the session where it came back and raise the completion
    dialog.session.setCurrentIndex(dialog.session.findData(practice.reviewed_in))
    assert dialog.session_note.isHidden()
    assert not dialog.replace_group.isVisibleTo(dialog)  # no review there yet
    dialog.completion.setCurrentIndex(dialog.completion.findData(3))
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    # Then the review and every answer are written and the dialog closes
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.session() as s:
        row = s.scalars(select(HomeworkReview)).one()
        names = s.scalars(select(SheetAnswer.name).order_by(SheetAnswer.id)).all()
    assert (row.assignment_id, row.appointment_id) == (practice.mood, practice.reviewed_in)
    assert (row.completion, row.days_recorded, row.brought) == (3, 3, True)
    assert names == ["d1.mood", "d2.mood", "d3.events"]


def test_import_dialog_replaces_a_review_only_when_ticked(
    qtbot, db, practice, tmp_path, monkeypatch
):
    # Given the session already reviewed the homework by hand
    with db.session() as s:
        reviews.review(s, practice.mood, practice.reviewed_in, ReviewInput(False, 1))
    dialog = FilledImportDialog(db, LIBRARY, client_id=practice.client_id)
    qtbot.addWidget(dialog)
    choose(monkeypatch, filled_sheet(db, practice.mood, tmp_path / "back.pdf"))
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # When that session is chosen
    dialog.session.setCurrentIndex(dialog.session.findData(practice.reviewed_in))
    # Then what would change is shown, old against new, and confirming is not possible yet
    assert dialog.replace_group.isVisibleTo(dialog)
    rows = [
        tuple(dialog.changes.topLevelItem(i).text(c) for c in range(3))
        for i in range(dialog.changes.topLevelItemCount())
    ]
    assert rows == [
        ("Brought the record", "no", "yes"),
        ("Completion", "1 (started)", "2 (about half)"),
        ("Days recorded", "not counted", "3"),
        ("Answers from the sheet", "0", "3"),
    ]
    assert not dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert dialog.result() != dialog.DialogCode.Accepted
    with db.session() as s:
        kept = reviews.review_for(s, practice.mood, practice.reviewed_in)
    assert kept is not None and (kept.brought, kept.completion) == (False, 1)
    # When the therapist ticks "Replace that review" and confirms
    qtbot.mouseClick(
        dialog.replace_box, LEFT, pos=dialog.replace_box.rect().topLeft() + QPoint(8, 8)
    )
    assert dialog.replace_box.isChecked() and dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    # Then the review holds the sheet's figures and answers
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.session() as s:
        again = reviews.review_for(s, practice.mood, practice.reviewed_in)
        answers = s.scalar(select(func.count()).select_from(SheetAnswer))
    assert again is not None and (again.brought, again.completion, again.days_recorded) == (
        True, 2, 3,
    )  # fmt: skip
    assert answers == 3 and _reviews(db) == 1


def test_import_dialog_goes_to_the_printed_session_and_marks_flagged_values(
    qtbot, db, tmp_path, monkeypatch
):
    # Given a Spanish sheet printed in one session for the next, now attended
    today = date.today()
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Iris", last_name="Modelo")).id
        set_in = attended(s, client, local(today - timedelta(days=8), 10))
        due = appointments.schedule(s, client, local(today - timedelta(days=1), 10))
        a = homework.assign(
            s, client,
            mood_log(today - timedelta(days=8), level=LiteracyLevel.STANDARD,
                     language=Language.ES, modality=Modality.FILLABLE_PDF,
                     due_date=today - timedelta(days=1)),
            appointment_id=set_in,
        )  # fmt: skip
        blank = printing.sheet_for_assignment(
            s, a.id, templates=LIBRARY, today=today - timedelta(days=8)
        )
        appointments.mark(s, due.appointment.id, AppointmentStatus.ATTENDED)
    path = tmp_path / "vuelta.pdf"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank)))
    for page in writer.pages:
        writer.update_page_form_field_values(
            page, {"d1.mood": "150", "d2.mood": "7/10", "d3.mood": "60",
                   "d3.helped": "<b>Caminar</b> con mi perro"}, auto_regenerate=False,
        )  # fmt: skip
    with path.open("wb") as fh:
        writer.write(fh)
    dialog = FilledImportDialog(db, LIBRARY, client_id=client)
    qtbot.addWidget(dialog)
    choose(monkeypatch, path)
    # When chosen
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then the session it was printed for is chosen, and confirming is possible
    assert dialog.session.currentData() == due.appointment.id
    assert dialog.session_note.isHidden() and dialog.confirm_button.isEnabled()
    # And the answers read in English, the flagged ones marked with why
    found = dialog.found.toPlainText()
    assert "2 flagged: check with the client" in found
    assert "⚠ 150" in found and "150 is outside the 0–100 scale of this sheet." in found
    assert "“7/10” is not a whole number from 0 to 100." in found
    assert "Overall mood today" in found  # the English label of a Spanish sheet
    assert "<b>Caminar</b> con mi perro" in found  # shown as written, never as markup
    html = dialog.found.toHtml()
    assert "#fdecea" in html  # the flagged rows' background
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    with db.session() as s:
        problems = s.scalars(select(SheetAnswer.problem).order_by(SheetAnswer.id)).all()
    assert [p is not None for p in problems] == [True, True, False, False]


@pytest.mark.parametrize("kind", ["foreign", "other client"])
def test_import_dialog_shows_errors_and_writes_nothing(
    qtbot, db, practice, tmp_path, monkeypatch, kind
):
    if kind == "foreign":
        path = tmp_path / "other.pdf"
        path.write_bytes(b"%PDF-1.4\n%%EOF\n")
        client_id: int | None = practice.client_id
    else:
        path = filled_sheet(db, practice.mood, tmp_path / "back.pdf")
        with db.session() as s:
            client_id = clients.create(s, ClientInput(first_name="Otto", last_name="Otro")).id
    dialog = FilledImportDialog(db, LIBRARY, client_id=client_id)
    qtbot.addWidget(dialog)
    choose(monkeypatch, path)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert not dialog.error_label.isHidden()
    assert "Nothing was imported." in dialog.error_label.text()
    assert ("another client" in dialog.error_label.text()) == (kind == "other client")
    assert not dialog.confirm_button.isEnabled()
    assert _reviews(db) == 0


# ---- wiring --------------------------------------------------------------------------------


def test_homework_tab_opens_the_sheet_of_the_chosen_assignment(qtbot, main_window, practice):
    main_window.show_page(main_window.clients_page)
    main_window.clients_page.open_client(practice.client_id)
    tab = main_window.clients_page.workspace.homework
    main_window.clients_page.workspace.setCurrentWidget(tab)
    tab.select_assignment(practice.sleep)
    qtbot.mouseClick(tab.sheet_button, LEFT)
    previews = tab.findChildren(SheetPreview)
    assert len(previews) == 1
    assert previews[0].source.label == f"Diario de sueño ({_code(main_window, practice.sleep)})"


def test_file_menu_has_week_sheets_and_import(qtbot, main_window):
    main_window.week_sheets_action.trigger()
    dialogs = main_window.findChildren(WeekSheetsDialog)
    assert [d.windowTitle() for d in dialogs] == ["Print this week's sheets"]
    assert dialogs[0].isVisible() is True
    assert main_window.import_sheet_action.text() == "&Import a filled sheet…"


def _code(window, assignment_id: int) -> str:  # type: ignore[no-untyped-def]
    with window._db.session() as s:
        return s.get(HomeworkAssignment, assignment_id).code
