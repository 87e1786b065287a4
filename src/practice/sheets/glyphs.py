"""Glyph fallback: text the sheet font cannot draw, drawn with a font that can.

Atkinson Hyperlegible covers Latin only. A client's preferred name or a
therapist's text may hold Greek, Cyrillic, Arabic, Hebrew, other scripts or emoji:
each character goes to the first font that has it — the sheet font, then the Noto
fonts of the ``manimgx-fonts`` package (SIL OFL 1.1: Noto Sans, Arabic, Hebrew,
Symbols, Emoji and the scripts of South and South-East Asia, Armenian, Georgian,
Ethiopic). A character no font has (Chinese, Japanese and Korean among them: the
only CJK fonts on PyPI are CFF-outline OpenType, which ReportLab cannot embed) is
printed as the visible marker ``[?]`` and counted, never as an empty box.

Right to left: Arabic is shaped into its joined forms (``arabic-reshaper``) and
each right-to-left stretch of a line is put in visual order; a line's base
direction stays left to right, so a whole paragraph in Arabic or Hebrew reads
correctly line by line but its lines wrap from the left.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

MARKER = "[?]"
# Noto faces in the order they are tried after the sheet font (files of manimgx-fonts).
FALLBACK_FILES = (
    "NotoSans[wght].ttf",
    "NotoSansArabic[wght].ttf",
    "NotoSansHebrew[wght].ttf",
    "NotoSansSymbols[wght].ttf",
    "NotoEmoji[wght].ttf",
    "NotoSansArmenian[wght].ttf",
    "NotoSansGeorgian[wght].ttf",
    "NotoSansDevanagari[wght].ttf",
    "NotoSansBengali[wght].ttf",
    "NotoSansGurmukhi[wght].ttf",
    "NotoSansGujarati[wght].ttf",
    "NotoSansOriya[wght].ttf",
    "NotoSansTamil[wght].ttf",
    "NotoSansTelugu[wght].ttf",
    "NotoSansKannada[wght].ttf",
    "NotoSansMalayalam[wght].ttf",
    "NotoSansSinhala[wght].ttf",
    "NotoSansThai[wght].ttf",
    "NotoSansLao[wght].ttf",
    "NotoSansKhmer[wght].ttf",
    "NotoSansMyanmar[wght].ttf",
    "NotoSansEthiopic[wght].ttf",
)
# Characters that only steer others (joiners, variation selectors, direction marks):
# dropped, as no font draws them on their own.
_IGNORABLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufe00-\ufe0f\U000e0000-\U000e007f]"
)
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_STRETCH = re.compile(f"[{_RTL}](?:[{_RTL}\\s]*[{_RTL}])?")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")

_lock = threading.Lock()
_fallbacks: list[str] | None = None


@dataclass(frozen=True)
class Run:
    """A stretch of text and the registered font that draws it."""

    text: str
    font: str


def _fallback_dir() -> Path | None:
    try:
        import manimgx_fonts  # deferred: only when text needs a fallback
    except ImportError:
        return None
    return Path(manimgx_fonts.__file__).parent


def fallback_fonts() -> list[str]:
    """Register the fallback faces (once) and return their ReportLab names, in order."""
    global _fallbacks
    if _fallbacks is not None:
        return _fallbacks
    with _lock:
        if _fallbacks is None:
            names: list[str] = []
            folder = _fallback_dir()
            for file in FALLBACK_FILES if folder else ():
                path = folder / file if folder else Path(file)
                if path.is_file():
                    name = "Fallback-" + file.split("[")[0]
                    pdfmetrics.registerFont(TTFont(name, str(path)))
                    names.append(name)
            if not names:
                log.warning("No fallback font found (manimgx-fonts is not installed).")
            _fallbacks = names
    return _fallbacks


def _has(font: str, char: str) -> bool:
    face = pdfmetrics.getFont(font).face
    return ord(char) in face.charToGlyph


def covered(text: str, font: str) -> bool:
    """Can ``font`` draw every character of ``text`` (the common case, checked fast)?"""
    face = pdfmetrics.getFont(font).face
    cmap = face.charToGlyph
    return all(ord(ch) in cmap for ch in text)


def visual(text: str) -> str:
    """``text`` with Arabic joined and each right-to-left stretch in visual order."""
    if _ARABIC.search(text):
        import arabic_reshaper  # deferred: only for Arabic text

        text = arabic_reshaper.reshape(text)
    return _RTL_STRETCH.sub(lambda m: m.group(0)[::-1], text)


def runs(text: str, font: str) -> tuple[list[Run], int]:
    """``text`` split into runs by the font that draws them, and how many characters
    no font has (each stretch of those is one ``[?]``, in ``font``)."""
    text = visual(_IGNORABLE.sub("", text))
    out: list[Run] = []
    missing = 0
    for char in text:
        chosen: str | None = font
        if not char.isspace() and not _has(font, char):
            chosen = next((f for f in fallback_fonts() if _has(f, char)), None)
        if chosen is None:
            missing += 1
            if out and out[-1].font == font and out[-1].text.endswith(MARKER):
                continue
            char, chosen = MARKER, font
        if out and out[-1].font == chosen:
            out[-1] = Run(out[-1].text + char, chosen)
        else:
            out.append(Run(char, chosen))
    return out, missing


def text_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` as drawn with fallback."""
    if covered(text, font):
        return pdfmetrics.stringWidth(text, font, size)
    return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs(text, font)[0])


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap measured with fallback widths (long words overflow)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}" if current else word
            if not current or text_width(trial, font, size) <= width:
                current = trial
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines


def markup(text: str, font: str) -> str:
    """``text`` (already escaped Paragraph markup) with uncovered stretches wrapped in
    ``<font name=…>`` tags, for Platypus paragraphs. Tags in ``text`` pass through."""
    if covered(text, font):
        return text
    parts = re.split(r"(<[^>]*>|&[a-zA-Z#0-9]+;)", text)
    out = []
    for i, part in enumerate(parts):
        if i % 2 or not part:
            out.append(part)
            continue
        for run in runs(part, font)[0]:
            tagged = f'<font name="{run.font}">{run.text}</font>'
            out.append(run.text if run.font == font else tagged)
    return "".join(out)


__all__ = [
    "MARKER",
    "Run",
    "covered",
    "fallback_fonts",
    "markup",
    "runs",
    "text_width",
    "visual",
    "wrap",
]
