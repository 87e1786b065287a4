"""Table-driven tests of the "suggested next step" rules
(docs/clinical.md, The suggested next step)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from practice.domain.history import ClientHistory, ReviewFact
from practice.domain.suggestions import (
    BARRIER_STEPS,
    LADDER,
    STEP_GUIDANCE,
    Suggestion,
    suggest_next_step,
)
from practice.domain.vocabulary import Barrier, ResistanceKind, StageOfChange, Strategy

B = Barrier
S = Strategy
TODAY = date(2024, 6, 3)


def review(
    weeks_ago: int = 0,
    completion: int = 1,
    barriers: tuple[Barrier, ...] = (),
    strategies: tuple[Strategy, ...] = (),
    brought: bool = False,
) -> ReviewFact:
    return ReviewFact(
        on=TODAY - timedelta(weeks=weeks_ago),
        completion=completion,
        barriers=frozenset(barriers),
        strategies=frozenset(strategies),
        brought=brought,
    )


def suggest(*reviews: ReviewFact, **kwargs: object) -> Suggestion:
    return suggest_next_step(ClientHistory(reviews=reviews, **kwargs))  # type: ignore[arg-type]


def keys(s: Suggestion) -> list[str]:
    return [g.key for g in s.extra]


ALL_BUT_CONDITIONAL = tuple(LADDER)


# --- the barrier table -------------------------------------------------------------------

EXPECTED_TABLE = {
    B.DIDNT_UNDERSTAND: (S.RE_EXPLAIN, S.ADAPT_MATERIAL),
    B.DIDNT_SEE_POINT: (S.EMPHASISE_VALUE, S.MOTIVATING_ASK, S.TALK_OPENLY),
    B.FORGOT: (S.EXTERNAL_AIDS,),
    B.WRITING_HARD: (S.ADAPT_MATERIAL, S.OTHER_MODALITY),
    B.MATERIAL_UNSUITABLE: (S.ADAPT_MATERIAL, S.OTHER_MODALITY),
    B.NO_TIME: (S.CHANGE_OR_DROP, S.OTHER_MODALITY),
    B.CHAOTIC_WEEK: (S.CHANGE_OR_DROP, S.OTHER_MODALITY),
    B.AVOIDANCE_SYMPTOMS: (S.TALK_OPENLY, S.CHANGE_OR_DROP),
    B.LOST_SHEET: (S.EXTERNAL_AIDS, S.OTHER_MODALITY),
    B.PRIVACY_WORRY: (S.OTHER_MODALITY, S.TALK_OPENLY),
    B.OTHER: (),
}


def test_barrier_table_matches_design_and_covers_every_barrier() -> None:
    assert BARRIER_STEPS == EXPECTED_TABLE
    assert set(BARRIER_STEPS) == set(Barrier)
    assert all(S.CONDITIONAL_SESSIONS not in steps for steps in BARRIER_STEPS.values())


# (barrier, already tried, expected)
BARRIER_ROWS = [
    (B.DIDNT_UNDERSTAND, (), S.RE_EXPLAIN),
    (B.DIDNT_UNDERSTAND, (S.RE_EXPLAIN,), S.ADAPT_MATERIAL),
    (B.DIDNT_UNDERSTAND, (S.RE_EXPLAIN, S.ADAPT_MATERIAL), S.EMPHASISE_VALUE),
    (B.DIDNT_SEE_POINT, (), S.EMPHASISE_VALUE),
    (B.DIDNT_SEE_POINT, (S.EMPHASISE_VALUE,), S.MOTIVATING_ASK),
    (B.DIDNT_SEE_POINT, (S.EMPHASISE_VALUE, S.MOTIVATING_ASK), S.TALK_OPENLY),
    (B.FORGOT, (), S.EXTERNAL_AIDS),
    (B.FORGOT, (S.EXTERNAL_AIDS,), S.RE_EXPLAIN),
    (B.WRITING_HARD, (), S.ADAPT_MATERIAL),
    (B.WRITING_HARD, (S.ADAPT_MATERIAL,), S.OTHER_MODALITY),
    (B.MATERIAL_UNSUITABLE, (), S.ADAPT_MATERIAL),
    (B.MATERIAL_UNSUITABLE, (S.ADAPT_MATERIAL,), S.OTHER_MODALITY),
    (B.NO_TIME, (), S.CHANGE_OR_DROP),
    (B.NO_TIME, (S.CHANGE_OR_DROP,), S.OTHER_MODALITY),
    (B.CHAOTIC_WEEK, (), S.CHANGE_OR_DROP),
    (B.CHAOTIC_WEEK, (S.CHANGE_OR_DROP,), S.OTHER_MODALITY),
    (B.AVOIDANCE_SYMPTOMS, (), S.TALK_OPENLY),
    (B.AVOIDANCE_SYMPTOMS, (S.TALK_OPENLY,), S.CHANGE_OR_DROP),
    (B.LOST_SHEET, (), S.EXTERNAL_AIDS),
    (B.LOST_SHEET, (S.EXTERNAL_AIDS,), S.OTHER_MODALITY),
    (B.PRIVACY_WORRY, (), S.OTHER_MODALITY),
    (B.PRIVACY_WORRY, (S.OTHER_MODALITY,), S.TALK_OPENLY),
    (B.OTHER, (), S.RE_EXPLAIN),
    (B.OTHER, (S.RE_EXPLAIN,), S.EMPHASISE_VALUE),
]


def _row_id(barrier: Barrier, tried: tuple[Strategy, ...], expected: Strategy) -> str:
    return f"{barrier.value}-tried[{','.join(t.value for t in tried) or 'none'}]->{expected.value}"


@pytest.mark.parametrize(
    ("barrier", "tried", "expected"),
    [pytest.param(*row, id=_row_id(*row)) for row in BARRIER_ROWS],
)
def test_barrier_row(barrier: Barrier, tried: tuple[Strategy, ...], expected: Strategy) -> None:
    # Strategies applied last week; this week's review shows the barrier again.
    s = suggest(
        review(1, 1, (barrier,), tried),
        review(0, 1, (barrier,)),
    )
    assert s.strategy is expected
    assert s.guidance == STEP_GUIDANCE[expected]
    assert expected.label in s.headline


# --- barrier pattern: window, weighting, order of input -----------------------------------

PATTERN_CASES = [
    pytest.param(
        [review(2, 1, (B.DIDNT_UNDERSTAND,)), review(1, 1, (B.DIDNT_UNDERSTAND,))]
        + [review(0, 1, (B.FORGOT,))],
        S.EXTERNAL_AIDS,
        id="tie-in-score-most-recent-barrier-wins",
    ),
    pytest.param(
        [review(2, 0, (B.FORGOT,)), review(1, 1, (B.DIDNT_UNDERSTAND,))]
        + [review(0, 1, (B.DIDNT_UNDERSTAND, B.FORGOT))],
        S.RE_EXPLAIN,
        id="weighted-count-beats-single-recent",
    ),
    pytest.param(
        [review(3, 1, (B.PRIVACY_WORRY,))]
        + [review(w, 1, (B.FORGOT,), (S.EXTERNAL_AIDS,) if w == 1 else ()) for w in (2, 1, 0)],
        S.RE_EXPLAIN,
        id="barrier-older-than-three-reviews-is-ignored",
    ),
    pytest.param(
        [review(0, 1, (B.FORGOT,)), review(1, 1), review(2, 1, (B.PRIVACY_WORRY,))],
        S.EXTERNAL_AIDS,
        id="input-order-does-not-matter",
    ),
    pytest.param(
        [review(1, 0, (), (S.RE_EXPLAIN,)), review(0, 1)],
        S.EMPHASISE_VALUE,
        id="no-barriers-plain-ladder",
    ),
    pytest.param(
        [review(1, 1, (B.FORGOT,), (S.EXTERNAL_AIDS, S.RE_EXPLAIN)), review(0, 1, (B.FORGOT,))],
        S.EMPHASISE_VALUE,
        id="already-tried-skips-to-next-on-ladder",
    ),
    pytest.param(
        [review(0, 2, (B.WRITING_HARD, B.PRIVACY_WORRY), (S.ADAPT_MATERIAL,))],
        S.OTHER_MODALITY,
        id="applied-at-latest-review-counts-as-tried",
    ),
]


@pytest.mark.parametrize(("reviews", "expected"), PATTERN_CASES)
def test_barrier_pattern(reviews: list[ReviewFact], expected: Strategy) -> None:
    assert suggest(*reviews).strategy is expected


@pytest.mark.parametrize(
    ("weeks_before", "expected"),
    [
        pytest.param(20, S.ADAPT_MATERIAL, id="tried-140-days-ago-still-counts"),
        pytest.param(26, S.RE_EXPLAIN, id="tried-182-days-ago-may-be-retried"),
    ],
)
def test_tried_window(weeks_before: int, expected: Strategy) -> None:
    s = suggest(
        review(weeks_before, 1, (B.DIDNT_UNDERSTAND,), (S.RE_EXPLAIN,)),
        review(0, 1, (B.DIDNT_UNDERSTAND,)),
    )
    assert s.strategy is expected
    if expected is S.RE_EXPLAIN:
        assert any("worth trying again" in r for r in s.reasons)


def test_reasons_name_barriers_and_what_was_tried() -> None:
    s = suggest(review(1, 1, (B.FORGOT,), (S.EXTERNAL_AIDS,)), review(0, 1, (B.FORGOT,)))
    text = " ".join(s.reasons)
    assert "Forgot (2)" in text
    assert f"External aids ({(TODAY - timedelta(weeks=1)).isoformat()})" in text
    assert "Record not brought in 2 of the last 2 reviews" in text


# --- no reviews and good completion --------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "expected_keys"),
    [
        pytest.param(None, [], id="stage-unknown"),
        pytest.param(StageOfChange.ACTION, ["stage"], id="stage-action"),
    ],
)
def test_no_reviews(stage: StageOfChange | None, expected_keys: list[str]) -> None:
    s = suggest(stage=stage)
    assert s.strategy is None
    assert s.headline == "Review the homework first"
    assert keys(s) == expected_keys
    if stage is not None:
        assert stage.stance in s.extra[0].text


GOOD_CASES = [
    pytest.param([review(1, 3), review(0, 4)], True, id="last-two-at-3-plus"),
    pytest.param(
        [review(1, 3, (B.FORGOT,)), review(0, 3, (B.NO_TIME,))],
        True,
        id="last-two-good-despite-barriers",
    ),
    pytest.param([review(1, 0, (B.FORGOT,)), review(0, 4)], True, id="last-good-no-barriers"),
    pytest.param([review(0, 3)], True, id="single-good-review"),
    pytest.param([review(1, 1), review(0, 3, (B.FORGOT,))], False, id="last-good-with-barrier"),
    pytest.param([review(1, 4), review(0, 2)], False, id="last-review-below-3"),
]


@pytest.mark.parametrize(("reviews", "keep_going"), GOOD_CASES)
def test_good_completion(reviews: list[ReviewFact], keep_going: bool) -> None:
    s = suggest(*reviews)
    if keep_going:
        assert s.strategy is None
        assert s.headline == "Keep going"
    else:
        assert s.strategy is not None


def test_keep_going_names_supports_that_worked() -> None:
    s = suggest(review(1, 3, (), (S.EXTERNAL_AIDS,)), review(0, 4))
    assert s.strategy is None
    assert "supports" in s.guidance
    assert any("external aids" in r for r in s.reasons)


# --- the conditional-sessions guard --------------------------------------------------------


FALLBACK_PAIR = (S.TALK_OPENLY, S.CHANGE_OR_DROP)


def _all_tried(*extra: Strategy) -> list[ReviewFact]:
    # Everything applied over the last weeks; talk openly longest ago, change/drop last week.
    return [
        review(3, 0, (B.OTHER,), (S.TALK_OPENLY,)),
        review(2, 1, (B.OTHER,), tuple(s for s in LADDER if s not in FALLBACK_PAIR)),
        review(1, 0, (B.OTHER,), (S.CHANGE_OR_DROP, *extra)),
        review(0, 1, (B.AVOIDANCE_SYMPTOMS,)),
    ]


CONDITIONAL_CASES = [
    pytest.param({}, S.CONDITIONAL_SESSIONS, [], id="all-tried-can-postpone->conditional"),
    pytest.param(
        {"cannot_postpone": True},
        S.TALK_OPENLY,
        ["cannot_postpone"],
        id="all-tried-cannot-postpone->talk-openly",
    ),
    pytest.param(
        {"stage": StageOfChange.PRECONTEMPLATION},
        S.TALK_OPENLY,
        ["stage", "observation_only", "conditional_not_at_this_stage"],
        id="all-tried-precontemplation->no-conditional",
    ),
    pytest.param(
        {"conditional_sessions_on": True},
        None,
        ["conditional_on"],
        id="all-tried-already-on->review-not-again",
    ),
    pytest.param(
        {"conditional_sessions_on": True, "cannot_postpone": True},
        None,
        ["conditional_on"],
        id="already-on-with-override->review",
    ),
]


@pytest.mark.parametrize(("flags", "expected", "extra_keys"), CONDITIONAL_CASES)
def test_conditional_guard(
    flags: dict[str, object], expected: Strategy | None, extra_keys: list[str]
) -> None:
    s = suggest(*_all_tried(), **flags)
    assert s.strategy is expected
    assert keys(s) == extra_keys
    if flags.get("conditional_sessions_on"):
        assert s.headline == "Review the conditional sessions"
    if flags.get("cannot_postpone") and expected is not None:
        assert "cannot be postponed" in s.extra[-1].text


def test_cannot_postpone_falls_back_to_the_step_applied_longer_ago() -> None:
    reviews = _all_tried()  # swap the pair: change/drop longest ago, talk openly last week
    reviews[0] = review(3, 0, (B.OTHER,), (S.CHANGE_OR_DROP,))
    reviews[2] = review(1, 0, (B.OTHER,), (S.TALK_OPENLY,))
    assert suggest(*reviews, cannot_postpone=True).strategy is S.CHANGE_OR_DROP


def test_conditional_used_recently_is_not_suggested_again() -> None:
    s = suggest(*_all_tried(S.CONDITIONAL_SESSIONS))
    assert s.strategy is S.TALK_OPENLY
    assert keys(s) == ["conditional_tried"]


@pytest.mark.parametrize("cannot_postpone", [False, True], ids=["can-postpone", "cannot-postpone"])
@pytest.mark.parametrize("missing", LADDER, ids=[s.value for s in LADDER])
def test_not_all_tried_never_conditional(missing: Strategy, cannot_postpone: bool) -> None:
    tried = tuple(s for s in LADDER if s is not missing)
    s = suggest(
        review(1, 0, (B.OTHER,), tried),
        review(0, 1, (B.OTHER,)),
        cannot_postpone=cannot_postpone,
    )
    assert s.strategy is missing


def test_conditional_on_is_not_suggested_again_but_flagged() -> None:
    s = suggest(review(0, 1, (B.FORGOT,)), conditional_sessions_on=True)
    assert s.strategy is S.EXTERNAL_AIDS
    assert keys(s) == ["conditional_on"]
    good = suggest(review(1, 3), review(0, 4), conditional_sessions_on=True)
    assert good.strategy is None
    assert "end them" in good.extra[0].text


# --- resistance and stage notes ------------------------------------------------------------

RESISTANCE_CASES = [
    pytest.param({ResistanceKind.DOUBTS_AGE}, ["doubts_age"], id="doubts-age"),
    pytest.param({ResistanceKind.DOUBTS_COMPETENCE}, ["doubts_competence"], id="doubts-competence"),
    pytest.param(
        {ResistanceKind.DOUBTS_AGE, ResistanceKind.DOUBTS_COMPETENCE},
        ["doubts_age", "doubts_competence"],
        id="both-doubts",
    ),
    pytest.param({ResistanceKind.MINIMAL_DISCLOSURE}, [], id="other-resistance-no-note"),
]


@pytest.mark.parametrize(("resistance", "expected_keys"), RESISTANCE_CASES)
def test_resistance_notes(resistance: set[ResistanceKind], expected_keys: list[str]) -> None:
    s = suggest(review(0, 1, (B.FORGOT,)), resistance=frozenset(resistance))
    assert s.strategy is S.EXTERNAL_AIDS  # notes never change the step
    assert keys(s) == expected_keys
    assert keys(suggest(resistance=frozenset(resistance))) == expected_keys  # also with no reviews


def test_age_guidance_wording() -> None:
    s = suggest(review(0, 1), resistance=frozenset({ResistanceKind.DOUBTS_AGE}))
    text = s.extra[0].text
    assert "Clarify the client's problems" in text
    assert "which skills they think you lack" in text
    assert "advantages of a younger therapist" in text


@pytest.mark.parametrize(
    ("stage", "expected_keys"),
    [
        pytest.param(StageOfChange.PRECONTEMPLATION, ["stage", "observation_only"], id="precont"),
        pytest.param(StageOfChange.CONTEMPLATION, ["stage"], id="contemplation"),
        pytest.param(StageOfChange.RELAPSE, ["stage"], id="relapse"),
    ],
)
def test_stage_notes(stage: StageOfChange, expected_keys: list[str]) -> None:
    s = suggest(review(0, 1, (B.DIDNT_UNDERSTAND,)), stage=stage)
    assert s.strategy is S.RE_EXPLAIN
    assert keys(s) == expected_keys
    assert stage.stance in s.extra[0].text


# --- guidance text and input validation ----------------------------------------------------


@pytest.mark.parametrize("strategy", list(Strategy), ids=[s.value for s in Strategy])
def test_every_step_has_one_or_two_sentences(strategy: Strategy) -> None:
    text = STEP_GUIDANCE[strategy]
    sentences = re.findall(r"[.!?](?:\s|$)", text)
    assert 1 <= len(sentences) <= 2, text


@pytest.mark.parametrize("completion", [-1, 5, True], ids=["negative", "five", "bool"])
def test_completion_out_of_range(completion: int) -> None:
    with pytest.raises(ValueError, match="completion"):
        ReviewFact(on=TODAY, completion=completion)


def test_history_is_sorted_and_frozen() -> None:
    h = ClientHistory(reviews=[review(0), review(2), review(1)])
    assert [r.on for r in h.reviews] == sorted(r.on for r in h.reviews)
    with pytest.raises(AttributeError):
        h.stage = StageOfChange.ACTION  # type: ignore[misc]
    assert tuple(s for s in Strategy if s is not S.CONDITIONAL_SESSIONS) == ALL_BUT_CONDITIONAL
