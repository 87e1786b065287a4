"""The one-page session-prep summary, from the same PrepData as the prep view
(docs/clinical.md, Session prep and Today).

One page whatever the length of the history: it summarises. The strip shows the last
``MAX_STRIP_WEEKS`` weeks of ``PrepData.weeks`` with their text marks, the sparkline the
reviews of those weeks, and each list its first few items; the last session note gets
the room that is left and is cut with "…". For the therapist (English), A4 or Letter.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from reportlab.graphics.renderPDF import draw as draw_drawing
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from practice.domain.adherence import WeekCell
from practice.domain.measure_story import goal_statement, goal_statements, statements
from practice.domain.prep_model import PrepData
from practice.domain.vocabulary import COMPLETION_ANCHORS, Frequency
from practice.sheets.fonts import font_canvas, register_fonts
from practice.sheets.prep_charts import (
    CONDITIONAL,
    MAX_STRIP_WEEKS,
    STRIP_LEGEND,
    band_names_width,
    draw_measures,
    draw_strip,
    measures_in,
    sparkline,
    strip_weeks,
    trend_figures,
)
from practice.sheets.styles import ACCENT, BORDER, INK, MUTED, TINT, wrap
from practice.sheets.wording import day_text, short_date

Paper = Literal["a4", "letter"]
PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN = 14 * mm
FOOTER = 8 * mm  # room kept at the bottom for the footer line
TITLE, HEADING, BODY, SMALL = 15.0, 10.5, 9.0, 7.5
LEADING = 11.5
GAP = 3.2 * mm  # between sections
MIN_NOTE_LINES = 3  # fewer lines left for the last note: draw the page compact


@dataclass(frozen=True)
class Limits:
    """How much each list may take; ``COMPACT`` when the full page would not fit."""

    barriers: int = 6
    item_lines: int = 2  # a strategy, an item to raise, a figure, a flag
    to_raise: int = 4
    plan_lines: int = 2
    open_homework: int = 4
    guidance_lines: int = 3
    extras: int = 3
    extra_lines: int = 2
    returned: int = 16  # lines of the client's returned sheets
    measure_h: float = 36.0  # the bands of each measure under the strip
    measure_titles: bool = True  # False: each measure named inside its bands
    trend_h: float = 72.0  # the completion-per-review chart
    goal_line_each: bool = True  # False: the goals' lines in one paragraph, words shorter


FULL = Limits()
COMPACT = Limits(barriers=5, item_lines=1, to_raise=3, plan_lines=1, open_homework=3,
                 guidance_lines=2, extras=2, extra_lines=1, returned=8, measure_h=28.0)  # fmt: skip
# Compact and still short of room (measures at their longest too): lower measure bands.
TIGHT = replace(COMPACT, measure_h=18.0, measure_titles=False, trend_h=52.0, goal_line_each=False)
WARN: Color = HexColor("#9c2b23")


def fit_lines(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width``, cut to ``max_lines`` with an ellipsis when longer."""
    lines = wrap(" ".join(text.split()), font, size, width)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and stringWidth(last + " …", font, size) > width:
        last = last[:-1]
    kept[-1] = last.rstrip(" ,;:") + " …"
    return kept


def _day(d: date | datetime) -> str:
    return short_date(d if not isinstance(d, datetime) else d.astimezone().date(), year=True)


class PrepSummaryPdf:
    """Renders one :class:`PrepData`; ``generate()`` returns the PDF bytes (one page)."""

    def __init__(
        self, prep: PrepData, *, paper: Paper = "a4", returned: Sequence[str] = ()
    ) -> None:
        if paper not in PAPER_SIZES:
            raise ValueError(f"Unknown paper {paper!r}: use 'a4' or 'letter'.")
        self.prep = prep
        self.returned = tuple(returned)  # lines of the returned sheets (prep_returned)
        self.fonts = register_fonts()
        self.page_w, self.page_h = PAPER_SIZES[paper]
        self.width = self.page_w - 2 * MARGIN
        self.bottom = MARGIN + FOOTER
        self.weeks: tuple[WeekCell, ...] = strip_weeks(prep.weeks)
        self.limits = FULL

    # ---- the page ------------------------------------------------------------------

    def generate(self) -> bytes:
        # A dry run on a scratch canvas: when the full lists leave too little room for
        # the last note, draw everything compact (one line an item, fewer items).
        self.limits = FULL
        if self._room() < MIN_NOTE_LINES * LEADING + 13:
            self.limits = COMPACT
            # still no line for the note: the measures' bands lower, named inside
            if (self.prep.measures or self.prep.goals) and self._room() < GAP + LEADING + 13:
                self.limits = TIGHT
        buf = io.BytesIO()
        c = font_canvas(buf, (self.page_w, self.page_h))
        c.setTitle(f"Session prep — {self.prep.header.display_name}")
        c.setSubject("Practice session-prep summary")
        c.setAuthor("Practice")
        c.setCreator("Practice")
        self._last_note(c, self.bottom + self._sections(c) - GAP)
        self._footer(c)
        c.showPage()
        c.save()
        return buf.getvalue()

    def _room(self) -> float:
        """The room left for the last note with the current limits (a dry run)."""
        return self._sections(font_canvas(io.BytesIO(), (self.page_w, self.page_h)))

    def _sections(self, c: Canvas) -> float:
        """Draw everything above the last note; return the room left below it."""
        y = self.page_h - MARGIN
        y = self._header(c, y)
        y = self._strip(c, y - GAP)
        y = self._measures(c, y)
        y = self._trend(c, y - GAP)
        y = self._barriers_and_strategies(c, y - GAP)
        y = self._suggestion(c, y - GAP)
        y = self._agenda(c, y - GAP)
        y = self._returned(c, y - GAP)
        return y - self.bottom

    def _returned(self, c: Canvas, y: float) -> float:
        """The client's own records: answers of returned sheets, sleep efficiency."""
        if not self.returned:
            return y + GAP
        y = self._heading(c, "The client's own records (returned fillable sheets)", MARGIN, y)
        lines = self.returned[: self.limits.returned]
        for line in lines:
            flagged = "[FLAGGED" in line
            y = self._para(
                c, line, MARGIN, y, self.width, 1, color=WARN if flagged else INK,
                bold=line.startswith("Sleep efficiency"),
            )  # fmt: skip
        if len(self.returned) > len(lines):
            y = self._para(
                c, f"… {len(self.returned) - len(lines)} more lines in the prep view.",
                MARGIN, y, self.width, 1, color=MUTED,
            )  # fmt: skip
        return y

    # ---- drawing helpers -----------------------------------------------------------

    def _text(
        self,
        c: Canvas,
        lines: Sequence[str],
        x: float,
        y: float,
        *,
        bold: bool = False,
        size: float = BODY,
        leading: float = LEADING,
        color: Color = INK,
    ) -> float:
        """Draw lines with the first baseline ``size`` below ``y``; return the new top."""
        c.setFillColor(color)
        c.setFont(self.fonts.bold if bold else self.fonts.regular, size)
        for i, line in enumerate(lines):
            c.drawString(x, y - size - i * leading, line)
        return y - len(lines) * leading if lines else y

    def _para(
        self,
        c: Canvas,
        text: str,
        x: float,
        y: float,
        width: float,
        max_lines: int,
        *,
        bold: bool = False,
        size: float = BODY,
        color: Color = INK,
    ) -> float:
        font = self.fonts.bold if bold else self.fonts.regular
        lines = fit_lines(text, font, size, width, max_lines)
        leading = LEADING if size >= BODY else size * 1.25
        return self._text(c, lines, x, y, bold=bold, size=size, leading=leading, color=color)

    def _heading(self, c: Canvas, text: str, x: float, y: float) -> float:
        return self._text(c, [text], x, y, bold=True, size=HEADING, leading=13, color=ACCENT)

    # ---- sections ------------------------------------------------------------------

    def _header(self, c: Canvas, y: float) -> float:
        p, h = self.prep, self.prep.header
        c.setFillColor(MUTED)
        c.setFont(self.fonts.regular, SMALL)
        prepared = f"Prepared {_day(p.today)}"
        c.drawRightString(self.page_w - MARGIN, y - SMALL, prepared)
        room = self.width - stringWidth(prepared, self.fonts.regular, SMALL) - 4 * mm
        title, size = f"Session prep: {h.display_name}", TITLE
        while size > 11 and stringWidth(title, self.fonts.bold, size) > room:
            size -= 0.5
        lines = fit_lines(title, self.fonts.bold, size, room, 1)
        y = self._text(c, lines, MARGIN, y, bold=True, size=size, leading=19)
        for alert in p.risk_alerts:  # first: it never waits (docs/clinical.md)
            text = (
                f"Open risk alert: PHQ-9 question 9 answered {alert.answer} on "
                f"{_day(alert.taken_on)} — not yet acknowledged"
            )
            y = self._flag(c, y, text, WARN) - 2
        if p.risk_item_unanswered_on is not None:  # as the prep view says it, never silent
            text = (
                f"The last PHQ-9 ({_day(p.risk_item_unanswered_on)}): question 9 not answered; "
                "ask about it."
            )
            y = self._flag(c, y, text, WARN) - 2
        nxt = h.next_appointment
        when = "none scheduled"
        if nxt is not None:
            local = nxt.starts_at.astimezone()
            when = (
                f"{day_text(local.date())} {local.year}, {local:%H:%M} ({nxt.duration_minutes} min)"
            )
        line = (
            f"Preferred name: {h.name} · {h.language.label} · {h.literacy_level.label.lower()} "
            f"level · Next session: {when}"
        )
        y = self._para(c, line, MARGIN, y, self.width, 1)
        stage = (
            f"Stage of change: {h.stage.label} — {h.stance}"
            if h.stage
            else "Stage of change: not recorded"
        )
        y = self._para(c, stage, MARGIN, y, self.width, self.limits.item_lines)
        if h.cannot_postpone:
            reason = f" — {h.cannot_postpone_reason}" if h.cannot_postpone_reason else ""
            y = self._flag(c, y, f"Cannot postpone treatment{reason}", WARN)
        if h.conditional is not None:
            period = h.conditional
            text = (
                f"Conditional sessions on since {_day(period.starts_on)} "
                f"(agreed {_day(period.agreed_on)}): day-before call for each session"
            )
            y = self._flag(c, y, text, CONDITIONAL)
        return y

    def _flag(self, c: Canvas, y: float, text: str, color: Color) -> float:
        lines = fit_lines(text, self.fonts.bold, BODY, self.width - 8, self.limits.item_lines)
        height = len(lines) * LEADING + 5
        y -= 2
        c.setStrokeColor(color)
        c.setLineWidth(1.2)
        c.roundRect(MARGIN, y - height, self.width, height, 3, stroke=1, fill=0)
        self._text(c, lines, MARGIN + 4, y - 2, bold=True, color=color)
        return y - height

    @property
    def plot_width(self) -> float:
        """The strip and the measures under it share their weeks' width; the band names
        take a column right of both (none drawn over the plot or over another)."""
        if not measures_in(self.prep.measures, self.weeks):
            return self.width
        return self.width - band_names_width(self.fonts, self.limits.measure_titles)

    def _strip(self, c: Canvas, y: float) -> float:
        cells = self.weeks
        weeks = f"{len(cells)} week" if len(cells) == 1 else f"{len(cells)} weeks"
        span = f"last {weeks}"
        if len(cells) < len(self.prep.weeks[-MAX_STRIP_WEEKS:]):
            span = f"{weeks} since the first session"
        y = self._heading(c, f"Homework, week by week ({span})", MARGIN, y)
        if not cells:
            return self._para(c, "No weeks to show.", MARGIN, y, self.width, 1)
        y = draw_strip(c, cells, MARGIN, y - 2, self.plot_width, self.fonts)
        return self._para(c, STRIP_LEGEND, MARGIN, y, self.width, 2, size=SMALL, color=MUTED)

    def _measures(self, c: Canvas, y: float) -> float:
        """PHQ-9 and GAD-7 on the strip's weeks, and what they show in words, then the
        goal ratings' lines in one paragraph (none: nothing)."""
        # the statements over the weeks of the strip and the chart (its last 26), not the
        # prep's own weeks: the words describe the weeks the chart shows
        # (the goals have no chart on paper: their lines tell the whole treatment)
        said = statements(self.prep.measures, self.weeks) + goal_statements(self.prep.goals)
        if not said:
            return y
        shown = measures_in(self.prep.measures, self.weeks)
        y = draw_measures(
            c, self.weeks, shown, MARGIN, y - 2, self.plot_width, self.fonts,
            self.limits.measure_h, self.limits.measure_titles,
        )  # fmt: skip
        rated = len(goal_statements(self.prep.goals))
        for text in said[: len(said) - rated]:
            y = self._para(c, text, MARGIN, y - 1, self.width, 2, size=SMALL + 0.5)
        goals = self._goal_lines()  # a line a goal, with its words
        if goals and not self.limits.goal_line_each:  # short of room: one paragraph
            goals = [" ".join(goals)]
        for line in goals:
            y = self._para(c, line, MARGIN, y - 1, self.width, 2 if len(goals) == 1 else 1,
                           size=SMALL + 0.5)  # fmt: skip
        return y

    def _goal_lines(self) -> list[str]:
        """Each rated goal's line with the goal's own words, shortened with "…" so the
        line fits on one: 'Goal 1 (“Walk to the corner shop …”) rated from 2 to 7 …'."""
        size, font = SMALL + 0.5, self.fonts.regular
        out = []
        for goal in self.prep.goals:
            said = goal_statement(goal)
            if said is None:
                continue
            head = f"Goal {goal.position}"
            rest = said[len(head) :] if said.startswith(head) else f": {said}"
            room = self.width - stringWidth(f"{head} (“”){rest}", font, size) - 2
            room = max(room, self.width * 0.25)
            if not self.limits.goal_line_each:
                room = min(room, self.width * 0.12)
            words = fit_lines(goal.text, font, size, room, 1)
            out.append(f"{head} (“{words[0] if words else ''}”){rest}")
        return out

    def _trend(self, c: Canvas, y: float) -> float:
        first = self.weeks[0].week_start if self.weeks else date.min
        points = [t for t in self.prep.trend if t.on >= first]
        y = self._heading(c, "Completion per review", MARGIN, y)
        chart_w, chart_h = self.width * 0.52, self.limits.trend_h
        draw_drawing(sparkline(points, chart_w, chart_h, self.fonts.regular), c, MARGIN,
                     y - chart_h)  # fmt: skip
        x = MARGIN + chart_w + 5 * mm
        w = self.width - chart_w - 5 * mm
        key = "Line and dots: completion rated in session. Open circles: the client's own rating."
        ty = self._para(c, key, x, y, w, 2, size=SMALL, color=MUTED)
        for line in trend_figures(points, self.prep.totals):
            ty = self._para(c, line, x, ty - 1.5, w, self.limits.item_lines)
        return min(y - chart_h, ty)

    def _barriers_and_strategies(self, c: Canvas, y: float) -> float:
        p = self.prep
        col = (self.width - 6 * mm) / 2
        left_y = self._heading(c, "Barriers (most recent first)", MARGIN, y)
        if not p.barriers:
            left_y = self._para(c, "None recorded.", MARGIN, left_y, col, 1)
        shown = self.limits.barriers
        for b in p.barriers[:shown]:
            text = f"{b.label}: {b.count}× (last {short_date(b.last_seen, year=True)})"
            left_y = self._para(c, text, MARGIN, left_y, col, 1)
        if len(p.barriers) > shown:
            more = f"and {len(p.barriers) - shown} more"
            left_y = self._para(c, more, MARGIN, left_y, col, 1, color=MUTED)
        x = MARGIN + col + 6 * mm
        right_y = self._heading(c, "Strategies tried, and the completion that followed", x, y)
        if not p.strategies:
            right_y = self._para(c, "None recorded yet.", x, right_y, col, 1)
        for s in p.strategies:
            dates = [short_date(d, year=True) for d in s.dates]
            when = ", ".join(dates) if len(dates) <= 3 else (
                f"{len(dates)}×: {dates[0]} … {dates[-1]}")  # fmt: skip
            after = f"then {s.followed_mean:.1f}" if s.followed_mean is not None else "not yet"
            right_y = self._para(c, f"{s.step}. {s.label}: {when}; {after}", x, right_y, col,
                                 self.limits.item_lines)  # fmt: skip
        return min(left_y, right_y)

    def _suggestion(self, c: Canvas, y: float) -> float:
        s = self.prep.suggestion
        pad = 2.2 * mm
        inner = self.width - 2 * pad
        lines: list[tuple[list[str], bool, float, Color]] = [
            (fit_lines(s.headline, self.fonts.bold, 11.5, inner, 1), True, 11.5, ACCENT),
            (
                fit_lines(s.guidance, self.fonts.regular, BODY, inner, self.limits.guidance_lines),
                False,
                BODY,
                INK,
            ),  # fmt: skip
        ]
        for note in s.extra[: self.limits.extras]:
            text = f"{note.title}: {note.text}"
            lines.append((fit_lines(text, self.fonts.regular, SMALL + 0.5, inner,
                                    self.limits.extra_lines), False,
                          SMALL + 0.5, MUTED))  # fmt: skip
        height = 2 * pad + sum(len(ls) * (size * 1.28) for ls, _, size, _ in lines) + 2
        c.setFillColor(TINT)
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1)
        c.roundRect(MARGIN, y - height, self.width, height, 4, stroke=1, fill=1)
        ty = y - pad
        for ls, bold, size, color in lines:
            ty = self._text(c, ls, MARGIN + pad, ty, bold=bold, size=size,
                            leading=size * 1.28, color=color)  # fmt: skip
        return y - height

    def _agenda(self, c: Canvas, y: float) -> float:
        a = self.prep.agenda
        y = self._heading(c, "Agenda", MARGIN, y)
        limit = self.limits.to_raise
        for item in a.to_raise[:limit]:
            obs = item.observation
            said = f": {obs.text}" if obs.text else ""
            when = short_date(item.session_at.astimezone().date(), year=True)
            y = self._para(c, f"Raise openly — {obs.label} ({when}){said}", MARGIN, y,
                           self.width, self.limits.item_lines)  # fmt: skip
        if len(a.to_raise) > limit:
            y = self._para(c, f"and {len(a.to_raise) - limit} more to raise", MARGIN, y,
                           self.width, 1, color=MUTED)  # fmt: skip
        if a.last_plan:
            at = a.last_plan_at.astimezone().date() if a.last_plan_at else None
            label = f"Last plan ({short_date(at, year=True)})" if at else "Last plan"
            y = self._para(c, f"{label}: {a.last_plan}", MARGIN, y, self.width,
                           self.limits.plan_lines)  # fmt: skip
        if not a.open_assignments:
            y = self._para(c, "Open homework: none.", MARGIN, y, self.width, 1)
        for hw in a.open_assignments[: self.limits.open_homework]:
            last = (
                f"; last review {hw.last_completion} ({COMPLETION_ANCHORS[hw.last_completion]})"
                if hw.last_completion is not None
                else "; not reviewed yet"
            )
            how_often = hw.frequency.label.lower()
            if hw.frequency is Frequency.PER_WEEK and hw.times_per_week:
                how_often = f"{hw.times_per_week} times a week"
            text = (
                f"Open homework {hw.code}: {hw.title} — {hw.level.value}, "
                f"{hw.modality.label.lower()}, {how_often}, since "
                f"{short_date(hw.start_date, year=True)}{last}"
            )
            y = self._para(c, text, MARGIN, y, self.width, 1)
        return y

    def _last_note(self, c: Canvas, y: float) -> None:
        note = self.prep.last_note
        if y - 13 - LEADING < self.bottom:
            return
        if note is None:
            y = self._heading(c, "Last session note", MARGIN, y)
            self._para(c, "No session note yet.", MARGIN, y, self.width, 1)
            return
        local = note.session_at.astimezone()
        state = "signed" if note.signed else "not signed"
        if note.amended:
            state += ", amended"
        y = self._heading(
            c, f"Last session note — {day_text(local.date())} {local.year} "
            f"({note.format.value.upper()}, {state})",
            MARGIN, y,
        )  # fmt: skip
        parts = [(name, text) for name, text in note.sections.items() if text.strip()]
        if note.plan and "Plan" not in note.sections:
            parts.append(("Plan", note.plan))
        room = int((y - self.bottom) // LEADING)
        for i, (name, text) in enumerate(parts):
            left = len(parts) - i
            lines_for_this = max(1, room // left) if left else room
            if room <= 0:
                break
            y = self._para(c, f"{name}: {text}", MARGIN, y, self.width, lines_for_this)
            room = int((y - self.bottom) // LEADING)

    def _footer(self, c: Canvas) -> None:
        draw_footer(
            c, self.fonts.regular, self.page_w,
            "Practice · session prep · confidential clinical record", "Page 1 of 1",
        )  # fmt: skip


def draw_footer(c: Canvas, font: str, page_w: float, left: str, right: str) -> None:
    """A page's foot: a thin rule, ``left`` below it on the left, ``right`` on the right."""
    c.setStrokeColor(BORDER)
    c.setLineWidth(0.4)
    c.line(MARGIN, MARGIN + 4 * mm, page_w - MARGIN, MARGIN + 4 * mm)
    c.setFillColor(MUTED)
    c.setFont(font, SMALL)
    c.drawString(MARGIN, MARGIN, left)
    c.drawRightString(page_w - MARGIN, MARGIN, right)
