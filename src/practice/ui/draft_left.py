"""After an appointment is cancelled: what to do with the session draft it still holds.

A draft (private note included) stays with its appointment; once that appointment is
cancelled nobody can open it there. Every place that cancels an appointment (the
client's Sessions tab, the day-before call) calls :func:`after_cancel`, which asks:
move the draft to the client's next scheduled appointment (when that one has no draft
of its own), keep it where it is, or discard it. The work is done by
``session_flow.move_draft`` and ``session_flow.discard_draft`` (both audited).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from practice.db.engine import Database
from practice.services import session_flow
from practice.ui.actions import run_action
from practice.ui.dates import day_at


class DraftChoice(StrEnum):
    MOVED = "moved"
    KEPT = "kept"
    DISCARDED = "discarded"


def after_cancel(parent: QWidget, database: Database, appointment_id: int) -> DraftChoice | None:
    """Ask about the draft of a just-cancelled appointment; None when it had none."""
    panels = getattr(parent.window(), "session_panels", {})
    panel = panels.get(appointment_id)
    if panel is not None:
        panel.close()  # it saves what it holds first, so nothing typed is lost
    left = run_action(
        parent, database, lambda s: session_flow.draft_left_by_cancel(s, appointment_id)
    )
    if left is None:
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(
        QCoreApplication.translate("draft_left", "This appointment had a session draft")
    )
    box.setText(
        QCoreApplication.translate(
            "draft_left",
            "The cancelled appointment still holds a session draft, private note included.",
        )
        if left.has_private_note
        else QCoreApplication.translate(
            "draft_left", "The cancelled appointment still holds a session draft."
        )
    )
    if left.move_to is not None:
        informative = QCoreApplication.translate(
            "draft_left",
            "Move it to the next appointment ({when}), keep it with the "
            "cancelled appointment, or discard it?",
        ).format(when=day_at(left.move_to.starts_at))
    else:
        informative = QCoreApplication.translate(
            "draft_left",
            "There is no later appointment without a draft to move it to. Keep it with "
            "the cancelled appointment, or discard it?",
        )
    box.setInformativeText(informative)
    move: QPushButton | None = None
    if left.move_to is not None:
        move = box.addButton(
            QCoreApplication.translate("draft_left", "Move to {when}").format(
                when=day_at(left.move_to.starts_at)
            ),
            QMessageBox.ButtonRole.AcceptRole,
        )
    keep = box.addButton(
        QCoreApplication.translate("draft_left", "Keep it here"), QMessageBox.ButtonRole.RejectRole
    )
    discard = box.addButton(
        QCoreApplication.translate("draft_left", "Discard it"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(move or keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if move is not None and clicked is move and left.move_to is not None:
        target = left.move_to.id
        done = run_action(
            parent,
            database,
            lambda s: session_flow.move_draft(s, appointment_id, target, version=left.version),
            title=QCoreApplication.translate("draft_left", "The draft was not moved"),
        )
        return DraftChoice.MOVED if done is not None else DraftChoice.KEPT
    if clicked is discard:
        discarded = run_action(
            parent,
            database,
            lambda s: session_flow.discard_draft(s, appointment_id, version=left.version),
            title=QCoreApplication.translate("draft_left", "The draft was not discarded"),
        )
        return DraftChoice.DISCARDED if discarded is not None else DraftChoice.KEPT
    return DraftChoice.KEPT
