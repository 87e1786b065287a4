"""Step 3: stage of change with its stance, and resistance observed (three groups)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from practice.domain.session_draft import ObservationDraft, SessionDraft
from practice.domain.views import RaiseItem
from practice.domain.vocabulary import ResistanceGroup, ResistanceKind, StageOfChange
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.assignment_form import combo_enum
from practice.ui.dates import moment_day
from practice.ui.session_steps import StepPage, heading, intro
from practice.ui.widgets import enum_combo, error_label, set_combo_value
from practice.ui.wording import BEHAVIOR, SECTION_WORDS

GROUP_TITLES = {
    ResistanceGroup.ATTITUDE: QT_TRANSLATE_NOOP("ResistanceStep", "Attitude"),
    ResistanceGroup.BEHAVIOUR: SECTION_WORDS[BEHAVIOR],
    ResistanceGroup.COGNITION: QT_TRANSLATE_NOOP("ResistanceStep", "Cognition"),
}
STANCE_STYLE = "stance"  # theme roles
RAISE_BOX_STYLE = "highlight_box"


@dataclass
class ObservationRow:
    """One kind of resistance: observed or not, what was seen, raise next time."""

    kind: ResistanceKind
    observed: QCheckBox
    text: QLineEdit
    raise_next: QCheckBox
    message: QLabel
    observation_id: int | None = None

    def set_enabled(self) -> None:
        on = self.observed.isChecked()
        self.text.setEnabled(on)
        self.raise_next.setEnabled(on)


def raise_item_text(item: RaiseItem, limit: int = 0) -> str:
    """What was flagged, and when; ``limit`` shortens long text for a one-line box."""
    text = item.observation.text or ""
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    values = {
        "kind": i18n.translated(item.observation.kind.label),
        "when": moment_day(item.session_at, year=False),
    }
    if text:
        return QCoreApplication.translate(
            "ResistanceStep", "{kind}: “{said}”  (flagged {when})"
        ).format(said=text, **values)
    return QCoreApplication.translate("ResistanceStep", "{kind}  (flagged {when})").format(**values)


class ResistanceStep(StepPage):
    title = QT_TRANSLATE_NOOP("ResistanceStep", "Resistance and stage")
    error_prefixes = ("observations[",)

    def __init__(
        self, raise_items: tuple[RaiseItem, ...] = (), last_stage: StageOfChange | None = None
    ) -> None:
        super().__init__()
        self._extra: list[ObservationDraft] = []  # a second one of the same kind, kept as is
        self._indexes: dict[int, ObservationRow] = {}  # draft index -> row (for errors)

        self.stage = enum_combo(
            StageOfChange,
            none_text=self.tr("Not assessed this session"),
            labels={s: i18n.translated(s.label) for s in StageOfChange},
        )
        self.stage.setMinimumWidth(220)
        self.stance = QLabel()
        self.stance.setWordWrap(True)
        theme.set_role(self.stance, STANCE_STYLE)
        self.stage.currentIndexChanged.connect(self._show_stance)
        stage_row = QHBoxLayout()
        stage_column = QVBoxLayout()
        stage_column.addWidget(QLabel(self.tr("Stage of change")))
        stage_column.addWidget(self.stage)
        last = intro(
            self.tr("Last recorded: {stage}").format(
                stage=i18n.translated(last_stage.label) if last_stage else self.tr("never")
            )
        )
        stage_column.addWidget(last)
        stage_column.addStretch(1)
        stage_row.addLayout(stage_column)
        stage_row.addWidget(self.stance, 1)

        self.raised: dict[int, QCheckBox] = {}
        self.raise_box = raise_box = QFrame()
        raise_box.setObjectName("raiseBox")
        theme.set_role(raise_box, RAISE_BOX_STYLE)
        raise_column = QVBoxLayout(raise_box)
        raise_title = QLabel(self.tr("Flagged last time: raise openly today"))
        raise_title.setStyleSheet("font-weight: 600;")
        raise_column.addWidget(raise_title)
        for item in raise_items:
            box = QCheckBox(raise_item_text(item, limit=110))
            box.setToolTip(
                raise_item_text(item)
                + "\n"
                + self.tr("Tick when you have raised it in this session")
            )
            self.raised[item.observation.id] = box
            raise_column.addWidget(box)
        raise_column.addWidget(intro(self.tr("Tick each one once you have raised it.")))
        raise_box.setVisible(bool(raise_items))  # nothing flagged last time: no box

        self.rows: dict[ResistanceKind, ObservationRow] = {}
        groups = QVBoxLayout()
        for group in ResistanceGroup:
            group_box = QGroupBox(i18n.translated(GROUP_TITLES[group]))
            grid = QGridLayout(group_box)
            grid.setColumnStretch(1, 1)
            grid.setVerticalSpacing(2)
            line = 0
            for kind in ResistanceKind:
                if kind.group != group:
                    continue
                row = ObservationRow(
                    kind,
                    QCheckBox(i18n.translated(kind.label)),
                    QLineEdit(),
                    QCheckBox(self.tr("Raise openly next session")),
                    error_label(),
                )
                row.observed.setMinimumWidth(250)
                row.text.setPlaceholderText(self.tr("What was said or done (optional)"))
                row.observed.toggled.connect(lambda _=False, r=row: r.set_enabled())
                row.text.textEdited.connect(lambda _="", r=row: self._typed(r))
                grid.addWidget(row.observed, line, 0)
                grid.addWidget(row.text, line, 1)
                grid.addWidget(row.raise_next, line, 2)
                grid.addWidget(row.message, line + 1, 1, 1, 2)
                line += 2
                self.rows[kind] = row
            groups.addWidget(group_box)

        self.locked_notice = intro(
            self.tr(
                "The note is signed, so stage and observations are locked here "
                "(add them with an amendment)."
            )
        )
        self.locked_notice.hide()
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(heading(self.tr("Resistance and stage of change")))
        column.addLayout(stage_row)
        column.addWidget(raise_box)
        column.addWidget(
            intro(
                self.tr(
                    "Resistance observed in this session (tick what you saw; it is yours to "
                    "work with, not a verdict on the client):"
                )
            )
        )
        column.addWidget(self.locked_notice)
        column.addLayout(groups)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Resistance and stage of change"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _typed(self, row: ObservationRow) -> None:
        if row.text.text().strip() and not row.observed.isChecked():
            row.observed.setChecked(True)

    def _show_stance(self) -> None:
        stage = combo_enum(self.stage, StageOfChange)
        if stage is not None:
            self.stance.setText(
                self.tr("<b>Stance:</b> {stance}<br><b>Homework that fits:</b> {fits}").format(
                    stance=i18n.translated(stage.stance),
                    fits=i18n.translated(stage.fitting_homework),
                )
            )
        else:
            self.stance.setText(self.tr("Choose the stage to see the recommended stance."))

    # ----- StepPage ---------------------------------------------------------------
    def load(self, draft: SessionDraft) -> None:
        set_combo_value(self.stage, draft.note.stage_of_change)
        self._show_stance()
        self._extra = []
        for row in self.rows.values():
            row.observed.setChecked(False)
            row.text.clear()
            row.raise_next.setChecked(False)
            row.observation_id = None
        seen: set[ResistanceKind] = set()
        for obs in draft.observations:
            if obs.kind in seen:
                self._extra.append(obs)
                continue
            seen.add(obs.kind)
            row = self.rows[obs.kind]
            row.observed.setChecked(True)
            row.text.setText(obs.text)
            row.raise_next.setChecked(obs.raise_next_session)
            row.observation_id = obs.id
        for row in self.rows.values():
            row.set_enabled()
        for observation_id, box in self.raised.items():
            box.setChecked(observation_id in draft.raised_ids)
        locked = draft.note.already_signed
        self.locked_notice.setVisible(locked)
        self.stage.setEnabled(not locked)
        for row in self.rows.values():
            row.observed.setEnabled(not locked)
            if locked:
                row.text.setEnabled(False)
                row.raise_next.setEnabled(False)

    def apply(self, draft: SessionDraft) -> SessionDraft:
        observations: list[ObservationDraft] = []
        self._indexes = {}
        for row in self.rows.values():
            if row.observed.isChecked():
                self._indexes[len(observations)] = row
                observations.append(
                    ObservationDraft(
                        row.kind, row.text.text(), row.raise_next.isChecked(), row.observation_id
                    )
                )
        observations.extend(self._extra)
        note = replace(draft.note, stage_of_change=combo_enum(self.stage, StageOfChange))
        raised = tuple(i for i, box in self.raised.items() if box.isChecked())
        return replace(draft, note=note, observations=tuple(observations), raised_ids=raised)

    def show_errors(self, errors: dict[str, str]) -> int:
        shown = 0
        messages: dict[int, list[str]] = {}
        for key, message in errors.items():
            if key.startswith("observations["):
                index = int(key[len("observations[") : key.index("]")])
                messages.setdefault(index, []).append(message)
        for row in self.rows.values():
            row.message.hide()
        for index, texts in messages.items():
            target = self._indexes.get(index)
            if target is not None:
                target.message.setText(" ".join(i18n.translated(t) for t in texts))
                target.message.show()
                shown += len(texts)
        return shown

    def focus_first(self) -> None:
        self.stage.setFocus()
