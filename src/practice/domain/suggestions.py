"""The "suggested next step" of the session-prep view (docs/clinical.md, The suggested next step).

The rules, in order:

1. No reviews yet: no strategy; review the homework first.
2. Homework is getting done (last two reviews at 3+ of 4, or the last at 3+ with no
   barriers): no strategy; keep going and keep the supports that work.
3. Otherwise read the barrier pattern of the last three reviews (weighted to the most
   recent, see ``practice.domain.history``). Candidates are each barrier's steps from
   ``BARRIER_STEPS`` (strongest barrier first), then the rest of the ladder in order.
   The first candidate not tried within the last 180 days is suggested.
4. Only when every other ladder step has been tried: conditional sessions, unless the
   client cannot postpone treatment, is in precontemplation (no pushing), or has
   already had them recently. Then talk openly / change the task instead (whichever
   was applied longer ago), with a note why. While conditional sessions are on they
   are never suggested again: review whether they help.

Resistance (doubts about age or competence) and the stage of change add notes in
``Suggestion.extra``; they never change the strategy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from practice.domain.history import (
    TRIED_WINDOW_DAYS,
    ClientHistory,
    RankedBarrier,
    ReviewFact,
)
from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    Barrier,
    ResistanceKind,
    StageOfChange,
    Strategy,
)
from practice.text import QT_TRANSLATE_NOOP, joined, shown_date


@dataclass(frozen=True)
class Guidance:
    """A side note for the therapist. ``key`` is stable for code and tests."""

    key: str
    title: str
    text: str


@dataclass(frozen=True)
class Suggestion:
    strategy: Strategy | None
    headline: str
    guidance: str
    reasons: tuple[str, ...] = ()
    extra: tuple[Guidance, ...] = ()


S = Strategy

BARRIER_STEPS: dict[Barrier, tuple[Strategy, ...]] = {
    Barrier.DIDNT_UNDERSTAND: (S.RE_EXPLAIN, S.ADAPT_MATERIAL),
    Barrier.DIDNT_SEE_POINT: (S.EMPHASISE_VALUE, S.MOTIVATING_ASK, S.TALK_OPENLY),
    Barrier.FORGOT: (S.EXTERNAL_AIDS,),
    Barrier.WRITING_HARD: (S.ADAPT_MATERIAL, S.OTHER_MODALITY),
    Barrier.MATERIAL_UNSUITABLE: (S.ADAPT_MATERIAL, S.OTHER_MODALITY),
    Barrier.NO_TIME: (S.CHANGE_OR_DROP, S.OTHER_MODALITY),
    Barrier.CHAOTIC_WEEK: (S.CHANGE_OR_DROP, S.OTHER_MODALITY),
    Barrier.AVOIDANCE_SYMPTOMS: (S.TALK_OPENLY, S.CHANGE_OR_DROP),
    Barrier.LOST_SHEET: (S.EXTERNAL_AIDS, S.OTHER_MODALITY),
    Barrier.PRIVACY_WORRY: (S.OTHER_MODALITY, S.TALK_OPENLY),
    Barrier.OTHER: (),  # the plain ladder
}

# The ladder below the last resort, in order.
LADDER: tuple[Strategy, ...] = tuple(s for s in Strategy if s is not S.CONDITIONAL_SESSIONS)
# What to come back to when everything has been tried and conditional sessions are out.
FALLBACK_STEPS: tuple[Strategy, ...] = (S.TALK_OPENLY, S.CHANGE_OR_DROP)

STEP_GUIDANCE: dict[Strategy, str] = {
    S.RE_EXPLAIN: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Go through the sheet together and ask the client to explain it back in "
            "their own words (teach-back). Don't assume the first explanation landed.",
        )
    ),
    S.EMPHASISE_VALUE: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Link the task to what the client wants from therapy, in their words "
            "rather than yours. Say plainly that skipping it works against their own "
            "goal.",
        )
    ),
    S.MOTIVATING_ASK: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Ask rather than instruct: invite the client to try it as a shared "
            'experiment, not "you have to bring this". Make clear that you will do '
            "your part too.",
        )
    ),
    S.ADAPT_MATERIAL: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Switch to a simpler sheet, with fewer words, tick boxes or pictures, "
            "that suits how the client reads and writes. Not everyone is at ease "
            "with pen and paper.",
        )
    ),
    S.OTHER_MODALITY: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Offer another way to record that fits the client's day: phone notes, a "
            "voice recording, a fillable PDF or an app. What matters is the record, "
            "not the paper.",
        )
    ),
    S.EXTERNAL_AIDS: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Set a phone alarm together before the client leaves, and agree on a "
            "reminder text or a card placed where they will see it.",
        )
    ),
    S.TALK_OPENLY: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Raise it openly and kindly: say what you have noticed about the "
            "homework and ask what gets in the way. Being honest with each other "
            "strengthens the alliance.",
        )
    ),
    S.CHANGE_OR_DROP: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Make the task smaller, or swap it for a different one that still serves "
            "the goal. It is fine to drop it and reach the goal another way.",
        )
    ),
    S.CONDITIONAL_SESSIONS: (
        QT_TRANSLATE_NOOP(
            "suggestions",
            "As a last resort, agree with the client that you will phone the day "
            "before and cancel the session if the self-record is not done. Agree it "
            "openly and write down why.",
        )
    ),
}

_RESISTANCE_NOTES: dict[ResistanceKind, Guidance] = {
    ResistanceKind.DOUBTS_AGE: Guidance(
        "doubts_age",
        QT_TRANSLATE_NOOP("suggestions", "Doubts about your age"),
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Clarify the client's problems together so they can see you understand "
            "them. Ask directly about their doubts and which skills they think you "
            "lack, and point out the advantages of a younger therapist, such as "
            "recent training and a fresh view.",
        ),
    ),
    ResistanceKind.DOUBTS_COMPETENCE: Guidance(
        "doubts_competence",
        QT_TRANSLATE_NOOP("suggestions", "Doubts about your competence"),
        QT_TRANSLATE_NOOP(
            "suggestions",
            "Take the doubt seriously and without defending yourself: ask what would "
            "help them trust the work. Explain how you will approach their problem "
            "and agree how you will both know whether it is helping.",
        ),
    ),
}


def candidate_steps(barriers: Iterable[Barrier]) -> tuple[Strategy, ...]:
    """Each barrier's steps in the given order, then the rest of the ladder (no last resort)."""
    ordered: list[Strategy] = []
    for barrier in barriers:
        ordered.extend(s for s in BARRIER_STEPS[barrier] if s not in ordered)
    ordered.extend(s for s in LADDER if s not in ordered)
    return tuple(ordered)


def suggest_next_step(history: ClientHistory) -> Suggestion:
    extra = _extra_notes(history)
    latest = history.latest
    if latest is None:
        return Suggestion(
            None,
            QT_TRANSLATE_NOOP("suggestions", "Review the homework first"),
            QT_TRANSLATE_NOOP(
                "suggestions",
                "No homework has been reviewed yet. Start by asking whether it was done, "
                "how much, and what got in the way.",
            ),
            (),
            extra,
        )
    if _going_well(history):
        return _keep_going(history, extra)

    ranked = history.ranked_barriers()
    tried = history.tried()
    last = history.last_applied()
    reasons = _pattern_reasons(history, latest, ranked, tried, last)
    for step in candidate_steps(r.barrier for r in ranked):
        if step in tried:
            continue
        why = [r.barrier.label for r in ranked if step in BARRIER_STEPS[r.barrier]]
        if why:
            reasons.append(
                QT_TRANSLATE_NOOP("suggestions", "{label} answers: {why}.").format(
                    label=step.label, why=joined(why)
                )
            )
        else:
            reasons.append(
                QT_TRANSLATE_NOOP(
                    "suggestions", "{label} is the next untried step on the ladder."
                ).format(label=step.label)
            )
        if step in last:
            reasons.append(
                QT_TRANSLATE_NOOP(
                    "suggestions",
                    "{label} was last tried on {value}, more than {tried_window_days} days "
                    "ago: worth trying again.",
                ).format(
                    label=step.label,
                    value=last[step].isoformat(),
                    tried_window_days=TRIED_WINDOW_DAYS,
                )
            )
        return _step(step, reasons, extra)

    reasons.append(
        QT_TRANSLATE_NOOP(
            "suggestions", "Every ladder step before conditional sessions has been tried recently."
        )
    )
    if history.conditional_sessions_on:
        return Suggestion(
            None,
            QT_TRANSLATE_NOOP("suggestions", "Review the conditional sessions"),
            QT_TRANSLATE_NOOP(
                "suggestions",
                "Conditional sessions are already on. Review with the client whether "
                "they help, and agree when to end them.",
            ),
            tuple(reasons),
            extra,
        )
    blocked = _conditional_blocked(history, tried)
    if blocked is None:
        return _step(S.CONDITIONAL_SESSIONS, reasons, extra)
    # Come back to whichever of talking openly / changing the task was applied longer ago.
    fallback = min(FALLBACK_STEPS, key=lambda s: last.get(s, date.min))
    reasons.append(
        QT_TRANSLATE_NOOP("suggestions", "Conditional sessions are not suggested: {title}.").format(
            title=_BLOCKED_IN_SENTENCE[blocked.key]
        )
    )
    return _step(fallback, reasons, (*extra, blocked))


def _step(step: Strategy, reasons: list[str], extra: tuple[Guidance, ...]) -> Suggestion:
    return Suggestion(
        step,
        QT_TRANSLATE_NOOP("suggestions", "Next step: {label}").format(label=step.label),
        STEP_GUIDANCE[step],
        tuple(reasons),
        extra,
    )


def _going_well(history: ClientHistory) -> bool:
    last_two = history.reviews[-2:]
    if len(last_two) == 2 and all(r.is_good for r in last_two):
        return True
    latest = last_two[-1]
    return latest.is_good and not latest.barriers


def _keep_going(history: ClientHistory, extra: tuple[Guidance, ...]) -> Suggestion:
    recent = history.recent
    reasons = [
        QT_TRANSLATE_NOOP("suggestions", "Completion in the latest reviews: {scores}.").format(
            scores=joined(_completion(r.completion) for r in recent[:2])
        )
    ]
    supports = [s for s in Strategy if any(s in r.strategies for r in recent)]
    if supports:
        labels = joined((s.label for s in supports), lower=True)
        reasons.append(
            QT_TRANSLATE_NOOP("suggestions", "Supports in use lately: {labels}.").format(
                labels=labels
            )
        )
        guidance = QT_TRANSLATE_NOOP(
            "suggestions",
            "Homework is getting done: notice it and praise the effort specifically. "
            "Keep the supports that are working in place.",
        )
    else:
        guidance = QT_TRANSLATE_NOOP(
            "suggestions",
            "Homework is getting done: notice it and praise the effort specifically. "
            "Keep the task as it is, or let it grow a little if the client wants to.",
        )
    return Suggestion(
        None, QT_TRANSLATE_NOOP("suggestions", "Keep going"), guidance, tuple(reasons), extra
    )


def _pattern_reasons(
    history: ClientHistory,
    latest: ReviewFact,
    ranked: tuple[RankedBarrier, ...],
    tried: frozenset[Strategy],
    last: dict[Strategy, date],
) -> list[str]:
    window = len(history.recent)
    reasons: list[str] = [
        QT_TRANSLATE_NOOP("suggestions", "Latest completion: {completion}.").format(
            completion=_completion(latest.completion)
        )
    ]
    if ranked:
        counts = joined(
            QT_TRANSLATE_NOOP("suggestions", "{label} ({count})").format(
                label=r.barrier.label, count=r.count
            )
            for r in ranked
        )
        reasons.append(
            QT_TRANSLATE_NOOP(
                "suggestions", "Barriers in the last {window} reviews: {counts}."
            ).format(window=window, counts=counts)
        )
    else:
        reasons.append(
            QT_TRANSLATE_NOOP(
                "suggestions",
                "No barriers recorded in the last {window} reviews: ask what got in the way.",
            ).format(window=window)
        )
    not_brought = sum(1 for r in history.recent if not r.brought)
    if not_brought:
        reasons.append(
            QT_TRANSLATE_NOOP(
                "suggestions", "Record not brought in {not_brought} of the last {window} reviews."
            ).format(not_brought=not_brought, window=window)
        )
    if tried:
        done = joined(
            QT_TRANSLATE_NOOP("suggestions", "{label} ({day})").format(
                label=s.label, day=shown_date(last[s], "{0:%Y-%m-%d}")
            )
            for s in Strategy
            if s in tried
        )
        reasons.append(QT_TRANSLATE_NOOP("suggestions", "Already tried: {done}.").format(done=done))
    return reasons


# Why conditional sessions are not suggested, in the middle of a sentence.
_BLOCKED_IN_SENTENCE = {
    "cannot_postpone": QT_TRANSLATE_NOOP("suggestions", "treatment cannot be postponed"),
    "conditional_not_at_this_stage": QT_TRANSLATE_NOOP(
        "suggestions", "not at this stage of change"
    ),
    "conditional_tried": QT_TRANSLATE_NOOP(
        "suggestions", "conditional sessions were used recently"
    ),
}


def _conditional_blocked(history: ClientHistory, tried: frozenset[Strategy]) -> Guidance | None:
    if history.cannot_postpone:
        return Guidance(
            "cannot_postpone",
            QT_TRANSLATE_NOOP("suggestions", "Treatment cannot be postponed"),
            QT_TRANSLATE_NOOP(
                "suggestions",
                "Conditional sessions are not an option for this client because "
                "treatment cannot be postponed. Keep talking openly and change the task "
                "instead.",
            ),
        )
    if history.stage is StageOfChange.PRECONTEMPLATION:
        return Guidance(
            "conditional_not_at_this_stage",
            QT_TRANSLATE_NOOP("suggestions", "Not at this stage of change"),
            QT_TRANSLATE_NOOP(
                "suggestions",
                "Cancelling sessions would be pushing a client who is not yet "
                "considering change. Keep the homework to observation and talk about it "
                "openly.",
            ),
        )
    if S.CONDITIONAL_SESSIONS in tried:
        return Guidance(
            "conditional_tried",
            QT_TRANSLATE_NOOP("suggestions", "Conditional sessions were used recently"),
            QT_TRANSLATE_NOOP(
                "suggestions",
                "Conditional sessions were already used in the last {tried_window_days} "
                "days. Rather than start them again, talk openly or change the task.",
            ).format(tried_window_days=TRIED_WINDOW_DAYS),
        )
    return None


def _extra_notes(history: ClientHistory) -> tuple[Guidance, ...]:
    notes = [note for kind, note in _RESISTANCE_NOTES.items() if kind in history.resistance]
    stage = history.stage
    if stage is not None:
        notes.append(
            Guidance(
                "stage",
                QT_TRANSLATE_NOOP("suggestions", "Stage of change: {label}").format(
                    label=stage.label
                ),
                QT_TRANSLATE_NOOP(
                    "suggestions", "{stance} Fitting homework: {fitting_homework}"
                ).format(stance=stage.stance, fitting_homework=stage.fitting_homework),
            )
        )
    if stage is StageOfChange.PRECONTEMPLATION:
        notes.append(
            Guidance(
                "observation_only",
                QT_TRANSLATE_NOOP("suggestions", "Observation only"),
                QT_TRANSLATE_NOOP(
                    "suggestions",
                    "Don't push full self-records at this stage. Keep the homework to "
                    "observation only: a short monitoring log.",
                ),
            )
        )
    if history.conditional_sessions_on:
        latest = history.latest
        if latest is not None and latest.is_good:
            text = QT_TRANSLATE_NOOP(
                "suggestions",
                "The homework is getting done. Consider agreeing with the client to end them.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "suggestions",
                "Review with the client whether they help, and end them when they are no "
                "longer needed.",
            )
        notes.append(
            Guidance(
                "conditional_on",
                QT_TRANSLATE_NOOP("suggestions", "Conditional sessions are on"),
                text,
            )
        )
    return tuple(notes)


def _completion(value: int) -> str:
    return QT_TRANSLATE_NOOP("suggestions", "{value} of 4 ({value2})").format(
        value=value, value2=COMPLETION_ANCHORS[value]
    )
