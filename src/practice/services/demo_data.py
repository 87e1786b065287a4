"""Words for the demo practice: sheet texts per template and the pieces of note prose.

Client-facing texts (titles, instructions, "why this helps you") are in the
assignment's language; the therapist's notes are in English. Generic note lines
avoid pronouns so that they fit any client; what is particular to one client is
written in that client's story (``demo_story``).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence

from practice.domain.vocabulary import (
    Barrier,
    Frequency,
    Language,
    NoteFormat,
    StageOfChange,
    Strategy,
    TemplateKey,
)

T = TemplateKey
EN, ES = Language.EN, Language.ES

# Template -> language -> (title, instructions, why this helps you).
SHEET_TEXT: dict[TemplateKey, dict[Language, tuple[str, str, str]]] = {
    T.THOUGHT_RECORD: {
        EN: (
            "Thought record",
            "When your mood drops, write what happened, what you felt and what you thought.",
            "It helps you catch the thoughts that pull your mood down, so we can look at them.",
        ),
        ES: (
            "Registro de pensamientos",
            "Cuando tu ánimo baje, escribe qué pasó, qué sentiste y qué pensaste.",
            "Te ayuda a ver los pensamientos que te bajan el ánimo, para revisarlos juntos.",
        ),
    },
    T.ABC_RECORD: {
        EN: (
            "ABC record",
            "Write what happened before (A), what you did (B) and what came after (C).",
            "It shows what sets the habit off and what keeps it going.",
        ),
        ES: (
            "Registro ABC",
            "Escribe qué pasó antes (A), qué hiciste (B) y qué pasó después (C).",
            "Muestra qué dispara el hábito y qué lo mantiene.",
        ),
    },
    T.MOOD_LOG: {
        EN: (
            "Mood log",
            "Each evening, mark how your mood was today and note one thing that happened.",
            "Seeing your mood day by day helps us find what lifts it.",
        ),
        ES: (
            "Registro del ánimo",
            "Cada noche, marca cómo estuvo tu ánimo y anota una cosa que pasó.",
            "Ver tu ánimo día a día nos ayuda a encontrar qué lo mejora.",
        ),
    },
    T.ACTIVITY_SCHEDULE: {
        EN: (
            "Activity schedule",
            "Plan one small activity each day, then tick it and rate how it felt.",
            "Doing small things you value is one of the surest ways to lift your mood.",
        ),
        ES: (
            "Plan de actividades",
            "Planea una actividad pequeña cada día; luego márcala y di cómo te sentiste.",
            "Hacer cosas pequeñas que te importan ayuda a subir el ánimo.",
        ),
    },
    T.SLEEP_DIARY: {
        EN: (
            "Sleep diary",
            "Each morning, write when you went to bed, when you woke and how you slept.",
            "It shows your real sleep pattern, so we can change what keeps you awake.",
        ),
        ES: (
            "Diario de sueño",
            "Cada mañana, anota a qué hora te acostaste, cuándo despertaste y cómo dormiste.",
            "Muestra cómo duermes de verdad, para cambiar lo que te quita el sueño.",
        ),
    },
    T.PANIC_DIARY: {
        EN: (
            "Panic diary",
            "After a panic attack, write where you were, how strong it was and what you did.",
            "Writing attacks down shows that they pass, and what helps them pass sooner.",
        ),
        ES: (
            "Diario de pánico",
            "Después de un ataque de pánico, anota dónde estabas, su fuerza y qué hiciste.",
            "Anotarlos muestra que pasan, y qué ayuda a que pasen antes.",
        ),
    },
    T.URGE_LOG: {
        EN: (
            "Urge log",
            "When an urge comes, note the time, how strong it is and what you did next.",
            "Urges rise and fall; the log helps you see the pattern and ride them out.",
        ),
        ES: (
            "Registro de impulsos",
            "Cuando llegue un impulso, anota la hora, su fuerza y qué hiciste después.",
            "Los impulsos suben y bajan; el registro te ayuda a ver el patrón.",
        ),
    },
    T.EXPOSURE_RECORD: {
        EN: (
            "Exposure practice",
            "Do the practice we agreed: write what you fear, stay, and see what really happens.",
            "Each practice tests the fear; the sheet shows what you learn.",
        ),
        ES: (
            "Práctica de exposición",
            "Haz la práctica acordada: escribe lo que temes, quédate y mira qué pasa de verdad.",
            "Cada práctica pone a prueba el miedo; la hoja muestra lo que vas aprendiendo.",
        ),
    },
    T.MY_WEEK: {
        EN: (
            "My week",
            "A few times this week, write or tick what went well and what was hard.",
            "It brings your week, in your own words, to the start of our session.",
        ),
        ES: (
            "Mi semana",
            "Unas veces esta semana, escribe o marca qué fue bien y qué costó.",
            "Nos trae tu semana, con tus palabras, al empezar la sesión.",
        ),
    },
}

# How the therapist's notes name each record.
RECORD_NOUN: dict[TemplateKey, str] = {
    T.THOUGHT_RECORD: "the thought record",
    T.ABC_RECORD: "the ABC record",
    T.MOOD_LOG: "the mood log",
    T.ACTIVITY_SCHEDULE: "the activity schedule",
    T.SLEEP_DIARY: "the sleep diary",
    T.PANIC_DIARY: "the panic diary",
    T.URGE_LOG: "the urge log",
    T.EXPOSURE_RECORD: "the exposure record",
    T.MY_WEEK: "the 'my week' record",
}

HOMEWORK_LINES: dict[int, tuple[str, ...]] = {
    0: (
        "{What} not brought; not started this week.",
        "No entries in {what} this week.",
        "{What} not attempted; looked together at what got in the way.",
    ),
    1: (
        "{What} started on the first day, then left.",
        "A single entry in {what}.",
        "Brought {what} with one or two entries early in the week.",
    ),
    2: (
        "{What} about half done; entries on roughly every other day.",
        "Brought {what} with about half of the agreed entries.",
        "{What} half complete, the weekend empty.",
    ),
    3: (
        "{What} mostly complete; a couple of days missing.",
        "Brought {what} with most days filled in; entries specific and useful.",
        "{What} done on most days; used it to structure the session.",
    ),
    4: (
        "{What} complete, every entry as agreed.",
        "Every day recorded in {what}, with good detail.",
        "{What} done in full and brought without prompting.",
    ),
}

BARRIER_LINES: dict[Barrier, tuple[str, ...]] = {
    Barrier.DIDNT_UNDERSTAND: (
        "Unsure what to write in the boxes.",
        "Had misread what the sheet was asking for.",
    ),
    Barrier.FORGOT: (
        "Said it slipped the mind most evenings.",
        "Forgot until the morning of the session.",
    ),
    Barrier.NO_TIME: ("Reported no time on workdays.", "Long shifts left no time to sit down."),
    Barrier.WRITING_HARD: (
        "Writing feels slow and embarrassing.",
        "Sitting down to write brings on tension.",
    ),
    Barrier.MATERIAL_UNSUITABLE: (
        "The sheet did not suit; print too small and boxes too narrow.",
        "The layout did not fit how the week actually runs.",
    ),
    Barrier.DIDNT_SEE_POINT: (
        "Did not see what the record was for.",
        "Questioned why writing things down would change anything.",
    ),
    Barrier.AVOIDANCE_SYMPTOMS: (
        "Putting the feelings on paper felt too much on bad days.",
        "Low energy most evenings; avoided looking at the week.",
    ),
    Barrier.LOST_SHEET: ("The sheet went missing midweek.", "Left the sheet at work."),
    Barrier.PRIVACY_WORRY: (
        "Worried that someone at home would read it.",
        "Uneasy about keeping the record where family could see it.",
    ),
    Barrier.CHAOTIC_WEEK: (
        "A chaotic week with no routine.",
        "Family upheaval took over the week.",
    ),
    Barrier.OTHER: ("Another obstacle came up this week.",),
}

STRATEGY_LINES: dict[Strategy, tuple[str, ...]] = {
    Strategy.RE_EXPLAIN: (
        "Went through the task again step by step and asked for a teach-back.",
        "Re-explained the sheet with an example from this week; teach-back correct.",
    ),
    Strategy.EMPHASISE_VALUE: (
        "Linked the record to the client's own goal rather than to therapy.",
        "Talked about what the record gives the client, not the therapist.",
    ),
    Strategy.MOTIVATING_ASK: (
        "Asked what would make the task worth doing instead of setting it as a duty.",
        "Framed the coming week's record as a joint experiment; the client chose the days.",
    ),
    Strategy.ADAPT_MATERIAL: (
        "Switched to a simpler sheet with pictures and tick boxes.",
        "Adapted the material to a level that fits; tried it out in session.",
    ),
    Strategy.OTHER_MODALITY: (
        "Agreed another way to record that fits the client's day better.",
        "Moved the record off paper to a way the client already uses.",
    ),
    Strategy.EXTERNAL_AIDS: (
        "Set up a reminder together in session, at a time that suits the client.",
        "Agreed a reminder at a set time, placed where it will be seen.",
    ),
    Strategy.TALK_OPENLY: (
        "Talked openly about the unfinished records and what they mean for our work; no blame.",
        "Raised the pattern of missed records openly; both named their part.",
    ),
    Strategy.CHANGE_OR_DROP: (
        "Changed the task to something smaller that fits the week.",
        "Dropped the full record; agreed a lighter task toward the same goal.",
    ),
    Strategy.CONDITIONAL_SESSIONS: (
        "Agreed a trial of conditional sessions: a day-before call about the record, "
        "and the session is cancelled if it is not done.",
    ),
}

STAGE_LINES: dict[StageOfChange, tuple[str, ...]] = {
    StageOfChange.PRECONTEMPLATION: (
        "Precontemplation: does not see a problem yet; kept to raising awareness, no pushing.",
        "Still precontemplative; reflected back the costs mentioned without arguing.",
    ),
    StageOfChange.CONTEMPLATION: (
        "Contemplation: ambivalent, weighing reasons for and against change.",
        "Ambivalence clearer today; some change talk about wanting things to be different.",
    ),
    StageOfChange.PREPARATION: (
        "Preparation: ready to try small steps; helped choose one.",
        "Moving toward action; a small concrete step agreed.",
    ),
    StageOfChange.ACTION: (
        "Action: working on the agreed steps; feedback given on the record.",
        "Engaged in active change; progress is steady.",
    ),
    StageOfChange.MAINTENANCE: (
        "Maintenance: gains holding; focus on relapse prevention.",
        "Stable; reviewed early warning signs and what to do about them.",
    ),
    StageOfChange.RELAPSE: (
        "Relapse: back to old patterns; restarting without demoralisation.",
        "Slipped back; normalised the setback and returned to monitoring.",
    ),
}

PRESENTATION_LINES: tuple[str, ...] = (
    "Arrived on time; engaged, mood appeared low.",
    "Calm, good eye contact, reactive affect.",
    "Tired; brief answers early on, warmer later in the session.",
    "Brighter than last week; spoke freely.",
    "Tense at first, settled after the homework review.",
    "Punctual and talkative; some tearfulness when describing the week.",
)

INTERVENTION_LINES: tuple[str, ...] = (
    "Reviewed the week's record and worked through one entry together.",
    "Cognitive restructuring on one example from the week.",
    "Planned activities for the coming week, with times and places.",
    "Psychoeducation on the cycle of avoidance and mood.",
    "Problem-solving on the most pressing difficulty of the week.",
)

INTAKE_INTERVENTION = "Assessment interview; shared a first formulation and agreed goals."

RESPONSE_LINES: tuple[str, ...] = (
    "Engaged well and could name an alternative view by the end.",
    "Receptive; took notes of the plan.",
    "Some resistance at first, then agreed to try.",
    "Responded with relief; said it made sense.",
    "Cautious but willing to give it a week.",
)

PLAN_LINES: tuple[str, ...] = (
    "Review {what} next session.",
    "Continue {what}; start next session with the review.",
    "Keep {what} going; look at the hardest day together next time.",
    "Continue {what} and check what helped on the better days.",
)

REVIEW_NOTES: dict[int, tuple[str | None, ...]] = {
    0: ("Nothing recorded.", "Sheet not brought.", None),
    1: ("One entry only.", None, "Started, then stopped."),
    2: ("About half.", None, "Weekdays only."),
    3: ("Most days.", None, "Good detail on the entries made."),
    4: ("All entries.", None, "Complete and thoughtful."),
}

NOT_DONE_OBSERVATIONS: tuple[str, ...] = (
    "Homework not done again this week.",
    "No record brought; changed the subject when asked.",
    "Record not started.",
)

MISSED_OBSERVATIONS: tuple[str, ...] = (
    "Missed the last appointment without notice.",
    "Did not attend the last appointment and did not call.",
)

CANCEL_REASONS: tuple[str, ...] = (
    "Unwell; phoned the day before.",
    "Childcare fell through.",
    "Work shift changed at short notice.",
    "Family commitment.",
)

HOLIDAY_REASON = "Therapist on leave (training week)."


def how_often(frequency: Frequency, times_per_week: int | None) -> str:
    if frequency is Frequency.PER_WEEK:
        return f"{times_per_week} times a week"
    if frequency is Frequency.EACH_TIME:
        return "each time it happens"
    return "each day"


def near(rng: random.Random, completion: int) -> int:
    """A 0-4 rating close to the completion (client's and therapist's views differ a little)."""
    return max(0, min(4, completion + rng.choice((-1, 0, 0, 1))))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def note_sections(
    rng: random.Random,
    note_format: NoteFormat,
    *,
    topic: str,
    homework: str | None,
    strategies: Sequence[str],
    stage: StageOfChange | None,
    plan: str,
    intake: bool = False,
    language: Language = EN,
) -> dict[str, str]:
    """The sections of one note, keyed by the format's section names, 1-4 sentences each
    (the sentences in the client's ``language``: a Spanish speaker's in Spanish)."""
    from practice.services import demo_es  # the Spanish tables (it needs nothing here)

    said = demo_es if language is ES else sys.modules[__name__]
    not_assessed = "Etapa de cambio sin evaluar." if language is ES else (
        "Stage of change not assessed.")  # fmt: skip
    stage_line = rng.choice(said.STAGE_LINES[stage]) if stage else not_assessed
    done = " ".join(strategies)
    intervention = said.INTAKE_INTERVENTION if intake else rng.choice(said.INTERVENTION_LINES)
    if note_format is NoteFormat.FREE:
        parts = [topic, homework or "", done, plan]
        return {"Note": " ".join(p for p in parts if p)}
    if note_format is NoteFormat.SOAP:
        objective = " ".join(p for p in (rng.choice(said.PRESENTATION_LINES), homework) if p)
        return {
            "Subjective": topic,
            "Objective": objective,
            "Assessment": " ".join(p for p in (stage_line, done) if p),
            "Plan": plan,
        }
    if note_format is NoteFormat.DAP:
        return {
            "Data": " ".join(p for p in (topic, homework) if p),
            "Assessment": " ".join(p for p in (stage_line, done) if p),
            "Plan": plan,
        }
    return {
        "Behavior": " ".join(p for p in (topic, homework) if p),
        "Intervention": done or intervention,
        "Response": rng.choice(said.RESPONSE_LINES),
        "Plan": plan,
    }
