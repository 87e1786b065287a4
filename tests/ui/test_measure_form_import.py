""" "Import a filled sheet…" accepts a returned fillable PHQ-9, GAD-7 or goals form too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from _pdf_forms import fill
from practice.db.models import Measure, MeasureForm, RiskAlert
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.vocabulary import Language
from practice.services import clients, measure_forms
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates
from practice.ui.filled_import_dialog import FilledImportDialog

LIBRARY = load_templates()
LEFT = Qt.MouseButton.LeftButton
SHOTS = Path("/work/shots/msheets16")


def returned_form(db, tmp_path: Path, values: dict[str, str], **kw: object) -> tuple[int, Path]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Nora", last_name="Ejemplo", **kw)).id  # type: ignore[arg-type]
        form, pdf = measure_forms.print_form(s, client, MeasureKind.PHQ9, fillable=True)
        # printed before the date the tests write on it (a form dated before printing is not)
        printed = s.get(MeasureForm, form.id)
        assert printed is not None
        printed.created_at = datetime(2025, 1, 2, 12, tzinfo=UTC)
    back = tmp_path / "phq9-back.pdf"
    back.write_bytes(fill(pdf, values))
    return client, back


def choose(qtbot, monkeypatch, dialog: FilledImportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, LEFT)


def shoot(dialog: QDialog, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 600)):
        dialog.resize(min(w, 760), min(h - 40, 720))
        dialog.grab().save(str(SHOTS / f"{name}-{w}x{h}.png"))


ANSWERS = {f"q{n}": "/1" for n in range(1, 9)} | {"q9": "/2", "date": "4/3/2025"}


def test_a_returned_phq9_is_shown_then_recorded_with_its_alert(qtbot, db, tmp_path, monkeypatch):
    # Given a client's PHQ-9 sent back with question 9 answered 2
    client, back = returned_form(db, tmp_path, ANSWERS)
    dialog = FilledImportDialog(db, LIBRARY, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    # When the therapist chooses it
    choose(qtbot, monkeypatch, dialog, back)
    # Then what it holds is shown, with the question-9 warning, and no homework review
    found = dialog.found.toPlainText()
    assert "PHQ-9" in found and "1: 1" in found and "9: 2" in found
    assert "10 (moderate)" in found and "Tue 4 Mar 2025" in found
    assert "Question 9 was answered 2" in dialog.notice_label.text()
    assert dialog.review_box.isHidden()
    assert dialog.confirm_button.text() == "Record the measure"
    shoot(dialog, "import-phq9-en")
    with db.session() as s:
        assert s.scalars(select(Measure)).all() == []  # nothing written by looking
    # When it is confirmed
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    # Then the measure is recorded from the fillable form and the alert is raised
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.session() as s:
        [measure] = s.scalars(select(Measure)).all()
        assert measure.source is MeasureSource.FILLABLE and measure.total == 10
        assert measure.form_id is not None and measure.client_id == client
        [alert] = s.scalars(select(RiskAlert)).all()
        assert alert.answer == 2 and alert.acknowledged_at is None


def test_another_clients_form_is_refused_in_the_dialog(qtbot, db, tmp_path, monkeypatch):
    client, back = returned_form(db, tmp_path, ANSWERS)
    with db.session() as s:
        other = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba")).id
    dialog = FilledImportDialog(db, LIBRARY, client_id=other)
    qtbot.addWidget(dialog)
    choose(qtbot, monkeypatch, dialog, back)
    assert "printed for another client" in dialog.error_label.text()
    assert not dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    with db.session() as s:
        assert s.scalars(select(Measure)).all() == []
    assert client != other


def test_a_returned_form_in_spanish(qtbot, db, tmp_path, monkeypatch, spanish):
    values = {f"q{n}": "/0" for n in range(1, 8)} | {"q9": "/1"}  # question 8 unanswered
    client, back = returned_form(db, tmp_path, values, language=Language.ES)
    dialog = FilledImportDialog(db, LIBRARY, client_id=client)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, monkeypatch, dialog, back)
    found = dialog.found.toPlainText()
    assert "Formulario" in found and "8: sin responder" in found
    assert "prorrateado por las preguntas sin responder" in found
    assert "La pregunta 9 se respondió con 1" in dialog.notice_label.text()
    assert "Preguntas sin responder" in dialog.notice_label.text()
    assert dialog.confirm_button.text() == "Registrar la medida"
    shoot(dialog, "import-phq9-es")
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    with db.session() as s:
        [measure] = s.scalars(select(Measure)).all()
        assert measure.total == 1 and measure.prorated
