"""The domain vocabulary, as string enums (the clinical terms: docs/clinical.md).

The values are what the database stores, so they must never be renamed without a
migration. Labels are for the therapist: English marked for translation
(``practice.text``; the GUI shows them with ``practice.ui.i18n.translated``);
client-facing wording lives with the sheet templates.
"""

from __future__ import annotations

from enum import StrEnum

from practice.text import QT_TRANSLATE_NOOP


class ClientStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DISCHARGED = "discharged"

    @property
    def label(self) -> str:
        return _CLIENT_STATUS_LABELS[self.value]

    @property
    def in_sentence(self) -> str:
        """The label in the middle of a sentence: "This client is paused."."""
        return _CLIENT_STATUS_IN_SENTENCE[self.value]


_CLIENT_STATUS_LABELS = {
    "active": QT_TRANSLATE_NOOP("vocabulary", "Active"),
    "paused": QT_TRANSLATE_NOOP("vocabulary", "Paused"),
    "discharged": QT_TRANSLATE_NOOP("vocabulary", "Discharged"),
}
_CLIENT_STATUS_IN_SENTENCE = {
    "active": QT_TRANSLATE_NOOP("vocabulary", "active"),
    "paused": QT_TRANSLATE_NOOP("vocabulary", "paused"),
    "discharged": QT_TRANSLATE_NOOP("vocabulary", "discharged"),
}


class Language(StrEnum):
    EN = "en"
    ES = "es"

    @property
    def label(self) -> str:
        return {
            "en": QT_TRANSLATE_NOOP("vocabulary", "English"),
            "es": QT_TRANSLATE_NOOP("vocabulary", "Spanish"),
        }[self.value]


class LiteracyLevel(StrEnum):
    """Sheet levels, from most to least reading (docs/clinical.md, Literacy levels)."""

    STANDARD = "standard"
    PLAIN = "plain"
    EASY = "easy"
    PICTORIAL = "pictorial"

    @property
    def label(self) -> str:
        return {
            "standard": QT_TRANSLATE_NOOP("vocabulary", "Standard"),
            "plain": QT_TRANSLATE_NOOP("vocabulary", "Plain"),
            "easy": QT_TRANSLATE_NOOP("vocabulary", "Easy"),
            "pictorial": QT_TRANSLATE_NOOP("vocabulary", "Pictorial"),
        }[self.value]


class Modality(StrEnum):
    PAPER = "paper"
    FILLABLE_PDF = "fillable_pdf"
    PHONE_NOTES = "phone_notes"
    AUDIO = "audio"
    APP = "app"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "paper": QT_TRANSLATE_NOOP("vocabulary", "Paper sheet"),
            "fillable_pdf": QT_TRANSLATE_NOOP("vocabulary", "Fillable PDF"),
            "phone_notes": QT_TRANSLATE_NOOP("vocabulary", "Phone notes"),
            "audio": QT_TRANSLATE_NOOP("vocabulary", "Voice recording"),
            "app": QT_TRANSLATE_NOOP("vocabulary", "App"),
            "other": QT_TRANSLATE_NOOP("vocabulary", "Other"),
        }[self.value]


class ReminderChannel(StrEnum):
    NONE = "none"
    TEXT = "text"
    PHONE_CALL = "phone_call"
    EMAIL = "email"
    ALARM = "alarm"
    CARD = "card"

    @property
    def label(self) -> str:
        return {
            "none": QT_TRANSLATE_NOOP("vocabulary", "No reminder"),
            "text": QT_TRANSLATE_NOOP("vocabulary", "Text message"),
            "phone_call": QT_TRANSLATE_NOOP("vocabulary", "Phone call"),
            "email": QT_TRANSLATE_NOOP("vocabulary", "E-mail"),
            "alarm": QT_TRANSLATE_NOOP("vocabulary", "Phone alarm"),
            "card": QT_TRANSLATE_NOOP("vocabulary", "Reminder card"),
        }[self.value]


class AppointmentStatus(StrEnum):
    SCHEDULED = "scheduled"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    CANCELLED_BY_CLIENT = "cancelled_by_client"
    CANCELLED_BY_THERAPIST = "cancelled_by_therapist"
    CANCELLED_NO_SELF_RECORD = "cancelled_no_self_record"

    @property
    def label(self) -> str:
        return {
            "scheduled": QT_TRANSLATE_NOOP("vocabulary", "Scheduled"),
            "attended": QT_TRANSLATE_NOOP("vocabulary", "Attended"),
            "no_show": QT_TRANSLATE_NOOP("vocabulary", "No-show"),
            "cancelled_by_client": QT_TRANSLATE_NOOP("vocabulary", "Cancelled by client"),
            "cancelled_by_therapist": QT_TRANSLATE_NOOP("vocabulary", "Cancelled by therapist"),
            "cancelled_no_self_record": QT_TRANSLATE_NOOP(
                "vocabulary", "Cancelled — self-record not done"
            ),
        }[self.value]

    @property
    def in_sentence(self) -> str:
        """The label in the middle of a sentence: "This appointment is no-show."."""
        return {
            "scheduled": QT_TRANSLATE_NOOP("vocabulary", "scheduled"),
            "attended": QT_TRANSLATE_NOOP("vocabulary", "attended"),
            "no_show": QT_TRANSLATE_NOOP("vocabulary", "no-show"),
            "cancelled_by_client": QT_TRANSLATE_NOOP("vocabulary", "cancelled by client"),
            "cancelled_by_therapist": QT_TRANSLATE_NOOP("vocabulary", "cancelled by therapist"),
            "cancelled_no_self_record": QT_TRANSLATE_NOOP(
                "vocabulary", "cancelled — self-record not done"
            ),
        }[self.value]

    @property
    def is_cancelled(self) -> bool:
        return self.value.startswith("cancelled")


class NoteFormat(StrEnum):
    FREE = "free"
    SOAP = "soap"
    DAP = "dap"
    BIRP = "birp"

    @property
    def label(self) -> str:
        """The note's kind in words: "Free text note", "SOAP note"."""
        if self is NoteFormat.FREE:
            return QT_TRANSLATE_NOOP("vocabulary", "Free text note")
        return QT_TRANSLATE_NOOP("vocabulary", "{name} note").format(name=self.value.upper())

    @property
    def sections(self) -> tuple[str, ...]:
        """Named sections of the note, in order."""
        return NOTE_SECTIONS[self]


NOTE_SECTIONS: dict[NoteFormat, tuple[str, ...]] = {
    NoteFormat.FREE: (QT_TRANSLATE_NOOP("vocabulary", "Note"),),
    NoteFormat.SOAP: (
        QT_TRANSLATE_NOOP("vocabulary", "Subjective"),
        QT_TRANSLATE_NOOP("vocabulary", "Objective"),
        QT_TRANSLATE_NOOP("vocabulary", "Assessment"),
        QT_TRANSLATE_NOOP("vocabulary", "Plan"),
    ),
    NoteFormat.DAP: (
        QT_TRANSLATE_NOOP("vocabulary", "Data"),
        QT_TRANSLATE_NOOP("vocabulary", "Assessment"),
        QT_TRANSLATE_NOOP("vocabulary", "Plan"),
    ),
    NoteFormat.BIRP: (
        QT_TRANSLATE_NOOP("vocabulary", "Behavior"),
        QT_TRANSLATE_NOOP("vocabulary", "Intervention"),
        QT_TRANSLATE_NOOP("vocabulary", "Response"),
        QT_TRANSLATE_NOOP("vocabulary", "Plan"),
    ),
}


class StageOfChange(StrEnum):
    PRECONTEMPLATION = "precontemplation"
    CONTEMPLATION = "contemplation"
    PREPARATION = "preparation"
    ACTION = "action"
    MAINTENANCE = "maintenance"
    RELAPSE = "relapse"

    @property
    def label(self) -> str:
        return {
            "precontemplation": QT_TRANSLATE_NOOP("vocabulary", "Precontemplation"),
            "contemplation": QT_TRANSLATE_NOOP("vocabulary", "Contemplation"),
            "preparation": QT_TRANSLATE_NOOP("vocabulary", "Preparation"),
            "action": QT_TRANSLATE_NOOP("vocabulary", "Action"),
            "maintenance": QT_TRANSLATE_NOOP("vocabulary", "Maintenance"),
            "relapse": QT_TRANSLATE_NOOP("vocabulary", "Relapse"),
        }[self.value]

    @property
    def stance(self) -> str:
        """The therapist's recommended stance (docs/clinical.md, Stages of change)."""
        return STAGE_GUIDANCE[self][0]

    @property
    def fitting_homework(self) -> str:
        return STAGE_GUIDANCE[self][1]


STAGE_GUIDANCE: dict[StageOfChange, tuple[str, str]] = {
    StageOfChange.PRECONTEMPLATION: (
        QT_TRANSLATE_NOOP("vocabulary", "Raise doubt and awareness of risks; do not push."),
        QT_TRANSLATE_NOOP("vocabulary", "Observe only: a short monitoring log."),
    ),
    StageOfChange.CONTEMPLATION: (
        QT_TRANSLATE_NOOP(
            "vocabulary", "Tip the balance: evoke reasons for change and build self-efficacy."
        ),
        QT_TRANSLATE_NOOP("vocabulary", "Monitoring; pros and cons."),
    ),
    StageOfChange.PREPARATION: (
        QT_TRANSLATE_NOOP("vocabulary", "Help choose a course of action; small, meaningful steps."),
        QT_TRANSLATE_NOOP("vocabulary", "One small agreed task."),
    ),
    StageOfChange.ACTION: (
        QT_TRANSLATE_NOOP("vocabulary", "Support the steps; give corrective feedback."),
        QT_TRANSLATE_NOOP("vocabulary", "Full self-records and practice."),
    ),
    StageOfChange.MAINTENANCE: (
        QT_TRANSLATE_NOOP("vocabulary", "Relapse prevention."),
        QT_TRANSLATE_NOOP("vocabulary", "A shorter maintenance log."),
    ),
    StageOfChange.RELAPSE: (
        QT_TRANSLATE_NOOP("vocabulary", "Restart contemplation and action without demoralisation."),
        QT_TRANSLATE_NOOP("vocabulary", "Back to monitoring, kindly."),
    ),
}


class ResistanceGroup(StrEnum):
    ATTITUDE = "attitude"
    BEHAVIOUR = "behaviour"
    COGNITION = "cognition"


class ResistanceKind(StrEnum):
    DOUBTS_COMPETENCE = "doubts_competence"
    DOUBTS_AGE = "doubts_age"
    DISTRUSTS_TREATMENT = "distrusts_treatment"
    HOMEWORK_NOT_DONE = "homework_not_done"
    MINIMAL_DISCLOSURE = "minimal_disclosure"
    CONTRADICTS_THERAPIST = "contradicts_therapist"
    LATE_OR_MISSED = "late_or_missed"
    CHANGE_IMPOSSIBLE = "change_impossible"
    THERAPY_WONT_HELP = "therapy_wont_help"

    @property
    def group(self) -> ResistanceGroup:
        return _RESISTANCE_GROUPS[self]

    @property
    def label(self) -> str:
        return {
            "doubts_competence": QT_TRANSLATE_NOOP("vocabulary", "Doubts therapist's competence"),
            "doubts_age": QT_TRANSLATE_NOOP("vocabulary", "Doubts therapist's age"),
            "distrusts_treatment": QT_TRANSLATE_NOOP("vocabulary", "Distrusts treatment"),
            "homework_not_done": QT_TRANSLATE_NOOP("vocabulary", "Homework not done"),
            "minimal_disclosure": QT_TRANSLATE_NOOP("vocabulary", "Minimal disclosure"),
            "contradicts_therapist": QT_TRANSLATE_NOOP("vocabulary", "Contradicts therapist"),
            "late_or_missed": QT_TRANSLATE_NOOP("vocabulary", "Late or missed"),
            "change_impossible": QT_TRANSLATE_NOOP("vocabulary", "Believes change is impossible"),
            "therapy_wont_help": QT_TRANSLATE_NOOP("vocabulary", "Believes therapy will not help"),
        }[self.value]


_RESISTANCE_GROUPS = {
    ResistanceKind.DOUBTS_COMPETENCE: ResistanceGroup.ATTITUDE,
    ResistanceKind.DOUBTS_AGE: ResistanceGroup.ATTITUDE,
    ResistanceKind.DISTRUSTS_TREATMENT: ResistanceGroup.ATTITUDE,
    ResistanceKind.HOMEWORK_NOT_DONE: ResistanceGroup.BEHAVIOUR,
    ResistanceKind.MINIMAL_DISCLOSURE: ResistanceGroup.BEHAVIOUR,
    ResistanceKind.CONTRADICTS_THERAPIST: ResistanceGroup.BEHAVIOUR,
    ResistanceKind.LATE_OR_MISSED: ResistanceGroup.BEHAVIOUR,
    ResistanceKind.CHANGE_IMPOSSIBLE: ResistanceGroup.COGNITION,
    ResistanceKind.THERAPY_WONT_HELP: ResistanceGroup.COGNITION,
}


class TemplateKey(StrEnum):
    """The nine built-in self-record templates (docs/clinical.md, Self-record templates)."""

    THOUGHT_RECORD = "thought_record"
    ABC_RECORD = "abc_record"
    MOOD_LOG = "mood_log"
    ACTIVITY_SCHEDULE = "activity_schedule"
    SLEEP_DIARY = "sleep_diary"
    PANIC_DIARY = "panic_diary"
    URGE_LOG = "urge_log"
    EXPOSURE_RECORD = "exposure_record"
    MY_WEEK = "my_week"


class Frequency(StrEnum):
    DAILY = "daily"
    EACH_TIME = "each_time"
    PER_WEEK = "per_week"

    @property
    def label(self) -> str:
        return {
            "daily": QT_TRANSLATE_NOOP("vocabulary", "Daily"),
            "each_time": QT_TRANSLATE_NOOP("vocabulary", "Each time it happens"),
            "per_week": QT_TRANSLATE_NOOP("vocabulary", "N per week"),
        }[self.value]


class AssignmentStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    REPLACED = "replaced"
    DROPPED = "dropped"

    @property
    def in_sentence(self) -> str:
        """The status in the middle of a sentence: "this one is dropped"."""
        return {
            # its own context: "active" is said of a client too, and Spanish agrees in gender
            "active": QT_TRANSLATE_NOOP("assignment_status", "active"),
            "completed": QT_TRANSLATE_NOOP("assignment_status", "completed"),
            "replaced": QT_TRANSLATE_NOOP("assignment_status", "replaced"),
            "dropped": QT_TRANSLATE_NOOP("assignment_status", "dropped"),
        }[self.value]


class Barrier(StrEnum):
    DIDNT_UNDERSTAND = "didnt_understand"
    FORGOT = "forgot"
    NO_TIME = "no_time"
    WRITING_HARD = "writing_hard"
    MATERIAL_UNSUITABLE = "material_unsuitable"
    DIDNT_SEE_POINT = "didnt_see_point"
    AVOIDANCE_SYMPTOMS = "avoidance_symptoms"
    LOST_SHEET = "lost_sheet"
    PRIVACY_WORRY = "privacy_worry"
    CHAOTIC_WEEK = "chaotic_week"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "didnt_understand": QT_TRANSLATE_NOOP("vocabulary", "Didn't understand"),
            "forgot": QT_TRANSLATE_NOOP("vocabulary", "Forgot"),
            "no_time": QT_TRANSLATE_NOOP("vocabulary", "No time"),
            "writing_hard": QT_TRANSLATE_NOOP("vocabulary", "Writing is hard or anxious"),
            "material_unsuitable": QT_TRANSLATE_NOOP("vocabulary", "Material unsuitable"),
            "didnt_see_point": QT_TRANSLATE_NOOP("vocabulary", "Didn't see the point"),
            "avoidance_symptoms": QT_TRANSLATE_NOOP("vocabulary", "Avoidance or symptoms"),
            "lost_sheet": QT_TRANSLATE_NOOP("vocabulary", "Lost the sheet"),
            "privacy_worry": QT_TRANSLATE_NOOP("vocabulary", "Privacy worry"),
            "chaotic_week": QT_TRANSLATE_NOOP("vocabulary", "Chaotic week"),
            "other": QT_TRANSLATE_NOOP("vocabulary", "Other"),
        }[self.value]


class Strategy(StrEnum):
    """The strategy ladder (docs/clinical.md, The strategy ladder), in order;
    conditional sessions last."""

    RE_EXPLAIN = "re_explain"
    EMPHASISE_VALUE = "emphasise_value"
    MOTIVATING_ASK = "motivating_ask"
    ADAPT_MATERIAL = "adapt_material"
    OTHER_MODALITY = "other_modality"
    EXTERNAL_AIDS = "external_aids"
    TALK_OPENLY = "talk_openly"
    CHANGE_OR_DROP = "change_or_drop"
    CONDITIONAL_SESSIONS = "conditional_sessions"

    @property
    def step(self) -> int:
        """Position on the ladder, 1-based."""
        return list(Strategy).index(self) + 1

    @property
    def label(self) -> str:
        return {
            "re_explain": QT_TRANSLATE_NOOP("vocabulary", "Re-explain the task"),
            "emphasise_value": QT_TRANSLATE_NOOP("vocabulary", "Emphasise its value"),
            "motivating_ask": QT_TRANSLATE_NOOP("vocabulary", "Ask in a motivating way"),
            "adapt_material": QT_TRANSLATE_NOOP("vocabulary", "Adapt the material"),
            "other_modality": QT_TRANSLATE_NOOP("vocabulary", "Another way to record"),
            "external_aids": QT_TRANSLATE_NOOP("vocabulary", "External aids"),
            "talk_openly": QT_TRANSLATE_NOOP("vocabulary", "Talk about it openly"),
            "change_or_drop": QT_TRANSLATE_NOOP("vocabulary", "Change the task or drop it"),
            "conditional_sessions": QT_TRANSLATE_NOOP(
                "vocabulary", "Conditional sessions (last resort)"
            ),
        }[self.value]


COMPLETION_ANCHORS: dict[int, str] = {
    0: QT_TRANSLATE_NOOP("vocabulary", "not tried"),
    1: QT_TRANSLATE_NOOP("vocabulary", "started"),
    2: QT_TRANSLATE_NOOP("vocabulary", "about half"),
    3: QT_TRANSLATE_NOOP("vocabulary", "most"),
    4: QT_TRANSLATE_NOOP("vocabulary", "all as agreed"),
}


class CallOutcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"
    NOT_REACHED = "not_reached"


class CallDecision(StrEnum):
    KEEP = "keep"
    CANCEL = "cancel"
    RESCHEDULE = "reschedule"
