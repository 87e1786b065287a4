"""The sheet preview, week sheets, import, export, backups and security dialogs in Spanish.

Each test installs Spanish (the ``spanish`` fixture), opens the real dialog on a
migrated database, clicks through it and reads the words back from the widgets. Every
test also checks that no English sentence of these dialogs (a run of three words or
more from their English source text) is left on screen.

With ``PRACTICE_SHOTS=<folder>`` set, each dialog is also saved as a PNG at 1366×768
and 1024×600 into that folder, to look at.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from _homework_data import attended, local, mood_log
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTextEdit,
    QWidget,
)
from tests.ui._translations import translation_tools

from practice.db import crypto, encryption
from practice.db.engine import Database
from practice.domain.vocabulary import Language, LiteracyLevel, Modality
from practice.services import appointments, backup, clients, homework, printing
from practice.services.clients import ClientInput

LEFT = Qt.MouseButton.LeftButton
ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery"
FAST = crypto.KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
# The translation contexts of these dialogs (see resources/translations/practice_es.ts).
CONTEXTS = {
    "AutoLock", "BackupsDialog", "ClientExportDialog", "DataActions", "ExportAllDialog",
    "ExportDialogs", "FilledImportDialog", "FolderField", "ImportClientsDialog",
    "ImportPreviewModel", "LockScreen", "PassphrasePanel", "RecoveryDialog",
    "RecoveryKeyDialog", "SecuritySettingsDialog", "SheetPreview", "UnlockDialog",
    "WeekSheetsDialog", "sheet_answers_html",
}  # fmt: skip


def _english_phrases() -> list[str]:
    """Runs of three words or more from the English text of these dialogs."""
    tools = translation_tools()
    phrases: set[str] = set()
    for message in tools.read(tools.TS):
        if message.context not in CONTEXTS or message.source in message.translations:
            continue
        text = re.sub(r"<[^>]*>", " ", message.source)
        for part in re.split(r"\{[^}]*\}|%n|[()\n“”]", text):
            words = part.strip(" .,:;?!—–…").split()
            if len(words) >= 3:
                phrases.add(" ".join(words))
    assert len(phrases) > 60  # the translation holds these dialogs' words
    return sorted(phrases)


def visible_texts(root: QWidget) -> str:
    """Every word a person could read in ``root``: titles, labels, buttons, fields, lists,
    table heads and cells, combo boxes and form labels."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text().replace("&", ""))
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QSpinBox):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model
                columns = 1
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
            ]
            for row in range(model.rowCount(QModelIndex())):
                texts += [str(model.index(row, c).data() or "") for c in range(columns)]
        texts.append(widget.toolTip())
    return "\n".join(re.sub(r"<[^>]*>", " ", t) for t in texts)


def assert_no_english(root: QWidget) -> str:
    """The texts of ``root``, checked to hold no English sentence of these dialogs."""
    shown = " ".join(visible_texts(root).split())
    left = [phrase for phrase in _english_phrases() if phrase in shown]
    assert not left, f"English left in {root.windowTitle()!r}: {left}"
    return shown


def form_labels(form: QFormLayout) -> list[str]:
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            labels.append(item.widget().text())
    return labels


def shoot(widget: QWidget, name: str) -> None:
    """Save ``widget`` at both screen sizes when PRACTICE_SHOTS names a folder."""
    folder = os.environ.get("PRACTICE_SHOTS")
    if not folder:
        return
    size = widget.size()
    for width, height in ((1366, 768), (1024, 600)):
        widget.resize(min(size.width(), width), min(size.height(), height - 40))
        QApplication.processEvents()  # the layout follows texts set just now
        widget.grab().save(str(Path(folder) / f"{name}-{width}x{height}.png"))
    widget.resize(size)


@pytest.fixture
def nora(db: Database) -> tuple[int, int]:
    """A client with a fillable mood log and a Spanish sleep diary, and an appointment in
    six days: (client id, mood log id)."""
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
        homework.assign(
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
        appointments.schedule(s, client, local(today + timedelta(days=6), 10))
    return client, mood.id


# ---- sheet preview and week sheets -------------------------------------------------------


def test_sheet_preview_speaks_spanish_paper_print_and_save(
    qtbot, spanish, db, templates, nora, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    from practice.ui.sheet_preview import show_sheet_for_assignment

    dialog = show_sheet_for_assignment(db, templates, nora[1])
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle().startswith("Hojas — ")
    assert [dialog.paper_box.itemText(i) for i in range(2)] == ["A4", "Carta (EE. UU.)"]
    assert dialog.print_button.text() == "Imprimir…"
    assert dialog.save_button.text() == "Guardar como PDF…"
    assert dialog.card_button.text() == "Guardar tarjeta recordatoria…"
    assert dialog.alarm_label.text() == "Título de la alarma:"
    assert dialog.fillable_box.text().startswith("Formulario rellenable")
    assert dialog.page_label.text().startswith("Página 1 de ")

    # When the therapist picks the other paper with the keyboard on the combo box
    before = dialog.paper_box.currentData()
    dialog.paper_box.setFocus()
    qtbot.keyClick(dialog.paper_box, Qt.Key.Key_Down if before == "a4" else Qt.Key.Key_Up)
    assert dialog.paper_box.currentData() != before
    assert dialog.page_label.text().startswith("Página 1 de ")

    # When Print… is clicked: the system print dialog has a Spanish title (cancelled here)
    titles: list[str] = []

    def print_dialog(self: QPrintDialog) -> int:
        titles.append(self.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", print_dialog)
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert titles == ["Imprimir la hoja"]

    # When Save as PDF… is clicked: the file dialog asks in Spanish and keeps the pattern
    asked: list[tuple[str, str]] = []
    target = tmp_path / "hoja.pdf"

    def save_name(_parent: object, caption: str, _name: str, filters: str) -> tuple[str, str]:
        asked.append((caption, filters))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert asked == [("Guardar la hoja como PDF", "Archivos PDF (*.pdf)")]
    assert target.read_bytes() == dialog.pdf
    assert dialog.message.text() == f"Guardado en {target}"
    assert_no_english(dialog)
    shoot(dialog, "sheet-preview")


def test_week_sheets_dialog_counts_in_spanish_and_opens_the_preview(
    qtbot, spanish, db, templates, nora
):  # type: ignore[no-untyped-def]
    from practice.ui.week_sheets_dialog import WeekSheetsDialog

    dialog = WeekSheetsDialog(db, templates, today=date.today() + timedelta(days=6))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Imprimir las hojas de esta semana"
    assert dialog.count_label.text() == "2 hojas para 1 cliente"
    form = dialog.layout().itemAt(1).layout()
    assert form_labels(form) == ["Desde", "Hasta", "Papel"]
    assert dialog.preview_button.text() == "Vista previa e impresión…"
    shown = assert_no_english(dialog)
    assert "Una hoja por cada tarea activa" in shown
    shoot(dialog, "week-sheets")

    # An impossible range says so in Spanish
    dialog.to_edit.setDate(dialog.from_edit.date().addDays(-1))
    assert dialog.count_label.text() == "El último día es anterior al primero."
    dialog.to_edit.setDate(dialog.from_edit.date().addDays(6))

    # When Preview and print… is clicked
    qtbot.mouseClick(dialog.preview_button, LEFT)
    preview = dialog.preview
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Las hojas de esta semana"
    assert preview.heading.text().startswith("2 hojas · ")
    assert preview.close_button.text() == "Cerrar"
    assert_no_english(preview)


def test_filled_sheet_import_in_spanish_shows_what_it_found(
    qtbot, spanish, db, templates, nora, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    from practice.ui.filled_import_dialog import FilledImportDialog

    with db.session() as s:
        blank = printing.sheet_for_assignment(
            s, nora[1], templates=templates, today=date.today() - timedelta(days=8)
        )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank)))
    for page in writer.pages:
        writer.update_page_form_field_values(
            page, {"d1.mood": "30", "d2.mood": "55"}, auto_regenerate=False
        )
    path = tmp_path / "vuelta.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    asked: list[tuple[str, str]] = []

    def open_name(_parent: object, caption: str, _dir: str, filters: str) -> tuple[str, str]:
        asked.append((caption, filters))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    dialog = FilledImportDialog(db, templates, client_id=nora[0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Importar una hoja completada"
    assert dialog.file_label.text() == "Todavía no has elegido ningún archivo."

    # When the therapist clicks Choose PDF…
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert asked == [("Elige la hoja completada", "Archivos PDF (*.pdf);;Todos los archivos (*)")]
    found = dialog.found.toPlainText()
    assert "Cliente" in found and "Días registrados" in found and "2 de 7 previstos" in found
    assert "Respuestas" in found
    assert dialog.why_label.text().startswith("Sugerido ")
    assert "días o entradas previstos registrados" in dialog.why_label.text()
    assert dialog.brought.text() == "Trajo el registro"
    assert dialog.confirm_button.text() == "Confirmar y escribir la revisión"
    shown = assert_no_english(dialog)
    assert "Cumplimiento" in shown and "Sesión" in shown
    shoot(dialog, "filled-import")


# ---- import and export ----------------------------------------------------------------------


def test_import_dialog_in_spanish_shows_rows_counts_and_what_is_wrong(
    qtbot, spanish, main_window, db, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    from practice.ui.import_dialog import ImportClientsDialog

    with db.session() as s:
        clients.create(
            s, ClientInput(first_name="Marisol", last_name="Quintero", birth_date=date(1985, 5, 17))
        )
    path = tmp_path / "clientes.csv"
    path.write_text(
        "first_name,last_name,birth_date\n"
        "Marisol,Quintero,1985-05-17\n"
        "Tomás,Peñalver,1978-02-30\n"
        "Inés,Villaseñor,1992-03-08\n",
        encoding="utf-8",
    )
    asked: list[tuple[str, str]] = []

    def open_name(_parent: object, caption: str, _dir: str, filters: str) -> tuple[str, str]:
        asked.append((caption, filters))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    action = main_window.data_actions.import_action
    assert action.text() == "Importar &clientes desde CSV…"
    action.trigger()
    dialog = main_window.findChild(ImportClientsDialog)
    assert dialog.windowTitle() == "Importar clientes desde CSV"
    assert dialog.file_label.text() == "Ningún archivo elegido"

    # When the therapist clicks Choose CSV file…
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert asked == [
        ("Elige un archivo CSV de clientes", "Archivos CSV (*.csv *.txt);;Todos los archivos (*)")
    ]
    model = dialog.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[:6] == ["Línea", "Estado", "Mensajes", "Nombre *", "Apellidos *",
                         "Fecha de nacimiento"]  # fmt: skip
    statuses = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert statuses == ["Duplicada", "Error", "Correcta"]
    assert "Mismo nombre y fecha de nacimiento que Quintero, Marisol, que ya está aquí." in (
        model.index(0, 2).data()
    )
    assert dialog.summary.text() == "3 filas, 1 correcta, 1 con errores, 1 duplicada"
    assert dialog.hint.text().startswith("1 fila con errores (marcada en rojo).")
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_box.text() == "Omitir duplicados (importar las demás filas)"
    assert_no_english(dialog)
    shoot(dialog, "import-clients")


def test_export_dialogs_in_spanish_choose_export_and_save(
    qtbot, spanish, main_window, db, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    from practice.ui.export_dialogs import ClientExportDialog, ExportAllDialog

    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Lucía", last_name="Ferrández")).id
    out = tmp_path / "export"
    out.mkdir()
    captions: list[str] = []

    def folder(_parent: object, caption: str, _start: str) -> str:
        captions.append(caption)
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    main_window.data_actions.export_all_action.trigger()
    dialog = main_window.findChild(ExportAllDialog)
    assert dialog.windowTitle() == "Exportar todo"
    assert dialog.folder_edit.text() == "Todavía no has elegido ninguna carpeta"
    assert dialog.private_box.text() == "Incluir notas de psicoterapia"

    # When the folder is chosen and Export clicked
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert captions == ["Elige una carpeta para la exportación"]
    qtbot.mouseClick(dialog.export_button, LEFT)
    result = dialog.result_label.text()
    assert result.startswith("Se exportaron ") and " filas de " in result, result
    assert "Notas de psicoterapia excluidas." in result
    assert dialog.open_button.text() == "Abrir carpeta"
    assert_no_english(dialog)
    shoot(dialog, "export-everything")

    # One client's record: Save as PDF… asks in Spanish, keeps the pattern, says what it saved
    record = ClientExportDialog(db, client_id)
    qtbot.addWidget(record)
    record.show()
    asked: list[tuple[str, str]] = []
    target = tmp_path / "expediente.pdf"

    def save_name(_parent: object, caption: str, _name: str, filters: str) -> tuple[str, str]:
        asked.append((caption, filters))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    assert record.windowTitle() == "Exportar el expediente de este cliente"
    qtbot.mouseClick(record.pdf_button, LEFT)
    assert asked == [("Guardar el expediente como PDF", "Archivos PDF (*.pdf)")]
    assert record.result_label.text() == (f"Guardado en {target} (PDF, sin notas de psicoterapia).")
    assert target.read_bytes().startswith(b"%PDF")
    assert_no_english(record)
    shoot(record, "export-client")


# ---- backups -----------------------------------------------------------------------------


def test_backups_dialog_in_spanish_lists_and_asks_before_restoring(
    qtbot, spanish, db, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    from practice.ui.backups_dialog import BackupsDialog

    folder = tmp_path / "copias"
    backup.make_backup(db.path, folder, kind="daily")
    backup.make_backup(db.path, folder, kind="manual")
    dialog = BackupsDialog(db.path, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Copias de seguridad"
    model = dialog.proxy
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert heads == ["Fecha", "Tipo", "Verificación", "Tamaño"]
    rows = {model.index(r, 1).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert rows == {"Hecha por ti": "Verificada", "Diaria": "Verificada"}
    assert model.index(0, 3).data().endswith(" KB")
    assert dialog.backup_button.text() == "Hacer copia de seguridad ahora"
    assert dialog.folder_label.text() == f"Carpeta: {folder}"
    assert_no_english(dialog)
    shoot(dialog, "backups")

    # When Restore… is clicked, the question is in Spanish (answered No: nothing happens)
    asked: list[tuple[str, str]] = []

    def question(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append((title, text))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert len(asked) == 1 and asked[0][0] == "¿Restaurar esta copia?"
    assert asked[0][1].startswith("¿Restaurar la copia del ")
    assert "El archivo actual de la base de datos no se borra" in asked[0][1]
    assert ".before-restore-<hora>" in asked[0][1]
    assert dialog.chosen is None


# ---- security ----------------------------------------------------------------------------


def test_security_settings_in_spanish_refuse_differing_passphrases(qtbot, spanish, db):  # type: ignore[no-untyped-def]
    from practice.ui.security_settings import RecoveryKeyDialog, SecuritySettingsDialog

    dialog = SecuritySettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Ajustes de seguridad"
    assert dialog.state.text().startswith("<b>Esta consulta no está cifrada.</b>")
    assert dialog.action.text() == "Activar el cifrado…"
    assert form_labels(dialog.form)[1:] == [
        "Frase de contraseña nueva",
        "Repite la frase de contraseña nueva",
    ]
    assert dialog.minutes.suffix() == " min"  # reads right for 1 minute too

    # When two different new passphrases are typed and the button clicked
    qtbot.keyClicks(dialog.new, "una frase bastante larga")
    qtbot.keyClicks(dialog.again, "otra frase bastante larga")
    qtbot.mouseClick(dialog.action, LEFT)
    assert dialog.error.text() == "Las dos frases de contraseña nuevas no coinciden."
    assert not crypto.is_encrypted(db.path)
    shown = assert_no_english(dialog)
    assert "Bloqueo automático" in shown and "Bloquear tras" in shown
    shoot(dialog, "security-settings")

    # The recovery key page: Done only once the box is ticked (clicked on its indicator)
    key = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", db.path)
    qtbot.addWidget(key)
    key.show()
    done = key.buttons.buttons()[0]
    assert key.windowTitle() == "Tu clave de recuperación"
    assert done.text() == "Listo" and not done.isEnabled()
    assert key.kept.text() == "He impreso o anotado la clave de recuperación"
    qtbot.mouseClick(key.kept, LEFT, pos=QPoint(8, key.kept.height() // 2))
    assert done.isEnabled()
    assert_no_english(key)
    shoot(key, "recovery-key")


@pytest.fixture
def encrypted(db: Database) -> Path:
    """The practice encrypted with PASSPHRASE (fast key derivation), its engine closed."""
    db.dispose()
    encryption.encrypt(db.path, PASSPHRASE, params=FAST)
    return db.path


def test_unlock_dialog_in_spanish_says_a_wrong_passphrase_exactly(qtbot, spanish, encrypted):  # type: ignore[no-untyped-def]
    from practice.ui.unlock_dialog import RecoveryDialog, UnlockDialog, lost_key_box

    dialog = UnlockDialog(encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Desbloquear Practice"
    shown = assert_no_english(dialog)
    assert "Esta consulta está cifrada" in shown
    assert f"Escribe la frase de contraseña para abrir {encrypted.name} ." in shown
    assert dialog.panel.field.placeholderText() == "Frase de contraseña"
    assert dialog.panel.recovery_button.text() == "Usar la clave de recuperación…"

    # When a wrong passphrase is typed and Unlock clicked
    qtbot.keyClicks(dialog.panel.field, "no es mi frase")
    qtbot.mouseClick(dialog.panel.unlock_button, LEFT)
    assert dialog.panel.unlock_button.text() == "Desbloquear"
    assert dialog.panel.error.text() == (
        "La frase de contraseña no es correcta. Inténtalo de nuevo."
    )
    assert dialog.result() == 0
    shoot(dialog, "unlock")

    # When the right one is typed (Return in the field)
    dialog.panel.field.clear()
    qtbot.keyClicks(dialog.panel.field, PASSPHRASE)
    qtbot.keyClick(dialog.panel.field, Qt.Key.Key_Return)
    assert dialog.result() == 1

    # The recovery dialog refuses differing passphrases in Spanish
    recovery = RecoveryDialog(encrypted)
    qtbot.addWidget(recovery)
    recovery.show()
    assert recovery.windowTitle() == "Usar la clave de recuperación"
    qtbot.keyClicks(recovery.new, "una frase bastante larga")
    qtbot.keyClicks(recovery.again, "otra frase bastante larga")
    ok = recovery.findChildren(QAbstractButton)
    unlock = next(b for b in ok if b.text() == "Desbloquear y establecer la frase de contraseña")
    qtbot.mouseClick(unlock, LEFT)
    assert recovery.error.text() == "Las dos frases de contraseña nuevas no coinciden."
    assert_no_english(recovery)
    shoot(recovery, "recovery")

    box = lost_key_box(encrypted)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == [
        "No está cifrada",
        "Salir",
        "Usar la clave de recuperación…",
    ]
    assert box.text().startswith(f"Practice no puede leer {encrypted.name}: no es una base")


def test_lock_screen_in_spanish_says_why_and_unlocks_with_a_click(qtbot, spanish, main_window):  # type: ignore[no-untyped-def]
    lock = main_window.auto_lock
    lock.set_minutes(5)
    lock.lock(idle=True)
    screen = lock.lock_screen
    assert screen is not None
    shown = " ".join(visible_texts(screen).split())
    assert "Practice está bloqueado" in shown
    assert (
        "Se bloqueó solo tras 5 minutos sin uso, para mantener privados los expedientes "
        "de tus clientes. Haz clic en Desbloquear para continuar."
    ) in shown
    assert_no_english(screen)
    shoot(main_window, "lock-screen")

    # When Unlock is clicked (a practice without encryption)
    qtbot.mouseClick(screen.panel.unlock_button, LEFT)
    assert not lock.is_locked
