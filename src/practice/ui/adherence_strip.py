"""The adherence strip of the prep view: one painted cell per week, oldest on the left.

Each cell is coloured by its :class:`~practice.domain.adherence.WeekCell`'s kind and
completion (the prep PDF, ``practice.sheets.prep_charts``, uses the same colours) and
shows its text mark ("0"-"4", "–", "?", "NS", "C", "C!"), so the strip reads without
colour. A bar under a cell: conditional sessions were on; a bold frame: this week.
Hovering a cell shows its tooltip (``practice.ui.adherence_text``): what happened.
The keyboard reaches the same words: the strip takes focus (a dashed frame marks the
week it is on), Left/Right/Home/End move from week to week, showing that week's
tooltip, and the strip's accessible name says the week, so a screen reader reads it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QToolTip, QWidget

from practice.domain.adherence import CELL_MARKS, CellKind, WeekCell
from practice.domain.vocabulary import COMPLETION_ANCHORS
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.adherence_text import week_tooltip
from practice.ui.dates import month_text, short_date

MIN_CELL = 30  # narrower than this: the strip scrolls
MAX_CELL = 64
CELL_H = 34
BAR_H = 5  # the conditional-sessions bar under a cell
LABEL_H = 18
GAP = 2
# Colours are theme roles (ui/theme.py), read when painting.
BORDER = "strip_border"
FRAME = "strip_frame"
LABEL_INK = "muted"
# Completion runs from a pale yellow (0) to a deep blue (4) (ColorBrewer YlGnBu, readable
# in greyscale); the marks carry the meaning for readers who cannot tell colours apart.
COMPLETION_FILL = theme.STRIP_FILLS
COMPLETION_INK = theme.STRIP_INKS
MARK_INK = "strip_mark"
KIND_FILL: dict[CellKind, str] = {
    CellKind.NOT_REVIEWED: "strip_not_reviewed",
    CellKind.NO_HOMEWORK: "strip_no_homework",
    CellKind.CANCELLED_NO_SELF_RECORD: "strip_cancelled_no_self",
    CellKind.NO_SHOW: "strip_no_show",
    CellKind.CANCELLED: "strip_cancelled",
    CellKind.NO_SESSION: "strip_no_session",
}
CONDITIONAL_COLOUR = "strip_conditional"  # the bar under weeks with conditional sessions on
KIND_LABELS: dict[CellKind, str] = {
    CellKind.NO_HOMEWORK: QT_TRANSLATE_NOOP("AdherenceStrip", "no homework set"),
    CellKind.NOT_REVIEWED: QT_TRANSLATE_NOOP("AdherenceStrip", "homework not reviewed"),
    CellKind.NO_SHOW: QT_TRANSLATE_NOOP("AdherenceStrip", "no-show"),
    CellKind.CANCELLED: QT_TRANSLATE_NOOP("AdherenceStrip", "cancelled"),
    CellKind.CANCELLED_NO_SELF_RECORD: QT_TRANSLATE_NOOP(
        "AdherenceStrip", "cancelled, self-record not done"
    ),
    CellKind.NO_SESSION: QT_TRANSLATE_NOOP("AdherenceStrip", "no session"),
}


def cell_fill(cell: WeekCell) -> str:
    """The cell's background colour (hex)."""
    if cell.kind is CellKind.REVIEW and cell.completion is not None:
        return theme.hex_of(COMPLETION_FILL[cell.completion])
    return theme.hex_of(KIND_FILL[cell.kind])


def cell_ink(cell: WeekCell) -> str:
    """The colour of the cell's mark (hex)."""
    if cell.kind is CellKind.REVIEW and cell.completion is not None:
        return theme.hex_of(COMPLETION_INK[cell.completion])
    return theme.hex_of(MARK_INK)


class AdherenceStrip(QWidget):
    """Paints ``cells``; :meth:`cell_at` and :meth:`tooltip_at` say what is under a point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: tuple[WeekCell, ...] = ()
        self.today = date.today()  # the day the tooltips are told from
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the weeks are read by keyboard too
        self.current: int | None = None  # the week the keyboard is on
        self.setAccessibleDescription(self.tr("Left and Right arrows move from week to week."))
        self._say_week()
        self._mark_font = QFont(self.font())
        self._mark_font.setBold(True)
        self._mark_font.setPointSizeF(max(self.font().pointSizeF(), 9.0) + 1)
        self._small_mark_font = QFont(self._mark_font)
        self._small_mark_font.setPointSizeF(self._mark_font.pointSizeF() - 1.5)
        self._label_font = QFont(self.font())
        self._label_font.setPointSizeF(max(self.font().pointSizeF() - 1, 7.5))

    # ---- data ----------------------------------------------------------------------
    def set_cells(self, cells: Sequence[WeekCell], today: date) -> None:
        self.cells = tuple(cells)
        self.today = today
        self.setAccessibleDescription(
            self.tr("Weekly homework: {marks}").format(
                marks=" ".join(shown_mark(c.mark) or "·" for c in self.cells[-12:])
            )
        )
        self.current = len(self.cells) - 1 if self.cells else None  # this week
        self._say_week()
        self.updateGeometry()
        self.update()

    # ---- geometry ------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(max(len(self.cells), 1) * 48, CELL_H + BAR_H + LABEL_H + 3 * GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(max(len(self.cells), 1) * MIN_CELL, CELL_H + BAR_H + LABEL_H + 3 * GAP)

    def cell_width(self) -> float:
        if not self.cells:
            return MAX_CELL
        return max(float(MIN_CELL), min(float(MAX_CELL), self.width() / len(self.cells)))

    def cell_rect(self, index: int) -> QRectF:
        w = self.cell_width()
        return QRectF(index * w + 1, GAP, w - 2, CELL_H)

    def index_at(self, pos: QPoint) -> int | None:
        if not self.cells or not 0 <= pos.y() <= CELL_H + BAR_H + 2 * GAP:
            return None
        index = int(pos.x() // self.cell_width())
        return index if 0 <= index < len(self.cells) else None

    def cell_at(self, pos: QPoint) -> WeekCell | None:
        index = self.index_at(pos)
        return None if index is None else self.cells[index]

    def tooltip(self, index: int) -> str:
        """What happened in the week of cell ``index``, in words."""
        return week_tooltip(self.cells[index], self.today)

    def tooltip_at(self, pos: QPoint) -> str:
        index = self.index_at(pos)
        return "" if index is None else self.tooltip(index)

    # ---- the keyboard and screen readers -------------------------------------------
    def _say_week(self) -> None:
        """Name the strip after the week the keyboard is on (what a screen reader says)."""
        if self.current is None:
            name = self.tr("Weekly homework: no weeks yet")
        else:
            name = self.tr("Weekly homework: {week}").format(week=self.tooltip(self.current))
        if name != self.accessibleName():
            self.setAccessibleName(name)
            if self.isVisible():
                event = QAccessibleEvent(self, QAccessible.Event.NameChanged)
                QAccessible.updateAccessibility(event)

    def move_to(self, index: int) -> None:
        """Put the keyboard on week ``index``: framed, scrolled into view, its words shown."""
        if not self.cells:
            return
        self.current = max(0, min(index, len(self.cells) - 1))
        self._say_week()
        rect = self.cell_rect(self.current).toRect()
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QScrollArea):
            area.ensureVisible(rect.center().x(), rect.center().y(), rect.width(), 0)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(rect.bottomLeft()), self.tooltip(self.current), self)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.cells or self.current is None:
            super().keyPressEvent(event)
            return
        moves = {
            Qt.Key.Key_Left: self.current - 1,
            Qt.Key.Key_Right: self.current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(self.cells) - 1,
        }
        key = Qt.Key(event.key())
        if key in moves:
            self.move_to(moves[key])
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        QToolTip.hideText()
        self.update()

    # ---- events --------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self, self._tip_rect(event.pos()))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _tip_rect(self, pos: QPoint) -> QRect:
        index = self.index_at(pos)
        return QRect() if index is None else self.cell_rect(index).toRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.cells:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        w = self.cell_width()
        first = max(int(event.rect().left() // w) - 1, 0)
        last = min(int(math.ceil(event.rect().right() / w)) + 1, len(self.cells))
        for i in range(first, last):
            self._paint_cell(painter, i, self.cells[i])
        self._paint_labels(painter, w, first, last)
        if self.hasFocus() and self.current is not None:  # where the keyboard is
            pen = QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(self.cell_rect(self.current).adjusted(-1, -1, 0, 0).toRect())
        painter.end()

    def _paint_cell(self, painter: QPainter, index: int, cell: WeekCell) -> None:
        rect = self.cell_rect(index)
        painter.fillRect(rect, QColor(cell_fill(cell)))
        painter.setPen(QPen(theme.color(BORDER), 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if cell.mark:
            painter.setPen(QColor(cell_ink(cell)))
            painter.setFont(self._mark_font if len(cell.mark) < 2 else self._small_mark_font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown_mark(cell.mark))
        if cell.conditional:
            bar = QRectF(rect.left(), rect.bottom() + GAP, rect.width(), BAR_H)
            painter.fillRect(bar, theme.color(CONDITIONAL_COLOUR))
        if cell.current:
            painter.setPen(QPen(theme.color(FRAME), 2.5))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    def _paint_labels(self, painter: QPainter, w: float, first: int, last: int) -> None:
        painter.setFont(self._label_font)
        painter.setPen(theme.color(LABEL_INK))
        metrics = QFontMetrics(self._label_font)
        top = CELL_H + BAR_H + 2 * GAP + 1
        every_week = metrics.horizontalAdvance("30 Sep") + 6 <= w
        right_edge = -1.0
        for i in range(first, last):
            cell = self.cells[i]
            day = cell.week_start
            if every_week:
                text = short_date(day)
            elif i == 0 or day.month != self.cells[i - 1].week_start.month:
                new_year = i == 0 or day.year != self.cells[i - 1].week_start.year
                text = month_text(day, year=new_year)
            else:
                continue
            x = i * w + 2
            width = metrics.horizontalAdvance(text)
            if x <= right_edge:
                continue
            painter.drawText(QRectF(x, top, width + 4, LABEL_H), Qt.AlignmentFlag.AlignLeft, text)
            right_edge = x + width + 6


SWATCH_H = 16  # a swatch of the key, in pixels (its width grows with its mark)


def swatch_image(fill: str, ink: str, mark: str, name: str | None = None) -> str:
    """A key swatch as an image file: the ``fill`` role's colour inside a frame of the
    strip's border colour (seen against the window in every theme, so a black "no session"
    swatch shows on black), the ``mark`` in the ``ink`` role, bold. Returns its path."""
    name = name or theme.current()
    safe = "".join(c if c.isalnum() else f"_{ord(c):x}" for c in mark)
    path = theme.image_folder() / f"{name}-swatch-{fill}-{ink}-{safe}.png"
    if not path.exists():
        font = QFont()
        font.setBold(True)
        font.setPixelSize(11)
        width = max(SWATCH_H + 4, QFontMetrics(font).horizontalAdvance(mark) + 10)
        image = QImage(width, SWATCH_H, QImage.Format.Format_ARGB32)
        image.fill(theme.color(fill, name))
        painter = QPainter(image)
        painter.setPen(QPen(theme.color(BORDER, name), 1))
        painter.drawRect(0, 0, width - 1, SWATCH_H - 1)
        painter.setPen(theme.color(ink, name))
        painter.setFont(font)
        painter.drawText(QRect(0, 0, width, SWATCH_H), Qt.AlignmentFlag.AlignCenter, mark)
        painter.end()
        image.save(str(path))
    return path.as_posix()


def shown_mark(mark: str) -> str:
    """A week's mark in the GUI's language: the no-show mark "NS" is translated (Spanish
    "NA", no asistió); digits and the signs ("–", "?", "C", "C!") are the same."""
    if mark == CELL_MARKS[CellKind.NO_SHOW]:
        return QCoreApplication.translate("AdherenceStrip", "NS")
    return mark


def legend_html() -> str:
    """The strip's key, as small framed swatches with their marks (rich text for a QLabel):
    each swatch is an image, as rich text draws no frame round a coloured span."""

    def swatch(fill: str, ink: str, mark: str) -> str:
        return (
            f'<img src="{swatch_image(fill, ink, mark)}" '  # not translated: markup
            f'height="{SWATCH_H}" align="middle">'
        )

    ink = theme.hex_of
    scale = "&nbsp;".join(swatch(COMPLETION_FILL[i], COMPLETION_INK[i], str(i)) for i in range(5))
    completion = QCoreApplication.translate(
        "AdherenceStrip", "completion (0 {none} … 4 {all})"
    ).format(
        none=i18n.translated(COMPLETION_ANCHORS[0]), all=i18n.translated(COMPLETION_ANCHORS[4])
    )
    parts = [f"{scale} {completion}"]
    for kind in KIND_LABELS:
        label = i18n.translated(KIND_LABELS[kind])
        parts.append(f"{swatch(KIND_FILL[kind], MARK_INK, shown_mark(CELL_MARKS[kind]))} {label}")
    conditional = QCoreApplication.translate("AdherenceStrip", "conditional sessions on")
    bar = (
        f'<span style="color:{ink(CONDITIONAL_COLOUR)}; '  # not translated: markup
        'font-weight:700;">▬</span>'
    )
    parts.append(f"{bar} {conditional}")
    parts.append(QCoreApplication.translate("AdherenceStrip", "<b>▢</b> bold frame: this week"))
    return " &nbsp;·&nbsp; ".join(parts)
