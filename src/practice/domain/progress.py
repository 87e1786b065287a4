"""What was tried and what followed: the trend, barrier counts and strategies of a client.

Plain functions over the review facts of ``practice.domain.adherence``; used by
``practice.services.prep``. The values they make live in ``practice.domain.prep_model``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from practice.domain.adherence import SessionReview
from practice.domain.prep_model import BarrierCount, StrategyTried, StrategyUse, TrendPoint
from practice.domain.vocabulary import Barrier, Strategy


def trend(reviews: Sequence[SessionReview]) -> tuple[TrendPoint, ...]:
    """Every review, oldest first."""
    ordered = sorted(reviews, key=lambda r: (r.starts_at, r.id))
    return tuple(TrendPoint(r.on, r.completion, r.client_rating, r.title) for r in ordered)


def barrier_counts(
    reviews: Sequence[SessionReview], since: date | None
) -> tuple[BarrierCount, ...]:
    """Each barrier ever recorded: most recently seen first, then the most frequent."""
    count: dict[Barrier, int] = defaultdict(int)
    recent: dict[Barrier, int] = defaultdict(int)
    last: dict[Barrier, date] = {}
    for r in reviews:
        for b in r.barriers:
            count[b] += 1
            if since is None or r.on >= since:
                recent[b] += 1
            if b not in last or r.on > last[b]:
                last[b] = r.on
    order = list(Barrier)
    ranked = sorted(count, key=lambda b: (-last[b].toordinal(), -count[b], order.index(b)))
    return tuple(BarrierCount(b, count[b], recent[b], last[b]) for b in ranked)


def strategies_tried(reviews: Sequence[SessionReview]) -> tuple[StrategyTried, ...]:
    """Each strategy applied, in ladder order, with the completion that followed.

    A use is a session where the strategy was recorded in any review; what followed is
    the mean completion of the reviews in the next session that reviewed homework.
    """
    sessions: dict[int, list[SessionReview]] = defaultdict(list)
    for r in sorted(reviews, key=lambda r: (r.starts_at, r.id)):
        sessions[r.appointment_id].append(r)
    order = list(sessions)  # in time order (dicts keep insertion order)
    means = {a: sum(r.completion for r in rs) / len(rs) for a, rs in sessions.items()}
    uses: dict[Strategy, list[StrategyUse]] = defaultdict(list)
    for i, appointment_id in enumerate(order):
        applied = {s for r in sessions[appointment_id] for s in r.strategies}
        followed = means[order[i + 1]] if i + 1 < len(order) else None
        on = sessions[appointment_id][0].on
        for strategy in applied:
            uses[strategy].append(StrategyUse(on, means[appointment_id], followed))
    result = []
    for strategy in Strategy:
        if strategy not in uses:
            continue
        after = [u.followed for u in uses[strategy] if u.followed is not None]
        mean = sum(after) / len(after) if after else None
        result.append(StrategyTried(strategy, tuple(uses[strategy]), mean))
    return tuple(result)
