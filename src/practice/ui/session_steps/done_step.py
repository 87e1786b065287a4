"""Step 5: a summary of what Finish will save, and any problems that stop it.

After Finish, when the session set new homework, the step hands it over: for each
new assignment Preview, Print and Save its sheet (on the paper chosen here, by
default the practice's), its reminder card and its phone alarm, so the client
leaves with the paper. The work is done by ``ui.sheet_preview`` (one hidden
``SheetPreview`` per assignment, shown by Preview), which calls ``services.printing``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput
from practice.domain.session_draft import ObservationDraft, ReviewDraft, SessionDraft
from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    Frequency,
    Language,
    NoteFormat,
    ReminderChannel,
)
from practice.services.homework import AssignmentView
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.dates import day_text, time_text
from practice.ui.session_steps import StepPage, heading, intro
from practice.ui.sheet_preview import (
    AssignmentSource,
    SheetPreview,
    last_paper,
    paper_combo,
    remember_paper,
)
from practice.ui.user_text import for_title
from practice.ui.widgets import ERROR_STYLE
from practice.ui.wording import NEXT_SESSION_TITLE, section_name

DANGER = theme.Ink("danger")
EXCERPT = 140
SUMMARY_CSS = "h3 { margin-top: 10px; margin-bottom: 2px; } li { margin-bottom: 3px; }"


def _excerpt(text: str) -> str:
    one_line = " ".join(text.split())
    if len(one_line) > EXCERPT:
        one_line = one_line[: EXCERPT - 1].rstrip() + "…"
    return escape(one_line)


def review_line(review: ReviewDraft) -> str:
    name = review.assignment_title or QCoreApplication.translate("DoneStep", "Assignment")
    title = f"<b>{escape(name)}</b>"
    if review.skip:
        return QCoreApplication.translate(
            "DoneStep", "{title}: not reviewed this session (nothing is saved for it)."
        ).format(title=title)
    if review.completion is None:
        completion = QCoreApplication.translate(
            "DoneStep", "<span style='color:{danger}'>completion not chosen</span>"
        ).format(danger=DANGER)
    else:
        completion = QCoreApplication.translate("DoneStep", "completion {value} ({words})").format(
            value=review.completion, words=i18n.translated(COMPLETION_ANCHORS[review.completion])
        )
    if review.brought is None:
        brought = QCoreApplication.translate(
            "DoneStep", "<span style='color:{danger}'>brought the record: not chosen</span>"
        ).format(danger=DANGER)
    elif review.brought:
        brought = QCoreApplication.translate("DoneStep", "brought")
    else:
        brought = QCoreApplication.translate("DoneStep", "not brought")
    parts = [brought, completion]
    if review.client_rating is not None:
        parts.append(
            QCoreApplication.translate("DoneStep", "client's rating {value}").format(
                value=review.client_rating
            )
        )
    if review.quality is not None:
        parts.append(
            QCoreApplication.translate("DoneStep", "quality {value}").format(value=review.quality)
        )
    if (days := review.days_recorded) is not None:
        parts.append(QCoreApplication.translate("DoneStep", "%n day(s) recorded", None, days))
    line = f"{title}: " + ", ".join(parts) + "."
    if review.barriers:
        barriers = ", ".join(sorted(i18n.translated(b.label) for b in review.barriers))
        line += " " + QCoreApplication.translate("DoneStep", "Barriers: {barriers}.").format(
            barriers=barriers
        )
    if review.strategies:
        steps = sorted(review.strategies, key=lambda s: s.step)
        ladder = ", ".join(f"{s.step}. {i18n.translated(s.label)}" for s in steps)
        line += " " + QCoreApplication.translate("DoneStep", "Ladder now: {steps}.").format(
            steps=ladder
        )
    if review.note.strip():
        line += f" <i>{_excerpt(review.note)}</i>"
    return line


def assignment_line(data: AssignmentInput, templates: TemplateLibrary) -> str:
    name = (
        templates.get(data.template_key).name(Language(i18n.current_language()))
        if (data.template_key in templates)
        else data.template_key
    )
    how_often = i18n.translated(data.frequency.label)
    if data.frequency == Frequency.PER_WEEK and data.times_per_week:
        how_often = QCoreApplication.translate(
            "DoneStep", "%n time(s) a week", None, data.times_per_week
        )
    level = f"{i18n.translated(data.level.label)}, {i18n.translated(data.language.label)}"
    if data.large_print:
        level = QCoreApplication.translate("DoneStep", "{level}, large print").format(level=level)
    parts = [
        level,
        i18n.translated(data.modality.label).lower(),
        how_often.lower(),
        QCoreApplication.translate("DoneStep", "due {day}").format(day=day_text(data.due_date))
        if data.due_date
        else QCoreApplication.translate("DoneStep", "no due date"),
    ]
    if data.reminder_channel != ReminderChannel.NONE:
        channel = i18n.translated(data.reminder_channel.label).lower()
        parts.append(
            QCoreApplication.translate("DoneStep", "reminder: {channel} at {time}").format(
                channel=channel, time=time_text(data.reminder_time)
            )
            if data.reminder_time
            else QCoreApplication.translate("DoneStep", "reminder: {channel}").format(
                channel=channel
            )
        )
    checks = [
        i18n.translated(label)
        for on, label in (
            (data.teach_back_done, QT_TRANSLATE_NOOP("DoneStep", "teach-back done")),
            (data.value_discussed, QT_TRANSLATE_NOOP("DoneStep", "value discussed")),
            (data.alarm_set_in_session, QT_TRANSLATE_NOOP("DoneStep", "alarm set")),
            (data.reminder_card_printed, QT_TRANSLATE_NOOP("DoneStep", "card printed")),
        )
        if on
    ]
    title = data.title or QCoreApplication.translate("DoneStep", "(no title)")
    named = f" ({escape(name)})" if name != title else ""
    line = f"<b>{escape(title)}</b>{named}: " + "; ".join(parts)
    if checks:
        line += "; " + ", ".join(checks)
    return line + "."


def summary_html(
    draft: SessionDraft,
    templates: TemplateLibrary,
    raise_texts: Mapping[int, str],
    *,
    will_mark_attended: bool,
) -> str:
    out = [f"<style>{SUMMARY_CSS}</style>"]
    if will_mark_attended:
        out.append(
            QCoreApplication.translate(
                "DoneStep", "<p>The appointment will be marked <b>attended</b>.</p>"
            )
        )
    out.append(QCoreApplication.translate("DoneStep", "<h3>Homework reviewed</h3>"))
    if draft.reviews:
        out.append("<ul>" + "".join(f"<li>{review_line(r)}</li>" for r in draft.reviews) + "</ul>")
    else:
        out.append(QCoreApplication.translate("DoneStep", "<p>No homework to review.</p>"))

    note = draft.note
    out.append(QCoreApplication.translate("DoneStep", "<h3>Session note</h3>"))
    if note.already_signed:
        out.append(
            QCoreApplication.translate(
                "DoneStep", "<p>The note was signed before; it stays as it is.</p>"
            )
        )
    else:
        written = [(n, t) for n, t in note.sections.items() if t.strip()]
        fmt = (  # "Free text note", "SOAP note"
            QCoreApplication.translate("DoneStep", "Free text note")
            if note.format is NoteFormat.FREE
            else QCoreApplication.translate("DoneStep", "{format} note").format(
                format=note.format.value.upper()
            )
        )
        if written:
            out.append(f"<p>{fmt}:</p><ul>")
        else:
            out.append(
                QCoreApplication.translate("DoneStep", "<p>{format}: no text yet.</p>").format(
                    format=fmt
                )
            )
        for name, text in written:
            out.append(f"<li><b>{escape(section_name(name))}</b>: {_excerpt(text)}</li>")
        if written:
            out.append("</ul>")
        if note.plan.strip():
            plan_title = i18n.translated(NEXT_SESSION_TITLE)
            out.append(f"<p><b>{plan_title}:</b> {_excerpt(note.plan)}</p>")
        out.append(
            QCoreApplication.translate("DoneStep", "<p>The note will be signed and locked.</p>")
            if draft.sign_note
            else QCoreApplication.translate(
                "DoneStep", "<p>The note will be kept as a draft (not signed).</p>"
            )
        )
    if note.private_note.strip():
        words = len(note.private_note.split())
        out.append(
            QCoreApplication.translate(
                "DoneStep",
                "<p>Private psychotherapy note: %n word(s), kept apart.</p>",
                None,
                words,
            )
        )

    out.append(QCoreApplication.translate("DoneStep", "<h3>Stage and resistance</h3>"))
    stage = note.stage_of_change
    out.append(
        QCoreApplication.translate("DoneStep", "<p>Stage of change: <b>{stage}</b>.</p>").format(
            stage=i18n.translated(stage.label)
            if stage
            else QCoreApplication.translate("DoneStep", "not assessed")
        )
    )
    if draft.observations:
        items = "".join(_observation_item(o) for o in draft.observations)
        out.append(f"<ul>{items}</ul>")
    else:
        out.append(QCoreApplication.translate("DoneStep", "<p>No resistance recorded.</p>"))
    if draft.raised_ids:
        raised = "".join(f"<li>{escape(raise_texts.get(i, str(i)))}</li>" for i in draft.raised_ids)
        said = QCoreApplication.translate("DoneStep", "<p>Raised today (from last time):</p>")
        out.append(f"{said}<ul>{raised}</ul>")

    out.append(QCoreApplication.translate("DoneStep", "<h3>New homework</h3>"))
    if draft.assignments:
        out.append(
            "<ul>"
            + "".join(f"<li>{assignment_line(a, templates)}</li>" for a in draft.assignments)
            + "</ul>"
        )
    else:
        out.append(QCoreApplication.translate("DoneStep", "<p>None.</p>"))
    return "".join(out)


GROUP_WORDS = {  # the resistance groups in the summary, lower case
    "attitude": QT_TRANSLATE_NOOP("DoneStep", "attitude"),
    "behaviour": QT_TRANSLATE_NOOP("DoneStep", "behavior"),
    "cognition": QT_TRANSLATE_NOOP("DoneStep", "cognition"),
}


def _observation_item(o: ObservationDraft) -> str:
    group = i18n.translated(GROUP_WORDS.get(o.kind.group.value, o.kind.group.value))
    text = f"{escape(i18n.translated(o.kind.label))} ({group})"
    if o.text.strip():
        text += f": {_excerpt(o.text)}"
    if o.raise_next_session:
        text += QCoreApplication.translate("DoneStep", " — <b>raise next session</b>")
    return f"<li>{text}</li>"


class HandoverRow:
    """One new assignment's buttons on the Done step, over a hidden sheet preview."""

    def __init__(
        self,
        step: DoneStep,
        database: Database,
        templates: TemplateLibrary,
        assignment: AssignmentView,
    ) -> None:
        self._step = step
        self._db = database
        self._templates = templates
        self.assignment = assignment
        self.preview: SheetPreview | None = None  # made on the first click
        self.title = QLabel(
            QCoreApplication.translate("HandoverRow", "<b>{title}</b>  ·  code {code}").format(
                title=escape(assignment.title), code=assignment.code
            )
        )
        self.title.setWordWrap(True)
        self.preview_button = QPushButton(QCoreApplication.translate("HandoverRow", "Preview…"))
        self.print_button = QPushButton(QCoreApplication.translate("HandoverRow", "Print…"))
        self.save_button = QPushButton(QCoreApplication.translate("HandoverRow", "Save sheet…"))
        self.card_button = QPushButton(
            QCoreApplication.translate("HandoverRow", "Save reminder card…")
        )
        self.alarm_button = QPushButton(
            QCoreApplication.translate("HandoverRow", "Save phone alarm…")
        )
        self.preview_button.setToolTip(
            QCoreApplication.translate(
                "HandoverRow", "See the sheet; print or save it from there too"
            )
        )
        self.card_button.setToolTip(
            QCoreApplication.translate(
                "HandoverRow", "A small card for the fridge or wallet (marked printed)"
            )
        )
        self.alarm_button.setToolTip(
            QCoreApplication.translate(
                "HandoverRow", "A calendar file (.ics) the client opens on the phone"
            )
        )
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(lambda: self._run(lambda p: p.print_sheet()))
        self.save_button.clicked.connect(lambda: self._run(lambda p: p.save_pdf()))
        self.card_button.clicked.connect(lambda: self._run(lambda p: p.save_card()))
        self.alarm_button.clicked.connect(lambda: self._run(lambda p: p.save_alarm()))
        self.buttons = (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.card_button,
            self.alarm_button,
        )

    def engine(self) -> SheetPreview:
        """The sheet preview doing the work, on the paper chosen on the step."""
        if self.preview is None:
            source = AssignmentSource(self._db, self.assignment, self._templates)
            source.paper = self._step.paper_box.currentData()
            self.preview = SheetPreview([source], self._step, practice=self._db.path)
            self.preview.setWindowTitle(
                QCoreApplication.translate("HandoverRow", "Sheet — {title}").format(
                    title=for_title(self.assignment.title)
                )
            )
            self.preview.paper_chosen.connect(self._step.set_paper)  # one choice, both places
        self.set_paper(self._step.paper_box.currentData())
        return self.preview

    def set_paper(self, paper: str) -> None:
        if self.preview is not None:
            box = self.preview.paper_box
            box.setCurrentIndex(box.findData(paper))  # redraws the sheet when it changes

    def show_preview(self) -> None:
        preview = self.engine()
        preview.open()
        preview.raise_()

    def _run(self, action: Callable[[SheetPreview], object]) -> None:
        preview = self.engine()
        preview.message.clear()
        action(preview)
        said = preview.message.text()
        if said:
            self._step.say(said, error=preview.message.property("role") == "danger")


class DoneStep(StepPage):
    title = QT_TRANSLATE_NOOP("DoneStep", "Done")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[HandoverRow] = []
        self.title_label = heading(self.tr("What will be saved"))
        self.intro_label = intro(
            self.tr(
                "Finish session (Ctrl+Enter) writes all of this at once. If anything is "
                "invalid, nothing is saved and you are taken to the field to fix."
            )
        )
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE + " font-size: 10.5pt;")
        theme.set_role(self.problems, "danger")
        self.problems.hide()
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("What will be saved"))
        self.summary.setOpenLinks(False)
        self.summary.setStyleSheet("QTextBrowser { font-size: 10.5pt; }")

        self.handover = QGroupBox(self.tr("New homework"))
        self.handover.setStyleSheet("QGroupBox { font-weight: 600; }")
        self.paper_box = paper_combo(last_paper())  # as last chosen here or in a preview
        self.paper_box.setToolTip(self.tr("Paper size of the sheets printed and saved here"))
        self.paper_box.currentIndexChanged.connect(self._paper_changed)
        paper_label = QLabel(self.tr("Paper:"))
        paper_label.setBuddy(self.paper_box)
        paper_line = QHBoxLayout()
        paper_line.addWidget(
            intro(
                self.tr(
                    "Give the client the sheet, the reminder card and the alarm before they leave."
                )
            ),
            1,
        )
        paper_line.addWidget(paper_label)
        paper_line.addWidget(self.paper_box)
        self.handover_grid = QGridLayout()
        self.handover_grid.setColumnStretch(0, 1)
        self.handover_message = QLabel()
        self.handover_message.setWordWrap(True)
        self.handover_message.hide()
        box_layout = QVBoxLayout(self.handover)
        box_layout.addLayout(paper_line)
        box_layout.addLayout(self.handover_grid)
        box_layout.addWidget(self.handover_message)
        self.handover.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.problems)
        layout.addWidget(self.handover)
        layout.addWidget(self.summary, 1)
        self._layout = layout

    def show_summary(self, html: str, problems: list[str]) -> None:
        self.summary.setHtml(html)
        if problems:
            self.problems.setText(
                self.tr("<b>Fix these before finishing:</b>")
                + "<br>"
                + "<br>".join(escape(p) for p in problems)
            )
        self.problems.setVisible(bool(problems))

    def show_handover(
        self,
        database: Database,
        templates: TemplateLibrary,
        assignments: tuple[AssignmentView, ...],
    ) -> None:
        """The session is saved: offer each new assignment's sheet, card and alarm."""
        self.title_label.setText(self.tr("Saved — hand over the homework"))
        self.intro_label.setText(
            self.tr(
                "The session is saved. Print or save the new homework now; later it is on "
                "the client's Homework tab (Sheet…). Close the panel when you are done."
            )
        )
        self.problems.hide()
        self.summary.hide()  # it says what "will be" saved; that is done now
        self._layout.addStretch(1)
        for i, assignment in enumerate(assignments):
            row = HandoverRow(self, database, templates, assignment)
            self.rows.append(row)
            self.handover_grid.addWidget(row.title, i, 0)
            for column, button in enumerate(row.buttons, start=1):
                self.handover_grid.addWidget(button, i, column)
        self.handover.show()
        if self.rows:
            self.rows[0].print_button.setFocus()

    def say(self, text: str, *, error: bool = False) -> None:
        theme.set_role(self.handover_message, "danger" if error else "success")
        self.handover_message.setText(text)
        self.handover_message.show()

    def set_paper(self, paper: str) -> None:
        """Show ``paper`` (chosen in a sheet preview) here and in every row's preview."""
        self.paper_box.setCurrentIndex(self.paper_box.findData(paper))

    def _paper_changed(self) -> None:
        remember_paper(self.paper_box.currentData())
        for row in self.rows:
            row.set_paper(self.paper_box.currentData())

    def focus_first(self) -> None:
        if self.rows:
            self.rows[0].print_button.setFocus()
        else:
            self.summary.setFocus()
