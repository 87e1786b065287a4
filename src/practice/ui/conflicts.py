"""A save refused because another computer (or window) changed the row meanwhile.

Issue 17, point 3. A service raises :class:`~practice.services.versions.ChangedElsewhereError`
when the version a form loaded is no longer the row's; nothing was written.
:func:`practice.ui.actions.guarded` (the one error path) shows :func:`changed_elsewhere_box`:
the service's sentence ("This was changed on office-pc at 6 Dec 10:32…"), and

- **Reload**: only when the form gave a reload hook. The form reloads the row; a form
  that gave its edit tracker (``keep``) then gets back every field the user changed
  (:mod:`practice.ui.kept`: Show Details lists them first, a box after says they are
  kept and lists the other computer's value of a field both changed). Otherwise what
  the user typed in the form's text is first put on the clipboard (and the box says so);
- **Cancel**: the form stays exactly as it was, with everything typed in it.

So nothing typed is lost either way. The same box, with "Take it over", asks about a
session draft another computer is writing (:func:`draft_elsewhere_box`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from practice.services.session_flow import DraftElsewhere
from practice.services.versions import ChangedElsewhereError, when
from practice.text import QT_TRANSLATE_NOOP
from practice.ui.errors import error_text
from practice.ui.i18n import translated
from practice.ui.notices import BOX_WIDTH_CSS

RELOAD = QT_TRANSLATE_NOOP("conflicts", "Reload")
OPEN_READ_ONLY = QT_TRANSLATE_NOOP("conflicts", "Open read-only")
TAKE_OVER = QT_TRANSLATE_NOOP("conflicts", "Take it over")


def changed_elsewhere_box(
    error: ChangedElsewhereError,
    parent: QWidget | None = None,
    *,
    can_reload: bool = True,
    typed: str = "",
    keeps: bool = False,
) -> QMessageBox:
    """The box saying the save was refused; buttons Reload (when ``can_reload``) and
    Cancel. ``typed``: the form's text the user wrote, shown under "Show Details…";
    ``keeps``: Reload puts the user's changes back in the form (:mod:`practice.ui.kept`)."""
    box = QMessageBox(parent)
    box.setObjectName("changedElsewhere")  # not translated: an object name
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("conflicts", "Changed on another computer"))
    box.setText(
        QCoreApplication.translate("conflicts", "<b>Your change was not saved.</b>")
        + "<br><br>"
        + error_text(error)
    )
    if can_reload and keeps:
        info = QCoreApplication.translate(
            "conflicts",
            "Reload shows the change made there and puts back everything you changed, so "
            "you can check it and save again. Cancel keeps the form as you left it.",
        )
    elif can_reload and typed.strip():
        info = QCoreApplication.translate(
            "conflicts",
            "Reload shows the change made there. What you typed is copied to the clipboard "
            "first, so you can paste it back. Cancel keeps the form as you left it, with "
            "everything you typed.",
        )
    elif can_reload:
        info = QCoreApplication.translate(
            "conflicts",
            "Reload shows the change made there; then make yours again. Cancel keeps the "
            "form as you left it, with everything you typed.",
        )
    else:
        info = QCoreApplication.translate(
            "conflicts",
            "What you typed is still here. Close this window and open it again to reload.",
        )
    box.setInformativeText(info)
    if typed.strip():
        box.setDetailedText(typed)
    box.setStyleSheet(BOX_WIDTH_CSS)
    if can_reload:
        reload_button = box.addButton(translated(RELOAD), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(reload_button)
    else:
        box.addButton(QMessageBox.StandardButton.Close)
    return box


def ask_reload(
    parent: QWidget | None,
    error: ChangedElsewhereError,
    *,
    can_reload: bool,
    typed: str = "",
    keeps: bool = False,
) -> bool:
    """Show the box; True when the user chose Reload (``typed`` is then on the clipboard)."""
    box = changed_elsewhere_box(error, parent, can_reload=can_reload, typed=typed, keeps=keeps)
    box.exec()
    clicked = box.clickedButton()
    chosen = clicked is not None and clicked.text() == translated(RELOAD)
    if chosen and typed.strip():
        QApplication.clipboard().setText(typed)
    return chosen


def draft_elsewhere_box(found: DraftElsewhere, parent: QWidget | None = None) -> QMessageBox:
    """A session draft written on another computer: Open read-only, Take it over, Cancel."""
    box = QMessageBox(parent)
    box.setObjectName("draftElsewhere")  # not translated: an object name
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("conflicts", "A draft on another computer"))
    box.setText(
        QCoreApplication.translate(
            "conflicts",
            "<b>A draft of this session is being written on {computer}</b>, last saved {time}.",
        ).format(computer=translated(found.computer), time=translated(when(found.saved_at)))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "conflicts",
            "Open it read-only to look at it without changing it; finish it there. Or take it "
            "over: from then on it is written here, and the computer {computer} can no longer "
            "save it. Taking over is recorded in the audit trail.",
        ).format(computer=translated(found.computer))
    )
    box.setStyleSheet(BOX_WIDTH_CSS)
    read_only = box.addButton(translated(OPEN_READ_ONLY), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translated(TAKE_OVER), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    return box


def ask_draft_elsewhere(found: DraftElsewhere, parent: QWidget | None = None) -> str | None:
    """ "read_only", "take_over", or None (Cancel)."""
    box = draft_elsewhere_box(found, parent)
    box.exec()
    clicked = box.clickedButton()
    text = clicked.text() if clicked is not None else ""
    if text == translated(OPEN_READ_ONLY):
        return "read_only"  # not translated: a choice's key
    if text == translated(TAKE_OVER):
        return "take_over"  # not translated: a choice's key
    return None
