"""Run a user action: the one error path of the GUI.

:func:`run_action` opens the unit of work, runs the action in it and commits; then

- a :class:`~practice.services.errors.ValidationError` goes to ``on_validation``
  (a form shows each message next to its field), or to a message box;
- an expected failure (:func:`practice.ui.errors.problem_message`: a service error,
  a full disk, a busy, read-only or damaged file) is said in the user's words: in
  ``on_problem`` when the widget has its own place for it (a dialog's error line, a
  status line), else in a message box parented to the widget. ``kept_input`` adds
  "What you typed is still here." for a form that keeps what was typed;
- a save refused because the row changed meanwhile on another computer or window
  (:class:`~practice.services.versions.ChangedElsewhereError`) is said in
  :func:`practice.ui.conflicts.ask_reload`'s box: Reload calls ``on_reload`` (the form
  reloads the row); with ``keep`` (the form's edit tracker) every field the user changed
  is then put back over the new version (:mod:`practice.ui.kept`) and a box says so,
  listing the other computer's value of any field both changed; without it ``typed()``,
  the text the user wrote, goes to the clipboard first. Cancel keeps the form as it is;
- anything else is a bug: :func:`practice.ui.errors.report_bug` logs it and raises
  it again, to ``sys.excepthook``.

:func:`guarded` is the same path for an action that opens no unit of work itself
(writing a file, building a dialog that reads what it shows).

Usage::

    view = run_action(self, self._db, lambda db: clients.create(db, data),
                      on_validation=self._show_errors, kept_input=True)
    if view is None:
        return  # said already
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.services.errors import ValidationError
from practice.services.versions import ChangedElsewhereError
from practice.ui import conflicts, kept
from practice.ui.errors import problem_message, report_bug, validation_messages, with_kept_note
from practice.ui.unsaved import EditTracker

T = TypeVar("T")

TITLE = "Practice"  # not translated: the program's name


def run_action(
    parent: QWidget | None,
    database: Database,
    work: Callable[[Session], T],
    *,
    on_success: Callable[[T], object] | None = None,
    on_validation: Callable[[dict[str, str]], object] | None = None,
    on_problem: Callable[[str], object] | None = None,
    kept_input: bool = False,
    title: str = TITLE,
    on_reload: Callable[[], object] | None = None,
    typed: Callable[[], str] | None = None,
    keep: EditTracker | None = None,
) -> T | None:
    """Run ``work`` in one unit of work; its result, or None when it failed (and was said)."""

    def in_unit_of_work() -> T:
        with database.session() as db:
            return work(db)

    return guarded(
        parent,
        in_unit_of_work,
        on_success=on_success,
        on_validation=on_validation,
        on_problem=on_problem,
        kept_input=kept_input,
        title=title,
        on_reload=on_reload,
        typed=typed,
        keep=keep,
    )


def guarded(
    parent: QWidget | None,
    work: Callable[[], T],
    *,
    on_success: Callable[[T], object] | None = None,
    on_validation: Callable[[dict[str, str]], object] | None = None,
    on_problem: Callable[[str], object] | None = None,
    kept_input: bool = False,
    title: str = TITLE,
    on_reload: Callable[[], object] | None = None,
    typed: Callable[[], str] | None = None,
    keep: EditTracker | None = None,
) -> T | None:
    """Run ``work``; failures are handled as :func:`run_action` handles them."""
    try:
        result = work()
    except ChangedElsewhereError as exc:
        changed = kept.changes(keep) if keep is not None else kept.Changes()
        text = changed.described() if changed else (typed() if typed is not None else "")
        if conflicts.ask_reload(
            parent, exc, can_reload=on_reload is not None, typed=text, keeps=bool(changed)
        ):
            assert on_reload is not None
            on_reload()
            if changed:  # what the user changed goes back over the version just loaded
                changed.put_back()
                kept.kept_box(changed, parent).exec()
        return None
    except ValidationError as exc:
        messages = validation_messages(exc)  # in the GUI's language
        if on_validation is not None:
            on_validation(messages)
        else:
            _say(parent, title, _lines(messages), on_problem, kept_input)
        return None
    except Exception as exc:
        message = problem_message(exc)
        if message is None:
            report_bug(exc)
        _say(parent, title, message, on_problem, kept_input)
        return None
    if on_success is not None:
        on_success(result)
    return result


def _lines(errors: Mapping[str, str]) -> str:
    return "\n".join(errors.values()) or QCoreApplication.translate(
        "actions", "The input could not be saved."
    )


def _say(
    parent: QWidget | None,
    title: str,
    message: str,
    on_problem: Callable[[str], object] | None,
    kept_input: bool,
) -> None:
    text = with_kept_note(message) if kept_input else message
    if on_problem is not None:
        on_problem(text)
    else:
        QMessageBox.warning(parent, title, text)
