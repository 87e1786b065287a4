"""The demo's story clients (improver, drifter, conditional sessions, cannot postpone),
the notation every demo client is written in, and the calendar it maps onto.

Each client's history is a string with one character per weekly (or fortnightly)
slot, oldest first, ending at the most recent slot before today:

* ``i`` attended, no homework reviewed (intake, or nothing set yet);
* ``0``-``4`` attended, the active assignment reviewed with that completion;
* ``n`` no-show; ``c`` cancelled by the client;
* ``x`` cancelled — self-record not done (after a day-before call).

``events`` adds what else happened at a slot (by index): a new assignment, the end of
the old one, strategies applied, a stage of change, observations, a story sentence
for the note, a day-before call. Barriers not given explicitly are drawn from the
client's ``pool`` when completion is low. All names and people are invented.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from practice.domain.vocabulary import (
    AssignmentStatus,
    Barrier,
    CallDecision,
    CallOutcome,
    ClientStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    NoteFormat,
    ReminderChannel,
    ResistanceKind,
    StageOfChange,
    Strategy,
    TemplateKey,
)
from practice.services.clients import ClientInput

B, S, K, T = Barrier, Strategy, ResistanceKind, TemplateKey
St, Lv, Md, Ch = StageOfChange, LiteracyLevel, Modality, ReminderChannel
EN, ES = Language.EN, Language.ES
REPLACED, COMPLETED, DROPPED = (
    AssignmentStatus.REPLACED,
    AssignmentStatus.COMPLETED,
    AssignmentStatus.DROPPED,
)


@dataclass(frozen=True)
class Homework:
    template: TemplateKey
    level: LiteracyLevel
    modality: Modality
    frequency: Frequency = Frequency.DAILY
    times_per_week: int | None = None
    large_print: bool = False
    reminder: ReminderChannel = ReminderChannel.NONE
    reminder_time: time | None = None
    alarm_set: bool = False
    card: bool = False
    teach_back: bool = True
    value: bool = True


@dataclass(frozen=True)
class Obs:
    kind: ResistanceKind
    text: str
    raise_next: bool = False


@dataclass(frozen=True)
class Call:
    outcome: CallOutcome
    decision: CallDecision
    note: str


@dataclass(frozen=True)
class Event:
    stage: StageOfChange | None = None
    say: str | None = None  # a sentence about this client, leads the note
    barriers: tuple[Barrier, ...] | None = None  # None: drawn from the pool
    pool: tuple[Barrier, ...] | None = None  # the client's barrier pool from here on
    strategies: tuple[Strategy, ...] = ()
    close: AssignmentStatus | None = None  # how the active assignment ends here
    close_reason: str | None = None
    homework: Homework | None = None  # set at this session
    reminder: tuple[ReminderChannel, time] | None = None  # change the active one's reminder
    obs: tuple[Obs, ...] = ()
    call: Call | None = None  # the day-before call for this appointment
    psy: str | None = None  # a psychotherapy (process) note
    amend: tuple[str, str] | None = None  # (reason, sentence added) after signing
    unsigned: bool = False
    conditional: str | None = None  # conditional sessions agreed here, with this reason
    reason: str | None = None  # the appointment's status reason
    plan: str | None = None


@dataclass(frozen=True)
class Story:
    role: str
    profile: ClientInput
    weekday: int | None  # 0 = Monday; None: tomorrow's weekday
    start: time
    note_format: NoteFormat
    weeks: str
    topics: tuple[str, ...]
    pool: tuple[Barrier, ...]
    events: Mapping[int, Event] = field(default_factory=dict)
    interval_days: int = 7
    status: ClientStatus = ClientStatus.ACTIVE
    ended_weeks_ago: int = 0  # paused / discharged: slots stop this many weeks back


E = Event
LEAVE_WEEKS_AGO = 9  # the therapist's week of leave: every appointment cancelled
FUTURE_DAYS = 20  # how far ahead appointments are scheduled


def working_weekday(weekday: int, today: date) -> int:
    """The weekday a story's sessions fall on, so that the day the demo is opened is a
    working day: Monday to Friday as written; opened on a Saturday or Sunday, the week
    is turned so that Friday's sessions fall on that day (and the others with them)."""
    shift = max(0, today.weekday() - 4)
    return (weekday + shift) % 7


def slot_days(story: Story, today: date) -> tuple[list[tuple[date, bool]], list[date]]:
    """Past slot days, oldest first, flagged when they fall in the therapist's leave (and
    so take no part of the story), and the future slot days of an active client."""
    leave = today - timedelta(days=today.weekday() + 7 * LEAVE_WEEKS_AGO)
    weekday = (
        working_weekday(story.weekday, today)
        if story.weekday is not None
        else (today.weekday() + 1) % 7
    )
    last = today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    last -= timedelta(weeks=story.ended_weeks_ago)
    step = timedelta(days=story.interval_days)
    past: list[tuple[date, bool]] = []
    day, needed = last, len(story.weeks)
    while needed:
        on_leave = leave <= day <= leave + timedelta(days=6)
        past.append((day, on_leave))
        needed -= not on_leave
        day -= step
    future: list[date] = []
    day = last + step
    while story.status is ClientStatus.ACTIVE and day <= today + timedelta(days=FUTURE_DAYS):
        future.append(day)
        day += step
    return past[::-1], future


def draw_barriers(
    rng: random.Random, pool: Sequence[Barrier], completion: int
) -> tuple[Barrier, ...]:
    """Barriers for a review that names none: the lower the completion, the likelier."""
    if completion >= 4 or (completion == 3 and rng.random() < 0.75) or not pool:
        return ()
    count = 1 if completion >= 2 or len(pool) == 1 else rng.choice((1, 2))
    return tuple(rng.sample(list(pool), count))


def born(today: date, age: int, month: int, day: int) -> date:
    return date(today.year - age, month, day)


def fake_phone(n: int) -> str:
    return f"+1 202 555 01{n:02d}"  # the 555-01xx range is reserved for fiction


def story_clients(today: date) -> list[Story]:
    """The four clients later features are tested on; dates relative to ``today``."""
    return [_improver(today), _drifter(today), _conditional(today), _cannot_postpone(today)]


def _improver(today: date) -> Story:
    easy_log = Homework(
        T.MOOD_LOG, Lv.EASY, Md.PAPER, reminder=Ch.ALARM, reminder_time=time(20, 30),
        alarm_set=True, card=True,
    )  # fmt: skip
    return Story(
        role="improver",
        profile=ClientInput(
            first_name="Marisol", last_name="Quintero", preferred_name="Mari",
            birth_date=born(today, 41, 5, 17), phone=fake_phone(43), language=ES,
            literacy_level=Lv.EASY, preferred_modality=Md.PAPER, reminder_channel=Ch.ALARM,
            reminder_time=time(20, 30), stage_of_change=St.ACTION,
            notes="Dejó la escuela a los doce años; repasar la hoja con ella antes de que se "
            "la lleve.",
        ),  # fmt: skip
        weekday=1, start=time(10, 0), note_format=NoteFormat.SOAP,
        weeks="i01c0101112323434c3443",
        pool=(B.DIDNT_UNDERSTAND, B.WRITING_HARD),
        topics=(
            "Hablamos de los turnos de madrugada en la panadería y de lo solas que se le "
            "hacen las tardes.",
            "Contó una llamada con su hermana que la animó el resto del día.",
            "Habló de cuánto extraña a su madre y de la mudanza hace tres años.",
            "Sacó la tensión con una supervisora nueva que la apura.",
        ),
        events={
            0: E(stage=St.CONTEMPLATION, homework=Homework(
                    T.MOOD_LOG, Lv.PLAIN, Md.PAPER, teach_back=False),
                 say="Primera entrevista. Ánimo bajo desde hace un año, cuando se mudó aquí por "
                 "trabajo; pocas amistades cerca. Quiere volver a sentirse ella misma. Nivel de "
                 "lectura aún sin saber: para empezar, hoja sencilla."),
            1: E(barriers=(B.DIDNT_UNDERSTAND,),
                 say="Trajo la hoja en blanco; no sabía qué escribir en las casillas."),
            2: E(barriers=(B.WRITING_HARD,), strategies=(S.EMPHASISE_VALUE,)),
            4: E(barriers=(B.DIDNT_UNDERSTAND, B.WRITING_HARD), strategies=(S.MOTIVATING_ASK,)),
            6: E(obs=(Obs(K.CHANGE_IMPOSSIBLE,
                          "Dice que siempre ha sido así y que no espera cambiar."),)),
            7: E(barriers=(B.WRITING_HARD,),
                 say="Le da vergüenza su ortografía; prefiere romper la hoja antes que alguien "
                 "vea las faltas."),
            8: E(barriers=(B.DIDNT_UNDERSTAND, B.WRITING_HARD), strategies=(S.RE_EXPLAIN,),
                 stage=St.PREPARATION,
                 say="Le pedí que me explicara la hoja: creía que cada casilla pedía frases "
                 "completas. La repasamos otra vez con un ejemplo de su semana."),
            9: E(barriers=(B.WRITING_HARD,), strategies=(S.ADAPT_MATERIAL, S.EXTERNAL_AIDS),
                 close=REPLACED, close_reason="Cambiada por la hoja fácil con caritas y "
                 "casillas; el obstáculo era escribir frases completas.", homework=easy_log,
                 say="Pasamos a la hoja fácil con caritas y casillas; llenó la línea de hoy en "
                 "sesión sin ayuda. Pusimos en su teléfono una alarma a las 20:30.",
                 plan="Registro de ánimo fácil cada noche al sonar la alarma; revisarlo la "
                 "próxima sesión."),
            10: E(barriers=(B.FORGOT,), pool=(B.FORGOT, B.CHAOTIC_WEEK),
                  say="La alarma funcionó casi todos los días; se le olvidó el fin de semana."),
            11: E(stage=St.ACTION, say="Cinco días marcados. Se dio cuenta sola de que los "
                  "días bajos son los que no sale del departamento después del trabajo."),
            12: E(barriers=(B.CHAOTIC_WEEK,)),
            15: E(say="Trajo la hoja sin que se la pidiera y la usó para contarme su semana; "
                  "mejor ánimo los días que llama a su hermana."),
            19: E(close=COMPLETED, close_reason="Registro de ánimo constante durante dos meses; "
                  "pasamos a planificar actividades.", homework=Homework(
                      T.ACTIVITY_SCHEDULE, Lv.EASY, Md.PAPER, reminder=Ch.ALARM,
                      reminder_time=time(20, 30), alarm_set=True, card=True)),
            21: E(say="Planificó e hizo cuatro actividades pequeñas; dos las calificó de "
                  "«buenas». Contenta consigo misma; se rio de la ortografía."),
        },
    )  # fmt: skip


def _drifter(today: date) -> Story:
    return Story(
        role="drifter",
        profile=ClientInput(
            first_name="Dale", last_name="Whitcombe", birth_date=born(today, 36, 9, 2),
            email="dale.whitcombe@example.net", phone=fake_phone(58), language=EN,
            literacy_level=Lv.STANDARD, preferred_modality=Md.FILLABLE_PDF,
            reminder_channel=Ch.EMAIL, reminder_time=time(21, 0), stage_of_change=St.RELAPSE,
        ),  # fmt: skip
        weekday=3, start=time(18, 0), note_format=NoteFormat.DAP,
        weeks="i443434322n12c10n10n10",
        pool=(B.FORGOT, B.NO_TIME, B.CHAOTIC_WEEK),
        topics=(
            "Talked about rumination at night after difficult meetings.",
            "Described the pressure of the new role and the hours it takes.",
            "Spoke about his partner's frustration with him working late.",
            "Discussed perfectionism and fear of being found out at work.",
        ),
        events={
            0: E(stage=St.ACTION, homework=Homework(
                    T.THOUGHT_RECORD, Lv.STANDARD, Md.FILLABLE_PDF, reminder=Ch.EMAIL,
                    reminder_time=time(21, 0)),
                 say="Intake. Work stress and rumination since a promotion; motivated, has read "
                 "about CBT and wants tools."),
            1: E(say="Thought record complete and detailed; already spotting 'should' "
                 "statements himself."),
            8: E(barriers=(B.NO_TIME,), say="New project at work; evenings taken up."),
            11: E(barriers=(B.FORGOT, B.NO_TIME), strategies=(S.EXTERNAL_AIDS,),
                  reminder=(Ch.EMAIL, time(12, 30)),
                  say="Moved the reminder e-mail to his lunch break."),
            14: E(barriers=(B.FORGOT,), strategies=(S.MOTIVATING_ASK,)),
            15: E(stage=St.RELAPSE, barriers=(B.NO_TIME, B.CHAOTIC_WEEK),
                  obs=(Obs(K.DOUBTS_COMPETENCE,
                           "Asked whether someone more senior would have got further by now."),),
                  say="Back to lying awake most nights; says the old patterns are back."),
            17: E(barriers=(B.FORGOT, B.CHAOTIC_WEEK),
                  strategies=(S.TALK_OPENLY, S.CHANGE_OR_DROP), close=DROPPED,
                  close_reason="The full thought record is too much during the relapse; dropped "
                  "for now in favour of a two-line mood log.",
                  homework=Homework(T.MOOD_LOG, Lv.STANDARD, Md.PHONE_NOTES, reminder=Ch.TEXT,
                                    reminder_time=time(21, 30)),
                  say="Talked openly about the drop-off without blame; he said he felt he was "
                  "failing the homework. Two lines a day in his phone notes instead."),
            18: E(barriers=(B.FORGOT,), obs=(Obs(K.THERAPY_WONT_HELP,
                  "Said the tools work for other people, not for him.", raise_next=True),)),
            21: E(barriers=(B.CHAOTIC_WEEK, B.FORGOT),
                  say="Twenty minutes late; the phone log empty since the weekend.",
                  plan="Look together at what the last two months have cost him; revisit goals."),
        },
    )  # fmt: skip


def _conditional(today: date) -> Story:
    my_week = Homework(
        T.MY_WEEK, Lv.PLAIN, Md.PHONE_NOTES, Frequency.PER_WEEK, 3, reminder=Ch.TEXT,
        reminder_time=time(19, 0),
    )  # fmt: skip
    return Story(
        role="conditional",
        profile=ClientInput(
            first_name="Trent", last_name="Ashdown", birth_date=born(today, 48, 1, 23),
            email="t.ashdown@example.org", phone=fake_phone(71), language=EN,
            literacy_level=Lv.PLAIN, preferred_modality=Md.PHONE_NOTES,
            reminder_channel=Ch.TEXT, reminder_time=time(19, 0), stage_of_change=St.ACTION,
            notes="Conditional sessions agreed as a trial; review it with him at six weeks.",
        ),  # fmt: skip
        weekday=None, start=time(16, 0), note_format=NoteFormat.BIRP,
        weeks="i010c1010n10101c010132x323",
        pool=(B.DIDNT_SEE_POINT, B.FORGOT, B.AVOIDANCE_SYMPTOMS),
        topics=(
            "Talked about the job search and two rejections this month.",
            "Described irritability with his partner and the children.",
            "Spoke about days spent on the sofa with the television on.",
            "Discussed losing touch with friends from his old workplace.",
        ),
        events={
            0: E(stage=St.CONTEMPLATION,
                 homework=Homework(T.ACTIVITY_SCHEDULE, Lv.PLAIN, Md.PAPER, value=False),
                 obs=(Obs(K.DISTRUSTS_TREATMENT,
                          "Said talking does not fix anything; here for his partner's sake."),),
                 say="Intake. Referred by his GP for low mood and irritability since being made "
                 "redundant; came mainly because his partner insisted."),
            2: E(barriers=(B.DIDNT_SEE_POINT,), strategies=(S.EMPHASISE_VALUE,),
                 say="Linked the schedule to his own wish to stop wasting the days."),
            3: E(barriers=(B.FORGOT,)),
            5: E(barriers=(B.DIDNT_UNDERSTAND,), strategies=(S.RE_EXPLAIN,)),
            6: E(barriers=(B.DIDNT_SEE_POINT, B.AVOIDANCE_SYMPTOMS),
                 strategies=(S.MOTIVATING_ASK,)),
            7: E(barriers=(B.WRITING_HARD,), strategies=(S.OTHER_MODALITY,), close=REPLACED,
                 close_reason="Paper sheet replaced by phone notes at his request.",
                 homework=Homework(T.ACTIVITY_SCHEDULE, Lv.PLAIN, Md.PHONE_NOTES)),
            8: E(barriers=(B.FORGOT,), strategies=(S.EXTERNAL_AIDS,),
                 reminder=(Ch.TEXT, time(19, 0)), say="Agreed a reminder text at 19:00."),
            10: E(barriers=(B.AVOIDANCE_SYMPTOMS,), strategies=(S.TALK_OPENLY,),
                  obs=(Obs(K.CONTRADICTS_THERAPIST,
                           "Disputed most of the summary of last session."),)),
            11: E(barriers=(B.NO_TIME,), obs=(Obs(K.CHANGE_IMPOSSIBLE,
                  "Said nothing will change while he is out of work."),)),
            12: E(barriers=(B.NO_TIME, B.DIDNT_SEE_POINT), strategies=(S.CHANGE_OR_DROP,),
                  close=REPLACED, close_reason="Changed to the shorter 'my week' record, three "
                  "entries a week.", homework=my_week),
            17: E(barriers=(B.AVOIDANCE_SYMPTOMS,),
                  strategies=(S.EMPHASISE_VALUE, S.MOTIVATING_ASK)),
            18: E(barriers=(B.DIDNT_SEE_POINT,), strategies=(S.TALK_OPENLY,),
                  say="Reviewed four months of records together: seven approaches, almost "
                  "nothing recorded. Raised conditional sessions as a last resort; he asked for "
                  "a week to think.",
                  psy="Noticed my own frustration and a pull to lecture. Check in supervision "
                  "that conditional sessions are for his sake, not mine."),
            19: E(barriers=(B.FORGOT,), strategies=(S.CONDITIONAL_SESSIONS,),
                  stage=St.PREPARATION,
                  conditional="Seven ladder steps tried over four months (re-explaining, value, "
                  "a motivating ask, phone notes, reminder texts, talking openly, a smaller "
                  "task); completion still 0-1. Discussed openly; he agreed to a six-week trial "
                  "of day-before calls, to be reviewed together.",
                  say="Agreed the trial of conditional sessions; he wrote the rule down in his "
                  "own words."),
            20: E(call=Call(CallOutcome.DONE, CallDecision.KEEP, "Record done; session kept."),
                  pool=(B.FORGOT, B.NO_TIME),
                  say="First full week recorded since starting; surprised how much he did."),
            21: E(call=Call(CallOutcome.PARTLY, CallDecision.KEEP,
                            "Two of three entries done; session kept as agreed for partial.")),
            22: E(call=Call(CallOutcome.NOT_DONE, CallDecision.CANCEL,
                            "Nothing recorded; session cancelled as agreed. Took it calmly."),
                  reason="Day-before call: self-record not done."),
            23: E(stage=St.ACTION, call=Call(CallOutcome.DONE, CallDecision.KEEP, "Record done."),
                  say="Said the cancelled session stung, and that he now writes the entries the "
                  "same evening."),
            24: E(call=Call(CallOutcome.NOT_REACHED, CallDecision.KEEP,
                            "No answer twice; left a message. Session kept.")),
            25: E(call=Call(CallOutcome.DONE, CallDecision.KEEP, "Record done; session kept.")),
        },
    )  # fmt: skip


def _cannot_postpone(today: date) -> Story:
    return Story(
        role="cannot_postpone",
        profile=ClientInput(
            first_name="Rocío", last_name="Benavides", birth_date=born(today, 27, 11, 4),
            phone=fake_phone(86), language=ES, literacy_level=Lv.PLAIN,
            preferred_modality=Md.PHONE_NOTES, reminder_channel=Ch.TEXT,
            reminder_time=time(21, 0), stage_of_change=St.ACTION, cannot_postpone=True,
            cannot_postpone_reason="Recent crisis: seen in the emergency department after an "
            "overdose shortly before intake. Sessions must not be postponed while the safety "
            "plan is in place.",
        ),  # fmt: skip
        weekday=0, start=time(11, 0), note_format=NoteFormat.SOAP,
        weeks="i23223c3233232",
        pool=(B.AVOIDANCE_SYMPTOMS, B.PRIVACY_WORRY, B.NO_TIME),
        topics=(
            "Hablamos de las discusiones en casa y de sentirse una carga.",
            "Contó un buen fin de semana con una prima; usó el plan de seguridad una vez.",
            "Habló de volver a sus clases de la tarde.",
            "Hablamos del sueño y de las noches que se le hacen más largas.",
        ),
        events={
            0: E(stage=St.PREPARATION, homework=Homework(
                    T.THOUGHT_RECORD, Lv.PLAIN, Md.PHONE_NOTES, Frequency.EACH_TIME,
                    reminder=Ch.TEXT, reminder_time=time(21, 0)),
                 say="Primera entrevista después de la crisis; hoy hicimos juntos el plan de "
                 "seguridad. Cálida, participativa, aliviada de que la atendieran pronto."),
            1: E(barriers=(B.AVOIDANCE_SYMPTOMS,),
                 say="Sin autolesiones desde la primera entrevista; revisamos el plan de "
                 "seguridad. Dos registros de pensamientos, los dos sobre discusiones en casa.",
                 amend=("Anotación tardía después de una llamada esa misma tarde.",
                        "Copia del plan de seguridad también para su hermana, con su "
                        "consentimiento.")),
            3: E(barriers=(B.PRIVACY_WORRY,), strategies=(S.TALK_OPENLY,),
                 say="Le preocupa que su hermano le lea el teléfono; acordamos que guarde las "
                 "notas en una app de notas con bloqueo."),
            7: E(stage=St.ACTION, say="Buena alianza; trajo las notas y leyó ella misma dos "
                 "anotaciones en voz alta."),
            10: E(barriers=(B.AVOIDANCE_SYMPTOMS,), strategies=(S.EMPHASISE_VALUE,)),
        },
    )  # fmt: skip
