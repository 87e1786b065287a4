"""The app's one template library: a template added while the window is open shows in
the assignment form and is printed in the preview; a broken one is reported there."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt

from practice.domain.vocabulary import TemplateKey
from practice.services import clients, homework
from practice.services.clients import ClientInput
from practice.sheets.templates import builtin_template_dir, default_user_template_dir
from practice.ui.assignment_dialog import AssignmentDialog
from practice.ui.sheet_preview import SheetPreview

LEFT = Qt.MouseButton.LeftButton
NEW_KEY = "evening_check"


def _write_new_template(folder: Path) -> Path:
    """A valid template of the therapist's own: the mood log, renamed."""
    text = builtin_template_dir().joinpath("mood_log.toml").read_text("utf-8")
    for old, new in (
        ('key = "mood_log"', f'key = "{NEW_KEY}"'),
        ('en = "Mood log"', 'en = "Evening check-in"'),
        ('title = "My mood this week"', 'title = "My evening check-in"'),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{NEW_KEY}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


@pytest.fixture
def homework_tab(qtbot, main_window, db):  # type: ignore[no-untyped-def]
    """The open window, on the Homework tab of a client (plain English, no homework)."""
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Tomás", last_name="Reyes")).id
    main_window.show_page(main_window.clients_page)
    main_window.clients_page.open_client(client_id)
    tab = main_window.clients_page.workspace.homework
    main_window.clients_page.workspace.setCurrentWidget(tab)
    return tab


def test_a_template_added_while_the_app_runs_shows_in_the_form_and_the_preview(
    qtbot, main_window, homework_tab, db, monkeypatch
):
    # Given the window is open; then the therapist saves a template in their folder
    assert NEW_KEY not in main_window.templates
    _write_new_template(default_user_template_dir())
    offered: list[list[str]] = []

    def choose_the_new_template(dialog: AssignmentDialog) -> int:
        form = dialog.form
        offered.append([form.template.itemData(i) for i in range(form.template.count())])
        form.template.setCurrentIndex(form.template.findData(NEW_KEY))
        assert dialog.save() is True
        return 1

    monkeypatch.setattr(AssignmentDialog, "exec", choose_the_new_template)

    # When the assignment form opens (a real click on Assign…)
    qtbot.mouseClick(homework_tab.assign_button, LEFT)

    # Then it offers the built-ins and the new template, last
    assert offered == [[key.value for key in TemplateKey] + [NEW_KEY]]
    new = homework_tab.selected_assignment()
    assert (new.template_key, new.title) == (NEW_KEY, "My evening check-in")
    assert homework_tab.details.toPlainText().count("Evening check-in") == 1

    # And the preview of its sheet (a real click on Sheet…) prints the new template
    qtbot.mouseClick(homework_tab.sheet_button, LEFT)
    previews = homework_tab.findChildren(SheetPreview)
    assert len(previews) == 1
    preview = previews[0]
    assert [preview.chooser.itemText(i) for i in range(preview.chooser.count())] == [
        f"My evening check-in ({new.code})"
    ]
    assert "My evening check-in" in _text_of(preview.pdf)
    assert not preview.message.isVisible()  # no "template not available"
    # one library for the whole app: the window's is the one that changed
    assert NEW_KEY in main_window.templates


def test_a_broken_template_is_reported_in_the_form_and_the_built_ins_still_work(
    qtbot, main_window, homework_tab, db, monkeypatch
):
    # Given a template file of the therapist's own that is not valid TOML
    folder = default_user_template_dir()
    folder.mkdir(parents=True)
    (folder / "urge_diary.toml").write_text("[meta\nkey = 'urge_diary'\n", encoding="utf-8")
    seen: dict[str, object] = {}

    def look_and_assign(dialog: AssignmentDialog) -> int:
        form = dialog.form
        seen["problems"] = form.template_problems.text()
        seen["problems shown"] = form.template_problems.isVisibleTo(dialog)
        seen["offered"] = [form.template.itemData(i) for i in range(form.template.count())]
        form.template.setCurrentIndex(form.template.findData("sleep_diary"))
        assert dialog.save() is True
        return 1

    monkeypatch.setattr(AssignmentDialog, "exec", look_and_assign)

    # When the assignment form opens
    qtbot.mouseClick(homework_tab.assign_button, LEFT)

    # Then it names the file and the problem, and offers every built-in
    problems = str(seen["problems"]).splitlines()
    assert problems[0] == (
        "Some of your own templates could not be loaded; the others can be used:"
    )
    assert len(problems) == 2
    assert problems[1].startswith("urge_diary.toml: template 'urge_diary': not valid TOML")
    assert seen["problems shown"] is True
    assert seen["offered"] == [key.value for key in TemplateKey]
    # and a built-in is assigned as usual
    with db.session() as s:
        (assigned,) = homework.active_for_client(s, homework_tab.client_id)
    assert assigned.template_key == "sleep_diary"


def test_many_broken_templates_leave_the_form_usable(qtbot, main_window, homework_tab, monkeypatch):
    # Given eight broken files and one with 10,000 unknown keys in the therapist's folder
    folder = default_user_template_dir()
    folder.mkdir(parents=True)
    for i in range(8):
        (folder / f"broken_{i}.toml").write_text("[meta\n", encoding="utf-8")
    noisy = "\n".join(f"odd_{i} = {i}" for i in range(10_000))
    (folder / "noisy.toml").write_text(f"[meta]\nkey = 'noisy'\n{noisy}\n", encoding="utf-8")
    seen: dict[str, object] = {}

    def look(dialog: AssignmentDialog) -> int:
        seen["lines"] = dialog.form.template_problems.text().splitlines()
        seen["minimum height"] = dialog.minimumSizeHint().height()
        return 0

    monkeypatch.setattr(AssignmentDialog, "exec", look)

    # When the assignment form opens (a real click on Assign…)
    qtbot.mouseClick(homework_tab.assign_button, LEFT)

    # Then it lists five problems and counts the rest, and fits on a 600-pixel screen
    lines = seen["lines"]
    assert isinstance(lines, list) and len(lines) == 7
    assert lines[-1] == "… and 14 more (`practice sheet --list` lists them all)."
    assert isinstance(seen["minimum height"], int) and seen["minimum height"] < 600
