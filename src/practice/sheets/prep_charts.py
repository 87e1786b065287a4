"""The pictures of the prep summary: the weekly strip, the measures on the same weeks
(PHQ-9, GAD-7: their severity bands shaded, a point a total) and the completion sparkline.

Drawn with the same colours and marks as the prep view's strip
(``practice.ui.adherence_strip``); the marks make it read without colour too.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from practice.domain.adherence import CellKind, WeekCell
from practice.domain.label_layout import spread
from practice.domain.measure_story import MeasureTrend
from practice.domain.measures import QUESTIONNAIRES, Band
from practice.domain.prep_model import PrepTotals, TrendPoint
from practice.sheets.fonts import FontSet
from practice.sheets.styles import ACCENT, BORDER, INK, MUTED, WHITE
from practice.sheets.wording import short_date

MAX_STRIP_WEEKS = 26
CELL_H = 17.0
MAX_CELL_W = 30.0
GRID = HexColor("#d8dee2")
# Completion runs from a pale yellow (0) to a deep blue (4) (ColorBrewer YlGnBu, readable
# in greyscale); the other kinds are greys and a salmon for "cancelled, no self-record".
COMPLETION_FILL: tuple[Color, ...] = tuple(
    HexColor(h) for h in ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#225ea8")
)
COMPLETION_INK: tuple[Color, ...] = (INK, INK, INK, INK, WHITE)
KIND_FILL: dict[CellKind, Color] = {
    CellKind.NOT_REVIEWED: WHITE,
    CellKind.NO_HOMEWORK: HexColor("#e4e4e4"),
    CellKind.CANCELLED_NO_SELF_RECORD: HexColor("#f4a582"),
    CellKind.NO_SHOW: HexColor("#9e9e9e"),
    CellKind.CANCELLED: HexColor("#d0d0d0"),
    CellKind.NO_SESSION: WHITE,
}
CONDITIONAL: Color = HexColor("#b35806")  # the bar under weeks with conditional sessions on
STRIP_LEGEND = (
    "0-4 completion (0 not tried … 4 all as agreed; darker is more) · – no homework open · "
    "? not reviewed · NS no-show · C cancelled · C! cancelled, self-record not done · "
    "blank: no session · bar below: conditional sessions on · bold frame: this week"
)


def strip_weeks(weeks: Sequence[WeekCell]) -> tuple[WeekCell, ...]:
    """The last ``MAX_STRIP_WEEKS`` weeks, without the empty weeks before the first session."""
    shown = list(weeks[-MAX_STRIP_WEEKS:])
    first = next((i for i, w in enumerate(shown) if w.appointment_ids), len(shown) - 1)
    return tuple(shown[max(first, 0) :])


def cell_fill(cell: WeekCell) -> Color:
    if cell.kind is CellKind.REVIEW and cell.completion is not None:
        return COMPLETION_FILL[cell.completion]
    return KIND_FILL[cell.kind]


def cell_ink(cell: WeekCell) -> Color:
    if cell.kind is CellKind.REVIEW and cell.completion is not None:
        return COMPLETION_INK[cell.completion]
    return INK


def draw_strip(
    c: Canvas, cells: Sequence[WeekCell], x0: float, top: float, width: float, fonts: FontSet
) -> float:
    """One cell per week with its mark, a bar under conditional weeks and month labels
    below; returns the y below the labels."""
    if not cells:
        return top
    cell_w = min(width / len(cells), MAX_CELL_W)
    labels = _label_cells(cells, cell_w)
    for i, cell in enumerate(cells):
        x = x0 + i * cell_w
        c.setFillColor(cell_fill(cell))
        c.setStrokeColor(INK if cell.current else BORDER)
        c.setLineWidth(1.4 if cell.current else 0.5)
        c.rect(x + 0.6, top - CELL_H, cell_w - 1.2, CELL_H, stroke=1, fill=1)
        if cell.mark:
            c.setFillColor(cell_ink(cell))
            c.setFont(fonts.bold, 8.5 if len(cell.mark) < 2 else 7.5)
            c.drawCentredString(x + cell_w / 2, top - CELL_H / 2 - 3, cell.mark)
        if cell.conditional:
            c.setFillColor(CONDITIONAL)
            c.rect(x + 0.6, top - CELL_H - 3.2, cell_w - 1.2, 2.2, stroke=0, fill=1)
        if i in labels:
            c.setFillColor(MUTED)
            c.setFont(fonts.regular, 6.5)
            c.drawString(x + 1, top - CELL_H - 10, short_date(cell.week_start))
    return top - CELL_H - 12


# The measures' severity bands, minimal … severe (as the prep view's light theme)
BAND_FILL: tuple[Color, ...] = tuple(
    HexColor(h) for h in ("#edf6ee", "#f8f6e3", "#fdf0dc", "#fce4d8", "#f9d9d9")
)
MEASURE_LINE: Color = HexColor("#4b2c83")
MEASURE_H = 36.0  # the bands of one measure (28 on a compact page)
BAND_TEXT = 5.5  # the size of a band's name
MEASURE_TITLE = 10.0
UNTITLED = 6.5  # a measure's name beside its band names when the page is short of room
NAME_LEAD = 7.0  # from the plot's right edge to the band names (a short line joins them)


def measures_in(trends: Sequence[MeasureTrend], cells: Sequence[WeekCell]) -> list[MeasureTrend]:
    """The measures with a total within the weeks of ``cells``, only those totals."""
    if not cells:
        return []
    first = cells[0].week_start
    end = cells[-1].week_start.toordinal() + 7
    out = []
    for t in trends:
        shown = tuple(p for p in t.points if first <= p.on and p.on.toordinal() < end)
        if shown:
            out.append(MeasureTrend(t.instrument, shown))
    return out


def draw_measures(
    c: Canvas,
    cells: Sequence[WeekCell],
    trends: Sequence[MeasureTrend],
    x0: float,
    top: float,
    width: float,
    fonts: FontSet,
    height: float = MEASURE_H,
    titled: bool = True,
) -> float:
    """Each measure under the strip, on the same weeks (``draw_strip``'s cell width): its
    bands shaded and named, its totals as dots joined by a line, each total written;
    returns the y below the last. ``titled`` False: each name inside its top band (a
    page short of room)."""
    if not cells:
        return top
    cell_w = min(width / len(cells), MAX_CELL_W)
    plot_w = cell_w * len(cells)
    first = cells[0].week_start
    y = top
    for trend in trends:
        panel_top = y
        form = QUESTIONNAIRES[trend.instrument]
        if titled:
            c.setFillColor(INK)
            c.setFont(fonts.bold, 7.5)
            c.drawString(x0, y - 7.5, f"{form.name} (0–{form.maximum}; higher is more severe)")
            y -= MEASURE_TITLE
        unit = height / (form.maximum + 1)
        bottom = y - height
        for i, band in enumerate(form.bands):
            low = bottom + band.low * unit
            high = (band.high - band.low + 1) * unit
            c.setFillColor(BAND_FILL[min(i, len(BAND_FILL) - 1)])
            c.rect(x0, low, plot_w, high, stroke=0, fill=1)
            c.setStrokeColor(GRID)
            c.setLineWidth(0.4)
            c.line(x0, low + high, x0 + plot_w, low + high)
        _band_names(c, form.bands, x0 + plot_w, panel_top, bottom, unit, fonts)
        c.setStrokeColor(GRID)
        c.line(x0, bottom, x0 + plot_w, bottom)
        if not titled:  # right of its band names: never over a point's total
            c.setFillColor(INK)
            c.setFont(fonts.bold, UNTITLED)
            c.drawString(x0 + plot_w + band_names_width(fonts) + 2, y - 6, form.name)
        where = [
            (
                x0 + ((p.on - first).days // 7) * cell_w + (p.on.weekday() + 0.5) / 7 * cell_w,
                bottom + (p.total + 0.5) * unit,
            )
            for p in trend.points
        ]
        if len(where) > 1:
            c.setStrokeColor(MEASURE_LINE)
            c.setLineWidth(1.2)
            path = c.beginPath()
            path.moveTo(*where[0])
            for xy in where[1:]:
                path.lineTo(*xy)
            c.drawPath(path, stroke=1, fill=0)
        c.setFont(fonts.bold, 6)
        for p, (px, py) in zip(trend.points, where, strict=True):
            c.setFillColor(MEASURE_LINE)
            c.circle(px, py, 1.8, stroke=0, fill=1)
            c.setFillColor(INK)
            above = py + 2.5 + 5 <= y
            label = str(p.total)  # kept within the plot: the band names are beside it
            half = c.stringWidth(label, fonts.bold, 6) / 2
            lx = min(max(px, x0 + half), x0 + plot_w - half)
            c.drawCentredString(lx, py + 2.5 if above else py - 7.5, label)
        y = bottom - 3
    return y


def band_names_width(fonts: FontSet, titled: bool = True) -> float:
    """The room the band names take right of a measure's plot (the strip above gives
    up the same room, so the weeks stay one above the other); ``titled`` False: with
    each measure's name right of them (a page short of room)."""
    names = [str(b.name) for form in QUESTIONNAIRES.values() for b in form.bands]
    width = NAME_LEAD + max(stringWidth(n, fonts.regular, BAND_TEXT) for n in names) + 1
    if not titled:
        titles = [form.name for form in QUESTIONNAIRES.values()]
        width += 2 + max(stringWidth(t, fonts.bold, UNTITLED) for t in titles)
    return width


def _band_names(
    c: Canvas, bands: Sequence[Band], x: float, top: float, bottom: float, unit: float,
    fonts: FontSet,
) -> None:  # fmt: skip
    """Each band's name right of the plot (``x``), top band first, as near to its band's
    middle as it can be with none covering another (``domain.label_layout.spread``, as
    the prep view's BandNames), within ``top`` … ``bottom - 3``; a short line joins a
    moved name to its band. Too little room for all: a smaller type, never overlapping."""
    order = list(reversed(list(enumerate(bands))))
    size = BAND_TEXT
    room = top - (bottom - 3)
    if room < len(order) * (size + 0.5):
        size = max(room / len(order) - 0.5, 3.5)
    h = size + 0.5
    middles = [bottom + (b.low + (b.high - b.low + 1) / 2) * unit for _i, b in order]
    # the axis grows downwards: the PDF's y negated
    tops = spread([-m - h / 2 for m in middles], h, -top, -(bottom - 3))
    c.setFont(fonts.regular, size)
    for (_i, band), middle, t in zip(order, middles, tops, strict=True):
        centre = -t - h / 2
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.3)
        path = c.beginPath()
        path.moveTo(x, middle)
        path.lineTo(x + NAME_LEAD - 3, centre)
        path.lineTo(x + NAME_LEAD - 1.5, centre)
        c.drawPath(path, stroke=1, fill=0)
        c.setFillColor(MUTED)
        c.drawString(x + NAME_LEAD, centre - size * 0.35, str(band.name))


def _label_cells(cells: Sequence[WeekCell], cell_w: float, room: float = 32.0) -> set[int]:
    """The cells that get their date underneath: each month's first week (and the first
    cell, when the next month starts far enough away), never closer than ``room``."""
    starts = [i for i in range(1, len(cells))
              if cells[i].week_start.month != cells[i - 1].week_start.month]  # fmt: skip
    if not starts or starts[0] * cell_w >= room:
        starts.insert(0, 0)
    out: list[int] = []
    for i in starts:
        if not out or (i - out[-1]) * cell_w >= room:
            out.append(i)
    return set(out)


def sparkline(points: Sequence[TrendPoint], width: float, height: float, font: str) -> Drawing:
    """Completion per review (line and dots) and the client's own rating (open circles),
    on a 0-4 grid; the reviews are evenly spaced."""
    # the renderer starts every drawing in its initial font (Times-Roman unless told)
    drawing = Drawing(width, height, initialFontName=font, initialFontSize=6.5)
    left, bottom, top = 14.0, 6.0, height - 4
    scale = (top - bottom) / 4
    for level in range(5):
        y = bottom + level * scale
        drawing.add(Line(left, y, width, y, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(String(2, y - 2.5, str(level), fontName=font, fontSize=6.5, fillColor=MUTED))
    if not points:
        return drawing
    step = (width - left - 6) / max(len(points) - 1, 1)
    coords = [(left + 3 + i * step, bottom + t.completion * scale) for i, t in enumerate(points)]
    if len(coords) > 1:
        flat = [v for xy in coords for v in xy]
        drawing.add(PolyLine(flat, strokeColor=ACCENT, strokeWidth=1.6))
    for (x, y), t in zip(coords, points, strict=True):
        drawing.add(Circle(x, y, 1.8, fillColor=ACCENT, strokeColor=ACCENT))
        if t.client_rating is not None:
            cy = bottom + t.client_rating * scale
            drawing.add(Circle(x, cy, 2.2, fillColor=WHITE, strokeColor=INK, strokeWidth=0.7))
    return drawing


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def trend_figures(points: Sequence[TrendPoint], totals: PrepTotals) -> list[str]:
    """The story in figures: did completion rise or fall over the weeks shown, and the totals."""
    values = [pt.completion for pt in points]
    lines = []
    if len(values) >= 2:
        n = min(4, len(values) // 2) or 1
        first, last = mean(values[:n]) or 0.0, mean(values[-n:]) or 0.0
        moved = "rose" if last - first >= 0.5 else "fell" if first - last >= 0.5 else "held"
        lines.append(
            f"Completion {moved}: first {n} reviews shown {first:.1f}, last {n} {last:.1f}"
        )
    elif values:
        lines.append(f"One review in these weeks: {values[0]}")
    else:
        lines.append("No reviews in these weeks.")
    t = totals
    if t.mean_completion is not None and t.first_session is not None:
        since = f"{short_date(t.first_session, year=True).split(' ', 1)[1]}"
        lines.append(f"All {t.reviews} reviews since {since}: mean {t.mean_completion:.1f}")
    missed = f" · cancelled, no self-record {t.cancelled_no_self_record}"
    lines.append(
        f"Attended {t.attended} · no-shows {t.no_shows} · cancelled {t.cancelled}"
        + (missed if t.cancelled_no_self_record else "")
    )
    return lines
