"""The session panel's draft: what has been entered so far, valid or not, as JSON.

Plain frozen values that :mod:`practice.services.session_flow` stores in the
``session_drafts`` table and turns into records when the session is finished.
Reading stored JSON is tolerant: a value that no longer parses (an enum renamed,
a bad date) is dropped back to its default instead of losing the whole draft.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, time
from enum import Enum, StrEnum
from typing import Any, TypeVar

from practice.domain.inputs import AssignmentInput, NoteInput, ObservationInput, ReviewInput
from practice.domain.vocabulary import (
    Barrier,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    NoteFormat,
    ReminderChannel,
    ResistanceKind,
    StageOfChange,
    Strategy,
)

DRAFT_VERSION = 1


class FlowStep(StrEnum):
    REVIEW = "review"
    NOTE = "note"
    RESISTANCE = "resistance"
    ASSIGN = "assign"
    MEASURES = "measures"
    DONE = "done"


@dataclass(frozen=True)
class ReviewDraft:
    """The review form of one active assignment, as entered so far."""

    assignment_id: int
    assignment_title: str = ""
    skip: bool = False  # not reviewed in this session (nothing is written for it)
    brought: bool | None = None  # None: not chosen yet (the step and finish refuse)
    completion: int | None = None  # None: not chosen yet (finish refuses)
    client_rating: int | None = None
    quality: int | None = None
    days_recorded: int | None = None
    barriers: frozenset[Barrier] = frozenset()
    strategies: frozenset[Strategy] = frozenset()
    note: str = ""

    def to_input(self) -> ReviewInput:
        return ReviewInput(
            brought=bool(self.brought),  # validated by finish (chosen)
            completion=self.completion,  # type: ignore[arg-type]  # validated by finish
            client_rating=self.client_rating,
            quality=self.quality,
            days_recorded=self.days_recorded,
            barriers=self.barriers,
            strategies=self.strategies,
            note=self.note or None,
        )


@dataclass(frozen=True)
class ObservationDraft:
    kind: ResistanceKind
    text: str = ""
    raise_next_session: bool = False
    id: int | None = None  # an observation already on the note

    def to_input(self) -> ObservationInput:
        return ObservationInput(self.kind, self.text or None, self.raise_next_session)


@dataclass(frozen=True)
class NoteDraft:
    format: NoteFormat = NoteFormat.FREE
    sections: Mapping[str, str] = field(default_factory=dict)
    stage_of_change: StageOfChange | None = None
    plan: str = ""
    private_note: str = ""
    already_signed: bool = False  # the note was signed before: finish leaves it alone

    def to_input(self) -> NoteInput:
        return NoteInput(self.format, dict(self.sections), self.stage_of_change, self.plan)

    @property
    def is_empty(self) -> bool:
        return (
            not any(t.strip() for t in self.sections.values())
            and not self.plan.strip()
            and (self.stage_of_change is None)
        )


@dataclass(frozen=True)
class MeasuresDraft:
    """The Measures step: answers as given (None: unanswered; empty: not taken)."""

    phq9: tuple[int | None, ...] = ()
    phq9_difficulty: int | None = None
    gad7: tuple[int | None, ...] = ()
    gad7_difficulty: int | None = None
    goal_ratings: tuple[tuple[int, int], ...] = ()  # (goal id, 0–10)
    recorded: tuple[str, ...] = ()  # kinds recorded already (a PHQ-9 with a risk alert)
    phq9_measure_id: int | None = None  # the PHQ-9 recorded at once: Finish updates it
    phq9_measure_version: int | None = None  # its version as recorded (issue 17)


@dataclass(frozen=True)
class SessionDraft:
    appointment_id: int
    client_id: int
    step: FlowStep = FlowStep.REVIEW
    reviews: tuple[ReviewDraft, ...] = ()
    note: NoteDraft = field(default_factory=NoteDraft)
    observations: tuple[ObservationDraft, ...] = ()
    assignments: tuple[AssignmentInput, ...] = ()  # new homework to set in this session
    sign_note: bool = False
    # Observations flagged in earlier sessions and raised in this one (marked on finish).
    raised_ids: tuple[int, ...] = ()
    measures: MeasuresDraft = field(default_factory=MeasuresDraft)
    # The versions of the rows finishing will write, as they were when the draft was
    # opened (issue 17): "note", "private_note" (0: none then), "review:<assignment id>",
    # "observation:<id>" (the note's), "raised:<id>" (shown to raise). Empty: not known
    # (a draft saved before versions were kept).
    loaded: Mapping[str, int] = field(default_factory=dict)


# ---- JSON -----------------------------------------------------------------------

E = TypeVar("E", bound=Enum)
D = TypeVar("D")

_ENUMS: dict[str, type[Enum]] = {
    "level": LiteracyLevel,
    "language": Language,
    "modality": Modality,
    "frequency": Frequency,
    "reminder_channel": ReminderChannel,
}
_DATES = {"start_date", "due_date"}
_TIMES = {"reminder_time"}
_BOOLS = {
    "large_print",
    "alarm_set_in_session",
    "reminder_card_printed",
    "teach_back_done",
    "value_discussed",
}


def enum_or(cls: type[E], value: object, default: D) -> E | D:
    """``cls(value)``, or ``default`` when the value is missing or no longer valid."""
    try:
        return cls(value)
    except ValueError:
        return default


def assignment_to_json(data: AssignmentInput) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(AssignmentInput):
        value = getattr(data, f.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, date | time):
            value = value.isoformat()
        out[f.name] = value
    return out


def assignment_from_json(data: Mapping[str, Any]) -> AssignmentInput:
    values: dict[str, Any] = {}
    for f in fields(AssignmentInput):
        if f.name not in data:
            continue
        value = data[f.name]
        try:
            if f.name in _ENUMS:
                value = _ENUMS[f.name](value)
            elif f.name in _DATES:
                value = date.fromisoformat(value) if value else None
            elif f.name in _TIMES:
                value = time.fromisoformat(value) if value else None
            elif f.name in _BOOLS:
                value = bool(value)
        except (TypeError, ValueError):
            continue  # keep the default for a value that no longer parses
        values[f.name] = value
    values.setdefault("template_key", "")
    values.setdefault("title", "")
    values.setdefault("level", LiteracyLevel.PLAIN)
    values.setdefault("language", Language.EN)
    return AssignmentInput(**values)


def draft_to_json(draft: SessionDraft) -> dict[str, Any]:
    return {
        "version": DRAFT_VERSION,
        "appointment_id": draft.appointment_id,
        "client_id": draft.client_id,
        "step": draft.step.value,
        "sign_note": draft.sign_note,
        "reviews": [
            {
                "assignment_id": r.assignment_id,
                "assignment_title": r.assignment_title,
                "skip": r.skip,
                "brought": r.brought,
                "completion": r.completion,
                "client_rating": r.client_rating,
                "quality": r.quality,
                "days_recorded": r.days_recorded,
                "barriers": sorted(b.value for b in r.barriers),
                "strategies": sorted(s.value for s in r.strategies),
                "note": r.note,
            }
            for r in draft.reviews
        ],
        "note": {
            "format": draft.note.format.value,
            "sections": dict(draft.note.sections),
            "stage_of_change": draft.note.stage_of_change.value
            if draft.note.stage_of_change
            else None,
            "plan": draft.note.plan,
            "private_note": draft.note.private_note,
            "already_signed": draft.note.already_signed,
        },
        "observations": [
            {"kind": o.kind.value, "text": o.text, "raise": o.raise_next_session, "id": o.id}
            for o in draft.observations
        ],
        "assignments": [assignment_to_json(a) for a in draft.assignments],
        "raised_ids": list(draft.raised_ids),
        "measures": {
            "phq9": list(draft.measures.phq9),
            "phq9_difficulty": draft.measures.phq9_difficulty,
            "gad7": list(draft.measures.gad7),
            "gad7_difficulty": draft.measures.gad7_difficulty,
            "goal_ratings": [list(r) for r in draft.measures.goal_ratings],
            "recorded": list(draft.measures.recorded),
            "phq9_measure_id": draft.measures.phq9_measure_id,
            "phq9_measure_version": draft.measures.phq9_measure_version,
        },
        "loaded": dict(draft.loaded),
    }


def draft_from_json(data: Mapping[str, Any]) -> SessionDraft:
    """Rebuild a draft; values that no longer make sense are dropped, not fatal."""
    note = data.get("note") or {}
    return SessionDraft(
        appointment_id=int(data["appointment_id"]),
        client_id=int(data["client_id"]),
        step=enum_or(FlowStep, data.get("step"), FlowStep.REVIEW),
        sign_note=bool(data.get("sign_note", False)),
        reviews=tuple(
            ReviewDraft(
                assignment_id=int(r["assignment_id"]),
                assignment_title=str(r.get("assignment_title") or ""),
                skip=bool(r.get("skip", False)),
                brought=r.get("brought") if isinstance(r.get("brought"), bool) else None,
                completion=r.get("completion"),
                client_rating=r.get("client_rating"),
                quality=r.get("quality"),
                days_recorded=r.get("days_recorded"),
                barriers=frozenset(
                    b for b in (enum_or(Barrier, x, None) for x in r.get("barriers", ())) if b
                ),
                strategies=frozenset(
                    s for s in (enum_or(Strategy, x, None) for x in r.get("strategies", ())) if s
                ),
                note=str(r.get("note") or ""),
            )
            for r in data.get("reviews", ())
        ),
        note=NoteDraft(
            format=enum_or(NoteFormat, note.get("format"), NoteFormat.FREE),
            sections={str(k): str(v) for k, v in (note.get("sections") or {}).items()},
            stage_of_change=enum_or(StageOfChange, note.get("stage_of_change"), None),
            plan=str(note.get("plan") or ""),
            private_note=str(note.get("private_note") or ""),
            already_signed=bool(note.get("already_signed", False)),
        ),
        observations=tuple(
            ObservationDraft(kind, str(o.get("text") or ""), bool(o.get("raise")), o.get("id"))
            for o in data.get("observations", ())
            if (kind := enum_or(ResistanceKind, o.get("kind"), None)) is not None
        ),
        assignments=tuple(assignment_from_json(a) for a in data.get("assignments", ())),
        raised_ids=tuple(int(i) for i in data.get("raised_ids", ()) if isinstance(i, int)),
        measures=_measures_from_json(data.get("measures") or {}),
        loaded={
            str(k): v
            for k, v in (data.get("loaded") or {}).items()
            if isinstance(v, int) and not isinstance(v, bool)
        },
    )


def _answer(value: object, top: int) -> int | None:
    return value if isinstance(value, int) and 0 <= value <= top else None


def _measures_from_json(data: Mapping[str, Any]) -> MeasuresDraft:
    ratings = tuple(
        (r[0], r[1])
        for r in data.get("goal_ratings", ())
        if isinstance(r, list) and len(r) == 2 and all(isinstance(x, int) for x in r)
    )
    measure_id = data.get("phq9_measure_id")
    measure_version = data.get("phq9_measure_version")
    return MeasuresDraft(
        phq9=tuple(_answer(a, 3) for a in data.get("phq9", ())),
        phq9_difficulty=_answer(data.get("phq9_difficulty"), 3),
        gad7=tuple(_answer(a, 3) for a in data.get("gad7", ())),
        gad7_difficulty=_answer(data.get("gad7_difficulty"), 3),
        goal_ratings=ratings,
        recorded=tuple(str(k) for k in data.get("recorded", ()) if isinstance(k, str)),
        phq9_measure_id=measure_id if isinstance(measure_id, int) else None,
        phq9_measure_version=measure_version if isinstance(measure_version, int) else None,
    )
