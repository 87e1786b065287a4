"""The "cannot postpone treatment" flag, shown in full wherever the client appears
(docs/clinical.md, Conditional sessions): Today, the agenda, the day-before call and
its cancel prompt, the conditional-sessions dialog and the session panel.

:func:`risk_text` is the one wording; :class:`RiskFlag` shows it word-wrapped (never
cut), with the same text as its tooltip and accessible name.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from practice.text import QT_TRANSLATE_NOOP
from practice.ui import theme
from practice.ui.i18n import translated

FLAG_STYLE = "danger_flag"  # a theme role
NO_REASON = QT_TRANSLATE_NOOP("RiskFlag", "no reason recorded")


def risk_text(reason: str | None, name: str | None = None) -> str:
    """'⚠ Rocío cannot postpone treatment: <reason>' (or 'Cannot postpone…' without a name)."""
    why = (reason or "").strip() or translated(NO_REASON)
    if name:
        return QCoreApplication.translate(
            "RiskFlag", "⚠ {name} cannot postpone treatment: {reason}"
        ).format(name=name, reason=why)
    return QCoreApplication.translate("RiskFlag", "⚠ Cannot postpone treatment: {reason}").format(
        reason=why
    )


class RiskFlag(QLabel):
    """The flag and its reason, word-wrapped in a red box; its text is never elided."""

    def __init__(
        self, reason: str | None = None, name: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_role(self, FLAG_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.set_flag(reason, name)

    def set_flag(self, reason: str | None, name: str | None = None) -> None:
        text = risk_text(reason, name)
        self.setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def fits(self) -> bool:
        """True when the label is as tall as its wrapped text needs at its width and no
        parent (a scroll area's viewport, the window) cuts its left or right side off."""
        if not self.isVisible() or self.height() < self.heightForWidth(self.width()):
            return False
        return not cut_sideways(self)


def cut_sideways(widget: QWidget) -> bool:
    """True when a parent of ``widget`` (up to its window) hides part of its width."""
    parent = widget.parentWidget()
    while parent is not None:
        left = widget.mapTo(parent, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > parent.width():
            return True
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return False


class RiskFlagList(QWidget):
    """One :class:`RiskFlag` per flagged client (each client once); hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flags: list[RiskFlag] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.hide()

    def show_flags(self, flagged: Iterable[tuple[int, str, str | None]]) -> None:
        """``flagged``: (client id, name, reason) of each flagged client, in order."""
        for flag in self.flags:
            flag.hide()
            flag.deleteLater()
        self.flags = []
        seen: set[int] = set()
        for client_id, name, reason in flagged:
            if client_id not in seen:
                seen.add(client_id)
                flag = RiskFlag(reason, name)
                self._layout.addWidget(flag)
                self.flags.append(flag)
        self.setVisible(bool(self.flags))
