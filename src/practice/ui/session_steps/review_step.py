"""Step 1: review each active assignment (brought, completion, ratings, barriers, ladder)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from practice.domain.session_draft import ReviewDraft, SessionDraft
from practice.domain.vocabulary import COMPLETION_ANCHORS, Barrier, Strategy
from practice.services.reviews import DAYS_MAX
from practice.services.sheet_answers import StoredAnswer
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.assignment_form import field_holder, plain_editor
from practice.ui.session_steps import Columns, StepPage, heading, intro
from practice.ui.sheet_answers_html import answers_html
from practice.ui.user_text import isolated, plain_label
from practice.ui.widgets import error_label, show_field_errors

NOT_SET = 9  # button id of "not asked" / "not rated"
TITLE_STYLE = "font-weight: 600; font-size: 12pt;"


def _clear(group: QButtonGroup) -> None:
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(True)


def _check(group: QButtonGroup, button_id: int | None) -> None:
    button = group.button(button_id) if button_id is not None else None
    if button is None:
        _clear(group)
    else:
        button.setChecked(True)


class ReviewForm(QGroupBox):
    """How one assignment went, as entered so far (a :class:`ReviewDraft`)."""

    def __init__(
        self,
        draft: ReviewDraft,
        detail: str = "",
        parent: QWidget | None = None,
        answers: tuple[StoredAnswer, ...] = (),
    ):
        super().__init__(parent)
        self.heading = plain_label(  # the title as typed, never as markup
            QLabel(
                isolated(draft.assignment_title)
                or self.tr("Assignment {number}").format(number=draft.assignment_id)
            )
        )
        self.heading.setStyleSheet(TITLE_STYLE)
        self._draft = draft
        self._errors: dict[str, QLabel] = {}
        self.skip = QCheckBox(self.tr("Not reviewed this session"))
        self.skip.setToolTip(
            self.tr("Nothing is written for this assignment when the session finishes")
        )
        self.detail = QLabel(detail)
        self.detail.setWordWrap(True)
        theme.set_role(self.detail, "muted")

        self.brought = QButtonGroup(self)
        self.brought_yes = QRadioButton(self.tr("Yes"))
        self.brought_no = QRadioButton(self.tr("No"))
        self.brought.addButton(self.brought_yes, 1)
        self.brought.addButton(self.brought_no, 0)
        brought_row = self._row([self.brought_yes, self.brought_no])

        self.completion = QButtonGroup(self)
        completion_box = QWidget()
        completion_column = QVBoxLayout(completion_box)
        completion_column.setContentsMargins(0, 0, 0, 0)
        completion_column.setSpacing(2)
        for value, words in COMPLETION_ANCHORS.items():
            button = QRadioButton(f"{value}  {i18n.translated(words)}")
            self.completion.addButton(button, value)
            completion_column.addWidget(button)

        self.client_rating, rating_row = self._score_row(self.tr("not asked"))
        self.quality, quality_row = self._score_row(self.tr("not rated"))
        self.days = QSpinBox()
        self.days.setRange(-1, DAYS_MAX)
        self.days.setSpecialValueText(self.tr("not counted"))
        self.days.setMaximumWidth(130)
        self.days.setAccessibleName(self.tr("Days recorded"))

        scores = QFormLayout()
        scores.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        held = [  # each field with its message below it (by the field's error key)
            self._held(brought_row, "brought"),
            self._held(completion_box, "completion"),
            self._held(rating_row, "client_rating"),
            self._held(quality_row, "quality"),
            self._held(self.days, "days_recorded"),
        ]
        labels = [
            self.tr("Brought the record *"),
            self.tr("Completion *"),
            self.tr("Client's own rating"),
            self.tr("Quality"),
            self.tr("Days recorded"),
        ]
        for label, field in zip(labels, held, strict=True):
            scores.addRow(label, field)

        self.barriers: dict[Barrier, QCheckBox] = {}
        barrier_box = QGroupBox(self.tr("Barriers"))
        barrier_grid = QGridLayout(barrier_box)
        barrier_grid.setVerticalSpacing(2)
        for i, barrier in enumerate(Barrier):
            box = QCheckBox(i18n.translated(barrier.label))
            self.barriers[barrier] = box
            barrier_grid.addWidget(box, i % 6, i // 6)
        barrier_grid.addWidget(self._message("barriers"), 6, 0, 1, 2)

        self.strategies: dict[Strategy, QCheckBox] = {}
        strategy_box = QGroupBox(self.tr("Strategies applied now (the ladder)"))
        strategy_column = QVBoxLayout(strategy_box)
        strategy_column.setSpacing(2)
        for strategy in Strategy:
            box = QCheckBox(f"{strategy.step}. {i18n.translated(strategy.label)}")
            self.strategies[strategy] = box
            strategy_column.addWidget(box)
        strategy_column.addWidget(self._message("strategies"))

        self.note = plain_editor(56, self.tr("What the client said about it (optional)"))
        self.note.setMaximumHeight(90)
        self.note.setAccessibleName(self.tr("Note on this homework"))

        score_box = QWidget()
        score_box.setLayout(scores)
        scores.setContentsMargins(0, 0, 0, 0)
        # scores | barriers | ladder, each below the other when the panel is narrow
        self.columns = Columns([(score_box, 5), (barrier_box, 4), (strategy_box, 4)])
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.columns)
        body.addWidget(QLabel(self.tr("Note on this homework")))
        body.addWidget(field_holder(self.note, self._message("note")))
        self.heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.skip)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        self.sheet: QTextBrowser | None = None
        if answers:  # the client's own record, returned by fillable PDF
            flagged = sum(1 for a in answers if a.problem)
            given = len(answers)
            said = QCoreApplication.translate(
                "ReviewForm", "The client's sheet (fillable PDF): %n answer(s)", None, given
            )
            if flagged:
                said = QCoreApplication.translate(
                    "ReviewForm", "{answers}, <span style='color:{ink}'>%n flagged</span>", None,
                    flagged,
                ).format(answers=said, ink=theme.Ink("danger_ink"))  # fmt: skip
            caption = QLabel(said)
            self.sheet = QTextBrowser()
            self.sheet.setHtml(answers_html(answers))
            self.sheet.setMaximumHeight(180)
            layout.addWidget(caption)
            layout.addWidget(self.sheet)
        layout.addWidget(self.body)
        self.skip.toggled.connect(self._update_enabled)
        # a required choice made: its "choose …" message goes at once
        self.brought.idToggled.connect(lambda _id, on: self._answered("brought", on))
        self.completion.idToggled.connect(lambda _id, on: self._answered("completion", on))
        self.load(draft)

    def _answered(self, name: str, chosen: bool) -> None:
        if not chosen:
            return
        label = self._errors[name]
        label.clear()
        label.hide()

    def _row(self, buttons: Iterable[QWidget]) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return holder

    def _score_row(self, none_text: str) -> tuple[QButtonGroup, QWidget]:
        group = QButtonGroup(self)
        buttons: list[QWidget] = []
        none = QRadioButton(none_text)
        group.addButton(none, NOT_SET)
        buttons.append(none)
        for value in range(5):
            button = QRadioButton(str(value))
            group.addButton(button, value)
            buttons.append(button)
        return group, self._row(buttons)

    def _message(self, name: str) -> QLabel:
        label = error_label()
        self._errors[name] = label
        return label

    def _held(self, widget: QWidget, name: str) -> QWidget:
        return field_holder(widget, self._message(name))

    @property
    def assignment_id(self) -> int:
        return self._draft.assignment_id

    def load(self, draft: ReviewDraft) -> None:
        self._draft = draft
        self.skip.setChecked(draft.skip)
        _check(self.brought, None if draft.brought is None else int(draft.brought))
        _check(self.completion, draft.completion)
        _check(self.client_rating, NOT_SET if draft.client_rating is None else draft.client_rating)
        _check(self.quality, NOT_SET if draft.quality is None else draft.quality)
        self.days.setValue(-1 if draft.days_recorded is None else draft.days_recorded)
        for barrier, box in self.barriers.items():
            box.setChecked(barrier in draft.barriers)
        for strategy, box in self.strategies.items():
            box.setChecked(strategy in draft.strategies)
        self.note.setPlainText(draft.note)
        self._update_enabled()

    def value(self) -> ReviewDraft:
        def score(group: QButtonGroup) -> int | None:
            checked = group.checkedId()
            return None if checked in (NOT_SET, -1) else checked

        completion = self.completion.checkedId()
        brought = self.brought.checkedId()
        return replace(
            self._draft,
            skip=self.skip.isChecked(),
            brought=None if brought < 0 else brought == 1,
            completion=None if completion < 0 else completion,
            client_rating=score(self.client_rating),
            quality=score(self.quality),
            days_recorded=None if self.days.value() < 0 else self.days.value(),
            barriers=frozenset(b for b, box in self.barriers.items() if box.isChecked()),
            strategies=frozenset(s for s, box in self.strategies.items() if box.isChecked()),
            note=self.note.toPlainText(),
        )

    def show_errors(self, errors: dict[str, str]) -> int:
        shown = {k: i18n.translated(m) for k, m in errors.items()}
        return show_field_errors(self._errors, shown)

    def focus_first(self) -> None:
        (self.brought_no if self.brought_no.isChecked() else self.brought_yes).setFocus()

    def _update_enabled(self) -> None:
        self.body.setEnabled(not self.skip.isChecked())


class ReviewStep(StepPage):
    title = QT_TRANSLATE_NOOP("ReviewStep", "Review homework")
    error_prefixes = ("reviews.",)

    def __init__(
        self,
        details: dict[int, str],
        last_plan: str | None = None,
        answers: dict[int, tuple[StoredAnswer, ...]] | None = None,
    ) -> None:
        super().__init__()
        self._details = details
        self._answers = answers or {}
        self.forms: list[ReviewForm] = []
        self.container = QWidget()
        self.column = QVBoxLayout(self.container)
        self.column.addWidget(heading(self.tr("How did the homework go?")))
        text = self.tr(
            "For each active assignment: did the client bring it, how much was done, "
            "what got in the way, and which ladder steps you apply now."
        )
        if last_plan:
            text += "\n" + self.tr("Plan from last time: {plan}").format(plan=last_plan)
        self.column.addWidget(intro(text))
        self.empty = intro(self.tr("No active homework to review in this session."))
        self.empty.hide()
        self.column.addWidget(self.empty)
        self.column.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setAccessibleName(self.tr("How did the homework go?"))
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setWidget(self.container)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)

    def load(self, draft: SessionDraft) -> None:
        for form in self.forms:
            form.setParent(None)
            form.deleteLater()
        self.forms = []
        for review in draft.reviews:
            form = ReviewForm(
                review,
                self._details.get(review.assignment_id, ""),
                answers=self._answers.get(review.assignment_id, ()),
            )
            self.column.insertWidget(self.column.count() - 1, form)
            self.forms.append(form)
        self.empty.setVisible(not self.forms)
        for before, after in zip(self.forms, self.forms[1:], strict=False):
            QWidget.setTabOrder(before.note, after.brought_yes)

    def apply(self, draft: SessionDraft) -> SessionDraft:
        return replace(draft, reviews=tuple(form.value() for form in self.forms))

    def show_errors(self, errors: dict[str, str]) -> int:
        shown = 0
        for form in self.forms:
            prefix = f"reviews.{form.assignment_id}."
            here = form.show_errors(
                {k.removeprefix(prefix): v for k, v in errors.items() if k.startswith(prefix)}
            )
            if here and not shown:  # up or down to it, never sideways off the headings
                top = form.mapTo(self.container, QPoint(0, 0)).y()
                bar = self.scroller.verticalScrollBar()
                if not top <= bar.value() + self.scroller.viewport().height() - 60 or (
                    top < bar.value()
                ):
                    bar.setValue(top)
            shown += here
        return shown

    def focus_first(self) -> None:
        if self.forms:
            self.forms[0].focus_first()
