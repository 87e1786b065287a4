"""The audit trail in words: each (record, action) as a sentence, in one place.

The trail stores short technical summaries (ids, stored values, UTC times); they are
part of the hash chain and are never rewritten. :func:`describe` turns an event into
what the Audit trail page shows: the sentence for its (entity, action), then the
summary's details in plain words — status changes ("scheduled -> no_show") become
their labels, UTC times become local ones (written by the caller's ``when``: the
domain holds no date format),
"1 duplicates" becomes "1 duplicate", field names, call outcomes, note formats and
template keys become words, and plain dates ("2026-12-07", written by the caller's
``day``) and local times ("2026-12-07 09:30") read like every other date.
Events stored before a sentence existed still read well: an unknown pair falls back
to "Record: action" with the same clean-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum

from practice.domain.vocabulary import (
    AppointmentStatus,
    CallDecision,
    CallOutcome,
    ClientStatus,
    NoteFormat,
    StageOfChange,
    TemplateKey,
)
from practice.text import QT_TRANSLATE_NOOP

WhenText = Callable[[datetime], str]
DayText = Callable[[date], str]

# A stored field name ("fields changed: emergency_contact") -> words.
FIELD_WORDS: dict[str, str] = {
    "first_name": "first name",
    "last_name": "last name",
    "preferred_name": "preferred name",
    "birth_date": "birth date",
    "email": "email",
    "phone": "phone",
    "language": "language",
    "literacy_level": "reading level",
    "large_print": "large print",
    "preferred_modality": "paper or app",
    "reminder_channel": "reminders",
    "reminder_time": "reminder time",
    "stage_of_change": "stage of change",
    "cannot_postpone": "cannot postpone treatment",
    "cannot_postpone_reason": "reason treatment cannot be postponed",
    "started_on": "client since",
    "notes": "notes",
    "address": "address",
    "emergency_contact": "emergency contact",
    "presenting_problem": "diagnosis or presenting problem",
    "template_key": "sheet",
    "target_text": "target",
    "instructions": "instructions",
    "rationale": "why it helps",
    "frequency": "how often",
    "times_per_week": "times per week",
    "due_on": "due date",
    "level": "reading level",
}

CALL_OUTCOME_WORDS: dict[str, str] = {
    CallOutcome.DONE: "self-record done",
    CallOutcome.PARTLY: "self-record partly done",
    CallOutcome.NOT_DONE: "self-record not done",
    CallOutcome.NOT_REACHED: "client not reached",
}
CALL_DECISION_WORDS: dict[str, str] = {
    CallDecision.KEEP: "session kept",
    CallDecision.CANCEL: "session cancelled",
    CallDecision.RESCHEDULE: "session to be moved",
}

# The built-in sheets' titles as the client sees them (English).
TEMPLATE_TITLES: dict[str, str] = {
    TemplateKey.THOUGHT_RECORD: QT_TRANSLATE_NOOP("audit_words", "Thought record"),
    TemplateKey.ABC_RECORD: QT_TRANSLATE_NOOP("audit_words", "ABC record"),
    TemplateKey.MOOD_LOG: QT_TRANSLATE_NOOP("audit_words", "Mood log"),
    TemplateKey.ACTIVITY_SCHEDULE: QT_TRANSLATE_NOOP("audit_words", "Activity schedule"),
    TemplateKey.SLEEP_DIARY: QT_TRANSLATE_NOOP("audit_words", "Sleep diary"),
    TemplateKey.PANIC_DIARY: QT_TRANSLATE_NOOP("audit_words", "Panic diary"),
    TemplateKey.URGE_LOG: QT_TRANSLATE_NOOP("audit_words", "Urge log"),
    TemplateKey.EXPOSURE_RECORD: QT_TRANSLATE_NOOP("audit_words", "Exposure record"),
    TemplateKey.MY_WEEK: QT_TRANSLATE_NOOP("audit_words", "My week"),
}

ENTITY_NAMES: dict[str, str] = {
    "client": QT_TRANSLATE_NOOP("audit_words", "Client"),
    "appointment": QT_TRANSLATE_NOOP("audit_words", "Appointment"),
    "appointment_series": QT_TRANSLATE_NOOP("audit_words", "Repeating appointments"),
    "session_note": QT_TRANSLATE_NOOP("audit_words", "Session note"),
    "psychotherapy_note": QT_TRANSLATE_NOOP("audit_words", "Private note"),
    "resistance_observation": QT_TRANSLATE_NOOP("audit_words", "Observation"),
    "homework_assignment": QT_TRANSLATE_NOOP("audit_words", "Homework"),
    "homework_review": QT_TRANSLATE_NOOP("audit_words", "Homework review"),
    "review_strategy": QT_TRANSLATE_NOOP("audit_words", "Strategy tried in a review"),
    "review_barrier": QT_TRANSLATE_NOOP("audit_words", "Barrier noted in a review"),
    "note_amendment": QT_TRANSLATE_NOOP("audit_words", "Note amendment"),
    "reminder_log": QT_TRANSLATE_NOOP("audit_words", "Reminder"),
    "conditioning_period": QT_TRANSLATE_NOOP("audit_words", "Conditional sessions"),
    "day_before_check": QT_TRANSLATE_NOOP("audit_words", "Day-before call"),
    "session_draft": QT_TRANSLATE_NOOP("audit_words", "Session draft"),
    "database": QT_TRANSLATE_NOOP("audit_words", "Practice file"),
    "unlock": QT_TRANSLATE_NOOP("audit_words", "Unlock"),
    "export": QT_TRANSLATE_NOOP("audit_words", "Export"),
    "import": QT_TRANSLATE_NOOP("audit_words", "Import"),
    "practice": QT_TRANSLATE_NOOP("audit_words", "Practice"),
    "measure": QT_TRANSLATE_NOOP("audit_words", "Outcome measure"),
    "risk_alert": QT_TRANSLATE_NOOP("audit_words", "Risk alert"),
    "measure_form": QT_TRANSLATE_NOOP("audit_words", "Measure form"),
}

SENTENCES: dict[tuple[str, str], str] = {
    ("client", "create"): QT_TRANSLATE_NOOP("audit_words", "Client added"),
    ("client", "goals"): QT_TRANSLATE_NOOP("audit_words", "Personal goals set"),
    ("client", "cannot_postpone"): QT_TRANSLATE_NOOP(
        "audit_words", "Marked as cannot postpone treatment"
    ),
    ("measure", "create"): QT_TRANSLATE_NOOP("audit_words", "Outcome measure recorded"),
    ("measure_form", "create"): QT_TRANSLATE_NOOP("audit_words", "Measure form printed"),
    ("measure", "delete"): QT_TRANSLATE_NOOP("audit_words", "Outcome measure removed"),
    ("measure", "update"): QT_TRANSLATE_NOOP("audit_words", "Outcome measure answers changed"),
    ("risk_alert", "create"): QT_TRANSLATE_NOOP(
        "audit_words", "Risk alert raised (PHQ-9 question 9)"
    ),
    ("risk_alert", "acknowledge"): QT_TRANSLATE_NOOP("audit_words", "Risk alert acknowledged"),
    ("risk_alert", "update"): QT_TRANSLATE_NOOP(
        "audit_words", "Risk alert raised again: a higher answer to question 9"
    ),
    ("risk_alert", "delete"): QT_TRANSLATE_NOOP(
        "audit_words", "Open risk alert removed with its measure"
    ),
    ("client", "update"): QT_TRANSLATE_NOOP("audit_words", "Client details changed"),
    ("client", "status"): QT_TRANSLATE_NOOP("audit_words", "Client status changed"),
    ("client", "stage"): QT_TRANSLATE_NOOP("audit_words", "Stage of change updated"),
    ("client", "export"): QT_TRANSLATE_NOOP("audit_words", "Client record exported"),
    ("client", "open_notes"): QT_TRANSLATE_NOOP(
        "audit_words", "Client's sessions and notes opened"
    ),
    ("appointment", "schedule"): QT_TRANSLATE_NOOP("audit_words", "Appointment booked"),
    ("appointment", "reschedule"): QT_TRANSLATE_NOOP("audit_words", "Appointment moved"),
    ("appointment", "reason"): QT_TRANSLATE_NOOP(
        "audit_words", "Reason for the appointment's status changed"
    ),
    ("appointment", "status"): QT_TRANSLATE_NOOP("audit_words", "Appointment status changed"),
    ("session_note", "create"): QT_TRANSLATE_NOOP("audit_words", "Session note written"),
    ("session_note", "update"): QT_TRANSLATE_NOOP("audit_words", "Session note changed"),
    ("session_note", "sign"): QT_TRANSLATE_NOOP("audit_words", "Session note signed"),
    ("session_note", "amend"): QT_TRANSLATE_NOOP("audit_words", "Signed session note amended"),
    ("psychotherapy_note", "create"): QT_TRANSLATE_NOOP("audit_words", "Private note written"),
    ("psychotherapy_note", "update"): QT_TRANSLATE_NOOP("audit_words", "Private note changed"),
    ("psychotherapy_note", "delete"): QT_TRANSLATE_NOOP("audit_words", "Private note removed"),
    ("resistance_observation", "create"): QT_TRANSLATE_NOOP(
        "audit_words", "Observation added to a note"
    ),
    ("resistance_observation", "update"): QT_TRANSLATE_NOOP("audit_words", "Observation changed"),
    ("resistance_observation", "delete"): QT_TRANSLATE_NOOP("audit_words", "Observation removed"),
    ("resistance_observation", "raised"): QT_TRANSLATE_NOOP(
        "audit_words", "Observation raised with the client"
    ),
    ("resistance_observation", "unraised"): QT_TRANSLATE_NOOP(
        "audit_words", "Observation no longer marked as raised"
    ),
    ("homework_assignment", "assign"): QT_TRANSLATE_NOOP("audit_words", "Homework set"),
    ("homework_assignment", "update"): QT_TRANSLATE_NOOP("audit_words", "Homework changed"),
    ("homework_assignment", "replace"): QT_TRANSLATE_NOOP("audit_words", "Homework replaced"),
    ("homework_assignment", "drop"): QT_TRANSLATE_NOOP("audit_words", "Homework dropped"),
    ("homework_assignment", "complete"): QT_TRANSLATE_NOOP("audit_words", "Homework completed"),
    ("homework_assignment", "reminder_card"): QT_TRANSLATE_NOOP(
        "audit_words", "Reminder card printed"
    ),
    ("homework_review", "create"): QT_TRANSLATE_NOOP("audit_words", "Homework reviewed"),
    ("homework_review", "update"): QT_TRANSLATE_NOOP("audit_words", "Homework review changed"),
    ("homework_review", "import_filled"): QT_TRANSLATE_NOOP(
        "audit_words", "Filled-in sheet imported into a review"
    ),
    ("reminder_log", "sent"): QT_TRANSLATE_NOOP("audit_words", "Reminder sent"),
    ("reminder_log", "unsent"): QT_TRANSLATE_NOOP("audit_words", "Reminder marked as not sent"),
    ("conditioning_period", "open"): QT_TRANSLATE_NOOP(
        "audit_words", "Conditional sessions turned on"
    ),
    ("conditioning_period", "end"): QT_TRANSLATE_NOOP("audit_words", "Conditional sessions ended"),
    ("day_before_check", "call"): QT_TRANSLATE_NOOP("audit_words", "Day-before call recorded"),
    ("session_draft", "discard"): QT_TRANSLATE_NOOP("audit_words", "Unfinished session discarded"),
    ("session_draft", "take_over"): QT_TRANSLATE_NOOP(
        "audit_words", "Unfinished session taken over from another computer"
    ),
    ("session_draft", "move"): QT_TRANSLATE_NOOP(
        "audit_words", "Unfinished session moved to the next appointment"
    ),
    ("appointment", "cancel-refused"): QT_TRANSLATE_NOOP(
        "audit_words", "Cancellation refused: the client cannot postpone treatment"
    ),
    ("appointment", "cancel-under-override"): (
        QT_TRANSLATE_NOOP("audit_words", "Appointment cancelled under the cannot-postpone override")
    ),
    ("appointment", "restore"): QT_TRANSLATE_NOOP("audit_words", "Appointment back to scheduled"),
    ("appointment", "skip"): QT_TRANSLATE_NOOP("audit_words", "Date skipped in a repeating series"),
    ("appointment_series", "create"): QT_TRANSLATE_NOOP(
        "audit_words", "Weekly appointments booked"
    ),
    ("appointment_series", "move_following"): QT_TRANSLATE_NOOP(
        "audit_words", "This and the following appointments moved"
    ),
    ("conditioning_period", "risk-override"): (
        QT_TRANSLATE_NOOP(
            "audit_words",
            "Conditional sessions turned on for a client who cannot postpone treatment",
        )
    ),
    ("homework_assignment", "keep_both"): QT_TRANSLATE_NOOP(
        "audit_words", "Same homework set again beside the running one"
    ),
    ("database", "backup"): QT_TRANSLATE_NOOP("audit_words", "Backup made"),
    ("database", "restore"): QT_TRANSLATE_NOOP("audit_words", "Restored from a backup"),
    ("database", "lock-taken-over"): QT_TRANSLATE_NOOP(
        "audit_words", "Took over the practice from another copy of Practice"
    ),
    ("database", "encrypt"): QT_TRANSLATE_NOOP("audit_words", "Encryption turned on"),
    ("unlock", "failure"): QT_TRANSLATE_NOOP("audit_words", "Unlock failed"),
    ("export", "export_all"): QT_TRANSLATE_NOOP("audit_words", "Everything exported"),
    ("import", "clients"): QT_TRANSLATE_NOOP("audit_words", "Clients imported from a CSV file"),
    ("practice", "seed_demo"): QT_TRANSLATE_NOOP("audit_words", "Demo practice created"),
}

# The sentence for the status an appointment moved to (the whole story in one line).
APPOINTMENT_STATUS_SENTENCES: dict[str, str] = {
    "scheduled": QT_TRANSLATE_NOOP("audit_words", "Appointment back to scheduled"),
    "attended": QT_TRANSLATE_NOOP("audit_words", "Appointment attended"),
    "no_show": QT_TRANSLATE_NOOP("audit_words", "Appointment missed (no-show)"),
    "cancelled_by_client": QT_TRANSLATE_NOOP("audit_words", "Appointment cancelled by the client"),
    "cancelled_by_therapist": QT_TRANSLATE_NOOP("audit_words", "Appointment cancelled by you"),
    "cancelled_no_self_record": QT_TRANSLATE_NOOP(
        "audit_words", "Appointment cancelled: self-record not done"
    ),
}

_TRANSITION = re.compile(r"\b([a-z_]+) -> ([a-z_]+)\b")
_TIMES = re.compile(
    # "2026-03-02 09:00 -> 2026-03-02 11:00 UTC": both ends are UTC
    r"(?P<from_day>\d{4}-\d{2}-\d{2}) (?P<from_clock>\d{2}:\d{2}) -> "
    r"(?P<to_day>\d{4}-\d{2}-\d{2}) (?P<to_clock>\d{2}:\d{2}) UTC"
    r"|(?P<day>\d{4}-\d{2}-\d{2}) (?P<clock>\d{2}:\d{2}) UTC"  # "2026-03-02 09:00 UTC"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))"
    r"|(?P<local_day>\b\d{4}-\d{2}-\d{2}) (?P<local_clock>\d{2}:\d{2})(?::\d{2})?\b"  # local
    r"|(?P<date>\b\d{4}-\d{2}-\d{2}\b)"  # a plain day
)
_FIELDS = re.compile(r"\bfields changed: ([a-z_, ]+)")
_CALL = re.compile(r"(day-before call for appointment \d+): ([a-z_]+), ([a-z_]+)")
_PARENS = re.compile(r"\(([a-z_]+)([,;)])")
_ONE_PLURAL = re.compile(
    r"\b1 (client|duplicate|row|table|appointment|assignment|answer|day|ladder step|event)s\b"
)
_LABELLED: tuple[type[StrEnum], ...] = (AppointmentStatus, ClientStatus, StageOfChange)


def _label(value: str) -> str:
    for kind in _LABELLED:
        try:
            return str(getattr(kind(value), "label", value))
        except ValueError:
            continue
    return value.replace("_", " ")


def _utc(day: str, clock: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=UTC)


def _local_times(text: str, when: WhenText, day: DayText | None = None) -> str:
    """Each stored time (one pass, so a written time is never read again) in local time;
    plain days through ``day`` (left as written without it)."""

    def local(match: re.Match[str]) -> str:
        # A summary can hold typed text ("who was consulted"): what does not read as a
        # real time is left as written.
        try:
            if match.group("from_day"):
                start = when(_utc(match["from_day"], match["from_clock"]))
                return f"{start} -> {when(_utc(match['to_day'], match['to_clock']))}"
            if match.group("local_day"):
                return when(datetime.fromisoformat(f"{match['local_day']}T{match['local_clock']}"))
            if match.group("date"):
                return day(date.fromisoformat(match["date"])) if day else match.group(0)
            if match.group("day"):
                at = datetime.fromisoformat(f"{match['day']}T{match['clock']}")
                return when(at.replace(tzinfo=UTC))
            return when(datetime.fromisoformat(match.group("iso").replace("Z", "+00:00")))
        except (ValueError, OverflowError):
            return match.group(0)

    return _TIMES.sub(local, text)


def field_words(name: str) -> str:
    """A stored field name in words ("emergency_contact" -> "emergency contact")."""
    return FIELD_WORDS.get(name, name.replace("_", " "))


def _fields(match: re.Match[str]) -> str:
    names = [n.strip() for n in match.group(1).split(",") if n.strip()]
    return "fields changed: " + ", ".join(field_words(n) for n in names)


def _call(match: re.Match[str]) -> str:
    outcome = CALL_OUTCOME_WORDS.get(match.group(2), match.group(2).replace("_", " "))
    decision = CALL_DECISION_WORDS.get(match.group(3), match.group(3).replace("_", " "))
    return f"{match.group(1)}: {outcome}, {decision}"


def _parens(match: re.Match[str]) -> str:
    key = match.group(1)
    if key in TEMPLATE_TITLES:
        word = TEMPLATE_TITLES[key]
    elif key in {f.value for f in NoteFormat}:
        word = NoteFormat(key).label
    else:
        return match.group(0)
    return f"({word}{match.group(2)}"


def dates_in_words(text: str, day: DayText) -> str:
    """Each plain stored day ("2026-11-10") in ``text`` written by ``day``."""
    return _TIMES.sub(
        lambda m: day(date.fromisoformat(m["date"])) if m.group("date") else m.group(0), text
    )


def details(summary: str, when: WhenText, day: DayText | None = None) -> str:
    """The stored summary in plain words: labels for stored values, local times."""
    text = _local_times(summary, when, day)
    text = _FIELDS.sub(_fields, text)
    text = _CALL.sub(_call, text)
    text = _PARENS.sub(_parens, text)
    text = _TRANSITION.sub(lambda m: f"{_label(m.group(1))} → {_label(m.group(2))}", text)
    text = text.replace(" -> ", " → ")
    return _ONE_PLURAL.sub(lambda m: f"1 {m.group(1)}", text)


# The demo practice recorded its rows by table name ("conditioning_periods"): the same
# records in the same words as everywhere else in the trail.
TABLE_ENTITIES: dict[str, str] = {
    "appointments": "appointment",
    "appointment_series": "appointment_series",
    "clients": "client",
    "session_notes": "session_note",
    "psychotherapy_notes": "psychotherapy_note",
    "resistance_observations": "resistance_observation",
    "homework_assignments": "homework_assignment",
    "homework_reviews": "homework_review",
    "review_strategies": "review_strategy",
    "review_barriers": "review_barrier",
    "note_amendments": "note_amendment",
    "reminder_log": "reminder_log",
    "conditioning_periods": "conditioning_period",
    "day_before_checks": "day_before_check",
    "session_drafts": "session_draft",
    "measure_forms": "measure_form",
    "measures": "measure",
    "risk_alerts": "risk_alert",
}


def entity_name(entity: str, *, on_server: bool = False) -> str:
    """The record type in words. ``on_server``: the practice is a database on a server,
    so its whole-database events (a restore, a lock taken over) are the "Practice"'s,
    not a "Practice file"'s."""
    key = TABLE_ENTITIES.get(entity, entity)
    if on_server and key == "database":
        key = "practice"
    return ENTITY_NAMES.get(key, entity.replace("_", " ").capitalize())


def action_name(entity: str, action: str) -> str:
    """The sentence for the pair, else "Record: action" in words."""
    sentence = SENTENCES.get((entity, action))
    if sentence is not None:
        return sentence
    if action == "seed_demo":  # one event per table, named by the table
        return QT_TRANSLATE_NOOP("audit_words", "Demo data added")
    return QT_TRANSLATE_NOOP("audit_words", "{record}: {action}").format(
        record=entity_name(entity), action=action.replace("_", " ").replace("-", " ")
    )


def headline(entity: str, action: str, summary: str) -> str:
    """What happened, as a sentence ("Appointment cancelled: self-record not done")."""
    if (entity, action) == ("appointment", "status"):
        moved = _TRANSITION.search(summary)
        if moved and moved.group(2) in APPOINTMENT_STATUS_SENTENCES:
            return APPOINTMENT_STATUS_SENTENCES[moved.group(2)]
    return action_name(entity, action)


def describe(
    entity: str, action: str, summary: str, when: WhenText, day: DayText | None = None
) -> str:
    """One line: the sentence, then the summary's details in words."""
    rest = details(summary, when, day).strip()
    sentence = headline(entity, action, summary)
    if not rest:
        return sentence
    return QT_TRANSLATE_NOOP("audit_words", "{sentence} — {details}").format(
        sentence=sentence, details=rest
    )
