"""Preview a self-record sheet inside the app, then print it or save it.

:class:`SheetPreview` shows one or more :class:`SheetSource` documents (a chooser
appears when there are several: a client's active assignments). The PDF is shown
with QtPdf (``QPdfView`` over a ``QPdfDocument`` read from memory). Print… goes
through the system print dialog and paints each page, rendered at the printer's
resolution, on the printer; Save as PDF… writes exactly the bytes shown. An
assignment's source also saves its reminder card (marking it printed) and its
phone alarm (under a neutral title the therapist may change), and switches
between the paper and the fillable sheet and between A4 and US Letter (the
default from the system locale).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMargins,
    QMarginsF,
    QPoint,
    QPointF,
    QRect,
    QSettings,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from practice import files
from practice.db.engine import Database
from practice.domain.paper import Paper, paper_for_locale
from practice.domain.vocabulary import Modality
from practice.services import clients, homework, printing
from practice.sheets.alarm import default_title
from practice.sheets.glyph_report import counting_missing_glyphs, glyph_message
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import file_dialogs, i18n, theme
from practice.ui.actions import guarded, run_action
from practice.ui.save_guard import with_extension
from practice.ui.user_text import for_title
from practice.ui.widgets import fit_to_screen

PRINT_DPI_MAX = 300  # enough for text and line art; keeps a page image under 40 MB
PREVIEW_SIZE = (900, 980)


PAPERS: tuple[tuple[str, Paper], ...] = (
    (QT_TRANSLATE_NOOP("SheetPreview", "A4"), "a4"),
    (QT_TRANSLATE_NOOP("SheetPreview", "US Letter"), "letter"),
)


def locale_paper() -> Paper:
    """The system locale's paper: Letter in the US and the other Letter countries."""
    return paper_for_locale(QLocale.system().name())


LAST_PAPER_KEY = "sheets/last_paper"


def last_paper() -> Paper:
    """The paper last chosen for a sheet (Done step or preview), else the locale's."""
    value = QSettings().value(LAST_PAPER_KEY)
    return "letter" if value == "letter" else "a4" if value == "a4" else locale_paper()


def remember_paper(paper: Paper) -> None:
    QSettings().setValue(LAST_PAPER_KEY, paper)


def paper_combo(paper: Paper | None = None) -> QComboBox:
    """A4 / US Letter, set to ``paper`` (default: the locale's)."""
    combo = QComboBox()
    for label, value in PAPERS:
        combo.addItem(i18n.translated(label), value)
    combo.setCurrentIndex(combo.findData(paper or locale_paper()))
    return combo


def write_file_atomically(target: Path, data: bytes) -> None:
    """Write beside ``target`` and move into place: never a half-written file."""
    files.write_atomically(target, data)


class SheetSource:
    """A document to preview: fixed PDF bytes (e.g. the week's sheets)."""

    fillable_choice = False  # can switch between paper and fillable
    fillable = False  # shown fillable (at first; then as the check box says)
    paper_choice = False  # can switch between A4 and US Letter
    paper: Paper = "a4"  # the size shown, when it can switch
    has_card = False
    has_alarm = False
    alarm_title = ""  # the alarm's default (neutral) title

    def __init__(self, label: str, pdf: bytes, file_stem: str) -> None:
        self.label = label
        self.file_stem = file_stem
        self.alarm_stem = file_stem  # the .ics file's name, which the client keeps
        self._pdf = pdf

    def sheet(self) -> bytes:
        return self._pdf

    def check(self) -> None:
        """Raise a service error when there is nothing to save (e.g. dropped homework)."""

    def save_card(self, target: Path) -> None:
        raise NotImplementedError

    def alarm(self, title: str | None = None) -> bytes:
        raise NotImplementedError


class PaperSource(SheetSource):
    """A document drawn for the paper size chosen in the preview (e.g. the prep summary)."""

    paper_choice = True

    def __init__(self, label: str, render: Callable[[Paper], bytes], file_stem: str) -> None:
        super().__init__(label, b"", file_stem)
        self.paper = locale_paper()
        self._render = render
        self._cache: dict[Paper, bytes] = {}

    def sheet(self) -> bytes:
        if self.paper not in self._cache:
            self._cache[self.paper] = self._render(self.paper)
        return self._cache[self.paper]


class AssignmentSource(SheetSource):
    """One assignment's sheet (paper or fillable), reminder card and alarm."""

    fillable_choice = True
    paper_choice = True
    has_card = True
    has_alarm = True

    def __init__(
        self, database: Database, assignment: homework.AssignmentView, library: TemplateLibrary
    ) -> None:
        super().__init__(
            f"{assignment.title} ({assignment.code})", b"", printing.file_stem(assignment)
        )
        self._db = database
        self.assignment_id = assignment.id
        self.alarm_stem = printing.reminder_stem(assignment)
        self.fillable = assignment.modality == Modality.FILLABLE_PDF
        self._library = library
        self.paper: Paper = locale_paper()
        self.alarm_title = default_title(assignment.language)
        self._cache: dict[tuple[bool, Paper], bytes] = {}

    def sheet(self) -> bytes:
        key = (self.fillable, self.paper)
        if key not in self._cache:
            with self._db.session() as s:
                self._cache[key] = printing.sheet_for_assignment(
                    s, self.assignment_id, fillable=self.fillable, paper=self.paper,
                    templates=self._library,
                )  # fmt: skip
        return self._cache[key]

    def check(self) -> None:
        with self._db.session() as s:
            printing.require_active(homework.get(s, self.assignment_id))

    def save_card(self, target: Path) -> None:
        # The file is written inside the unit of work: if it fails, the card is not
        # marked printed.
        with self._db.session() as s:
            pdf = printing.card_for_assignment(s, self.assignment_id, templates=self._library)
            write_file_atomically(target, pdf)

    def alarm(self, title: str | None = None) -> bytes:
        with self._db.session() as s:
            return printing.alarm_for_assignment(
                s, self.assignment_id, title=title, templates=self._library
            )


class SheetPreview(QDialog):
    """Emits ``changed`` when it wrote to the practice (a reminder card marked printed)
    and ``paper_chosen(paper)`` when the paper size is changed here (also remembered as
    the last paper used)."""

    changed = Signal()
    paper_chosen = Signal(str)

    def __init__(
        self,
        sources: list[SheetSource],
        parent: QWidget | None = None,
        *,
        practice: Path,
        current: int = 0,
        save_caption: str | None = None,
    ) -> None:
        super().__init__(parent)
        # the Save as PDF dialog's title: what is saved (default: a sheet)
        self.save_caption = save_caption or self.tr("Save sheet as PDF")
        if not sources:
            raise ValueError("SheetPreview needs at least one document")
        self.practice = practice  # the open practice's file: never saved over
        self.sources = sources
        self.source = sources[current]
        self.pdf = b""
        self.refusal = ""  # why the shown document has no sheet ("" when it has one)
        self.setWindowTitle(self.tr("Sheet preview"))
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

        self.chooser = QComboBox()
        for source in sources:
            self.chooser.addItem(source.label)
        self.chooser.setCurrentIndex(current)
        self.chooser.currentIndexChanged.connect(self._choose)
        self.chooser.setVisible(len(sources) > 1)
        self.heading = QLabel(self.source.label)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.heading.setVisible(len(sources) == 1)
        self.fillable_box = QCheckBox(
            self.tr("Fillable form (the client types into it on a phone or PC)")
        )
        self.fillable_box.toggled.connect(self._reload)
        self.paper_box = paper_combo(last_paper())  # as in Preferences or last chosen
        self.paper_box.setToolTip(self.tr("Paper size of the sheet (printed and saved)"))
        self.paper_box.currentIndexChanged.connect(self._reload)
        self.paper_box.currentIndexChanged.connect(self._paper_chosen)
        self.alarm_title = QLineEdit()
        self.alarm_title.setToolTip(
            self.tr(
                "What the phone shows when the alarm rings, also on a locked screen: "
                "keep it neutral."
            )
        )
        self.alarm_title.setMaximumWidth(320)
        self.alarm_label = QLabel(self.tr("Alarm title:"))
        self.alarm_label.setBuddy(self.alarm_title)

        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(14)
        self.view.setDocumentMargins(QMargins(14, 14, 14, 14))
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._show_page_number)

        self.previous_button = QPushButton(self.tr("◀ Previous page"))
        self.next_button = QPushButton(self.tr("Next page ▶"))
        self.page_label = QLabel()
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        QShortcut(QKeySequence.StandardKey.MoveToPreviousPage, self, self.previous_button.click)
        QShortcut(QKeySequence.StandardKey.MoveToNextPage, self, self.next_button.click)

        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.card_button = QPushButton(self.tr("Save reminder card…"))
        self.alarm_button = QPushButton(self.tr("Save phone alarm (.ics)…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_pdf)
        self.card_button.clicked.connect(self.save_card)
        self.alarm_button.clicked.connect(self.save_alarm)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.chooser, 1)
        options = QHBoxLayout()  # a row of its own: the fillable box's words are long
        options.addWidget(self.fillable_box)
        options.addStretch(1)
        options.addWidget(self.paper_box)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.page_label)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.fit_button)
        alarm = QHBoxLayout()  # a row of its own: the title field keeps its room
        alarm.addWidget(self.alarm_label)
        alarm.addWidget(self.alarm_title, 1)
        alarm.addWidget(self.alarm_button)
        alarm.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.card_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.message)
        layout.addLayout(nav)
        layout.addWidget(self.view, 1)
        layout.addLayout(alarm)
        layout.addLayout(actions)
        self.resize(*PREVIEW_SIZE)
        fit_to_screen(self)
        self._choose(current)

    # ---- documents -------------------------------------------------------------
    def _choose(self, index: int) -> None:
        self.source = self.sources[index]
        self.fillable_box.blockSignals(True)
        self.fillable_box.setChecked(self.source.fillable)
        self.fillable_box.blockSignals(False)
        self.fillable_box.setVisible(self.source.fillable_choice)
        self.card_button.setVisible(self.source.has_card)
        self.alarm_button.setVisible(self.source.has_alarm)
        self.alarm_title.setVisible(self.source.has_alarm)
        self.alarm_label.setVisible(self.source.has_alarm)
        self.alarm_title.setPlaceholderText(self.source.alarm_title)
        self.alarm_title.setText(self.source.alarm_title)
        self.paper_box.setVisible(self.source.paper_choice)
        if self.source.paper_choice:
            self.paper_box.blockSignals(True)
            self.paper_box.setCurrentIndex(self.paper_box.findData(self.source.paper))
            self.paper_box.blockSignals(False)
        self._reload()

    def _paper_chosen(self) -> None:
        paper = self.paper_box.currentData()
        remember_paper(paper)
        self.paper_chosen.emit(paper)

    def _reload(self) -> None:
        self.source.fillable = self.fillable_box.isChecked() and self.source.fillable_choice
        if self.source.paper_choice:
            self.source.paper = self.paper_box.currentData()
        problems: list[str] = []
        with counting_missing_glyphs() as report:
            pdf = guarded(self, self.source.sheet, on_problem=problems.append)
        if pdf is None:
            self._refuse(
                i18n.translated(problems[0]) if problems else self.tr("There is no sheet to show.")
            )
            return
        self._refuse("")
        self.message.hide()
        self.show_pdf(pdf)
        if report.missing:
            self._say(i18n.translated(glyph_message(report.missing)), error=True)

    def _refuse(self, reason: str) -> None:
        """No sheet (``reason``): Print and Save are off and say why, nothing is shown."""
        self.refusal = reason
        if reason:
            self.pdf = b""
            self.document.close()
            self._show_page_number()
            self._say(reason, error=True)
        for button in (self.print_button, self.save_button, self.card_button, self.alarm_button):
            button.setEnabled(not reason)
            button.setToolTip(
                self.tr("Not available: {reason}").format(reason=reason) if reason else ""
            )

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.go_to_page(0)
        self._show_page_number()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = max(0, min(page, self.page_count() - 1))
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())
        self._show_page_number()

    def _show_page_number(self, *_: object) -> None:
        n, i = self.page_count(), self.current_page()
        self.page_label.setText(
            self.tr("Page {page} of {pages}").format(page=i + 1, pages=n)
            if n
            else self.tr("No pages")
        )
        self.previous_button.setEnabled(i > 0)
        self.next_button.setEnabled(i + 1 < n)

    # ---- printing ----------------------------------------------------------------
    def print_sheet(self) -> None:
        if not self.pdf:  # never a blank page
            self._say(self.refusal or self.tr("There is no sheet to print."), error=True)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.source.file_stem)
        printer.setFromTo(1, self.page_count())
        self.set_up_page(printer)  # before the dialog: it shows them, the user may change them
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print sheet"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)
        self._say(self.tr("Sent to the printer."))

    def set_up_page(self, printer: QPrinter) -> None:
        """The printer's paper and orientation as the sheet's own pages: landscape when
        wider than tall, the paper (A4, US Letter) the sheet was made for."""
        if self.page_count() == 0:
            return
        points = self.document.pagePointSize(0)
        short, long = sorted((points.width(), points.height()))
        paper = QPageSize(
            QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
        )
        printer.setPageSize(paper)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if points.width() > points.height()
            else QPageLayout.Orientation.Portrait
        )
        # the sheet has its own margins: the whole page where the printer can print there
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages (the dialog's range, if any) on ``printer``; returns pages."""
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first and last else range(self.page_count())
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            self._say(self.tr("The printer could not be started."), error=True)
            return 0
        try:
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = self.document.render(page, size)
                area = painter.viewport()  # the printable area
                target = QRect(
                    QPoint(0, 0), size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                )
                target.moveCenter(area.center())
                painter.drawImage(target, image)
        finally:
            painter.end()
        return len(pages)

    # ---- saving --------------------------------------------------------------------
    def _ask_path(self, caption: str, name: str, filter_text: str) -> Path | None:
        path = file_dialogs.save_file_name(self, "sheet", caption, name, filter_text)
        return Path(path) if path else None

    def _save(self, caption: str, suffix: str, filter_text: str,
              write: Callable[[Path], None], stem: str | None = None) -> bool:  # fmt: skip
        name = (stem or self.source.file_stem) + suffix
        chosen = self._ask_path(caption, name, filter_text)
        if chosen is None:
            return False
        extension = "." + suffix.rsplit(".", 1)[-1]
        target = with_extension(self, chosen, self.practice, extension)
        if target is None:
            return False

        def save() -> bool:
            write(target)
            return True

        if not guarded(
            self,
            save,
            on_problem=lambda message: self._say(
                self.tr("Not saved: {problem}").format(problem=i18n.translated(message)), error=True
            ),
        ):
            return False
        self._say(self.tr("Saved {path}").format(path=target))
        return True

    def save_pdf(self) -> None:
        pdf = self.pdf
        if not pdf:  # never an empty file
            self._say(self.refusal or self.tr("There is no sheet to save."), error=True)
            return
        self._save(self.save_caption, ".pdf", self.tr("PDF files (*.pdf)"),
                   lambda target: write_file_atomically(target, pdf))  # fmt: skip

    def _allowed(self) -> bool:
        """Whether the document may be saved: asked before the file dialog opens."""
        problems: list[str] = []
        guarded(self, self.source.check, on_problem=problems.append)
        if problems:
            self._refuse(i18n.translated(problems[0]))
        return not problems

    def save_card(self) -> None:
        if self._allowed() and self._save(
            self.tr("Save reminder card"), "-card.pdf", self.tr("PDF files (*.pdf)"),
            self.source.save_card,
        ):  # fmt: skip
            self.changed.emit()

    def save_alarm(self) -> None:
        if not self._allowed():
            return
        title = self.alarm_title.text().strip() or None

        def write(target: Path) -> None:
            write_file_atomically(target, self.source.alarm(title))

        self._save(self.tr("Save phone alarm"), ".ics", self.tr("Calendar files (*.ics)"), write,
                   stem=self.source.alarm_stem)  # fmt: skip

    def _say(self, text: str, *, error: bool = False) -> None:
        theme.set_role(self.message, "danger" if error else "success")
        self.message.setText(text)
        self.message.show()


# ---- opening it ------------------------------------------------------------------------


def assignment_views(
    db: Session, client_id: int, chosen_id: int | None = None
) -> tuple[list[homework.AssignmentView], int]:
    """The client's active assignments (and the chosen one, whatever its status), and
    the position of the chosen one."""
    views = homework.active_for_client(db, client_id)
    if chosen_id is not None and all(v.id != chosen_id for v in views):
        views.insert(0, homework.get(db, chosen_id))
    current = next((i for i, v in enumerate(views) if v.id == chosen_id), 0)
    return views, current


def show_sheet_for_assignment(
    database: Database,
    templates: TemplateLibrary,
    assignment_id: int,
    parent: QWidget | None = None,
) -> SheetPreview | None:
    """Open the preview of an assignment's sheet, with the client's other active ones.

    The template folders are read again first: a template added since is printed.
    """
    templates.reload()

    def read(s: Session) -> tuple[str, list[homework.AssignmentView], int]:
        client_id = homework.get(s, assignment_id).client_id
        return (
            clients.get(s, client_id).display_name,
            *assignment_views(s, client_id, assignment_id),
        )

    found = run_action(
        parent, database, read, title=QCoreApplication.translate("SheetPreview", "No sheet")
    )
    if found is None:
        return None
    name, views, current = found
    sources: list[SheetSource] = [AssignmentSource(database, v, templates) for v in views]
    dialog = SheetPreview(sources, parent, practice=database.path, current=current)
    dialog.setWindowTitle(
        QCoreApplication.translate("SheetPreview", "Sheets — {name}").format(name=for_title(name))
    )
    dialog.open()
    return dialog
