"""The practice's default reminder for new homework (set in Preferences).

A new assignment is prefilled from the client (``services.homework_prefill``): the
client's own way of being reminded and time win. For a client with no reminder of
their own, :func:`with_practice_reminder` puts in the practice's default channel and
time, so the assignment form starts with them. Stored with ``QSettings``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QSettings

from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import ReminderChannel

CHANNEL_KEY = "homework/default_reminder_channel"
TIME_KEY = "homework/default_reminder_time"


def default_channel() -> ReminderChannel:
    """The channel chosen in Preferences (none until one is chosen)."""
    value = QSettings().value(CHANNEL_KEY, ReminderChannel.NONE.value)
    try:
        return ReminderChannel(str(value))
    except ValueError:
        return ReminderChannel.NONE


def default_time() -> time | None:
    """The reminder time chosen in Preferences, or None."""
    value = QSettings().value(TIME_KEY, "")
    if not isinstance(value, str) or not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def set_default_reminder(channel: ReminderChannel, at: time | None) -> None:
    settings = QSettings()
    settings.setValue(CHANNEL_KEY, channel.value)
    settings.setValue(TIME_KEY, f"{at.hour:02d}:{at.minute:02d}" if at is not None else "")


def with_practice_reminder(data: AssignmentInput) -> AssignmentInput:
    """``data`` (a new assignment) with the practice's default reminder when the client
    has none of their own."""
    if data.reminder_channel != ReminderChannel.NONE:
        return data
    channel = default_channel()
    if channel == ReminderChannel.NONE:
        return data
    return replace(
        data, reminder_channel=channel, reminder_time=data.reminder_time or default_time()
    )
