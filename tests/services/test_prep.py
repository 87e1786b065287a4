"""Session prep on a history built by hand: exact strip, counts, strategies and suggestion."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest
from _loop import attended, homework_input, new_client
from _prep_demo import DEMO_TODAY, demo_practice
from sqlalchemy import event
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.domain.adherence import CellKind
from practice.domain.inputs import NoteInput, ObservationInput, ReviewInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    Barrier,
    CallDecision,
    CallOutcome,
    NoteFormat,
    ResistanceKind,
    StageOfChange,
    Strategy,
)
from practice.services import appointments, conditional, homework, notes, prep, reviews
from practice.services.demo import DemoSummary
from practice.services.errors import NotFoundError, ValidationError
from practice.ui.adherence_text import week_tooltip

B, S = Barrier, Strategy
W0 = datetime(2025, 1, 7, 10, 0).astimezone()  # Tuesday 7 January 2025, 10:00 local
TODAY = date(2025, 4, 2)  # Wednesday of week 12


def tue(week: int, days: int = 0) -> datetime:
    return W0 + timedelta(weeks=week, days=days)


def review(s: Session, assignment: int, appointment: int, completion: int, **kw: object) -> None:
    data = ReviewInput(brought=completion >= 2, completion=completion, **kw)  # type: ignore[arg-type]
    reviews.review(s, assignment, appointment, data)


def build_history(s: Session) -> dict[str, int]:
    """Twelve weeks of one client (see the expected strip in the tests below)."""
    c = new_client(s, "Nerea", "Ficticia", preferred_name="Nere")
    w0 = attended(s, c, tue(0))
    a = homework.assign(s, c, homework_input(title="Mood log"), appointment_id=w0).id
    review(s, a, attended(s, c, tue(1)), 0, barriers={B.DIDNT_UNDERSTAND},
           strategies={S.RE_EXPLAIN})  # fmt: skip
    appointments.mark(
        s, appointments.schedule(s, c, tue(2)).appointment.id, AppointmentStatus.NO_SHOW
    )
    review(s, a, attended(s, c, tue(3)), 1, client_rating=2,
           barriers={B.FORGOT, B.DIDNT_UNDERSTAND}, strategies={S.EXTERNAL_AIDS})  # fmt: skip
    w4 = appointments.schedule(s, c, tue(4)).appointment.id
    appointments.mark(s, w4, AppointmentStatus.CANCELLED_BY_CLIENT)
    attended(s, c, tue(5))  # homework open, not reviewed
    w6 = attended(s, c, tue(6))
    review(s, a, w6, 2, barriers={B.FORGOT}, strategies={S.EXTERNAL_AIDS})
    b = homework.replace(
        s, a, homework_input("thought_record", title="Thought record"), "Too hard to write",
        appointment_id=w6,
    ).id  # fmt: skip
    # week 7: nothing
    review(s, b, attended(s, c, tue(8)), 3, client_rating=3, strategies={S.ADAPT_MATERIAL})
    review(s, b, attended(s, c, tue(8, days=2)), 4)  # same week: mean 3.5 rounds to 4
    conditional.open_period(
        s, c, reason="Seven weeks of little recording; agreed a trial.",
        agreed_on=date(2025, 3, 6), starts_on=date(2025, 3, 10), today=date(2025, 3, 6),
    )  # fmt: skip
    w9 = appointments.schedule(s, c, tue(9)).appointment.id
    conditional.log_call(s, w9, CallOutcome.NOT_DONE, CallDecision.CANCEL, "Nothing written.",
                         called_at=tue(9, days=-1))  # fmt: skip
    w10 = appointments.schedule(s, c, tue(10)).appointment.id
    conditional.log_call(s, w10, CallOutcome.DONE, CallDecision.KEEP, called_at=tue(10, days=-1))
    appointments.mark(s, w10, AppointmentStatus.ATTENDED)
    review(s, b, w10, 4)
    note10 = notes.save_note(s, w10, NoteInput(NoteFormat.FREE, {"Note": "Good week."}))
    from practice.services.observations import add_observation

    add_observation(s, note10.id, ObservationInput(ResistanceKind.DOUBTS_AGE,
                    "Asked how old I am.", raise_next_session=True))  # fmt: skip
    w11 = attended(s, c, tue(11))
    review(s, b, w11, 1, barriers={B.NO_TIME}, strategies={S.TALK_OPENLY})
    note = notes.save_note(
        s, w11,
        NoteInput(NoteFormat.SOAP, {"Subjective": "Busy week at work.", "Plan": "Shorter log."},
                  stage_of_change=StageOfChange.ACTION, plan="Try a shorter log."),
    )  # fmt: skip
    notes.sign(s, note.id)
    notes.amend(s, note.id, {"Subjective": "Busy week at work; two late shifts."},
                reason="Added detail the same day.")  # fmt: skip
    upcoming = appointments.schedule(s, c, tue(12, days=2)).appointment.id  # Thu 3 Apr
    return {"client": c, "a": a, "b": b, "w9": w9, "w10": w10, "upcoming": upcoming}


@pytest.fixture
def history(db: Database) -> Iterator[tuple[Session, dict[str, int]]]:
    with db.session() as s:
        ids = build_history(s)
        yield s, ids


def test_strip_kinds_and_marks(history: tuple[Session, dict[str, int]]) -> None:
    s, ids = history
    data = prep.build_prep(s, ids["client"], today=TODAY)
    assert len(data.weeks) == 12
    assert data.weeks[0].week_start == date(2025, 1, 13)
    assert data.weeks[-1].week_start == date(2025, 3, 31) and data.weeks[-1].current
    assert [w.mark for w in data.weeks] == [
        "0", "NS", "1", "C", "?", "2", "", "4", "C!", "4", "1", "",
    ]  # fmt: skip
    k = CellKind
    assert [w.kind for w in data.weeks] == [
        k.REVIEW, k.NO_SHOW, k.REVIEW, k.CANCELLED, k.NOT_REVIEWED, k.REVIEW, k.NO_SESSION,
        k.REVIEW, k.CANCELLED_NO_SELF_RECORD, k.REVIEW, k.REVIEW, k.NO_SESSION,
    ]  # fmt: skip
    assert [w.conditional for w in data.weeks] == [False] * 8 + [True] * 4
    assert data.weeks[7].completion == 4  # 3 and 4 in one week: mean 3.5, half rounds up
    assert [r.completion for r in data.weeks[7].reviews] == [3, 4]
    assert data.weeks[4].open_homework == ("Mood log",)
    assert [(c.outcome, c.decision) for c in data.weeks[8].calls] == [
        (CallOutcome.NOT_DONE, CallDecision.CANCEL)
    ]
    assert [s.day for s in data.weeks[11].deciding] == [date(2025, 4, 3)]

    everything = prep.build_prep(s, ids["client"], today=TODAY, weeks=None)
    assert everything.weeks[0].week_start == date(2025, 1, 6)
    assert everything.weeks[0].kind is CellKind.NO_HOMEWORK and everything.weeks[0].mark == "–"
    assert len(everything.weeks) == 13


def test_each_week_is_told_in_words(history: tuple[Session, dict[str, int]]) -> None:
    # Given the prep data of the hand-built history
    s, ids = history
    data = prep.build_prep(s, ids["client"], today=TODAY)
    # When the prep view tells each week in its tooltip
    tips = [week_tooltip(w, TODAY) for w in data.weeks]
    # Then each says what happened that week
    assert tips[7].startswith("Week of 3 Mar: completion 4 (all as agreed) — ")
    assert "Thought record 3, Thought record 4" in tips[7]
    assert tips[2] == (
        "Week of 27 Jan: completion 1 (started) — Mood log; barriers: didn't understand, "
        "forgot; tried: external aids; client's own rating 2; record not brought."
    )
    assert "Mood log" in tips[4] and "not reviewed" in tips[4]
    assert "self-record not done" in tips[8]
    assert "Day-before call for Tue 11 Mar: not done, session cancelled" in tips[8]
    assert "Day-before call for Tue 18 Mar: done, session kept" in tips[9]
    assert tips[11] == "Week of 31 Mar: next session on Thu 3 Apr. Conditional sessions on."


def test_trend_barriers_strategies_totals(history: tuple[Session, dict[str, int]]) -> None:
    s, ids = history
    data = prep.build_prep(s, ids["client"], today=TODAY)
    assert [(p.on, p.completion, p.client_rating) for p in data.trend] == [
        (date(2025, 1, 14), 0, None),
        (date(2025, 1, 28), 1, 2),
        (date(2025, 2, 18), 2, None),
        (date(2025, 3, 4), 3, 3),
        (date(2025, 3, 6), 4, None),
        (date(2025, 3, 18), 4, None),
        (date(2025, 3, 25), 1, None),
    ]
    assert [(b.barrier, b.count, b.last_seen) for b in data.barriers] == [
        (B.NO_TIME, 1, date(2025, 3, 25)),
        (B.FORGOT, 2, date(2025, 2, 18)),
        (B.DIDNT_UNDERSTAND, 2, date(2025, 1, 28)),
    ]
    recent = prep.build_prep(s, ids["client"], today=TODAY, weeks=4)  # since Mon 10 Mar
    assert [(b.barrier, b.recent_count) for b in recent.barriers] == [
        (B.NO_TIME, 1), (B.FORGOT, 0), (B.DIDNT_UNDERSTAND, 0),
    ]  # fmt: skip
    tried = {t.strategy: t for t in data.strategies}
    assert [t.strategy for t in data.strategies] == [
        S.RE_EXPLAIN, S.ADAPT_MATERIAL, S.EXTERNAL_AIDS, S.TALK_OPENLY,
    ]  # fmt: skip
    assert tried[S.RE_EXPLAIN].dates == (date(2025, 1, 14),)
    assert tried[S.RE_EXPLAIN].followed_mean == 1.0
    assert tried[S.EXTERNAL_AIDS].dates == (date(2025, 1, 28), date(2025, 2, 18))
    assert [(u.completion, u.followed) for u in tried[S.EXTERNAL_AIDS].uses] == [
        (1.0, 2.0), (2.0, 3.0),
    ]  # fmt: skip
    assert tried[S.EXTERNAL_AIDS].followed_mean == 2.5
    assert tried[S.ADAPT_MATERIAL].followed_mean == 4.0  # the session two days later
    assert tried[S.TALK_OPENLY].followed_mean is None  # nothing reviewed since
    t = data.totals
    assert (t.attended, t.no_shows, t.cancelled, t.cancelled_no_self_record, t.reviews) == (
        9, 1, 1, 1, 7,
    )  # fmt: skip
    assert t.first_session == date(2025, 1, 7)
    assert t.mean_completion == pytest.approx(15 / 7)


def test_header_suggestion_agenda_and_note(history: tuple[Session, dict[str, int]]) -> None:
    s, ids = history
    data = prep.build_prep(s, ids["client"], today=TODAY)
    h = data.header
    assert (h.display_name, h.name) == ("Ficticia, Nerea (Nere)", "Nere")
    assert h.stage is StageOfChange.ACTION and h.stance == StageOfChange.ACTION.stance
    assert h.next_appointment is not None and h.next_appointment.id == ids["upcoming"]
    assert h.conditional is not None and h.conditional.starts_on == date(2025, 3, 10)
    assert not h.cannot_postpone
    # The last review (1, "no time") after 4: not going well. No time answers with
    # "change the task" first; re-explain, aids, adapt and talk openly were tried.
    sug = data.suggestion
    assert sug.strategy is S.CHANGE_OR_DROP
    assert sug.headline == "Next step: Change the task or drop it"
    assert "doubts_age" in {g.key for g in sug.extra}  # resistance within 90 days
    assert "conditional_on" in {g.key for g in sug.extra}
    agenda = data.agenda
    assert [i.observation.kind for i in agenda.to_raise] == [ResistanceKind.DOUBTS_AGE]
    assert agenda.last_plan == "Try a shorter log."
    assert [(a.id, a.title, a.last_completion, a.last_reviewed_on)
            for a in agenda.open_assignments] == [
        (ids["b"], "Thought record", 1, date(2025, 3, 25)),
    ]  # fmt: skip
    assert agenda.open_assignments[0].code
    note = data.last_note
    assert note is not None and note.format is NoteFormat.SOAP
    assert note.sections["Subjective"] == "Busy week at work; two late shifts."
    assert note.signed and note.amended
    assert note.session_at == tue(11)


def test_resistance_window_and_cannot_postpone(history: tuple[Session, dict[str, int]]) -> None:
    s, ids = history
    later = prep.build_prep(s, ids["client"], today=date(2025, 7, 1))  # 18 Mar + 90 days < 1 Jul
    assert "doubts_age" not in {g.key for g in later.suggestion.extra}
    assert later.weeks[-1].kind is CellKind.NO_SESSION


def test_unknown_client_and_bad_weeks(db: Database) -> None:
    with db.session() as s:
        with pytest.raises(NotFoundError):
            prep.build_prep(s, 999, today=TODAY)
        c = new_client(s)
        with pytest.raises(ValidationError):
            prep.build_prep(s, c, today=TODAY, weeks=0)
        empty = prep.build_prep(s, c, today=TODAY, weeks=None)
    assert [w.kind for w in empty.weeks] == [CellKind.NO_SESSION]
    assert empty.suggestion.strategy is None
    assert empty.suggestion.headline == "Review the homework first"
    assert empty.last_note is None and empty.totals.mean_completion is None


@contextmanager
def count_selects(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_execute(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)


def test_query_count_does_not_grow_with_history(db: Database) -> None:
    with db.session() as s:
        short = build_history(s)["client"]
        long = new_client(s, "Largo")
        first = attended(s, long, tue(0))
        current = homework.assign(s, long, homework_input(), appointment_id=first).id
        for n in range(1, 30):
            appointment = attended(s, long, tue(n))
            review(s, current, appointment, n % 5, barriers={B.FORGOT}, strategies={S.RE_EXPLAIN})
            notes.save_note(s, appointment, NoteInput(NoteFormat.FREE, {"Note": f"week {n}"}))
    counts = []
    for client in (short, long):
        with db.session() as s, count_selects(db) as seen:
            prep.build_prep(s, client, today=date(2025, 8, 1), weeks=None)
        counts.append(len(seen))
    assert counts[0] == counts[1]
    assert counts[0] <= 20


# ---- the demo practice --------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    with demo_practice(tmp_path_factory.mktemp("prep_demo")) as seeded:
        yield seeded


def test_demo_improver_strip_rises(demo_db: tuple[Database, DemoSummary]) -> None:
    database, summary = demo_db
    with database.session() as s:
        data = prep.build_prep(s, summary.improver_id, today=DEMO_TODAY, weeks=None)
    completions = [w.completion for w in data.weeks if w.kind is CellKind.REVIEW]
    assert len(completions) >= 8
    first, last = completions[:4], completions[-4:]
    assert sum(last) / 4 - sum(first) / 4 >= 2, completions
    assert data.suggestion.headline == "Keep going"
    assert data.header.name == "Mari"
    # Re-explaining and adapting the material came before the rise.
    tried = {t.strategy: t for t in data.strategies}
    assert tried[S.ADAPT_MATERIAL].followed_mean is not None
    assert tried[S.ADAPT_MATERIAL].followed_mean >= 2


def test_demo_drifter_falls_and_conditional_client_is_flagged(
    demo_db: tuple[Database, DemoSummary],
) -> None:
    database, summary = demo_db
    with database.session() as s:
        drifter = prep.build_prep(s, summary.drifter_id, today=DEMO_TODAY, weeks=None)
        trent = prep.build_prep(s, summary.conditional_id, today=DEMO_TODAY, weeks=26)
        rocio = prep.build_prep(s, summary.cannot_postpone_id, today=DEMO_TODAY)
    completions = [w.completion for w in drifter.weeks if w.completion is not None]
    assert sum(completions[:4]) / 4 - sum(completions[-4:]) / 4 >= 2
    assert drifter.suggestion.strategy is not None
    assert trent.header.conditional_on
    assert CellKind.CANCELLED_NO_SELF_RECORD in {w.kind for w in trent.weeks}
    assert any(w.conditional for w in trent.weeks)
    assert rocio.header.cannot_postpone
