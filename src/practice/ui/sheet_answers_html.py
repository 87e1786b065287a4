"""The client's answers from a returned sheet as rich text, per day or entry.

Used by the import dialog (before writing) and the prep view (what came back). Each
row: where (Day 2, Entry 1), the question in English, the answer as read, and the
client's own words where they differ (a Spanish option). Ticked options of one
question share a row. A flagged value is marked in red with why it was flagged.
Everything the client wrote is escaped: it is shown, never interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Protocol

from practice.services.sheet_answers import ReturnedSheet
from practice.ui import theme
from practice.ui.dates import day_text

FLAG_BACKGROUND = theme.Ink("danger_bg")
FLAG_INK = theme.Ink("danger_ink")
WHERE_INK = theme.Ink("info")
MUTED = theme.Ink("muted")


class AnswerLike(Protocol):
    @property
    def block(self) -> str: ...
    @property
    def slot(self) -> str | None: ...
    @property
    def option(self) -> int | None: ...
    @property
    def label(self) -> str: ...
    @property
    def raw(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def problem(self) -> str | None: ...
    @property
    def where(self) -> str: ...


@dataclass
class _Row:
    where: str
    label: str
    values: list[str]
    own: list[str]
    problem: str | None


def _rows(answers: tuple[AnswerLike, ...] | list[AnswerLike]) -> list[_Row]:
    rows: list[_Row] = []
    last: tuple[str, str | None, str] | None = None
    for a in answers:
        key = (a.block, a.slot, a.label)
        own = a.raw if a.option is not None and a.raw and a.raw != a.value else ""
        if a.option is not None and key == last and rows and rows[-1].problem is None:
            rows[-1].values.append(a.value)
            rows[-1].own += [own] if own else []
            continue
        rows.append(_Row(a.where, a.label, [a.value], [own] if own else [], a.problem))
        last = key if a.option is not None else None
    return rows


def answers_html(answers: tuple[AnswerLike, ...] | list[AnswerLike], *, limit: int = 0) -> str:
    """A table of ``answers`` (the first ``limit`` rows when given), flagged ones marked."""
    rows = _rows(answers)
    shown = rows[:limit] if limit else rows
    html = ["<table cellspacing='0' cellpadding='3' width='100%'>"]
    previous = ""
    for row in shown:
        where = row.where if row.where != previous else ""
        previous = row.where
        value = escape("; ".join(row.values))
        if row.own:
            value += f" <span style='color:{MUTED}'>(“{escape('; '.join(row.own))}”)</span>"
        style = f" style='background:{FLAG_BACKGROUND}'" if row.problem else ""
        if row.problem:
            value = (
                f"<b style='color:{FLAG_INK}'>⚠ {value}</b><br>"
                f"<span style='color:{FLAG_INK}'>{escape(row.problem)}</span>"
            )
        html.append(
            f"<tr{style}><td style='color:{WHERE_INK}' valign='top'><b>{escape(where)}</b></td>"
            f"<td style='color:{MUTED}' valign='top'>{escape(row.label)}</td>"
            f"<td valign='top'>{value}</td></tr>"
        )
    html.append("</table>")
    if limit and len(rows) > limit:
        html.append(f"<p style='color:{MUTED}'>… and {len(rows) - limit} more answers.</p>")
    return "".join(html)


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


def returned_html(sheets: list[ReturnedSheet], today: date, *, limit: int = 40) -> str:
    """The client's latest returned sheets: answers per day or entry, and for a sleep
    diary the sleep efficiency of each night (time asleep / time in bed)."""
    parts = []
    for sheet in sheets:
        on = sheet.session_at.astimezone().date()
        flagged = (
            f", <span style='color:{FLAG_INK}'>{sheet.flagged} flagged</span>"
            if sheet.flagged
            else ""
        )
        parts.append(
            f"<p style='margin:4px 0'><b>{escape(sheet.assignment_title)}</b> "
            f"<span style='color:{MUTED}'>— came back at the session of "
            f"{day_text(on, year=on.year != today.year)}: "
            f"{len(sheet.answers)} answers{flagged}</span></p>"
        )
        if sheet.nights:
            mean = sheet.mean_efficiency
            nights = " · ".join(
                f"Day {n.block[1:]} <b>{n.efficiency.percent} %</b> "
                f"<span style='color:{MUTED}'>({_hours(n.efficiency.time_asleep)} asleep of "
                f"{_hours(n.efficiency.time_in_bed)} in bed)</span>"
                for n in sheet.nights
            )
            parts.append(
                f"<p style='margin:2px 0'>Sleep efficiency: mean <b>{mean} %</b> over "
                f"{len(sheet.nights)} night{'s' if len(sheet.nights) != 1 else ''} — "
                f"{nights}</p>"
            )
        if sheet.nights_left_out:
            n = sheet.nights_left_out
            parts.append(
                f"<p style='margin:2px 0;color:{FLAG_INK}'>{n} night{'s' if n != 1 else ''} "
                "left out: times do not add up.</p>"
            )
        parts.append(answers_html(sheet.answers, limit=limit))
    return "".join(parts)
