""" "What works in my practice": homework completion before and after each step of the
strategy ladder and each change of material, over the whole caseload
(docs/clinical.md, Outcome measures; issue 16 point 6).

Pure computing over plain facts (the service ``practice.services.what_works`` reads them).

* An **occasion** is one client at one point in time: a ladder step recorded in a
  homework review (one occasion per client, session and step, however many reviews of
  that session carry it), or a replaced assignment whose new task changed the reading
  level, the way of recording or the kind of sheet (one occasion per change it made).
* **Before** is the completion (0–4) of that client's last ``WINDOW`` reviews at or
  before the occasion (a step's own review counts before: it reviewed the week that led
  to the step); **after** is the first ``WINDOW`` reviews after it (as many as exist).
  Only occasions with a review on both sides are compared; the others are counted as
  ``left_out`` (mostly steps too recent to have been followed by a review yet).
* Each compared occasion weighs the same: the row's means are the means of the
  occasions' own means, and the change is after minus before.
* Measures (PHQ-9, GAD-7 totals) the same way, by the day taken: the last ``WINDOW``
  on or before the occasion's day against the first ``WINDOW`` after it; ``n`` counts
  the occasions with a measure on both sides.
* Rows are sorted by how often the step was tried (compared occasions, most first),
  then in ladder order. Counts and means only, always with their n; never a cause.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from practice.domain.measures import Instrument
from practice.domain.vocabulary import LiteracyLevel, Strategy
from practice.text import QT_TRANSLATE_NOOP, Numeric, numeric

WINDOW = 3  # reviews (and measures) before and after an occasion
MIN_OCCASIONS = 3  # fewer compared occasions: too few to read anything into
INSTRUMENTS = (Instrument.PHQ9, Instrument.GAD7)
INSTRUMENT_NAMES = {Instrument.PHQ9: "PHQ-9", Instrument.GAD7: "GAD-7"}  # not translated: names

TOO_FEW = QT_TRANSLATE_NOOP("what_works", "Too few occasions to read anything into (n = {n}).")


def too_few(n: int) -> bool:
    """The one rule of the practice for "too few": fewer than ``MIN_OCCASIONS`` (3)
    compared occasions, weeks or measures say nothing (also used by
    ``domain.measure_story`` for the prep statement)."""
    return n < MIN_OCCASIONS


class MaterialChange(StrEnum):
    """A change of material made by replacing an assignment."""

    SIMPLER_LEVEL = "simpler_level"
    HARDER_LEVEL = "harder_level"
    MODALITY = "modality"
    TEMPLATE = "template"

    @property
    def label(self) -> str:
        return {
            "simpler_level": QT_TRANSLATE_NOOP("what_works", "Material: a simpler reading level"),
            "harder_level": QT_TRANSLATE_NOOP("what_works", "Material: a harder reading level"),
            "modality": QT_TRANSLATE_NOOP("what_works", "Material: another way to record"),
            "template": QT_TRANSLATE_NOOP("what_works", "Material: another kind of sheet"),
        }[self.value]


Step = Strategy | MaterialChange
STEP_ORDER: tuple[Step, ...] = (*Strategy, *MaterialChange)  # ties: the ladder, then the changes


@dataclass(frozen=True)
class ReviewPoint:
    """One homework review: whose, when (the session's start) and its completion."""

    client_id: int
    at: datetime
    completion: int
    appointment_id: int
    strategies: frozenset[Strategy] = frozenset()


@dataclass(frozen=True)
class Replacement:
    """A new assignment that replaced another: what it changed, and when it began
    (``at``: the session it was set in, else the end of its start day)."""

    client_id: int
    at: datetime
    old_level: LiteracyLevel
    new_level: LiteracyLevel
    old_modality: str
    new_modality: str
    old_template: str
    new_template: str


@dataclass(frozen=True)
class MeasureTotal:
    client_id: int
    instrument: Instrument
    on: date
    total: int


@dataclass(frozen=True)
class Occasion:
    step: Step
    client_id: int
    at: datetime


@dataclass(frozen=True)
class BeforeAfter:
    """Mean before, mean after, over ``n`` occasions (both None when n is 0)."""

    before: float | None
    after: float | None
    n: int

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def too_few(self) -> bool:
        return too_few(self.n)


@dataclass(frozen=True)
class WhatWorksRow:
    step: Step
    clients: int  # distinct clients among the compared occasions
    occasions: int  # compared occasions (a review before and after)
    left_out: int  # tried, but no review on one side yet
    completion: BeforeAfter
    measures: tuple[tuple[Instrument, BeforeAfter], ...]  # only instruments with n > 0

    @property
    def label(self) -> str:
        return self.step.label

    @property
    def too_few(self) -> bool:
        return too_few(self.occasions)


@dataclass(frozen=True)
class WhatWorksReport:
    rows: tuple[WhatWorksRow, ...]
    reviews: int  # reviews read over the caseload
    clients: int  # clients with at least one review

    @property
    def left_out(self) -> int:
        return sum(r.left_out for r in self.rows)


def changes(r: Replacement) -> list[MaterialChange]:
    """What a replacement changed (none: the same material retitled)."""
    out = []
    levels = list(LiteracyLevel)  # most to least reading
    if levels.index(r.new_level) > levels.index(r.old_level):
        out.append(MaterialChange.SIMPLER_LEVEL)
    elif levels.index(r.new_level) < levels.index(r.old_level):
        out.append(MaterialChange.HARDER_LEVEL)
    if r.new_modality != r.old_modality:
        out.append(MaterialChange.MODALITY)
    if r.new_template != r.old_template:
        out.append(MaterialChange.TEMPLATE)
    return out


def occasions(
    reviews: Iterable[ReviewPoint], replacements: Iterable[Replacement]
) -> list[Occasion]:
    seen: set[tuple[Step, int, int]] = set()
    out = []
    for r in reviews:
        for s in sorted(r.strategies, key=lambda s: s.step):
            if (s, r.client_id, r.appointment_id) not in seen:
                seen.add((s, r.client_id, r.appointment_id))
                out.append(Occasion(s, r.client_id, r.at))
    for rep in replacements:
        out.extend(Occasion(c, rep.client_id, rep.at) for c in changes(rep))
    return out


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _compare(pairs: list[tuple[float, float]]) -> BeforeAfter:
    if not pairs:
        return BeforeAfter(None, None, 0)
    return BeforeAfter(_mean([b for b, _ in pairs]), _mean([a for _, a in pairs]), len(pairs))


def build_report(
    reviews: Sequence[ReviewPoint],
    replacements: Sequence[Replacement],
    measures: Sequence[MeasureTotal] = (),
) -> WhatWorksReport:
    by_client: dict[int, list[ReviewPoint]] = defaultdict(list)
    for r in sorted(reviews, key=lambda r: (r.client_id, r.at)):
        by_client[r.client_id].append(r)
    scores: dict[tuple[int, Instrument], list[MeasureTotal]] = defaultdict(list)
    for m in sorted(measures, key=lambda m: (m.client_id, m.on)):
        scores[(m.client_id, m.instrument)].append(m)
    # each client's series in time order, so the reviews around an occasion are a bisection
    review_times = {c: [p.at for p in points] for c, points in by_client.items()}
    score_days = {key: [m.on for m in taken] for key, taken in scores.items()}

    compared: dict[Step, list[tuple[int, float, float]]] = defaultdict(list)
    left_out: dict[Step, int] = defaultdict(int)
    measured: dict[tuple[Step, Instrument], list[tuple[float, float]]] = defaultdict(list)
    for o in occasions(reviews, replacements):
        points = by_client.get(o.client_id, [])
        cut = bisect_right(review_times.get(o.client_id, []), o.at)
        before = [p.completion for p in points[max(0, cut - WINDOW) : cut]]
        after = [p.completion for p in points[cut : cut + WINDOW]]
        if before and after:
            compared[o.step].append((o.client_id, _mean(before), _mean(after)))
        else:
            left_out[o.step] += 1
        day = o.at.astimezone().date()  # the occasion's day on this computer's clock
        for instrument in INSTRUMENTS:
            taken = scores.get((o.client_id, instrument), [])
            cut = bisect_right(score_days.get((o.client_id, instrument), []), day)
            first = [m.total for m in taken[max(0, cut - WINDOW) : cut]]
            then = [m.total for m in taken[cut : cut + WINDOW]]
            if first and then:
                measured[(o.step, instrument)].append((_mean(first), _mean(then)))

    rows = []
    for step in STEP_ORDER:
        done = compared.get(step, [])
        if not done and not left_out.get(step):
            continue
        rows.append(
            WhatWorksRow(
                step=step,
                clients=len({c for c, _, _ in done}),
                occasions=len(done),
                left_out=left_out.get(step, 0),
                completion=_compare([(b, a) for _, b, a in done]),
                measures=tuple(
                    (i, _compare(measured[(step, i)]))
                    for i in INSTRUMENTS
                    if measured.get((step, i))
                ),
            )
        )
    rows.sort(key=lambda r: -r.occasions)  # stable: ties keep the ladder order
    return WhatWorksReport(tuple(rows), reviews=len(reviews), clients=len(by_client))


# ---- words (English here; the GUI translates the marked ones) ---------------------------


def number(value: float) -> Numeric:
    """One decimal, a real minus sign (the GUI writes the locale's decimal point)."""
    return numeric(f"{value:.1f}".replace("-", "\u2212"))


def shown(value: float) -> float:
    """A mean as it is shown: to one decimal (the value ``number`` writes)."""
    return float(f"{value:.1f}")


def shown_change(c: BeforeAfter) -> float | None:
    """The change as shown beside its two means: the shown after minus the shown before,
    so that what is printed adds up ('1.0 → 1.1' is '+0.1', never the '+0.2' of the
    unrounded 0.96 → 1.14). None without occasions."""
    if c.before is None or c.after is None:
        return None
    return shown(c.after) - shown(c.before)


def change_text(c: BeforeAfter) -> Numeric:
    """The change shown beside ``before_after(c)`` ('+0.1'; empty without occasions):
    the one rule used by the page, the PDF and the CLI report."""
    change = shown_change(c)
    return numeric("") if change is None else signed(change)


def signed(value: float) -> Numeric:
    """'+1.3', '\u22120.5', '0.0'."""
    if round(value, 1) == 0:
        return number(0.0)
    return number(value) if value < 0 else numeric("+" + number(value))


def before_after(c: BeforeAfter) -> Numeric:
    """'1.3 → 2.7' (empty without occasions)."""
    if c.before is None or c.after is None:
        return numeric("")
    return numeric(f"{number(c.before)} \u2192 {number(c.after)}")


CTX = "what_works"  # not translated: the translation context of the words below
TITLE = QT_TRANSLATE_NOOP("what_works", "What works in my practice")
NOTE = QT_TRANSLATE_NOOP(
    "what_works",
    "These are observations from this practice, not causes. For each step of the ladder "
    "and each change of material: the homework completion (0–4) in the client's 3 reviews "
    "before it and the 3 after it (or as many as there are), averaged over the occasions "
    "it was tried. Only occasions with a review on both sides count; the most often "
    "tried come first.",
)
LEFT_OUT = QT_TRANSLATE_NOOP(
    "what_works", "Left out because nothing was reviewed on one side yet: {n}."
)
EMPTY = QT_TRANSLATE_NOOP(
    "what_works", "No ladder step or change of material has been recorded in a review yet."
)
OVER = QT_TRANSLATE_NOOP("what_works", "Read from: homework reviews {reviews}, clients {clients}.")
HEADERS = (
    QT_TRANSLATE_NOOP("what_works", "Strategy or change"),
    QT_TRANSLATE_NOOP("what_works", "Clients"),
    QT_TRANSLATE_NOOP("what_works", "Occasions"),
    QT_TRANSLATE_NOOP("what_works", "Completion\nbefore → after"),
    QT_TRANSLATE_NOOP("what_works", "Change"),
    QT_TRANSLATE_NOOP("what_works", "Measures\nbefore → after"),
)
MEASURE_LINE = QT_TRANSLATE_NOOP("what_works", "{name}: {before_after} ({change}, n = {n})")
MEASURE_TOO_FEW = QT_TRANSLATE_NOOP("what_works", "{name}: too few to read (n = {n})")


def _same(text: str) -> str:
    return text


def measure_lines(row: WhatWorksRow, tr: Callable[[str], str] = _same) -> list[str]:
    """One line per instrument with occasions ('PHQ-9: 13.5 → 9.7 (−3.8, n = 3)');
    ``tr`` translates the marked words (the GUI's; the PDF keeps English)."""
    out = []
    for instrument, c in row.measures:
        name = INSTRUMENT_NAMES[instrument]
        if c.too_few or c.change is None:
            out.append(tr(MEASURE_TOO_FEW).format(name=name, n=c.n))
        else:
            out.append(
                tr(MEASURE_LINE).format(
                    name=name, before_after=before_after(c), change=change_text(c), n=c.n
                )
            )
    return out
