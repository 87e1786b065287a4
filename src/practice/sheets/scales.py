"""Rating scales, one per level (docs/clinical.md, Literacy levels).

standard: a 0–100 line to mark plus a box to write the number; plain: 0–10 tick
boxes with word anchors at 0, 5 and 10; easy: five simple faces with words;
pictorial: three faces with words. The faces are our own plain circles (two dots
and a mouth) — nothing like Wong-Baker FACES or the FPS-R.

Every scale can also place AcroForm fields over what it draws (``name`` given):
a text field for the 0–100 box, a radio group (values "0", "1", …) for the boxes.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.fillable import acro_form
from practice.sheets.model import SheetField
from practice.sheets.pictograms import PictogramPainter
from practice.sheets.styles import BORDER, INK, MUTED, RULE, SheetStyle, draw_lines, wrap

# Default word anchors when a template field gives none (its `options`).
DEFAULT_ANCHORS: dict[tuple[LiteracyLevel, Language], tuple[str, ...]] = {
    (LiteracyLevel.STANDARD, Language.EN): ("Not at all", "The most"),
    (LiteracyLevel.STANDARD, Language.ES): ("Nada", "Lo máximo"),
    (LiteracyLevel.PLAIN, Language.EN): ("Not at all", "Medium", "The most"),
    (LiteracyLevel.PLAIN, Language.ES): ("Nada", "A medias", "Lo máximo"),
    (LiteracyLevel.EASY, Language.EN): ("Very bad", "Bad", "OK", "Good", "Very good"),
    (LiteracyLevel.EASY, Language.ES): ("Muy mal", "Mal", "Regular", "Bien", "Muy bien"),
    (LiteracyLevel.PICTORIAL, Language.EN): ("Bad", "OK", "Good"),
    (LiteracyLevel.PICTORIAL, Language.ES): ("Mal", "Regular", "Bien"),
}
FACES: dict[int, tuple[str, ...]] = {
    5: ("face_very_sad", "face_sad", "face_ok", "face_happy", "face_very_happy"),
    3: ("face_sad", "face_ok", "face_happy"),
}
# "How strong was the fear?": more is worse, so the faces run the other way.
INTENSITY_ANCHORS: dict[tuple[LiteracyLevel, Language], tuple[str, ...]] = {
    (LiteracyLevel.EASY, Language.EN): ("None", "A little", "Some", "A lot", "The most"),
    (LiteracyLevel.EASY, Language.ES): ("Nada", "Un poco", "Algo", "Mucho", "Muchísimo"),
    (LiteracyLevel.PICTORIAL, Language.EN): ("None", "Some", "A lot"),
    (LiteracyLevel.PICTORIAL, Language.ES): ("Nada", "Algo", "Mucho"),
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


def face_choices(style: SheetStyle, language: Language, field: SheetField) -> list[tuple[str, str]]:
    """(face, word) for the values 0, 1, … of a face rating, left to right."""
    intensity = is_intensity(field)
    table = INTENSITY_ANCHORS if intensity else DEFAULT_ANCHORS
    default = table[(style.level, language)]
    words = field.options if len(field.options) == len(default) else default
    faces = FACES[len(words)]
    return list(zip(faces[::-1] if intensity else faces, words, strict=True))


def tick_box(c: Canvas, x: float, y: float, size: float) -> None:
    """An empty square to tick, lower-left corner at (x, y)."""
    c.setStrokeColor(INK)
    c.setLineWidth(max(1.2, size / 14))
    c.rect(x, y, size, size, stroke=1, fill=0)


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
        default = DEFAULT_ANCHORS[(style.level, language)]
        anchors = field.options
        self.anchors = anchors if len(anchors) == len(default) else default

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
        s = self.style
        half = (width - self._box_width()) / 2 - 2 * mm
        return [wrap(a, s.regular, s.body, half) for a in self.anchors]

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
        c.drawString(x0 - 0.3 * s.body, text_y, "0")
        c.drawCentredString((x0 + x1) / 2, text_y, "50")
        c.drawRightString(x1 + 0.6 * s.body, text_y, "100")
        c.setStrokeColor(INK)
        c.setLineWidth(1.4)
        c.line(x0, line_y, x1, line_y)
        c.setLineWidth(1)
        for i in range(11):
            tx = x0 + (x1 - x0) * i / 10
            tick = 2.2 * mm if i % 5 == 0 else 1.3 * mm
            c.line(tx, line_y - tick / 2, tx, line_y + tick / 2)
        low, high = self._anchor_lines(width)
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
                textColor=INK, maxlen=3, tooltip=tooltip or "0-100",
            )  # fmt: skip


class BoxScale(RatingScale):
    """Plain: eleven boxes 0–10 with words under 0, 5 and 10."""

    choices = 11

    def _geometry(self, width: float) -> tuple[float, float]:
        cell = width / 11
        return cell, min(cell * 0.72, self.style.box * 1.15)

    def _anchor_lines(self, width: float) -> list[list[str]]:
        s = self.style
        return [wrap(a, s.regular, s.body, width / 3 - 2 * mm) for a in self.anchors]

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
        for i in range(11):
            cx = x + cell * (i + 0.5)
            c.drawCentredString(cx, box_top + 0.25 * s.body, str(i))
            tick_box(c, cx - box / 2, box_top - box, box)
            if name:
                radio_box(c, name, str(i), cx - box / 2, box_top - box, box, f"{tooltip} {i}")
        anchors = self._anchor_lines(width)
        atop = box_top - box - 1.5 * mm
        left = x + cell / 2 - box / 2
        right = x + cell * 10.5 + box / 2
        draw_lines(c, anchors[0], s.regular, s.body, s.leading, left, atop, MUTED)
        draw_lines(
            c, anchors[1], s.regular, s.body, s.leading, x + width / 3, atop, MUTED,
            align="center", width=width / 3,
        )  # fmt: skip
        draw_lines(
            c, anchors[2], s.regular, s.body, s.leading, right - width / 3, atop, MUTED,
            align="right", width=width / 3,
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
            painter.draw(face_name, cx - face / 2, top - 1 * mm - face, face)
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
    """The scale the levels table gives ``style.level``; the field's options are its words."""
    if style.level is LiteracyLevel.STANDARD:
        return LineScale(style, language, field)
    if style.level is LiteracyLevel.PLAIN:
        return BoxScale(style, language, field)
    return FaceScale(style, language, field)


def underline(c: Canvas, x: float, y: float, width: float) -> None:
    """One write-in line."""
    c.setStrokeColor(RULE)
    c.setLineWidth(0.8)
    c.line(x, y, x + width, y)
