"""Rating scales, one per level (docs/clinical.md, Literacy levels).

standard: a 0–100 line to mark plus a box to write the number; plain: 0–10 tick
boxes with word anchors at 0, 5 and 10; easy: five simple faces with words;
pictorial: three faces with words. The range and the words come from what the
rating measures (its ``scale`` kind, :mod:`practice.sheets.scale_words`): both ends
are named, and the same kind runs the same way on every sheet. Kinds with their own
range (mastery and pleasure 0–10, quality 0–4) are boxes at standard too.
The faces are our own plain circles (two dots and a mouth), nothing like
Wong-Baker FACES or the FPS-R; belief and likelihood show a circle filling up.

Every scale can also place AcroForm fields over what it draws (``name`` given):
a text field for the 0–100 box, a radio group (values "0", "1", …) for the boxes.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.fillable import acro_form
from practice.sheets.model import SheetField
from practice.sheets.pictograms import AMOUNT, PictogramPainter
from practice.sheets.scale_kinds import ScaleKind, scale_range
from practice.sheets.scale_words import ScaleWords, scale_words
from practice.sheets.styles import BORDER, INK, MUTED, RULE, SheetStyle, draw_lines, wrap

FACES: dict[int, tuple[str, ...]] = {
    5: ("face_very_sad", "face_sad", "face_ok", "face_happy", "face_very_happy"),
    3: ("face_sad", "face_ok", "face_happy"),
}
INTENSITY_STEMS = (
    "strong", "fuert", "fuerza", "intens", "anx", "ansi", "fear", "miedo", "scared", "asust",
    "urge", "ganas", "craving", "deseo", "panic", "pánico", "worr", "preocup", "upset",
    "malestar", "distress", "pain", "dolor", "nervio", "nervous", "tense", "tensi",
)  # fmt: skip
HAPPINESS = {"face_very_happy": 0, "face_happy": 1, "face_ok": 2, "face_sad": 3, "face_very_sad": 4}


def is_intensity(field: SheetField) -> bool:
    """Does the rating measure how strong something unpleasant was (more = worse)?"""
    words = re.findall(r"\w+", f"{field.label} {field.hint}".lower())
    return any(w.startswith(INTENSITY_STEMS) for w in words)


def field_kind(field: SheetField) -> ScaleKind | None:
    """What the rating measures: its ``scale``, else intensity if its words say so."""
    if field.scale:
        return ScaleKind(field.scale)
    return ScaleKind.INTENSITY if is_intensity(field) else None


def field_words(language: Language, field: SheetField) -> ScaleWords:
    """The words of the field's kind in ``language``."""
    return scale_words(field_kind(field), language)


def field_range(level: LiteracyLevel, field: SheetField) -> tuple[int, int]:
    """Lowest and highest value of the field's scale at ``level``."""
    return scale_range(field_kind(field), level)


def written_anchors(
    level: LiteracyLevel, language: Language, field: SheetField
) -> list[tuple[int, str]]:
    """(value, words) printed on a written scale: every point of a 5-point scale, else
    both ends (and the middle on 0–10); the field's ``options`` replace the words."""
    low, high = field_range(level, field)
    words = field_words(language, field)
    if high - low == 4:
        points = list(range(low, high + 1))
        texts: tuple[str, ...] = words.five
    elif level is LiteracyLevel.PLAIN or high <= 10:
        points, texts = [low, (low + high) // 2, high], (words.low, words.mid, words.high)
    else:
        points, texts = [low, high], (words.low, words.high)
    if len(field.options) == len(points):
        texts = field.options
    return list(zip(points, texts, strict=True))


def anchor_note(level: LiteracyLevel, language: Language, field: SheetField) -> str:
    """ "0 = worst mood, 10 = best mood": a written scale's ends in one line."""
    pairs = written_anchors(level, language, field)
    if len(pairs) == 5:
        pairs = [pairs[0], pairs[-1]]
    return ", ".join(f"{value} = {text}" for value, text in pairs)


def face_choices(style: SheetStyle, language: Language, field: SheetField) -> list[tuple[str, str]]:
    """(picture, word) for the values 0, 1, … of a face rating, left to right.

    Higher-is-better kinds run from the saddest face to the happiest; intensity
    (more is worse) the other way; belief and likelihood show a circle filling up.
    """
    words = field_words(language, field)
    default = words.five if style.level is LiteracyLevel.EASY else words.three
    texts = field.options if len(field.options) == len(default) else default
    n = len(texts)
    if words.faces == "amount":
        pictures: tuple[str, ...] = tuple(f"{AMOUNT}{i}_{n - 1}" for i in range(n))
    else:
        pictures = FACES[n][::-1] if words.faces == "down" else FACES[n]
    return list(zip(pictures, texts, strict=True))


def draw_choice_picture(
    c: Canvas, painter: PictogramPainter, name: str, x: float, y: float, size: float
) -> None:
    """A face pictogram, or an amount circle, lower-left corner at (x, y)."""
    painter.draw(name, x, y, size)


def tick_box(c: Canvas, x: float, y: float, size: float) -> None:
    """An empty square to tick, lower-left corner at (x, y)."""
    c.setStrokeColor(INK)
    c.setLineWidth(max(1.2, size / 14))
    c.rect(x, y, size, size, stroke=1, fill=0)


def check_box(c: Canvas, name: str, x: float, y: float, size: float, tip: str) -> None:
    """A fillable check box laid exactly over a drawn tick box."""
    acro_form(c).checkbox(
        name=name,
        x=x,
        y=y,
        size=size,
        buttonStyle="check",
        borderWidth=0,
        borderColor=None,
        fillColor=None,
        textColor=INK,
        tooltip=tip,
    )


def radio_box(c: Canvas, name: str, value: str, x: float, y: float, size: float, tip: str) -> None:
    """A radio button laid exactly over a drawn tick box."""
    acro_form(c).radio(
        name=name,
        value=value,
        x=x,
        y=y,
        size=size,
        selected=False,
        buttonStyle="check",
        shape="square",
        borderWidth=0,
        borderColor=None,
        fillColor=None,
        textColor=INK,
        tooltip=tip,
    )


class RatingScale(ABC):
    """A rating scale for one level; measure with :meth:`height`, then :meth:`draw`."""

    choices: int

    def __init__(self, style: SheetStyle, language: Language, field: SheetField) -> None:
        self.style = style
        self.language = language
        self.field = field
        self.low, self.high = field_range(style.level, field)
        pairs = written_anchors(style.level, language, field)
        self.anchors = tuple(f"{value} = {text}" for value, text in pairs)
        self.anchor_values = tuple(value for value, _ in pairs)

    @abstractmethod
    def height(self, width: float) -> float: ...

    @abstractmethod
    def draw(
        self, c: Canvas, painter: PictogramPainter, x: float, top: float, width: float,
        name: str | None = None, tooltip: str = "",
    ) -> None: ...  # fmt: skip


class LineScale(RatingScale):
    """Standard: 0 ——|——|—— 100, mark it or write the number in the box."""

    choices = 101

    def _box_width(self) -> float:
        return max(18 * mm, self.style.body * 3.4)

    def _anchor_lines(self, width: float) -> list[list[str]]:
        """Both ends on one line when they fit side by side, else each in half."""
        s = self.style
        line = width - self._box_width() - 8 * mm
        ends = [self.anchors[0], self.anchors[-1]]
        if sum(stringWidth(a, s.regular, s.body) for a in ends) + 4 * mm <= line:
            return [[a] for a in ends]
        return [wrap(a, s.regular, s.body, line / 2 - 2 * mm) for a in ends]

    def height(self, width: float) -> float:
        s = self.style
        rows = max(len(lines) for lines in self._anchor_lines(width))
        return s.leading + 4 * mm + rows * s.leading

    def draw(
        self, c: Canvas, painter: PictogramPainter, x: float, top: float, width: float,
        name: str | None = None, tooltip: str = "",
    ) -> None:  # fmt: skip
        s = self.style
        box_w = self._box_width()
        x0, x1 = x + 2 * mm, x + width - box_w - 6 * mm
        line_y = top - s.leading - 2 * mm
        c.setFillColor(INK)
        c.setFont(s.bold, s.body)
        text_y = line_y + 1.2 * mm + 0.2 * s.body
        c.drawString(x0 - 0.3 * s.body, text_y, str(self.low))
        c.drawCentredString((x0 + x1) / 2, text_y, str((self.low + self.high) // 2))
        c.drawRightString(x1 + 0.6 * s.body, text_y, str(self.high))
        c.setStrokeColor(INK)
        c.setLineWidth(1.4)
        c.line(x0, line_y, x1, line_y)
        c.setLineWidth(1)
        for i in range(11):
            tx = x0 + (x1 - x0) * i / 10
            tick = 2.2 * mm if i % 5 == 0 else 1.3 * mm
            c.line(tx, line_y - tick / 2, tx, line_y + tick / 2)
        low, high = self._anchor_lines(width)[0], self._anchor_lines(width)[-1]
        draw_lines(c, low, s.regular, s.body, s.leading, x0, line_y - 1.5 * mm, MUTED)
        draw_lines(
            c, high, s.regular, s.body, s.leading, x0, line_y - 1.5 * mm, MUTED,
            align="right", width=x1 - x0,
        )  # fmt: skip
        box_h = s.line_gap * 0.85
        bx, by = x + width - box_w - 1 * mm, line_y - box_h / 2
        c.setStrokeColor(BORDER)
        c.setLineWidth(1.2)
        c.rect(bx, by, box_w, box_h, stroke=1, fill=0)
        if name:
            acro_form(c).textfield(
                name=name, x=bx + 1, y=by + 1, width=box_w - 2, height=box_h - 2,
                fontSize=s.body, borderWidth=0, borderColor=None, fillColor=None,
                textColor=INK, maxlen=3, tooltip=tooltip or f"{self.low}-{self.high}",
            )  # fmt: skip


class BoxScale(RatingScale):
    """Plain (and 0–10 or 0–4 kinds at standard): a box per point, numbers above,
    words under both ends (and the middle), or under every box of a 5-point scale."""

    def __init__(self, style: SheetStyle, language: Language, field: SheetField) -> None:
        super().__init__(style, language, field)
        self.choices = self.high - self.low + 1
        if self.choices == 5:  # every box has its words: the number is above it
            self.anchors = tuple(a.split(" = ", 1)[1] for a in self.anchors)

    def _geometry(self, width: float) -> tuple[float, float]:
        cell = width / self.choices
        return cell, min(cell * 0.72, self.style.box * 1.15)

    def _anchor_width(self, width: float) -> float:
        if self.choices <= 5:
            return width / self.choices - 1 * mm
        return width / 3 - 2 * mm

    def _anchor_lines(self, width: float) -> list[list[str]]:
        s = self.style
        return [wrap(a, s.regular, s.body, self._anchor_width(width)) for a in self.anchors]

    def height(self, width: float) -> float:
        s = self.style
        _, box = self._geometry(width)
        rows = max(len(lines) for lines in self._anchor_lines(width))
        return s.leading + box + 1.5 * mm + rows * s.leading

    def draw(
        self, c: Canvas, painter: PictogramPainter, x: float, top: float, width: float,
        name: str | None = None, tooltip: str = "",
    ) -> None:  # fmt: skip
        s = self.style
        cell, box = self._geometry(width)
        box_top = top - s.leading
        c.setFillColor(INK)
        c.setFont(s.bold, s.body)
        for i in range(self.choices):
            cx = x + cell * (i + 0.5)
            value = str(self.low + i)
            c.drawCentredString(cx, box_top + 0.25 * s.body, value)
            tick_box(c, cx - box / 2, box_top - box, box)
            if name:
                radio_box(c, name, value, cx - box / 2, box_top - box, box, f"{tooltip} {value}")
        anchors = self._anchor_lines(width)
        atop = box_top - box - 1.5 * mm
        if self.choices <= 5:
            for i, lines in enumerate(anchors):
                draw_lines(
                    c, lines, s.regular, s.body, s.leading, x + cell * i, atop, MUTED,
                    align="center", width=cell,
                )  # fmt: skip
            return
        left = x + cell / 2 - box / 2
        right = x + cell * (self.choices - 0.5) + box / 2
        third = width / 3
        draw_lines(c, anchors[0], s.regular, s.body, s.leading, left, atop, MUTED)
        if len(anchors) == 3:
            draw_lines(
                c, anchors[1], s.regular, s.body, s.leading, x + third, atop, MUTED,
                align="center", width=third,
            )  # fmt: skip
        draw_lines(
            c, anchors[-1], s.regular, s.body, s.leading, right - third, atop, MUTED,
            align="right", width=third,
        )  # fmt: skip


class FaceScale(RatingScale):
    """Easy (5) and pictorial (3): faces, a word under each, a box under each word."""

    def __init__(self, style: SheetStyle, language: Language, field: SheetField) -> None:
        super().__init__(style, language, field)
        self.faces = face_choices(style, language, field)
        self.anchors = tuple(word for _, word in self.faces)
        self.choices = len(self.faces)

    def _geometry(self, width: float) -> tuple[float, float]:
        col = min(width / self.choices, 48 * mm)
        factor = 3.0 if self.style.level is LiteracyLevel.PICTORIAL else 2.4
        return col, min(col * 0.62, self.style.body * factor)

    def _word_lines(self, width: float) -> list[list[str]]:
        s = self.style
        col, _ = self._geometry(width)
        return [wrap(a, s.bold, s.body, col - 2 * mm) for a in self.anchors]

    def height(self, width: float) -> float:
        s = self.style
        _, face = self._geometry(width)
        rows = max(len(lines) for lines in self._word_lines(width))
        return 1 * mm + face + 1 * mm + rows * s.leading + s.box + 1 * mm

    def draw(
        self, c: Canvas, painter: PictogramPainter, x: float, top: float, width: float,
        name: str | None = None, tooltip: str = "",
    ) -> None:  # fmt: skip
        s = self.style
        col, face = self._geometry(width)
        words = self._word_lines(width)
        rows = max(len(lines) for lines in words)
        for i, (face_name, _) in enumerate(self.faces):
            cx = x + col * (i + 0.5)
            draw_choice_picture(c, painter, face_name, cx - face / 2, top - 1 * mm - face, face)
            wtop = top - 2 * mm - face
            draw_lines(
                c, words[i], s.bold, s.body, s.leading, cx - col / 2, wtop, INK,
                align="center", width=col,
            )  # fmt: skip
            by = wtop - rows * s.leading - s.box
            tick_box(c, cx - s.box / 2, by, s.box)
            if name:
                radio_box(c, name, str(i), cx - s.box / 2, by, s.box, self.anchors[i])


def rating_scale(style: SheetStyle, language: Language, field: SheetField) -> RatingScale:
    """The scale for ``style.level`` and the field's kind: a 0–100 line, boxes, or faces."""
    if style.level in (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL):
        return FaceScale(style, language, field)
    _, high = field_range(style.level, field)
    if high == 100:
        return LineScale(style, language, field)
    return BoxScale(style, language, field)


def underline(c: Canvas, x: float, y: float, width: float) -> None:
    """One write-in line."""
    c.setStrokeColor(RULE)
    c.setLineWidth(0.8)
    c.line(x, y, x + width, y)
