"""The Prep tab: one client's homework story at a glance, and what to try next.

Top to bottom: the header (name, next session, stage of change with its stance, flags as
badges, and the actions), the weekly adherence strip, the PHQ-9 and GAD-7 totals on the
same weeks with their bands, and the client's goal ratings, with what they show in words
(``measure_chart``: the names stay in view while the weeks scroll), the strip's
key, the suggested next step, the trend chart of every review, then barriers,
strategies tried, the agenda and the last session note. Everything comes from one
``prep.build_prep`` call; below, the answers of the client's latest returned fillable
sheets (with sleep efficiency per night for a sleep diary) from
``sheet_answers.returned_sheets``.

The view builds only while it is visible: :meth:`PrepPage.show_client` on a hidden tab
marks it out of date, and the build happens when the tab is shown. Two columns from
``WIDE`` pixels, one below that.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.domain.prep_model import PrepData
from practice.services import prep, sheet_answers
from practice.services.prep_returned import returned_lines
from practice.services.sheet_answers import ReturnedSheet
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui import prep_sections as text
from practice.ui.actions import guarded, run_action
from practice.ui.adherence_strip import MAX_CELL, AdherenceStrip, legend_html
from practice.ui.conditional_dialog import ConditionalDialog
from practice.ui.dates import day_text, file_date
from practice.ui.measure_chart import BandNames, MeasureChart, MeasureNames
from practice.ui.risk_alert_dialog import AlertCards, open_alerts
from practice.ui.sheet_answers_html import returned_html
from practice.ui.sheet_preview import PaperSource, SheetPreview
from practice.ui.user_text import for_title, isolated, plain_label
from practice.ui.widgets import FlowLayout, ReloadWhenShown

if TYPE_CHECKING:
    from practice.ui.trend_chart import TrendChart

WEEK_CHOICES: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("PrepPage", "Last 12 weeks"), 12),
    (QT_TRANSLATE_NOOP("PrepPage", "Last 26 weeks"), 26),
    (QT_TRANSLATE_NOOP("PrepPage", "Last 52 weeks"), 52),
    (QT_TRANSLATE_NOOP("PrepPage", "All weeks"), None),
)
WIDE = 1000
SUGGESTION_STYLE = "suggestion"  # theme roles
BADGE = "border-radius: 4px; padding: 3px 8px; font-weight: 600;"  # not translated: a style sheet
CANNOT_POSTPONE_STYLE = "badge_danger"  # with BADGE
CONDITIONAL_STYLE = "badge_caution"
HEADING_STYLE = "font-size: 11pt; font-weight: 700;"  # not translated: a style sheet


def _rich(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class Badge(QLabel):
    """A flag beside the name: one line when there is room, wrapped in a narrow pane
    (a plain label would ask for its whole line and widen the page)."""

    PAD = 2 * (8 + 1) + 4  # the style's padding and border on both sides, and a little air

    def __init__(self, text: str, style: str) -> None:
        super().__init__(text)
        self.setStyleSheet(BADGE)
        theme.set_role(self, style)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wrap = event.size().width() < self.sizeHint().width()  # wrapped only when squeezed
        if wrap != self.wordWrap():
            self.setWordWrap(wrap)

    def sizeHint(self) -> QSize:
        bold = QFont(self.font())
        bold.setBold(True)  # the style's weight, whether or not it is applied yet
        one_line = QFontMetrics(bold).horizontalAdvance(self.text()) + self.PAD
        return QSize(one_line, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(160, self.sizeHint().width()), super().minimumSizeHint().height())


def _section(title: str, body: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 6)
    heading = QLabel(title)
    heading.setWordWrap(True)  # longer in Spanish: wraps instead of widening the page
    heading.setStyleSheet(HEADING_STYLE)
    theme.set_role(heading, "heading")
    layout.addWidget(heading)
    layout.addWidget(body)
    return box


def keep_counts_whole(text: str) -> str:
    """A count such as "(n = 1)." or "(n = 6 and 4)." never broken across lines: no-break
    spaces around its "=" (and around the "and" between two counts)."""
    text = re.sub(r"\bn = ", "n\u00a0=\u00a0", text)
    return re.sub(r"(n\u00a0=\u00a0\d+) (\w+) (\d+\))", "\\1\u00a0\\2\u00a0\\3", text)


class PrepPage(ReloadWhenShown):
    """Emits ``start_session(appointment_id)`` and ``changed`` (conditional sessions on/off)."""

    start_session = Signal(int)
    changed = Signal()

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._db = database
        self.today = today  # None: the computer's date at each build
        self.client_id: int | None = None
        self.weeks: int | None = prep.DEFAULT_WEEKS
        self.data: PrepData | None = None
        self.returned: list[ReturnedSheet] = []

        self.placeholder = QLabel(self.tr("Choose a client to prepare their next session."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("font-size: 11pt;")
        theme.set_role(self.placeholder, "muted")
        self.content = QWidget()
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(self.tr("Session prep"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Always there: a scroll bar that appears after the wrapped text was measured
        # would narrow it, and the text would no longer fit the height it was given.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.action_bar = self._build_actions()  # outside the scroll area: always in view
        layout.addWidget(self.action_bar)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.scroll_area, 1)

        body = QVBoxLayout(self.content)
        body.setContentsMargins(10, 8, 10, 8)
        body.addLayout(self._build_header())
        body.addWidget(self._build_strip())
        self.pairs = [QBoxLayout(QBoxLayout.Direction.LeftToRight) for _ in range(2)]
        self.suggestion_label = _rich()
        self.suggestion_box = QFrame()
        self.suggestion_box.setObjectName("suggestion")
        theme.set_role(self.suggestion_box, SUGGESTION_STYLE)
        inner = QVBoxLayout(self.suggestion_box)
        inner.setContentsMargins(12, 8, 12, 8)
        caption = QLabel(self.tr("SUGGESTED NEXT STEP"))
        caption.setStyleSheet("font-weight: 700; font-size: 8.5pt; border: 0;")
        theme.set_role(caption, "accent")
        inner.addWidget(caption)
        inner.addWidget(self.suggestion_label)
        self.chart: TrendChart | None = None  # made at the first build (QtCharts loads then)
        self.chart_heading = QLabel(self.tr("Completion per review"))
        self.chart_heading.setWordWrap(True)  # "… all 12 since …": wraps on a narrow pane
        self.chart_heading.setStyleSheet(HEADING_STYLE)
        theme.set_role(self.chart_heading, "heading")
        chart_box = QWidget()
        self.chart_layout = chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 6, 0, 0)
        chart_layout.addWidget(self.chart_heading)
        self.no_reviews = QLabel(self.tr("No homework reviewed yet."))
        self.no_reviews.setWordWrap(True)
        theme.set_role(self.no_reviews, "muted")
        chart_layout.addWidget(self.no_reviews)
        self.pairs[0].addWidget(self.suggestion_box, 1, Qt.AlignmentFlag.AlignTop)
        self.pairs[0].addWidget(chart_box, 1)

        self.barriers_label = _rich()
        self.strategies_label = _rich()
        self.agenda_label = _rich()
        self.note_label = _rich()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(_section(self.tr("Barriers (most recent first)"), self.barriers_label))
        left.addWidget(
            _section(self.tr("Strategies tried, and what followed"), self.strategies_label)
        )
        left.addStretch(1)
        right.addWidget(_section(self.tr("Agenda"), self.agenda_label))
        right.addWidget(_section(self.tr("Last session note"), self.note_label))
        right.addStretch(1)
        self.pairs[1].addLayout(left, 1)
        self.pairs[1].addLayout(right, 1)
        for pair in self.pairs:
            pair.setSpacing(16)
            body.addLayout(pair)
        self.returned_label = _rich()
        self.returned_section = _section(
            self.tr("The client's own records (returned fillable sheets)"), self.returned_label
        )
        self.returned_section.hide()
        body.addWidget(self.returned_section)
        body.addStretch(1)
        self._show_client_parts(False)

    # ---- building the widgets --------------------------------------------------------
    def _build_actions(self) -> QWidget:
        """The buttons, in a bar over the scrolling view: Start session never scrolls away."""
        self.start_button = QPushButton(self.tr("Start session"))
        self.start_button.setDefault(True)
        self.start_button.setStyleSheet("font-weight: 600; padding: 5px 12px;")
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.conditional_button = QPushButton(self.tr("Conditional sessions…"))
        self.start_button.clicked.connect(self._start)
        self.print_button.clicked.connect(self.print_summary)
        self.conditional_button.clicked.connect(self.open_conditional)
        bar = QFrame()
        bar.setObjectName("prepActions")
        theme.set_role(bar, "bar")
        row = FlowLayout(bar, align_right=True)  # wraps on a narrow screen
        row.setContentsMargins(10, 6, 10, 6)
        for button in (self.conditional_button, self.print_button, self.start_button):
            row.addWidget(button)
        return bar

    def _build_header(self) -> QVBoxLayout:
        self.name_label = plain_label(QLabel())  # the name as typed, never as markup
        self.name_label.setStyleSheet("font-size: 15pt; font-weight: 700;")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cannot_postpone_badge = Badge(
            self.tr("⚠ Cannot postpone treatment"), CANNOT_POSTPONE_STYLE
        )
        self.conditional_badge = Badge("", CONDITIONAL_STYLE)
        # Badges on their own row, each wrapping: a long name and both flags fit a
        # narrow pane instead of widening the page.
        badges = QHBoxLayout()
        for badge in (self.cannot_postpone_badge, self.conditional_badge):
            badges.addWidget(badge)
        badges.addStretch(1)
        # Why treatment cannot be postponed, in full under the badges (not only a tooltip)
        self.cannot_postpone_reason = QLabel()
        self.cannot_postpone_reason.setWordWrap(True)
        self.cannot_postpone_reason.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_role(self.cannot_postpone_reason, "danger_ink")
        self.cannot_postpone_reason.hide()
        self.details_label = _rich()
        self.alert_banner = AlertCards(self._db, with_name=False)  # PHQ-9 question 9
        self.alert_banner.acknowledged.connect(self._alert_acknowledged)
        header = QVBoxLayout()
        header.addWidget(self.alert_banner)
        header.addWidget(self.name_label)
        header.addLayout(badges)
        header.addWidget(self.cannot_postpone_reason)
        header.addWidget(self.details_label)
        return header

    def _build_strip(self) -> QWidget:
        heading = QLabel(self.tr("Homework week by week"))
        heading.setStyleSheet(HEADING_STYLE)
        theme.set_role(heading, "heading")
        theme.set_role(heading, "heading")
        self.weeks_combo = QComboBox()
        for label, weeks in WEEK_CHOICES:
            self.weeks_combo.addItem(i18n.translated(label), weeks)
        self.weeks_combo.currentIndexChanged.connect(self._weeks_chosen)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.weeks_combo)
        self.summary_label = _rich()
        self.strip = AdherenceStrip()
        self.strip_scroll = QScrollArea()
        self.strip_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the strip takes focus
        self.strip_scroll.setWidgetResizable(True)
        self.strip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.strip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip_scroll.setWidget(self.strip)
        bar = self.strip_scroll.horizontalScrollBar()
        self.strip_scroll.setFixedHeight(self.strip.sizeHint().height())
        bar.rangeChanged.connect(self._strip_range_changed)
        # The measures on the same weeks, right under the strip, scrolled with it; their
        # names on the left and their bands' names on the right stay in view.
        self.measure_chart = MeasureChart()
        self.measure_names = MeasureNames(self.measure_chart)
        self.band_names = BandNames(self.measure_chart)
        self.measure_chart.changed.connect(self._measures_resized)
        self.measure_scroll = QScrollArea()
        self.measure_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.measure_scroll.setWidgetResizable(True)
        self.measure_scroll.setFrameShape(QFrame.Shape.NoFrame)
        for policy in (
            self.measure_scroll.setVerticalScrollBarPolicy,
            self.measure_scroll.setHorizontalScrollBarPolicy,
        ):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.measure_scroll.setWidget(self.measure_chart)
        bar.valueChanged.connect(self.measure_scroll.horizontalScrollBar().setValue)
        measure_bar = self.measure_scroll.horizontalScrollBar()
        measure_bar.valueChanged.connect(bar.setValue)
        measure_bar.rangeChanged.connect(lambda *_: measure_bar.setValue(bar.value()))
        self.measure_text = QLabel()
        self.measure_text.setWordWrap(True)
        self.measure_text.setTextFormat(Qt.TextFormat.PlainText)
        self.measure_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.measure_text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.legend = QLabel(legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("font-size: 8.5pt;")
        theme.set_role(self.legend, "muted")
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        grid = QGridLayout()  # the strip over the chart, week under week
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.strip_scroll, 0, 1)
        grid.addWidget(self.measure_names, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.measure_scroll, 1, 1)
        grid.addWidget(self.band_names, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding), 0, 3)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addWidget(self.measure_text)
        layout.addWidget(self.legend)
        return box

    def _strip_range_changed(self, _low: int, high: int) -> None:
        """Room for the scroll bar only when the strip scrolls; the latest weeks in view."""
        bar = self.strip_scroll.horizontalScrollBar()
        extra = bar.sizeHint().height() if high > 0 else 0
        self.strip_scroll.setFixedHeight(self.strip.sizeHint().height() + extra)
        bar.setValue(high)

    # ---- loading --------------------------------------------------------------------
    def show_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.refresh()

    def reload(self) -> None:
        """Rebuild for the current client (``refresh`` calls it once the view is shown)."""
        if self.client_id is None:
            self.data = None
            self._show_client_parts(False)
            return
        client_id, day, weeks = self.client_id, self.today or date.today(), self.weeks
        found = run_action(
            self,
            self._db,
            lambda s: (
                prep.build_prep(s, client_id, today=day, weeks=weeks),
                sheet_answers.returned_sheets(s, client_id),
                open_alerts(s, client_id),
            ),
            on_problem=self._unavailable,
        )
        if found is not None:
            self.apply(found[0], found[1])
            self.alert_banner.show_alerts(found[2])

    def _alert_acknowledged(self) -> None:
        self.refresh()
        self.changed.emit()  # the client may be marked "cannot postpone" now

    def _unavailable(self, message: str) -> None:
        self.data = None
        self._show_client_parts(False)
        self.placeholder.setText(i18n.translated(message))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # a new theme: the key in its colours
            self.legend.setText(legend_html())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= WIDE
            else QBoxLayout.Direction.TopToBottom
        )
        side_by_side = direction is QBoxLayout.Direction.LeftToRight
        for pair in self.pairs:
            if pair.direction() != direction:
                pair.setDirection(direction)
                for i in range(pair.count()):  # share the width; never stretch downwards
                    pair.setStretch(i, 1 if side_by_side else 0)

    def _show_client_parts(self, shown: bool) -> None:
        self.placeholder.setText(self.tr("Choose a client to prepare their next session."))
        self.placeholder.setVisible(not shown)
        self.scroll_area.setVisible(shown)
        self.action_bar.setVisible(shown)

    def apply(self, data: PrepData, returned: list[ReturnedSheet] | None = None) -> None:
        self.returned = list(returned or [])
        self.data = data
        self.returned_label.setText(returned_html(returned or [], data.today))
        self.returned_section.setVisible(bool(returned))
        h = data.header
        self.name_label.setText(isolated(h.display_name))
        self.cannot_postpone_badge.setVisible(h.cannot_postpone)
        self.cannot_postpone_badge.setToolTip(
            h.cannot_postpone_reason or self.tr("Marked 'cannot postpone treatment'.")
        )
        why = (h.cannot_postpone_reason or "").strip() or self.tr("No reason recorded.")
        self.cannot_postpone_reason.setText(self.tr("Why: {why}").format(why=why))
        self.cannot_postpone_reason.setVisible(h.cannot_postpone)
        if h.conditional is not None:
            since = text.day(h.conditional.starts_on, data.today)
            self.conditional_badge.setText(
                (
                    self.tr("Conditional sessions on since {day}")
                    if h.conditional.starts_on <= data.today
                    else self.tr("Conditional sessions on from {day}")
                ).format(day=since)
            )
            self.conditional_badge.setToolTip(h.conditional.reason)
        self.conditional_badge.setVisible(h.conditional is not None)
        self.details_label.setText(text.header_html(h, data.today))
        nxt = h.next_appointment
        self.start_button.setEnabled(nxt is not None)
        self.start_button.setToolTip(
            text.next_text(nxt, data.today) if nxt else self.tr("No session is scheduled.")
        )

        self.summary_label.setText(text.summary_text(data, self.weeks))
        self.strip.set_cells(data.weeks, data.today)
        self._show_measures(data)
        self.suggestion_label.setText(text.suggestion_html(data.suggestion))
        chart = self._chart()
        chart.set_points(data.trend)  # redraws only when the reviews changed
        self.chart_heading.setText(
            self.tr("Completion per review — all {count} since {day}").format(
                count=len(data.trend), day=text.day(data.trend[0].on, data.today)
            )
            if data.trend
            else self.tr("Completion per review")
        )
        chart.setVisible(bool(data.trend))
        self.no_reviews.setVisible(not data.trend)
        self.barriers_label.setText(text.barriers_html(data, self.weeks))
        self.strategies_label.setText(text.strategies_html(data))
        self.agenda_label.setText(text.agenda_html(data.agenda, data.today))
        self.note_label.setText(text.note_html(data.last_note, data.today))
        self._show_client_parts(True)

    def _show_measures(self, data: PrepData) -> None:
        """The measure chart under the strip and what it shows, in words (none: hidden)."""
        self.measure_chart.set_data(data.measures, data.weeks, data.goals)  # resized then
        widest = max(len(data.weeks), 1) * MAX_CELL  # the band names right after the weeks
        for scroll in (self.strip_scroll, self.measure_scroll):
            scroll.setMaximumWidth(widest)
        for part in (self.measure_scroll, self.measure_names, self.band_names):
            part.setVisible(self.measure_chart.has_points())
        said = [keep_counts_whole(i18n.translated(s)) for s in data.measure_statements]
        if data.risk_item_unanswered_on is not None:  # never left to the chart alone
            said.append(
                self.tr("The last PHQ-9 ({day}): question 9 not answered; ask about it.").format(
                    day=day_text(data.risk_item_unanswered_on, year=True)
                )
            )
        self.measure_text.setText("\n".join(said))
        self.measure_text.setVisible(bool(said))
        self.measure_scroll.horizontalScrollBar().setValue(
            self.strip_scroll.horizontalScrollBar().value()
        )

    def _measures_resized(self) -> None:
        """New data or a new font: the chart's scroll area as tall as its panels."""
        self.measure_scroll.setFixedHeight(self.measure_chart.sizeHint().height())

    def _chart(self) -> TrendChart:
        if self.chart is None:
            # deferred: start-up speed (10 ms: QtCharts)
            from practice.ui.trend_chart import TrendChart

            self.chart = TrendChart()
            self.chart_layout.insertWidget(1, self.chart)
        return self.chart

    def _weeks_chosen(self, index: int) -> None:
        self.weeks = self.weeks_combo.itemData(index)
        self.refresh()

    # ---- actions ---------------------------------------------------------------------
    def _start(self) -> None:
        if self.data is not None and self.data.header.next_appointment is not None:
            self.start_session.emit(self.data.header.next_appointment.id)

    def print_summary(self) -> QWidget | None:
        # deferred: start-up speed (10 ms: ReportLab's graphics)
        from practice.sheets.prep_summary import PrepSummaryPdf

        if self.data is None:
            return None
        data, returned = self.data, returned_lines(self.returned, self.data.today)
        title = self.tr("Prep summary — {name}").format(name=for_title(data.header.display_name))
        source = PaperSource(
            title,
            lambda paper: PrepSummaryPdf(data, paper=paper, returned=returned).generate(),
            f"prep-summary-{data.header.client_id}-{file_date(data.today)}",
        )
        dialog = SheetPreview(
            [source],
            self,
            practice=self._db.path,
            save_caption=self.tr("Save the session preparation as PDF"),
        )
        dialog.setWindowTitle(title)
        dialog.open()
        return dialog

    def open_conditional(self) -> QWidget | None:
        if self.client_id is None:
            return None
        client_id = self.client_id
        dialog = guarded(
            self,
            lambda: ConditionalDialog(self._db, client_id, today=self.today, parent=self),
            title=self.tr("Conditional sessions"),
        )
        if dialog is None:
            return None
        dialog.changed.connect(self._conditional_changed)
        dialog.open()
        return dialog

    def _conditional_changed(self) -> None:
        self.refresh()
        self.changed.emit()
