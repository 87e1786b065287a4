"""Printed and fillable outcome-measure forms: PHQ-9, GAD-7 and the client's own goals
(docs/clinical.md, Outcome measures).

The questionnaires print their validated wording (``domain.measures``) exactly, in the
form's language, never simplified by literacy level; large print makes the type bigger,
the words stay. Each item has the four answers as tick boxes (0–3), then the difficulty
question; a box "For the therapist: total ___" is left to score by hand. The goals form
prints the client's up to three goals, each with a 0–10 scale whose better end is said
at its ends. Every form carries its code (text and QR), the client's name and a date line.

A fillable form has a hidden, read-only ``practice_code`` field holding the marker
``M1|code|kind|language|goal ids`` (goal ids dot-separated, empty for a questionnaire)
and these answer fields: radio groups ``q1`` … ``q9`` (values ``0`` … ``3``), ``diff``
(the difficulty question, ``0`` … ``3``), ``g1`` … ``g3`` (``0`` … ``10``) and the text
field ``date``. :func:`read_measure_form` reads them back, unjudged.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from practice.domain.measures import ITEM_MAX, QUESTIONNAIRES, RATING_MAX, MeasureKind
from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.fillable import (
    CODE_FIELD,
    SUBJECT_MARKER,
    SheetImportError,
    _on_value,
    _open,
    _text,
    acro_form,
)
from practice.sheets.fonts import font_canvas
from practice.sheets.qr import draw_qr
from practice.sheets.scales import radio_box, tick_box
from practice.sheets.sheet import PAGE_SIZES, Paper
from practice.sheets.styles import ACCENT, INK, MUTED, RULE, TINT, SheetStyle, sheet_style, wrap

MARKER_TAG = "M1"
DATE_FIELD = "date"
DIFFICULTY_FIELD = "diff"
MARGIN_X = 16 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 16 * mm
FOOTER_BASELINE = 9 * mm
QR_SIZE = 22 * mm

# The client-facing words that are not part of a validated questionnaire.
WORDS: dict[str, dict[Language, str]] = {
    "goals_title": {Language.EN: "My goals", Language.ES: "Mis metas"},
    "goals_intro": {
        Language.EN: "How is each of these for you now? Tick one number on each line.",
        Language.ES: "¿Cómo está cada una de estas cosas para ti ahora? Marca un número en "
        "cada línea.",
    },
    "goal": {Language.EN: "Goal {n}", Language.ES: "Meta {n}"},
    "high_low": {
        Language.EN: "0 = not at all how I want it",
        Language.ES: "0 = nada como quiero",
    },
    "high_high": {
        Language.EN: "10 = just how I want it",
        Language.ES: "10 = justo como quiero",
    },
    "high_better": {Language.EN: "Higher is better.", Language.ES: "Más alto es mejor."},
    "low_low": {
        Language.EN: "0 = not a problem at all",
        Language.ES: "0 = no es un problema para nada",
    },
    "low_high": {
        Language.EN: "10 = as bad as it can be",
        Language.ES: "10 = lo peor que puede ser",
    },
    "low_better": {Language.EN: "Lower is better.", Language.ES: "Más bajo es mejor."},
    "name": {Language.EN: "Name:", Language.ES: "Nombre:"},
    "date": {
        Language.EN: "Date (day/month/year):",
        Language.ES: "Fecha (día/mes/año):",
    },
    "tick": {
        Language.EN: "Tick one box on each line.",
        Language.ES: "Marca una casilla en cada línea.",
    },
    "therapist_total": {
        Language.EN: "For the therapist: total",
        Language.ES: "Para el terapeuta: total",
    },
    "therapist_goals": {
        Language.EN: "For the therapist: entered on",
        Language.ES: "Para el terapeuta: anotado el",
    },
    "code": {Language.EN: "Code {code}", Language.ES: "Código {code}"},
    "page": {Language.EN: "Page {i} of {n}", Language.ES: "Página {i} de {n}"},
}


def word(key: str, language: Language, **values: object) -> str:
    return WORDS[key][language].format(**values)


@dataclass(frozen=True)
class GoalLine:
    goal_id: int
    text: str
    higher_is_better: bool


@dataclass(frozen=True)
class MeasureFormRequest:
    code: str
    kind: MeasureKind
    language: Language
    name: str | None = None  # the client's name on the name line
    large_print: bool = False
    fillable: bool = False
    paper: Paper = "a4"
    goals: tuple[GoalLine, ...] = ()  # the goals form's goals, in order


@dataclass(frozen=True)
class FilledMeasureForm:
    """What a returned fillable measure form holds, unjudged."""

    code: str
    kind: MeasureKind
    language: Language
    goal_ids: tuple[int, ...]
    answers: tuple[int | None, ...] = ()  # q1 … qN, None where nothing was ticked
    difficulty: int | None = None
    ratings: tuple[int | None, ...] = ()  # g1 … gN, in the printed goals' order
    date_text: str = ""
    problems: tuple[str, ...] = field(default_factory=tuple)
    # (field name, what it holds) for each question whose answer cannot be read: a value
    # that is not one of the form's, or "" when more than one box was ticked
    unreadable: tuple[tuple[str, str], ...] = ()


def title(kind: MeasureKind, language: Language) -> str:
    instrument = kind.instrument
    return word("goals_title", language) if instrument is None else QUESTIONNAIRES[instrument].name


def encode_marker(request: MeasureFormRequest) -> str:
    goals = ".".join(str(g.goal_id) for g in request.goals)
    return "|".join((MARKER_TAG, request.code, request.kind.value, request.language.value, goals))


# ---- drawing ------------------------------------------------------------------------


class _Pages:
    """A canvas with a cursor: ``room(h)`` starts a new page when ``h`` does not fit."""

    def __init__(self, c: Canvas, request: MeasureFormRequest, style: SheetStyle) -> None:
        self.c, self.r, self.s = c, request, style
        self.page_w, self.page_h = PAGE_SIZES[request.paper]
        self.width = self.page_w - 2 * MARGIN_X
        self.y = self.page_h - MARGIN_TOP
        self.number = 1
        self.total: int | None = None  # pages in all, once known
        self.on_new_page: Callable[[], None] | None = None

    def room(self, height: float) -> None:
        if self.y - height < MARGIN_BOTTOM:
            self.c.showPage()
            self.number += 1
            self.y = self.page_h - MARGIN_TOP
            if self.on_new_page:
                self.on_new_page()

    def lines(self, lines: list[str], font: str, size: float, x: float, color: Any = INK) -> None:
        leading = size * 1.3
        self.c.setFillColor(color)
        self.c.setFont(font, size)
        for line in lines:
            self.c.drawString(x, self.y - size, line)
            self.y -= leading


def render_measure_form(request: MeasureFormRequest) -> bytes:
    """The form as PDF bytes (fillable when ``request.fillable``). Drawn twice when it
    runs over one page, so every footer can say "page x of y"."""
    if request.paper not in PAGE_SIZES:
        raise ValueError(f"Unknown paper {request.paper!r}: use 'a4' or 'letter'.")
    pdf, count = _render(request, None)
    return pdf if count == 1 else _render(request, count)[0]


def _render(request: MeasureFormRequest, total: int | None) -> tuple[bytes, int]:
    buf = io.BytesIO()
    c = font_canvas(buf, PAGE_SIZES[request.paper])
    name = title(request.kind, request.language)
    c.setTitle(name)
    c.setSubject(SUBJECT_MARKER)
    c.setAuthor("Practice")
    c.setCreator("Practice")
    c.setKeywords(f"code={request.code}")
    style = sheet_style(LiteracyLevel.STANDARD, request.large_print)
    pages = _Pages(c, request, style)
    pages.total = total
    _header(pages, name)
    if request.kind.instrument is None:
        _goals(pages)
    else:
        _questionnaire(pages)
    if request.fillable:
        marker = encode_marker(request)
        acro_form(c).textfield(
            name=CODE_FIELD, value=marker, x=0, y=0, width=1, height=1, borderWidth=0,
            borderColor=None, fillColor=None, fieldFlags="readOnly",
            annotationFlags="hidden", maxlen=len(marker) + 1,
        )  # fmt: skip
    c.showPage()
    c.save()
    return buf.getvalue(), pages.number


def _footer(pages: _Pages) -> None:
    r, s, c = pages.r, pages.s, pages.c
    parts = [title(r.kind, r.language)]
    if r.name:
        parts.append(r.name)
    parts.append(word("code", r.language, code=r.code))
    small = s.small
    c.setFillColor(MUTED)
    c.setFont(s.regular, small)
    c.drawString(MARGIN_X, FOOTER_BASELINE, "  ·  ".join(parts))
    if pages.total is not None:
        page = word("page", r.language, i=pages.number, n=pages.total)
        c.drawRightString(pages.page_w - MARGIN_X, FOOTER_BASELINE, page)


def _header(pages: _Pages, name: str) -> None:
    r, s, c = pages.r, pages.s, pages.c
    x = pages.page_w - MARGIN_X - QR_SIZE
    top = pages.y
    draw_qr(c, r.code, x, top - QR_SIZE, QR_SIZE)
    c.setFillColor(INK)
    c.setFont(s.bold, min(s.body, 12))
    c.drawCentredString(x + QR_SIZE / 2, top - QR_SIZE - 4 * mm, r.code)
    text_w = pages.width - QR_SIZE - 6 * mm
    pages.lines(wrap(name, s.bold, s.main, text_w), s.bold, s.main, MARGIN_X, ACCENT)
    pages.y -= 2 * mm
    lang = r.language
    for key, known, fill_in in (("name", r.name, False), ("date", None, r.fillable)):
        label = word(key, lang)
        c.setFillColor(INK)
        c.setFont(s.bold, s.body)
        base = pages.y - s.body * 1.2
        c.drawString(MARGIN_X, base, label)
        lx = MARGIN_X + c.stringWidth(label, s.bold, s.body) + 2 * mm
        line_w = min(90 * mm, text_w - (lx - MARGIN_X))
        if known:
            c.setFont(s.regular, s.body)
            c.drawString(lx + 1 * mm, base, known)
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        c.line(lx, base - 1.5 * mm, lx + line_w, base - 1.5 * mm)
        if fill_in:
            acro_form(c).textfield(
                name=DATE_FIELD, x=lx, y=base - 1.2 * mm, width=line_w, height=s.body * 1.4,
                borderWidth=0, borderColor=None, fillColor=None, textColor=INK,
                fontSize=s.body, tooltip=label, maxlen=40,
            )  # fmt: skip
        pages.y -= s.body * 1.2 + 4 * mm
    pages.y = min(pages.y, top - QR_SIZE - 8 * mm) - 2 * mm
    _footer(pages)
    pages.on_new_page = lambda: _footer(pages)


def _questionnaire(pages: _Pages) -> None:
    r, s, c = pages.r, pages.s, pages.c
    instrument = r.kind.instrument
    assert instrument is not None
    wording = QUESTIONNAIRES[instrument].wording[r.language]
    pages.lines(wrap(wording.stem, s.bold, s.body, pages.width), s.bold, s.body, MARGIN_X)
    pages.y -= 2 * mm
    col_w = (pages.width * (0.48 if r.large_print else 0.44)) / 4
    item_w = pages.width - 4 * col_w
    head_size = s.body - 1.5
    heads = [wrap(opt, s.bold, head_size, col_w - 2 * mm) for opt in wording.options]
    # "Tick one box on each line." stands in the header, left of the answers
    tick = wrap(word("tick", r.language), s.regular, s.body, item_w - 4 * mm)
    head_h = max(
        max(len(h) for h in heads) * head_size * 1.2 + s.body * 1.5 + 2 * mm,
        len(tick) * s.leading + 3 * mm,
    )

    def header_row() -> None:
        top = pages.y
        c.setFillColor(TINT)
        c.rect(MARGIN_X, top - head_h, pages.width, head_h, stroke=0, fill=1)
        for i, lines in enumerate(heads):
            cx = MARGIN_X + item_w + i * col_w + col_w / 2
            c.setFillColor(INK)
            c.setFont(s.bold, head_size)
            for n, line in enumerate(lines):
                c.drawCentredString(cx, top - 1.5 * mm - head_size * (n + 1) * 1.1, line)
            c.setFont(s.bold, s.body)
            c.drawCentredString(cx, top - head_h + 2 * mm, str(i))
        c.setFillColor(MUTED)
        c.setFont(s.regular, s.body)
        for n, line in enumerate(reversed(tick)):
            c.drawString(MARGIN_X + 2 * mm, top - head_h + 2 * mm + n * s.leading, line)
        pages.y = top - head_h

    pages.room(head_h + 30 * mm)
    header_row()
    box = s.box
    leading = s.body * 1.3  # the table's rows: tighter than body text, still open
    for number, item in enumerate(wording.items, start=1):
        lines = wrap(item, s.regular, s.body, item_w - 9 * mm)
        row_h = max(len(lines) * leading, box) + 2 * mm
        if pages.y - row_h < MARGIN_BOTTOM:
            pages.room(row_h + head_h)
            header_row()
        top = pages.y
        c.setFillColor(INK)
        c.setFont(s.bold, s.body)
        c.drawString(MARGIN_X + 1 * mm, top - 1 * mm - s.body, f"{number}.")
        c.setFont(s.regular, s.body)
        for n, line in enumerate(lines):
            c.drawString(MARGIN_X + 9 * mm, top - 1 * mm - s.body - n * leading, line)
        by = top - row_h / 2 - box / 2
        for value in range(ITEM_MAX + 1):
            bx = MARGIN_X + item_w + value * col_w + col_w / 2 - box / 2
            tick_box(c, bx, by, box)
            if r.fillable:
                radio_box(c, f"q{number}", str(value), bx, by, box, wording.options[value])
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(MARGIN_X, top - row_h, MARGIN_X + pages.width, top - row_h)
        pages.y = top - row_h
    pages.y -= 5 * mm
    _difficulty(pages, wording.difficulty, wording.difficulty_options)
    _therapist_box(pages, word("therapist_total", r.language))


def _difficulty(pages: _Pages, question: str, options: tuple[str, ...]) -> None:
    r, s, c = pages.r, pages.s, pages.c
    q_lines = wrap(question, s.bold, s.body, pages.width)
    per_row = 2
    cell_w = pages.width / per_row
    box = s.box
    opt_lines = [wrap(o, s.regular, s.body, cell_w - box - 5 * mm) for o in options]
    rows = [opt_lines[i : i + per_row] for i in range(0, len(opt_lines), per_row)]
    rows_h = [max(len(x) for x in row) * s.leading + 3 * mm for row in rows]
    pages.room(len(q_lines) * s.body * 1.3 + sum(rows_h) + 2 * mm)
    pages.lines(q_lines, s.bold, s.body, MARGIN_X)
    pages.y -= 2 * mm
    for row_index, row in enumerate(rows):
        top = pages.y
        for i, lines in enumerate(row):
            value = row_index * per_row + i
            x = MARGIN_X + i * cell_w
            tick_box(c, x, top - box, box)
            if r.fillable:
                radio_box(c, DIFFICULTY_FIELD, str(value), x, top - box, box, options[value])
            c.setFillColor(INK)
            c.setFont(s.regular, s.body)
            for n, line in enumerate(lines):
                c.drawString(x + box + 2 * mm, top - s.body - n * s.leading, line)
        pages.y = top - rows_h[row_index]


def _therapist_box(pages: _Pages, label: str) -> None:
    s, c = pages.s, pages.c
    height = s.body * 2.4
    pages.y -= 4 * mm
    pages.room(height)
    width = c.stringWidth(label, s.bold, s.body) + 30 * mm + 2 * s.pad
    x = MARGIN_X + pages.width - width
    top = pages.y
    c.setFillColor(TINT)
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1)
    c.roundRect(x, top - height, width, height, 2 * mm, stroke=1, fill=1)
    c.setFillColor(INK)
    c.setFont(s.bold, s.body)
    base = top - height / 2 - 0.35 * s.body
    c.drawString(x + s.pad, base, label)
    lx = x + s.pad + c.stringWidth(label, s.bold, s.body) + 2 * mm
    c.setStrokeColor(INK)
    c.line(lx, base - 1 * mm, x + width - s.pad, base - 1 * mm)
    pages.y = top - height


def _goals(pages: _Pages) -> None:
    r, s, c = pages.r, pages.s, pages.c
    lang = r.language
    pages.lines(wrap(word("goals_intro", lang), s.bold, s.body, pages.width), s.bold, s.body,
                MARGIN_X)  # fmt: skip
    pages.y -= 4 * mm
    count = RATING_MAX + 1
    box = s.box
    step = pages.width / count
    for number, goal in enumerate(r.goals, start=1):
        head = f"{word('goal', lang, n=number)}: {goal.text}"
        lines = wrap(head, s.bold, s.body, pages.width)
        ends = ("high_low", "high_high", "high_better") if goal.higher_is_better else (
            "low_low", "low_high", "low_better")  # fmt: skip
        left = wrap(word(ends[0], lang), s.regular, s.body, pages.width / 2 - 2 * mm)
        right = wrap(word(ends[1], lang), s.regular, s.body, pages.width / 2 - 2 * mm)
        height = (
            len(lines) * s.body * 1.3 + s.body * 1.4 + box + 2 * mm
            + max(len(left), len(right)) * s.leading + s.leading + 8 * mm
        )  # fmt: skip
        pages.room(height)
        pages.lines(lines, s.bold, s.body, MARGIN_X)
        pages.y -= 1 * mm
        top = pages.y
        c.setFillColor(INK)
        c.setFont(s.bold, s.body)
        for value in range(count):
            cx = MARGIN_X + value * step + step / 2
            c.drawCentredString(cx, top - s.body, str(value))
            bx, by = cx - box / 2, top - s.body * 1.4 - box
            tick_box(c, bx, by, box)
            if r.fillable:
                tip = f"{word('goal', lang, n=number)}: {value}"
                radio_box(c, f"g{number}", str(value), bx, by, box, tip)
        pages.y = top - s.body * 1.4 - box - 2 * mm
        top = pages.y
        c.setFont(s.regular, s.body)
        for n, line in enumerate(left):
            c.drawString(MARGIN_X, top - s.body - n * s.leading, line)
        for n, line in enumerate(right):
            c.drawRightString(MARGIN_X + pages.width, top - s.body - n * s.leading, line)
        pages.y = top - max(len(left), len(right)) * s.leading
        pages.lines([word(ends[2], lang)], s.bold, s.body, MARGIN_X, ACCENT)
        pages.y -= 6 * mm
    _therapist_box(pages, word("therapist_goals", lang))


# ---- reading back -------------------------------------------------------------------


def is_measure_marker(value: str) -> bool:
    """A measure form's marker, of this version ("M1|…") or of a newer one ("M2|…")."""
    return re.match(r"M[0-9]{1,3}\|", value) is not None


class NewerFormError(SheetImportError):
    """A measure form made by a newer version of Practice."""


def read_measure_form(pdf_bytes: bytes) -> FilledMeasureForm | None:
    """The answers of a returned fillable measure form; None when the PDF is not one
    (it may be a homework sheet). Raises the sheet errors of ``sheets.fillable`` for a
    damaged or protected PDF."""
    fields, _metadata = _open(pdf_bytes)
    marker = _text((fields.get(CODE_FIELD) or {}).get("/V"))
    if not is_measure_marker(marker):
        return None
    parts = marker.split("|")
    if parts[0] != MARKER_TAG:
        raise NewerFormError(
            "This form was made by a newer version of Practice; update Practice to import it."
        )
    try:
        _, code, kind_value, language_value, goal_text = parts
        kind, language = MeasureKind(kind_value), Language(language_value)
        goal_ids = tuple(int(g) for g in goal_text.split(".")) if goal_text else ()
        if not re.fullmatch(r"[0-9A-Z]{4,16}", code):
            raise ValueError(code)
    except ValueError:
        from practice.sheets.fillable import ForeignPdfError

        raise ForeignPdfError(
            "This PDF has a Practice marker that cannot be read; it may have been edited "
            "by another program."
        ) from None

    unreadable: list[tuple[str, str]] = []

    def chosen(name: str, top: int) -> int | None:
        raw = (fields.get(name) or {}).get("/V")
        if isinstance(raw, list | tuple):  # more than one box ticked on one question
            ticked = [v for v in (_on_value(r) for r in raw) if v]
            if len(ticked) > 1:
                unreadable.append((name, ""))
                return None
            raw = ticked[0] if ticked else None
        value = _on_value(raw)
        if not value:
            return None
        # ASCII digits only ("²" is a digit to Python but no answer), and short
        if value.isascii() and value.isdigit() and len(value) <= 3 and int(value) <= top:
            return int(value)
        unreadable.append((name, value))
        return None

    answers: tuple[int | None, ...] = ()
    difficulty = None
    instrument = kind.instrument
    if instrument is not None:
        count = QUESTIONNAIRES[instrument].item_count
        answers = tuple(chosen(f"q{n}", ITEM_MAX) for n in range(1, count + 1))
        difficulty = chosen(DIFFICULTY_FIELD, ITEM_MAX)
    ratings = tuple(chosen(f"g{n}", RATING_MAX) for n in range(1, len(goal_ids) + 1))
    date_text = _text((fields.get(DATE_FIELD) or {}).get("/V"))
    return FilledMeasureForm(
        code=code,
        kind=kind,
        language=language,
        goal_ids=goal_ids,
        answers=answers,
        difficulty=difficulty,
        ratings=ratings,
        date_text=date_text,
        unreadable=tuple(unreadable),
    )
