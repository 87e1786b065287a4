"""The messages the app shows about its database file: in use, damaged, at risk, backups.

Each ``*_box`` function builds the message box without showing it (tests and
screenshots use them); the ``ask_*`` / ``show_*`` functions show it and wait.
"""

from __future__ import annotations

import contextlib
import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from practice.db import file_check
from practice.db.lock import LockedError
from practice.services.backup import BackupFile, BackupResult
from practice.text import QT_TRANSLATE_NOOP, Text
from practice.ui.dates import date_time_text
from practice.ui.i18n import translated

# Only the text labels: a rule for every QLabel would widen the icon's label too.
BOX_WIDTH_CSS = (
    "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "  # not translated: a style sheet
    "{ min-width: 460px; }"
)
KIND_WORDS = {
    "manual": QT_TRANSLATE_NOOP("notices", "made by you"),
    "daily": QT_TRANSLATE_NOOP("notices", "the daily backup"),
    "exit": QT_TRANSLATE_NOOP("notices", "made when Practice closed"),
    "pre-migration": QT_TRANSLATE_NOOP("notices", "made before an upgrade"),
}


def local_time(moment: datetime) -> str:
    """An aware time as the user's local clock shows it, e.g. 'Thu 26 Nov 2026, 14:05'."""
    return date_time_text(moment)


def said(exc: BaseException) -> str:
    """What an exception from below the GUI says, in the GUI's language (marked text
    is translated; anything else is shown as it is)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(first, Text) and str(first) == str(exc):
        return translated(first)
    return str(exc)


def _box(
    icon: QMessageBox.Icon, title: str, text: str, info: str = "", parent: QWidget | None = None
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if info:
        box.setInformativeText(info)
    box.setStyleSheet(BOX_WIDTH_CSS)
    return box


# ---- a second copy --------------------------------------------------------------


def locked_box(error: LockedError, parent: QWidget | None = None) -> QMessageBox:
    """The box saying who holds the practice; a lock from another computer can be
    taken over (its button's text is :data:`TAKE_OVER_ASK`)."""
    owner = error.owner
    if owner is not None:
        started = owner.started
        with contextlib.suppress(ValueError):
            started = local_time(datetime.fromisoformat(owner.started))
        age = translated(owner.age_text())
        values = {"program": owner.program, "pid": owner.pid, "host": owner.host,
                  "started": started, "age": age}  # fmt: skip
        who = (
            QCoreApplication.translate(
                "notices",
                "It is open in {program} (process {pid}) on the computer "
                '<b style="white-space: nowrap">{host}</b>, since {started} ({age}).',
            )
            if age
            else QCoreApplication.translate(
                "notices",
                "It is open in {program} (process {pid}) on the computer "
                '<b style="white-space: nowrap">{host}</b>, since {started}.',
            )
        ).format(**values)
    else:
        who = QCoreApplication.translate("notices", "Another program is opening it right now.")
    info = QCoreApplication.translate(
        "notices",
        "Only one copy of Practice can use a database at a time, so this copy has not "
        "changed anything. Switch to the copy that is open, or close it and start "
        "Practice again.",
    )
    if error.can_take_over:
        info = QCoreApplication.translate(
            "notices",
            "Only one copy of Practice can use a database at a time, so this copy has not "
            "changed anything. Switch to the copy that is open, or close it and start "
            "Practice again. If Practice is no longer running on that computer (it crashed, "
            "or this computer was renamed), you can take over.",
        )
    box = _box(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("notices", "Practice is already open"),
        QCoreApplication.translate(
            "notices", "<b>This practice is already open.</b><br><br>{who}"
        ).format(who=who),
        info,
        parent,
    )
    box.setDetailedText(
        QCoreApplication.translate("notices", "Database: {path}").format(path=error.db_path)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    if error.can_take_over:
        box.addButton(translated(TAKE_OVER_ASK), QMessageBox.ButtonRole.ActionRole)
    return box


def show_locked(error: LockedError) -> None:
    locked_box(error).exec()


TAKE_OVER_ASK = QT_TRANSLATE_NOOP("notices", "Take over…")
TAKE_OVER = QT_TRANSLATE_NOOP("notices", "Take over")


def take_over_box(error: LockedError, parent: QWidget | None = None) -> QMessageBox:
    """The confirmation before taking over a lock written on another computer."""
    host = (
        error.owner.host
        if error.owner
        else QCoreApplication.translate("notices", "the other computer")
    )
    box = _box(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("notices", "Take over the practice?"),
        QCoreApplication.translate("notices", "<b>Take over the practice from {host}?</b>").format(
            host=host
        ),
        QCoreApplication.translate(
            "notices",
            "Do this only if Practice is closed on {host}, or that computer is this one under "
            "its former name. If Practice is still open there, both copies would write to "
            "the same file and could damage it. The takeover is recorded in the audit trail.",
        ).format(host=host),
        parent,
    )
    box.addButton(translated(TAKE_OVER), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_take_over(error: LockedError) -> bool:
    """Say who holds the practice; True when the user chose to take it over (and
    confirmed). Without a choice (a lock that cannot be taken over) only Close."""
    box = locked_box(error)
    box.exec()
    clicked = box.clickedButton()
    if clicked is None or clicked.text() != translated(TAKE_OVER_ASK):
        return False
    confirm = take_over_box(error)
    confirm.exec()
    chosen = confirm.clickedButton()
    return chosen is not None and chosen.text() == translated(TAKE_OVER)


# ---- a damaged file -------------------------------------------------------------


def damaged_box(
    db_path: Path,
    problems: list[str],
    latest: BackupFile | None,
    folder: Path,
    parent: QWidget | None = None,
) -> tuple[QMessageBox, QAbstractButton | None]:
    """The box offering the latest good backup; returns it and its restore button."""
    shown = [translated(p) for p in problems]
    text = QCoreApplication.translate(
        "notices",
        "<b>The database file is damaged.</b><br><br>"
        "Practice found damage in {name} and has not opened it, so nothing "
        "more was written to it.",
    ).format(name=db_path.name)
    if shown:
        text += "<br><br>" + QCoreApplication.translate(
            "notices", "What was found: {problem}"
        ).format(problem=html.escape(shown[0]))
    if latest is not None:
        info = QCoreApplication.translate(
            "notices",
            "The latest good backup is from <b>{when}</b> ({kind}). Restoring it replaces "
            "the damaged file. The damaged file is not deleted: it is kept beside the new "
            "one, named {stem}.before-restore- and today's date and time. Changes made "
            "after that backup are not in the backup.",
        ).format(
            when=local_time(latest.taken_at),
            kind=translated(KIND_WORDS.get(latest.kind, latest.kind)),
            stem=db_path.stem,
        )
    else:
        info = QCoreApplication.translate(
            "notices",
            "No good backup of this database was found in {folder}. The file was left "
            "as it is: keep a copy of it and ask for help before trying anything else.",
        ).format(folder=folder)
    box = _box(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("notices", "Damaged database"),
        text,
        info,
        parent,
    )
    box.setDetailedText(
        QCoreApplication.translate("notices", "Database: {path}").format(path=db_path)
        + "\n\n"
        + "\n".join(shown[: file_check.MAX_PROBLEMS])
    )
    restore = None
    if latest is not None:
        restore = box.addButton(translated(RESTORE_TEXT), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore)
    box.addButton(translated(QUIT_TEXT), QMessageBox.ButtonRole.RejectRole)
    return box, restore


def ask_restore(
    db_path: Path, problems: list[str], latest: BackupFile | None, folder: Path
) -> bool:
    """Whether the user chose to restore ``latest`` over the damaged file."""
    box, restore = damaged_box(db_path, problems, latest, folder)
    box.exec()
    return restore is not None and box.clickedButton() is restore


# ---- no file yet ------------------------------------------------------------------

CREATE_TEXT = QT_TRANSLATE_NOOP("notices", "Create a new practice")
RESTORE_TEXT = QT_TRANSLATE_NOOP("notices", "Restore the backup")
QUIT_TEXT = QT_TRANSLATE_NOOP("notices", "Quit")


def new_practice_box(
    db_path: Path, latest: BackupFile | None, parent: QWidget | None = None
) -> QMessageBox:
    """Asks before a new practice is made where none is (buttons: CREATE, RESTORE, QUIT)."""
    info = QCoreApplication.translate(
        "notices",
        "There is no practice file at {path}. A new, empty practice would be made there.",
    ).format(path=db_path)
    if latest is not None:
        info += " " + QCoreApplication.translate(
            "notices",
            "A backup of a practice of this name exists: the latest good one is from "
            "<b>{when}</b>. If your practice file went missing, restore that backup instead.",
        ).format(when=local_time(latest.taken_at))
    box = _box(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("notices", "Create a new practice here?"),
        QCoreApplication.translate(
            "notices", "<b>Create a new practice here?</b><br><br>{name} does not exist yet."
        ).format(name=db_path.name),
        info,
        parent,
    )
    box.setDetailedText(
        QCoreApplication.translate("notices", "Database: {path}").format(path=db_path)
    )
    box.addButton(translated(CREATE_TEXT), QMessageBox.ButtonRole.AcceptRole)
    restore = None
    if latest is not None:
        restore = box.addButton(translated(RESTORE_TEXT), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(translated(QUIT_TEXT), QMessageBox.ButtonRole.RejectRole)
    # Enter never makes a practice: a mistyped path plus Enter must not create one
    box.setDefaultButton(restore or quit_button)
    return box


def ask_new_practice(db_path: Path, latest: BackupFile | None) -> str | None:
    """CREATE_TEXT or RESTORE_TEXT, as the user chose; None to quit."""
    box = new_practice_box(db_path, latest)
    box.exec()
    clicked = box.clickedButton()
    choice = clicked.text() if clicked is not None else None
    return next((c for c in (CREATE_TEXT, RESTORE_TEXT) if choice == translated(c)), None)


# ---- a risky place, private files, other problems ----------------------------------


def permissions_box(paths: list[Path], parent: QWidget | None = None) -> QMessageBox:
    """Says once that files other users could read were made private."""
    box = _box(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("notices", "Your practice's files are private again"),
        QCoreApplication.translate(
            "notices",
            "<b>Some of your practice's files could be read by other users of this computer.</b>",
        ),
        QCoreApplication.translate(
            "notices",
            "Practice has made them readable by you only; nothing else was changed. The "
            "details list them.",
        ),
        parent,
    )
    box.setDetailedText("\n".join(str(p) for p in paths[:40]))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def location_box(warnings: list[str], parent: QWidget | None = None) -> QMessageBox:
    box = _box(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("notices", "Your database is in a risky place"),
        QCoreApplication.translate(
            "notices", "<b>Your database is in a place where it can be damaged.</b>"
        )
        + "<br><br>"
        + "<br><br>".join(translated(w) for w in warnings),
        QCoreApplication.translate(
            "notices",
            "Practice opens it anyway. When you can, move it to this computer's own "
            "disk: close Practice, move the file, then start Practice on the moved file "
            "(practice --db followed by its new place).",
        ),
        parent,
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def problems_box(problems: list[str], parent: QWidget | None = None) -> QMessageBox:
    box = _box(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("notices", "The database check found problems"),
        QCoreApplication.translate(
            "notices", "<b>The database opens, but its check found problems.</b>"
        ),
        QCoreApplication.translate(
            "notices",
            "You can keep working. Please back up now and keep the backup; the details "
            "below say what was found.",
        ),
        parent,
    )
    box.setDetailedText("\n".join(translated(p) for p in problems[:40]))
    return box


# ---- backups --------------------------------------------------------------------


def backup_failed_box(
    outcome: BackupResult | Exception, parent: QWidget | None = None
) -> QMessageBox:
    if isinstance(outcome, BackupResult):
        text = QCoreApplication.translate(
            "notices", "<b>The backup just made failed its check.</b>"
        )
        info = QCoreApplication.translate(
            "notices",
            "It is not counted as a good backup; your earlier backups are kept. The "
            "failed copy was kept as {name} for inspection.",
        ).format(name=outcome.path.name)
        details = "\n".join(translated(p) for p in outcome.problems[: file_check.MAX_PROBLEMS])
    else:
        text = QCoreApplication.translate("notices", "<b>The backup could not be made.</b>")
        info = QCoreApplication.translate(
            "notices",
            "Your earlier backups are kept. Check that the backup folder can be written.",
        )
        details = said(outcome)
    box = _box(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("notices", "Backup failed"),
        text,
        info,
        parent,
    )
    box.setDetailedText(details)
    return box


def show_backup_failed(outcome: BackupResult | Exception, parent: QWidget | None = None) -> None:
    backup_failed_box(outcome, parent).exec()


def restored_box(source: Path, aside: Path | None, parent: QWidget | None = None) -> QMessageBox:
    kept = (
        QCoreApplication.translate(
            "notices",
            "The file you were using before is not deleted: it is kept in {folder} as {name}.",
        ).format(folder=aside.parent, name=aside.name)
        if aside is not None
        else ""
    )
    box = _box(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("notices", "Backup restored"),
        QCoreApplication.translate(
            "notices",
            "<b>The backup is restored.</b><br><br>Practice now shows your records as they "
            "were in the backup {name}.",
        ).format(name=source.name),
        kept,
        parent,
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
