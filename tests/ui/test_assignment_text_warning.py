"""The assignment dialog measures the therapist's own instructions against the
client's level when it saves: a warning to keep or fix, never a refusal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from practice.db.models import HomeworkAssignment
from practice.domain.vocabulary import LiteracyLevel
from practice.services import clients
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates
from practice.ui.assignment_dialog import AssignmentDialog, open_assignment_dialog
from practice.ui.widgets import set_combo_value

LEFT = Qt.MouseButton.LeftButton
HARD = (
    "Systematically identify maladaptive automatic cognitions whenever your emotional "
    "state deteriorates, and evaluate their evidential foundation."
)


def dialog_for(qtbot, db) -> AssignmentDialog:  # type: ignore[no-untyped-def]
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Lio", last_name="Ejemplo")).id
    dialog = open_assignment_dialog(None, db, load_templates(), client)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    set_combo_value(dialog.form.level, LiteracyLevel.PICTORIAL)
    dialog.form.instructions.clear()
    qtbot.keyClicks(dialog.form.instructions, HARD)
    return dialog


def saved(db) -> list[tuple[str | None, LiteracyLevel]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = s.scalars(select(HomeworkAssignment)).all()
        return [(r.instructions, r.level) for r in rows]


def test_hard_text_is_saved_with_a_warning_and_kept_with_a_click(qtbot, db):
    # Given the dialog with clinical prose for a pictorial client
    dialog = dialog_for(qtbot, db)
    # When the therapist clicks Assign
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then it is saved, and the dialog stays open with the grade, sentence and words
    assert saved(db) == [(HARD, LiteracyLevel.PICTORIAL)]
    assert dialog.isVisible() and dialog.result() == 0
    warning = dialog.warning.text()
    assert dialog.warning.isVisible()
    assert "Flesch-Kincaid grade:" in warning and "needs at most 3" in warning
    assert "Sentences over 10 words" in warning and "maladaptive" in warning
    assert dialog.keep_button.isVisible()
    # When the therapist keeps it
    qtbot.mouseClick(dialog.keep_button, LEFT)
    # Then the dialog closes with the homework as saved
    assert dialog.result() == AssignmentDialog.DialogCode.Accepted
    assert dialog.result_view is not None and dialog.result_view.instructions == HARD


def test_simpler_text_after_the_warning_updates_the_same_homework(qtbot, db):
    # Given the warning after a first save
    dialog = dialog_for(qtbot, db)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.warning.isVisible()
    # When the therapist writes it simpler and saves again
    dialog.form.instructions.clear()
    qtbot.keyClicks(dialog.form.instructions, "Draw your day.")
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the one homework holds the new text and the dialog closes
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HomeworkAssignment)) == 1
    assert saved(db) == [("Draw your day.", LiteracyLevel.PICTORIAL)]
    assert dialog.result() == AssignmentDialog.DialogCode.Accepted


def test_text_at_the_level_closes_without_a_warning(qtbot, db):
    dialog = dialog_for(qtbot, db)
    dialog.form.instructions.clear()
    qtbot.keyClicks(dialog.form.instructions, "Draw your day. Show me next week.")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.result() == AssignmentDialog.DialogCode.Accepted
    assert not dialog.warning.isVisible()


STANDARD_HARD = (
    "Please systematically document every interpersonal situation in which your "
    "emotional responses intensify considerably. Afterwards evaluate alternatives."
)


def test_standard_level_warning_names_the_long_sentences_and_says_it_was_saved(qtbot, db):
    # Given the dialog at standard level with hard prose whose sentences are all
    # under the standard limit of 25 words
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Ana", last_name="Ejemplo")).id
    dialog = open_assignment_dialog(None, db, load_templates(), client)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    set_combo_value(dialog.form.level, LiteracyLevel.STANDARD)
    dialog.form.instructions.clear()
    qtbot.keyClicks(dialog.form.instructions, STANDARD_HARD)
    # When the therapist clicks Assign
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the warning says plainly that it was saved with this text, and names
    # both the longest sentence and the long words
    warning = dialog.warning.text()
    assert warning.startswith("Saved with your text. You can keep it, or save a simpler version.")
    assert "Longest sentences: “Please systematically document" in warning
    assert "(13 words)" in warning
    assert "Long words: systematically, interpersonal" in warning
    assert "Saved. " not in warning


def test_edited_instructions_hint_is_grammatical(qtbot, db):
    # Given the dialog
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Eli", last_name="Ejemplo")).id
    dialog = open_assignment_dialog(None, db, load_templates(), client)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    # When the therapist types their own instructions
    dialog.form.instructions.clear()
    qtbot.keyClicks(dialog.form.instructions, "Walk after lunch.")
    # Then the hint says they "are" kept
    assert dialog.form.texts_hint.text() == (
        "Your edits are kept when the template, level or language changes: instructions."
    )
