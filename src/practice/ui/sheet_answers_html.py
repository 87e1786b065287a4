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

from PySide6.QtCore import QCoreApplication

from practice.services.sheet_answers import ReturnedSheet
from practice.ui import i18n, theme
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
        problem = i18n.translated(a.problem) if a.problem else None
        rows.append(
            _Row(i18n.translated(a.where), a.label, [a.value], [own] if own else [], problem)
        )
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
            own = escape("; ".join(row.own))
            value += f" <span style='color:{MUTED}'>(“{own}”)</span>"  # not translated: markup
        style = f" style='background:{FLAG_BACKGROUND}'" if row.problem else ""
        if row.problem:
            value = (
                f"<b style='color:{FLAG_INK}'>⚠ {value}</b><br>"  # not translated: markup
                f"<span style='color:{FLAG_INK}'>{escape(row.problem)}</span>"
            )
        html.append(
            f"<tr{style}><td style='color:{WHERE_INK}' valign='top'>"  # not translated: markup
            f"<b>{escape(where)}</b></td>"
            f"<td style='color:{MUTED}' valign='top'>{escape(row.label)}</td>"
            f"<td valign='top'>{value}</td></tr>"
        )
    html.append("</table>")
    if limit and len(rows) > limit:
        left = len(rows) - limit  # lupdate reads a plain name as the count
        more = QCoreApplication.translate(
            "sheet_answers_html", "… and %n more answer(s).", None, left
        )
        html.append(f"<p style='color:{MUTED}'>{more}</p>")
    return "".join(html)


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


def returned_html(sheets: list[ReturnedSheet], today: date, *, limit: int = 40) -> str:
    """The client's latest returned sheets: answers per day or entry, and for a sleep
    diary the sleep efficiency of each night (time asleep / time in bed)."""
    parts = []
    for sheet in sheets:
        on = sheet.session_at.astimezone().date()
        count, flagged_count = len(sheet.answers), sheet.flagged  # plain names for lupdate
        answers = QCoreApplication.translate("sheet_answers_html", "%n answer(s)", None, count)
        if sheet.flagged:
            flagged = QCoreApplication.translate(
                "sheet_answers_html", "%n flagged", None, flagged_count
            )
            flagged_html = (
                f"<span style='color:{FLAG_INK}'>{flagged}</span>"  # not translated: markup
            )
            answers = QCoreApplication.translate(
                "sheet_answers_html", "{answers}, {flagged}"
            ).format(answers=answers, flagged=flagged_html)
        came_back = QCoreApplication.translate(
            "sheet_answers_html", "— came back at the session of {day}: {answers}"
        ).format(day=day_text(on, year=on.year != today.year), answers=answers)
        title = f"<b>{escape(sheet.assignment_title)}</b>"
        came_back = f"<span style='color:{MUTED}'>{came_back}</span>"  # not translated: markup
        parts.append(f"<p style='margin:4px 0'>{title} {came_back}</p>")
        if sheet.nights:
            mean = sheet.mean_efficiency
            nights_count = len(sheet.nights)
            nights = " · ".join(
                QCoreApplication.translate(
                    "sheet_answers_html",
                    "Day {day} <b>{percent} %</b> <span style='color:{muted}'>({asleep} asleep "
                    "of {in_bed} in bed)</span>",
                ).format(
                    day=n.block[1:],
                    percent=n.efficiency.percent,
                    muted=MUTED,
                    asleep=_hours(n.efficiency.time_asleep),
                    in_bed=_hours(n.efficiency.time_in_bed),
                )
                for n in sheet.nights
            )
            over = QCoreApplication.translate(
                "sheet_answers_html", "Sleep efficiency: mean <b>{mean} %</b> over {nights}"
            ).format(
                mean=mean,
                nights=QCoreApplication.translate(
                    "sheet_answers_html", "%n night(s)", None, nights_count
                ),
            )
            parts.append(f"<p style='margin:2px 0'>{over} — {nights}</p>")
        if sheet.nights_left_out:
            n = sheet.nights_left_out
            left_out = QCoreApplication.translate(
                "sheet_answers_html", "%n night(s) left out: times do not add up.", None, n
            )
            parts.append(f"<p style='margin:2px 0;color:{FLAG_INK}'>{left_out}</p>")
        parts.append(answers_html(sheet.answers, limit=limit))
    return "".join(parts)
