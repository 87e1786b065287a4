"""Fictional clients with homework history for the session panel and Homework tab tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from practice.db.engine import Database
from practice.domain.inputs import AssignmentInput, NoteInput, ObservationInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    Language,
    LiteracyLevel,
    NoteFormat,
    ResistanceKind,
    TemplateKey,
)
from practice.services import appointments, clients, homework, notes, observations
from practice.services.clients import ClientInput


def local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def attended(s, client_id: int, at: datetime) -> int:  # type: ignore[no-untyped-def]
    appointment_id = appointments.schedule(s, client_id, at).appointment.id
    appointments.mark(s, appointment_id, AppointmentStatus.ATTENDED)
    return appointment_id


def mood_log(start: date, **kw: object) -> AssignmentInput:
    values: dict[str, object] = {
        "template_key": TemplateKey.MOOD_LOG.value,
        "title": "Mood log",
        "level": LiteracyLevel.PLAIN,
        "language": Language.EN,
        "start_date": start,
    }
    values.update(kw)
    return AssignmentInput(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LastWeek:
    client_id: int
    last_week: int  # attended, set the mood log, flagged "minimal disclosure"
    mood_log: int
    flagged: int  # the observation flagged to raise in this session
    today: int  # scheduled, the session to run
    next_week: int  # scheduled: the new homework's due day


def last_week_homework(db: Database) -> LastWeek:
    """Lucía came last week, got a mood log and a SOAP note; today's session is next."""
    today = date.today()
    with db.session() as s:
        client_id = clients.create(
            s, ClientInput(first_name="Lucía", last_name="Ficticia", language=Language.ES)
        ).id
        before = attended(s, client_id, local(today - timedelta(days=7), 9))
        log = homework.assign(
            s, client_id, mood_log(today - timedelta(days=7)), appointment_id=before
        )
        note = notes.save_note(
            s,
            before,
            NoteInput(NoteFormat.SOAP, {"Subjective": "Quiet, short answers."}),
        )
        flagged_obs = observations.add_observation(
            s,
            note.id,
            ObservationInput(ResistanceKind.MINIMAL_DISCLOSURE, "One-word answers", True),
        )
        now = appointments.schedule(s, client_id, local(today, 9)).appointment.id
        following = appointments.schedule(s, client_id, local(today + timedelta(days=7), 9))
    return LastWeek(client_id, before, log.id, flagged_obs.id, now, following.appointment.id)


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click a check box or radio button on its indicator, as a user would."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def answer_running(qtbot, button: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the running-homework question shows, note its text and click ``button``."""

    tries = [0]

    def answer() -> None:
        from practice.ui.running_homework import RunningQuestion

        box = QApplication.activeModalWidget()
        if not isinstance(box, RunningQuestion):
            tries[0] += 1
            if tries[0] < 250:  # not shown yet: wait up to 5 s, then leave it
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        target = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
