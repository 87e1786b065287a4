"""The pages of the session panel, one per step of the session workflow.

Each page shows part of a :class:`~practice.domain.session_draft.SessionDraft`:
``load`` fills it, ``apply`` writes what is on screen back into a draft,
``parse_errors`` reports fields that cannot be read at all (a time typed wrongly),
and ``show_errors`` shows the messages of ``session_flow.validate_draft`` that belong
to it, next to the fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from practice.domain.session_draft import SessionDraft
from practice.ui import theme

INTRO_STYLE = "font-size: 10.5pt;"
HEADING_STYLE = "font-size: 13pt; font-weight: 600;"  # not translated: a style sheet


class StepPage(QWidget):
    """One step of the panel (a base class: the default does nothing)."""

    title = ""
    error_prefixes: tuple[str, ...] = ()

    def load(self, draft: SessionDraft) -> None:  # pragma: no cover - overridden
        pass

    def apply(self, draft: SessionDraft) -> SessionDraft:
        return draft

    def parse_errors(self) -> dict[str, str]:
        return {}

    def show_errors(self, errors: dict[str, str]) -> int:
        """Show this step's messages; return how many there were."""
        return 0

    def focus_first(self) -> None:
        self.focusNextChild()

    def owns(self, key: str) -> bool:
        return any(key == p.rstrip(".[") or key.startswith(p) for p in self.error_prefixes)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HEADING_STYLE)
    return label


def intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(INTRO_STYLE)
    theme.set_role(label, "muted")
    return label


class Columns(QWidget):
    """Widgets side by side when there is room, else one below the other: the review
    form wraps to the panel's width on a small or scaled screen instead of scrolling
    sideways."""

    def __init__(self, parts: Iterable[tuple[QWidget, int]], parent: QWidget | None = None):
        super().__init__(parent)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._parts = list(parts)
        for widget, stretch in self._parts:
            self._box.addWidget(widget, stretch)

    def side_by_side_width(self) -> int:
        widths = [max(w.minimumSizeHint().width(), w.minimumWidth()) for w, _ in self._parts]
        return sum(widths) + self._box.spacing() * (len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrowest = max(max(w.minimumSizeHint().width(), w.minimumWidth()) for w, _ in self._parts)
        return QSize(narrowest, hint.height())

    @property
    def side_by_side(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= self.side_by_side_width()
        if wide != self.side_by_side:
            self._box.setDirection(
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
            self.updateGeometry()
