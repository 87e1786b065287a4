"""What a client's homework history says, as plain frozen facts for the suggestion rules.

Two windows shape the rules (see ``practice.domain.suggestions``):

* ``RECENT_REVIEWS``: the barrier pattern is read from the last three reviews only,
  weighted to the most recent (3, 2, 1).
* ``TRIED_WINDOW_DAYS``: a strategy counts as *tried* when it was applied in a review
  dated within 180 days before the latest review. A strategy applied only longer ago
  than that may be suggested again. The window is measured from the latest review,
  not from today, so the rules stay pure and repeatable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    Barrier,
    ResistanceKind,
    StageOfChange,
    Strategy,
)

RECENT_REVIEWS = 3
TRIED_WINDOW_DAYS = 180
GOOD_COMPLETION = 3  # "most" or better


@dataclass(frozen=True)
class ReviewFact:
    """One homework review: when, how much was done (0-4), what got in the way, what was applied."""

    on: date
    completion: int
    barriers: frozenset[Barrier] = frozenset()
    strategies: frozenset[Strategy] = frozenset()
    brought: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.completion, bool) or self.completion not in COMPLETION_ANCHORS:
            raise ValueError(f"completion must be 0-4, got {self.completion!r}")
        object.__setattr__(self, "barriers", frozenset(self.barriers))
        object.__setattr__(self, "strategies", frozenset(self.strategies))

    @property
    def is_good(self) -> bool:
        return self.completion >= GOOD_COMPLETION


@dataclass(frozen=True)
class RankedBarrier:
    barrier: Barrier
    count: int  # reviews in the recent window that recorded it
    score: int  # recency-weighted: latest review 3, the one before 2, then 1


@dataclass(frozen=True)
class ClientHistory:
    """Everything the suggestion rules look at. Reviews may come in any order."""

    reviews: Sequence[ReviewFact] = ()
    stage: StageOfChange | None = None
    resistance: frozenset[ResistanceKind] = frozenset()
    cannot_postpone: bool = False
    conditional_sessions_on: bool = False

    def __post_init__(self) -> None:
        # Stable sort: reviews on the same day keep the caller's order.
        object.__setattr__(self, "reviews", tuple(sorted(self.reviews, key=lambda r: r.on)))
        object.__setattr__(self, "resistance", frozenset(self.resistance))

    @property
    def latest(self) -> ReviewFact | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def recent(self) -> tuple[ReviewFact, ...]:
        """The last ``RECENT_REVIEWS`` reviews, most recent first."""
        return tuple(reversed(self.reviews[-RECENT_REVIEWS:]))

    def ranked_barriers(self) -> tuple[RankedBarrier, ...]:
        """Barriers of the recent reviews, strongest first.

        Order: recency-weighted score, then the most recently seen, then vocabulary order.
        """
        score: dict[Barrier, int] = {}
        count: dict[Barrier, int] = {}
        first_seen: dict[Barrier, int] = {}
        for age, review in enumerate(self.recent):
            for barrier in review.barriers:
                score[barrier] = score.get(barrier, 0) + RECENT_REVIEWS - age
                count[barrier] = count.get(barrier, 0) + 1
                first_seen.setdefault(barrier, age)
        order = list(Barrier)
        ranked = sorted(score, key=lambda b: (-score[b], first_seen[b], order.index(b)))
        return tuple(RankedBarrier(b, count[b], score[b]) for b in ranked)

    def last_applied(self) -> dict[Strategy, date]:
        """The date each strategy was last applied, over the whole history."""
        last: dict[Strategy, date] = {}
        for review in self.reviews:
            for strategy in review.strategies:
                last[strategy] = review.on
        return last

    def tried(self) -> frozenset[Strategy]:
        """Strategies applied within ``TRIED_WINDOW_DAYS`` before the latest review."""
        latest = self.latest
        if latest is None:
            return frozenset()
        since = latest.on - timedelta(days=TRIED_WINDOW_DAYS)
        return frozenset(s for s, on in self.last_applied().items() if on >= since)
