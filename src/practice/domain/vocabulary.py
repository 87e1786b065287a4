"""The domain vocabulary, as string enums (the clinical terms: docs/clinical.md).

The values are what the database stores, so they must never be renamed without a
migration. Labels are for the therapist (English); client-facing wording lives with
the sheet templates.
"""

from __future__ import annotations

from enum import StrEnum


class ClientStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DISCHARGED = "discharged"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Language(StrEnum):
    EN = "en"
    ES = "es"

    @property
    def label(self) -> str:
        return {"en": "English", "es": "Spanish"}[self.value]


class LiteracyLevel(StrEnum):
    """Sheet levels, from most to least reading (docs/clinical.md, Literacy levels)."""

    STANDARD = "standard"
    PLAIN = "plain"
    EASY = "easy"
    PICTORIAL = "pictorial"

    @property
    def label(self) -> str:
        return self.value.capitalize()


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
            "paper": "Paper sheet",
            "fillable_pdf": "Fillable PDF",
            "phone_notes": "Phone notes",
            "audio": "Voice recording",
            "app": "App",
            "other": "Other",
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
            "none": "No reminder",
            "text": "Text message",
            "phone_call": "Phone call",
            "email": "E-mail",
            "alarm": "Phone alarm",
            "card": "Reminder card",
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
            "scheduled": "Scheduled",
            "attended": "Attended",
            "no_show": "No-show",
            "cancelled_by_client": "Cancelled by client",
            "cancelled_by_therapist": "Cancelled by therapist",
            "cancelled_no_self_record": "Cancelled — self-record not done",
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
        return "Free text note" if self is NoteFormat.FREE else f"{self.value.upper()} note"

    @property
    def sections(self) -> tuple[str, ...]:
        """Named sections of the note, in order."""
        return NOTE_SECTIONS[self]


NOTE_SECTIONS: dict[NoteFormat, tuple[str, ...]] = {
    NoteFormat.FREE: ("Note",),
    NoteFormat.SOAP: ("Subjective", "Objective", "Assessment", "Plan"),
    NoteFormat.DAP: ("Data", "Assessment", "Plan"),
    NoteFormat.BIRP: ("Behavior", "Intervention", "Response", "Plan"),
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
        return self.value.capitalize()

    @property
    def stance(self) -> str:
        """The therapist's recommended stance (docs/clinical.md, Stages of change)."""
        return STAGE_GUIDANCE[self][0]

    @property
    def fitting_homework(self) -> str:
        return STAGE_GUIDANCE[self][1]


STAGE_GUIDANCE: dict[StageOfChange, tuple[str, str]] = {
    StageOfChange.PRECONTEMPLATION: (
        "Raise doubt and awareness of risks; do not push.",
        "Observe only: a short monitoring log.",
    ),
    StageOfChange.CONTEMPLATION: (
        "Tip the balance: evoke reasons for change and build self-efficacy.",
        "Monitoring; pros and cons.",
    ),
    StageOfChange.PREPARATION: (
        "Help choose a course of action; small, meaningful steps.",
        "One small agreed task.",
    ),
    StageOfChange.ACTION: (
        "Support the steps; give corrective feedback.",
        "Full self-records and practice.",
    ),
    StageOfChange.MAINTENANCE: ("Relapse prevention.", "A shorter maintenance log."),
    StageOfChange.RELAPSE: (
        "Restart contemplation and action without demoralisation.",
        "Back to monitoring, kindly.",
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
            "doubts_competence": "Doubts therapist's competence",
            "doubts_age": "Doubts therapist's age",
            "distrusts_treatment": "Distrusts treatment",
            "homework_not_done": "Homework not done",
            "minimal_disclosure": "Minimal disclosure",
            "contradicts_therapist": "Contradicts therapist",
            "late_or_missed": "Late or missed",
            "change_impossible": "Believes change is impossible",
            "therapy_wont_help": "Believes therapy will not help",
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
        return {"daily": "Daily", "each_time": "Each time it happens", "per_week": "N per week"}[
            self.value
        ]


class AssignmentStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    REPLACED = "replaced"
    DROPPED = "dropped"


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
            "didnt_understand": "Didn't understand",
            "forgot": "Forgot",
            "no_time": "No time",
            "writing_hard": "Writing is hard or anxious",
            "material_unsuitable": "Material unsuitable",
            "didnt_see_point": "Didn't see the point",
            "avoidance_symptoms": "Avoidance or symptoms",
            "lost_sheet": "Lost the sheet",
            "privacy_worry": "Privacy worry",
            "chaotic_week": "Chaotic week",
            "other": "Other",
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
            "re_explain": "Re-explain the task",
            "emphasise_value": "Emphasise its value",
            "motivating_ask": "Ask in a motivating way",
            "adapt_material": "Adapt the material",
            "other_modality": "Another way to record",
            "external_aids": "External aids",
            "talk_openly": "Talk about it openly",
            "change_or_drop": "Change the task or drop it",
            "conditional_sessions": "Conditional sessions (last resort)",
        }[self.value]


COMPLETION_ANCHORS: dict[int, str] = {
    0: "not tried",
    1: "started",
    2: "about half",
    3: "most",
    4: "all as agreed",
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
