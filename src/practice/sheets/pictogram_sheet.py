"""The pictogram vocabulary on paper: every picture, large, with its meaning in
English and Spanish, for the therapist to go through with the client (teach-back).
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from practice.sheets.fonts import font_canvas, register_fonts
from practice.sheets.pictogram_vocabulary import CONCEPTS, Concept
from practice.sheets.pictograms import PICTOGRAMS, PictogramPainter
from practice.sheets.styles import ACCENT, BORDER, INK, MUTED, draw_lines, wrap

TITLE = "Picture words · Palabras con imágenes"
USE = (
    "Go through each picture with your client: ask what it means, then read its meaning together.",
    "Revisa cada imagen con tu cliente: pregunta qué significa y luego lean juntos su significado.",
)
COLUMNS, ROWS = 4, 4
MARGIN = 14 * mm
PICTURE = 30 * mm  # at most
BODY = 11.0
LEADING = 13.5
KEY_SIZE = 7.0


def by_theme() -> list[Concept]:
    """Every concept, those of one theme (feelings, sleep, the body...) together."""
    order = {key: i for i, key in enumerate(PICTOGRAMS)}
    return sorted(CONCEPTS.values(), key=lambda concept: order.get(concept.key, len(order)))


def _pages(concepts: list[Concept]) -> list[list[Concept]]:
    per_page = COLUMNS * ROWS
    return [concepts[i : i + per_page] for i in range(0, len(concepts), per_page)]


def vocabulary_pdf(paper: str = "a4") -> bytes:
    """The whole vocabulary as a printable PDF (fonts embedded)."""
    size = {"a4": A4, "letter": LETTER}[paper]
    buf = io.BytesIO()
    c = font_canvas(buf, size)
    c.setTitle(TITLE)
    c.setAuthor("Practice")
    c.setCreator("Practice")
    painter = PictogramPainter(c)
    pages = _pages(by_theme())
    for number, concepts in enumerate(pages, start=1):
        _page(c, painter, size, concepts, number, len(pages))
        c.showPage()
    c.save()
    return buf.getvalue()


def _page(
    c: Canvas, painter: PictogramPainter, size: tuple[float, float], concepts: list[Concept],
    number: int, total: int,
) -> None:  # fmt: skip
    fonts = register_fonts()
    page_w, page_h = size
    width = page_w - 2 * MARGIN
    top = page_h - MARGIN
    c.setFillColor(ACCENT)
    c.setFont(fonts.bold, 16)
    c.drawString(MARGIN, top - 16, TITLE)
    y = top - 24
    for line in USE:
        y -= draw_lines(c, wrap(line, fonts.regular, 10, width), fonts.regular, 10, 12.5, MARGIN, y)
    grid_top = y - 4 * mm
    cell_w = width / COLUMNS
    cell_h = (grid_top - MARGIN - 6 * mm) / ROWS
    # room for four lines of meaning and the key line under the picture
    picture = min(PICTURE, cell_h - 10 * mm - 4 * LEADING)
    for i, concept in enumerate(concepts):
        col, row = i % COLUMNS, i // COLUMNS
        x = MARGIN + col * cell_w
        cell_top = grid_top - row * cell_h
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.6)
        c.rect(x, cell_top - cell_h, cell_w, cell_h, stroke=1, fill=0)
        painter.draw(concept.key, x + (cell_w - picture) / 2, cell_top - 3 * mm - picture, picture)
        ty = cell_top - 6 * mm - picture
        text_w = cell_w - 4 * mm
        en = wrap(concept.en, fonts.bold, BODY, text_w)
        es = wrap(concept.es, fonts.regular, BODY, text_w)
        for lines, font, colour in ((en, fonts.bold, INK), (es, fonts.regular, MUTED)):
            c.setFillColor(colour)
            c.setFont(font, BODY)
            for line in lines:
                c.drawCentredString(x + cell_w / 2, ty - BODY, line)
                ty -= LEADING
        # the key a template names it by, for therapists writing their own templates
        c.setFillColor(MUTED)
        c.setFont(fonts.regular, KEY_SIZE)
        c.drawRightString(x + cell_w - 2 * mm, cell_top - cell_h + 2 * mm, concept.key)
    c.setFillColor(MUTED)
    c.setFont(fonts.regular, 9)
    c.drawRightString(page_w - MARGIN, MARGIN - 6 * mm, f"{number} / {total}")


__all__ = ["vocabulary_pdf"]
