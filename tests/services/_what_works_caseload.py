"""A small caseload with known "what works" answers, built through the real services
(fictional people only). The expected numbers are worked out beside each client.

Reviews (completion, ladder steps) per client, one attended session a week (``week(n)``):

* Ana: w1 0, w2 1, w3 1 [re-explain], w4 2, w5 3 (then the mood log is replaced by an
  easy-level one, set in w5), w6 4 [re-explain], w7 3, w8 4.
  PHQ-9 on w0 18, w2 15, w4 12, w6 9, w8 6.
* Bea: two tasks reviewed in w1: 2 and 4, both [re-explain, external aids] (one occasion
  each step); w2 1; w3 0 [external aids] (nothing after it yet: left out).
  PHQ-9 on w0 12, w2 14.
* Cai: w1 1 [talk openly], w2 2 [emphasise value], w3 3 [talk openly], w4 4.
  PHQ-9 on w0 10, w4 6; GAD-7 on w0 7, w4 3.

Expected rows, most compared occasions first (ties in ladder order, changes last):

==================  =======  =========  ===========================  ==================
step                clients  occasions  completion before -> after   PHQ-9 (n)
==================  =======  =========  ===========================  ==================
re-explain          2        3          20/9 -> 7/3                  13.5 -> 29/3 (3)
talk openly         1        2          1.5 -> 3.5                   10 -> 6 (2)
emphasise value     1        1          1.5 -> 3.5                   10 -> 6 (1)
external aids       1        1 (+1)     3.0 -> 0.5                   12 -> 14 (1)
simpler level       1        1          2.0 -> 11/3                  15 -> 7.5 (1)
==================  =======  =========  ===========================  ==================
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from practice.domain.inputs import AssignmentInput, ReviewInput
from practice.domain.measures import MeasureKind, MeasureSource
from practice.domain.views import local_date
from practice.domain.vocabulary import (
    AppointmentStatus,
    Language,
    LiteracyLevel,
    Strategy,
    TemplateKey,
)
from practice.services import appointments, clients, homework, reviews
from practice.services.clients import ClientInput
from practice.services.measures import MeasureInput, record_measure

BASE = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)  # a past Monday
S = Strategy
PHQ9 = {  # total -> answers (item 9 always 0: no risk alert)
    18: [2, 2, 2, 2, 2, 2, 3, 3, 0],
    15: [2, 2, 2, 2, 2, 2, 2, 1, 0],
    14: [2, 2, 2, 2, 2, 2, 1, 1, 0],
    12: [2, 2, 2, 2, 1, 1, 1, 1, 0],
    10: [2, 2, 2, 1, 1, 1, 1, 0, 0],
    9: [2, 1, 1, 1, 1, 1, 1, 1, 0],
    6: [1, 1, 1, 1, 1, 1, 0, 0, 0],
}
GAD7 = {7: [1] * 7, 3: [1, 1, 1, 0, 0, 0, 0]}


def week(n: int) -> datetime:
    return BASE + timedelta(weeks=n)


def _task(level: LiteracyLevel = LiteracyLevel.PLAIN, title: str = "Mood log") -> AssignmentInput:
    return AssignmentInput(
        template_key=TemplateKey.MOOD_LOG.value,
        title=title,
        level=level,
        language=Language.EN,
        start_date=date(2025, 3, 3),
    )


class Builder:
    def __init__(self, s: Session, first: str) -> None:
        self.s = s
        self.client = clients.create(s, ClientInput(first_name=first, last_name="Ficticia")).id
        self.sessions: dict[int, int] = {}

    def session(self, n: int) -> int:
        if n not in self.sessions:
            appt = appointments.schedule(self.s, self.client, week(n), 50).appointment.id
            appointments.mark(self.s, appt, AppointmentStatus.ATTENDED)
            self.sessions[n] = appt
        return self.sessions[n]

    def assign(self, n: int, title: str = "Mood log") -> int:
        task = _task(title=title)
        return homework.assign(self.s, self.client, task, appointment_id=self.session(n)).id

    def review(self, task: int, n: int, completion: int, *steps: Strategy) -> None:
        data = ReviewInput(
            brought=completion >= 2, completion=completion, strategies=frozenset(steps)
        )
        reviews.review(self.s, task, self.session(n), data)

    def measure(self, kind: MeasureKind, n: int, answers: Sequence[int]) -> None:
        record_measure(
            self.s,
            MeasureInput(
                client_id=self.client,
                kind=kind,
                taken_on=local_date(week(n)),
                source=MeasureSource.PAPER,
                answers=list(answers),
            ),
        )


def build_caseload(s: Session) -> dict[str, int]:
    ana = Builder(s, "Ana")
    a = ana.assign(0)
    for n, completion, steps in [(1, 0, ()), (2, 1, ()), (3, 1, (S.RE_EXPLAIN,)), (4, 2, ()),
                                 (5, 3, ())]:  # fmt: skip
        ana.review(a, n, completion, *steps)
    easier = homework.replace(
        s, a, _task(LiteracyLevel.EASY), "Too much to read", appointment_id=ana.session(5)
    ).id
    ana.review(easier, 6, 4, S.RE_EXPLAIN)
    ana.review(easier, 7, 3)
    ana.review(easier, 8, 4)
    for n, total in [(0, 18), (2, 15), (4, 12), (6, 9), (8, 6)]:
        ana.measure(MeasureKind.PHQ9, n, PHQ9[total])

    bea = Builder(s, "Bea")
    first, second = bea.assign(0), bea.assign(0, "Activity plan")
    bea.review(first, 1, 2, S.RE_EXPLAIN, S.EXTERNAL_AIDS)
    bea.review(second, 1, 4, S.RE_EXPLAIN, S.EXTERNAL_AIDS)
    bea.review(first, 2, 1)
    bea.review(first, 3, 0, S.EXTERNAL_AIDS)
    bea.measure(MeasureKind.PHQ9, 0, PHQ9[12])
    bea.measure(MeasureKind.PHQ9, 2, PHQ9[14])

    cai = Builder(s, "Cai")
    c = cai.assign(0)
    cai.review(c, 1, 1, S.TALK_OPENLY)
    cai.review(c, 2, 2, S.EMPHASISE_VALUE)
    cai.review(c, 3, 3, S.TALK_OPENLY)
    cai.review(c, 4, 4)
    cai.measure(MeasureKind.PHQ9, 0, PHQ9[10])
    cai.measure(MeasureKind.PHQ9, 4, PHQ9[6])
    cai.measure(MeasureKind.GAD7, 0, GAD7[7])
    cai.measure(MeasureKind.GAD7, 4, GAD7[3])
    return {"ana": ana.client, "bea": bea.client, "cai": cai.client}
