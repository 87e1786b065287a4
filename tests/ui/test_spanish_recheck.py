"""What the re-check in Spanish and high contrast still found, fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from practice.domain.vocabulary import Language
from practice.services import import_clients, session_flow
from practice.ui import theme
from practice.ui.i18n import translated

LEFT = Qt.MouseButton.LeftButton


def test_a_hint_in_high_contrast_is_told_apart_from_a_typed_value(qapp) -> None:  # type: ignore[no-untyped-def]
    theme.apply("high-contrast")
    palette = QApplication.palette()
    hint = palette.color(QPalette.ColorRole.PlaceholderText)
    typed = palette.color(QPalette.ColorRole.Text)
    # Then a hint is not a shade of the typed text's grey: it differs in hue
    assert hint.hsvHue() != -1 and typed.hsvHue() == -1
    assert theme.contrast_ratio(theme.hex_of("hint"), theme.hex_of("base")) >= 4.5


def test_the_review_asks_whether_the_record_was_brought_in_spanish(spanish) -> None:  # type: ignore[no-untyped-def]
    said = translated(session_flow.BROUGHT_UNSET)
    assert said.startswith("Elige Sí o No") and "record" not in said


def test_a_csv_date_that_does_not_exist_is_said_in_spanish(spanish, db) -> None:  # type: ignore[no-untyped-def]
    csv = "first_name,last_name,birth_date\nAda,Quill,1990-13-45\n"
    with db.session() as s:
        preview = import_clients.preview_import(s, csv)
    (row,) = preview.error_rows
    said = translated(row.errors["birth_date"])
    assert "1990-13-45" in said and "is not a real date" not in said


def test_a_new_client_speaks_the_guis_language_by_default(spanish, qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show_page(main_window.clients_page)
    qtbot.mouseClick(main_window.clients_page.client_list.new_button, LEFT)
    form = main_window.clients_page.workspace.form
    assert form.language.currentData() == Language.ES
