"""The reminder card: a small card to put where the client will see it.

A6 (105 × 148 mm) or a 5 × 3 inch index card, in the client's language and at
their level: what to fill in, when, the reminder that is really set (an alarm, a
text message, an e-mail, a call, or this card itself: never an alarm that is not
set), the session to bring it to, and "put this where you will see it".
Pictures beside each line from the easy level down. What does not fit goes on a
second side, never clipped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, time
from typing import Literal

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import inch, mm

from practice.domain.vocabulary import Language, LiteracyLevel, ReminderChannel
from practice.sheets import wording
from practice.sheets.cells import Block, paginate
from practice.sheets.fonts import font_canvas
from practice.sheets.model import Layout, SheetText
from practice.sheets.pictograms import PictogramPainter
from practice.sheets.styles import ACCENT, INK, MUTED, RULE, TINT, draw_lines, sheet_style, wrap

CardSize = Literal["a6", "index"]
CARD_SIZES: dict[str, tuple[float, float]] = {"a6": A6, "index": (5 * inch, 3 * inch)}
CARD_MARGIN = {"a6": 8 * mm, "index": 6 * mm}

EN, ES = Language.EN, Language.ES
CARD_TEXT: dict[str, dict[Language, str]] = {
    "hello": {EN: "Hello, {name}!", ES: "¡Hola, {name}!"},
    "hello_blank": {EN: "Your reminder", ES: "Tu recordatorio"},
    "what": {EN: "Fill in your sheet: {title}.", ES: "Completa tu hoja: {title}."},
    "daily": {EN: "Every day.", ES: "Todos los días."},
    "each_time": {EN: "Each time it happens.", ES: "Cada vez que pase."},
    "alarm": {EN: "Your alarm rings at {time}.", ES: "Tu alarma suena a las {time}."},
    "alarm_untimed": {
        EN: "Your phone alarm reminds you.",
        ES: "La alarma de tu teléfono te avisa.",
    },
    "text": {EN: "You get a text message at {time}.", ES: "Te llega un mensaje a las {time}."},
    "text_untimed": {
        EN: "You get a text message to remind you.",
        ES: "Te llega un mensaje para avisarte.",
    },
    "email": {EN: "You get an e-mail at {time}.", ES: "Te llega un correo a las {time}."},
    "email_untimed": {
        EN: "You get an e-mail to remind you.",
        ES: "Te llega un correo para avisarte.",
    },
    "phone_call": {EN: "We call you once a week.", ES: "Te llamamos una vez a la semana."},
    "no_reminder": {EN: "This card is your reminder.", ES: "Esta tarjeta es tu recordatorio."},
    "bring": {EN: "Bring it on {date}.", ES: "Tráela el {date}."},
    "place": {EN: "Put this where you will see it.", ES: "Ponla donde la veas."},
    "place_more": {
        EN: "The fridge, a mirror or by your bed are good places.",
        ES: "El refrigerador, el espejo o junto a la cama son buenos lugares.",
    },
    "cheer": {
        EN: "Every little bit helps. You can do this.",
        ES: "Cada pequeño paso cuenta. ¡Tú puedes!",
    },
    "code": {EN: "Code {code}", ES: "Código {code}"},
}


# The card's reminder line per channel: (pictogram, text key; "_untimed" without a time)
REMINDER_LINE: dict[ReminderChannel, tuple[str | None, str]] = {
    ReminderChannel.ALARM: ("alarm", "alarm"),
    ReminderChannel.TEXT: ("text_message", "text"),
    ReminderChannel.EMAIL: ("email", "email"),
    ReminderChannel.PHONE_CALL: ("phone", "phone_call"),
    ReminderChannel.CARD: (None, "no_reminder"),
    ReminderChannel.NONE: (None, "no_reminder"),
}


def card_text(key: str, language: Language, **values: object) -> str:
    return CARD_TEXT[key][language].format(**values)


def reminder_line(
    channel: ReminderChannel, at: time | None, language: Language
) -> tuple[str | None, str]:
    """(pictogram, text) of the line naming the reminder that is really set."""
    picture, key = REMINDER_LINE[channel]
    if channel in (ReminderChannel.ALARM, ReminderChannel.TEXT, ReminderChannel.EMAIL):
        if at is None:
            return picture, card_text(f"{key}_untimed", language)
        return picture, card_text(key, language, time=wording.clock_time(at, language))
    return picture, card_text(key, language)


@dataclass(frozen=True)
class ReminderCardRequest:
    """One reminder card. ``when`` is free text ("after dinner"); default from the layout."""

    text: SheetText
    preferred_name: str | None = None
    when: str | None = None
    alarm_at: time | None = None  # older form of reminder=ALARM, reminder_at=...
    reminder: ReminderChannel | None = None  # the reminder really set (None: from alarm_at)
    reminder_at: time | None = None
    bring_on: date | None = None
    code: str | None = None
    size: CardSize = "a6"
    large_print: bool = False


class ReminderCard:
    """Renders one :class:`ReminderCardRequest`; ``generate()`` returns PDF bytes."""

    def __init__(self, request: ReminderCardRequest) -> None:
        if request.size not in CARD_SIZES:
            raise ValueError(f"Unknown card size {request.size!r}: use 'a6' or 'index'.")
        self.request = request
        self.language = request.text.language
        self.style = sheet_style(request.text.level, request.large_print)
        self.page_w, self.page_h = CARD_SIZES[request.size]
        self.margin = CARD_MARGIN[request.size]
        self.width = self.page_w - 2 * self.margin

    def lines(self) -> list[tuple[str | None, str, bool]]:
        """The card's lines: (pictogram, text, bold)."""
        r, lang, t = self.request, self.language, self.request.text
        simple = t.level in (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL)
        when = r.when or card_text("daily" if t.layout is Layout.DAILY else "each_time", lang)
        out: list[tuple[str | None, str, bool]] = [
            ("pen", card_text("what", lang, title=t.title), True)
        ]
        if not simple and r.size == "a6":
            out.append((None, t.main_message, False))
        out.append(("calendar", when, False))
        channel = r.reminder
        if channel is None:
            channel = ReminderChannel.NONE if r.alarm_at is None else ReminderChannel.ALARM
        picture, line = reminder_line(channel, r.reminder_at or r.alarm_at, lang)
        out.append((picture, line, channel is not ReminderChannel.NONE))
        if r.bring_on is not None:
            out.append(
                ("door", card_text("bring", lang, date=wording.long_date(r.bring_on, lang)), False)
            )
        return out

    def generate(self) -> bytes:
        r, s, lang = self.request, self.style, self.language
        buf = io.BytesIO()
        c = font_canvas(buf, (self.page_w, self.page_h))
        c.setTitle(card_text("hello_blank", lang))  # neutral: shown by file viewers
        c.setSubject("Practice reminder card")
        c.setAuthor("Practice")
        c.setCreator("Practice")
        painter = PictogramPainter(c)
        pic = s.body * 1.8 if s.pictures else 0.0
        blocks: list[Block] = []

        def text_block(
            picture: str | None, text: str, font: str, size: float, leading: float,
            color: Color = INK, tint: bool = False,
        ) -> Block:  # fmt: skip
            pw = pic if (picture and pic) else 0.0
            pad = 2 * mm if tint else 0.0
            tx = pad + (pw + 3 * mm if pw else 0.0)
            lines = wrap(text, font, size, self.width - tx - pad)
            height = max(len(lines) * leading, pw) + 2 * pad

            def draw(x: float, top: float) -> None:
                if tint:
                    c.setFillColor(TINT)
                    c.roundRect(x, top - height, self.width, height, 2 * mm, stroke=0, fill=1)
                if pw and picture:
                    painter.draw(picture, x + pad, top - height / 2 - pw / 2, pw)
                text_h = len(lines) * leading
                y = top - (height - text_h) / 2
                draw_lines(c, lines, font, size, leading, x + tx, y, color)

            return Block(height, draw, space_before=1.5 * mm)

        hello = (
            card_text("hello", lang, name=r.preferred_name)
            if r.preferred_name
            else card_text("hello_blank", lang)
        )
        blocks.append(text_block(None, hello, s.bold, s.heading, s.heading_leading, ACCENT))
        for picture, text, bold in self.lines():
            font = s.bold if bold else s.regular
            blocks.append(text_block(picture, text, font, s.body, s.leading))
        place = card_text("place", lang)
        if s.level in (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN) and r.size == "a6":
            place = f"{place} {card_text('place_more', lang)}"
        blocks.append(text_block("house", place, s.bold, s.body, s.leading, INK, tint=True))
        blocks.append(text_block("star", card_text("cheer", lang), s.regular, s.body, s.leading))
        footer = s.small if not r.large_print else 12.0
        available = self.page_h - 2 * self.margin - (footer + 2 if r.code else 0)
        pages = paginate(blocks, available)
        if len(pages) > 1 and len(paginate(blocks[:-1], available)) < len(pages):
            pages = paginate(blocks[:-1], available)  # the cheer is not worth a second side
        for page in pages:
            c.setStrokeColor(RULE)
            c.setLineWidth(0.6)
            inset = 2.5 * mm
            c.roundRect(
                inset, inset, self.page_w - 2 * inset, self.page_h - 2 * inset, 3 * mm, 1, 0
            )
            for block, offset in page:
                block.draw(self.margin, self.page_h - self.margin - offset)
            if r.code:
                c.setFillColor(MUTED)
                c.setFont(s.regular, footer)
                label = card_text("code", lang, code=r.code)
                c.drawRightString(self.page_w - self.margin, self.margin * 0.6, label)
            c.showPage()
        c.save()
        return buf.getvalue()
