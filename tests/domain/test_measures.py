"""PHQ-9 and GAD-7 scoring: every band edge, unanswered items, reliable change,
recovery and the item-9 alert, table-driven (docs/clinical.md, Outcome measures)."""

from __future__ import annotations

import pytest

from practice.domain.measures import (
    GAD7,
    PHQ9,
    AnswersError,
    Change,
    Instrument,
    change,
    recovered,
    score,
    summary,
)
from practice.domain.vocabulary import Language


def _answers(total: int, items: int) -> list[int]:
    """Answers that add up to ``total``: 3s first, then the rest."""
    answers = []
    for _ in range(items):
        answers.append(min(3, total))
        total -= answers[-1]
    assert total == 0
    return answers


BANDS = [
    (Instrument.PHQ9, 0, "minimal"), (Instrument.PHQ9, 4, "minimal"),
    (Instrument.PHQ9, 5, "mild"), (Instrument.PHQ9, 9, "mild"),
    (Instrument.PHQ9, 10, "moderate"), (Instrument.PHQ9, 14, "moderate"),
    (Instrument.PHQ9, 15, "moderately severe"), (Instrument.PHQ9, 19, "moderately severe"),
    (Instrument.PHQ9, 20, "severe"), (Instrument.PHQ9, 27, "severe"),
    (Instrument.GAD7, 0, "minimal"), (Instrument.GAD7, 4, "minimal"),
    (Instrument.GAD7, 5, "mild"), (Instrument.GAD7, 9, "mild"),
    (Instrument.GAD7, 10, "moderate"), (Instrument.GAD7, 14, "moderate"),
    (Instrument.GAD7, 15, "severe"), (Instrument.GAD7, 21, "severe"),
]  # fmt: skip


@pytest.mark.parametrize(("instrument", "total", "band"), BANDS)
def test_every_band_edge(instrument: Instrument, total: int, band: str) -> None:
    items = 9 if instrument is Instrument.PHQ9 else 7
    scored = score(instrument, _answers(total, items))
    assert scored.total == total and not scored.prorated
    assert scored.band is not None and str(scored.band.name) == band


CASENESS = [
    (Instrument.PHQ9, 9, False), (Instrument.PHQ9, 10, True),
    (Instrument.GAD7, 7, False), (Instrument.GAD7, 8, True),
]  # fmt: skip


@pytest.mark.parametrize(("instrument", "total", "case"), CASENESS)
def test_caseness_edges(instrument: Instrument, total: int, case: bool) -> None:
    items = 9 if instrument is Instrument.PHQ9 else 7
    assert score(instrument, _answers(total, items)).is_case is case


UNANSWERED = [
    # PHQ-9: up to two unanswered items are prorated (mean of the rest x 9, halves up)
    (Instrument.PHQ9, [1, 1, 1, 1, 1, 1, 1, 1, None], 9, True),
    (Instrument.PHQ9, [3, 2, 2, 2, 2, 2, 2, None, None], 19, True),  # 15 x 9 / 7 = 19.29
    (Instrument.PHQ9, [3, 3, 2, 2, 2, 2, 2, None, None], 21, True),  # 16 x 9 / 7 = 20.57
    (Instrument.PHQ9, [1, 0, 0, 0, 0, 0, None, None, None], None, False),
    # GAD-7: one unanswered item is prorated, two are too many
    (Instrument.GAD7, [2, 2, 2, 1, 1, 1, None], 11, True),  # 9 x 7 / 6 = 10.5: halves up
    (Instrument.GAD7, [2, 2, 2, 1, 1, None, None], None, False),
    (Instrument.GAD7, [0, 0, 0, 0, 0, 0, None], 0, True),  # never silently a full 0
]


@pytest.mark.parametrize(("instrument", "answers", "total", "prorated"), UNANSWERED)
def test_unanswered_items_are_prorated_or_leave_no_total(
    instrument: Instrument, answers: list[int | None], total: int | None, prorated: bool
) -> None:
    scored = score(instrument, answers)
    assert scored.total == total and scored.prorated is prorated
    assert scored.unanswered == tuple(n for n, a in enumerate(answers, 1) if a is None)


RELIABLE = [
    (Instrument.PHQ9, 17, 12, Change.NO_RELIABLE_CHANGE),
    (Instrument.PHQ9, 17, 11, Change.RELIABLE_IMPROVEMENT),
    (Instrument.PHQ9, 9, 14, Change.NO_RELIABLE_CHANGE),
    (Instrument.PHQ9, 9, 15, Change.RELIABLE_DETERIORATION),
    (Instrument.GAD7, 12, 9, Change.NO_RELIABLE_CHANGE),
    (Instrument.GAD7, 12, 8, Change.RELIABLE_IMPROVEMENT),
    (Instrument.GAD7, 6, 9, Change.NO_RELIABLE_CHANGE),
    (Instrument.GAD7, 6, 10, Change.RELIABLE_DETERIORATION),
]


@pytest.mark.parametrize(("instrument", "first", "last", "expected"), RELIABLE)
def test_reliable_change_edges(
    instrument: Instrument, first: int, last: int, expected: Change
) -> None:
    assert change(instrument, first, last) is expected


RECOVERY = [
    (Instrument.PHQ9, 10, 9, True), (Instrument.PHQ9, 10, 10, False),
    (Instrument.PHQ9, 9, 3, None),  # not a case at the start: nothing to recover from
    (Instrument.GAD7, 8, 7, True), (Instrument.GAD7, 8, 8, False),
    (Instrument.GAD7, 7, 0, None),
]  # fmt: skip


@pytest.mark.parametrize(("instrument", "first", "last", "expected"), RECOVERY)
def test_recovery_edges(
    instrument: Instrument, first: int, last: int, expected: bool | None
) -> None:
    assert recovered(instrument, first, last) is expected


@pytest.mark.parametrize(("item9", "alert"), [(0, False), (1, True), (2, True), (3, True)])
def test_any_answer_above_zero_on_item_9_raises_the_alert(item9: int, alert: bool) -> None:
    scored = score(Instrument.PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, item9])
    assert scored.raises_risk_alert is alert and scored.risk_answer == item9


def test_an_unanswered_item_9_is_flagged_not_read_as_no_risk() -> None:
    scored = score(Instrument.PHQ9, [2, 2, 2, 2, 2, 2, 2, 2, None])
    assert scored.risk_item_unanswered and scored.risk_answer is None
    assert not scored.raises_risk_alert
    assert not score(Instrument.GAD7, [0, 0, 0, 0, 0, 0, None]).risk_item_unanswered


@pytest.mark.parametrize(
    ("instrument", "answers"),
    [
        (Instrument.PHQ9, [0] * 8),  # one short
        (Instrument.GAD7, [0] * 9),  # the PHQ-9's count
        (Instrument.PHQ9, [0, 0, 0, 0, 4, 0, 0, 0, 0]),  # above 3
        (Instrument.GAD7, [0, 0, -1, 0, 0, 0, 0]),
    ],
)
def test_answers_that_cannot_belong_to_the_form_are_refused(
    instrument: Instrument, answers: list[int | None]
) -> None:
    with pytest.raises(AnswersError):
        score(instrument, answers)


def test_the_wording_is_complete_in_both_languages() -> None:
    for form, items in ((PHQ9, 9), (GAD7, 7)):
        for language in (Language.EN, Language.ES):
            wording = form.wording[language]
            assert len(wording.items) == items and len(set(wording.items)) == items
            assert len(wording.options) == 4 and len(wording.difficulty_options) == 4
    spanish = PHQ9.wording[Language.ES]
    assert spanish.stem.startswith("Durante las últimas 2 semanas, ¿qué tan seguido")
    assert spanish.items[8] == (
        "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera"
    )
    assert spanish.options[0] == "Ningún día"
    assert GAD7.wording[Language.EN].items[0] == "Feeling nervous, anxious or on edge"


def test_the_summary_states_the_change_and_never_a_cause() -> None:
    said = str(summary(Instrument.PHQ9, 17, 9, 10))
    assert said == "PHQ-9 from 17 to 9 over 10 weeks: reliable improvement"
