"""Register the sheet fonts with ReportLab, once per process.

Atkinson Hyperlegible (Braille Institute, SIL OFL) comes from the
``fontpkg-atkinson-hyperlegible`` package, found through ``fontpkg.path`` (the
registry of installed font packages); DejaVu Sans is the fallback when that package
is missing. Both are TrueType fonts with full Latin coverage (ñ, ¿, ¡),
embedded as subsets in every PDF: the base-14 PDF fonts are never used for text.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from practice.sheets.glyph_report import note_missing

log = logging.getLogger(__name__)

ATKINSON = "Atkinson Hyperlegible"
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")


class FontUnavailableError(RuntimeError):
    """Neither Atkinson Hyperlegible nor DejaVu Sans could be found."""


@dataclass(frozen=True)
class FontSet:
    """The registered ReportLab font names of one family."""

    family: str
    regular: str
    bold: str


_lock = threading.Lock()
_registered: FontSet | None = None


def _atkinson_paths() -> tuple[Path, Path] | None:
    try:
        import fontpkg  # deferred: optional (DejaVu Sans is the fallback)
    except ImportError:
        return None
    try:
        regular = Path(fontpkg.path(ATKINSON, weight="regular"))
        bold = Path(fontpkg.path(ATKINSON, weight="bold"))
    except fontpkg.FontpkgError:  # the family (or one of its weights) is not installed
        return None
    if regular.is_file() and bold.is_file():
        return regular, bold
    return None


def _dejavu_paths() -> tuple[Path, Path] | None:
    regular = DEJAVU_DIR / "DejaVuSans.ttf"
    bold = DEJAVU_DIR / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        return regular, bold
    return None


def _register(family: str, regular: Path, bold: Path) -> FontSet:
    fonts = FontSet(family=family, regular=family, bold=f"{family}-Bold")
    pdfmetrics.registerFont(TTFont(fonts.regular, str(regular)))
    pdfmetrics.registerFont(TTFont(fonts.bold, str(bold)))
    # No italics on sheets: the italic slots map to the upright faces on purpose.
    addMapping(family, 0, 0, fonts.regular)
    addMapping(family, 1, 0, fonts.bold)
    addMapping(family, 0, 1, fonts.regular)
    addMapping(family, 1, 1, fonts.bold)
    return fonts


def register_fonts() -> FontSet:
    """Register the sheet family (idempotent, thread-safe) and return its names."""
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is None:
            atkinson = _atkinson_paths()
            if atkinson is not None:
                _registered = _register("AtkinsonHyperlegible", *atkinson)
            else:
                dejavu = _dejavu_paths()
                if dejavu is None:
                    raise FontUnavailableError(
                        "No sheet font found: install fontpkg-atkinson-hyperlegible "
                        f"or DejaVu Sans ({DEJAVU_DIR})."
                    )
                _registered = _register("DejaVuSans", *dejavu)
    return _registered


class FallbackCanvas(Canvas):
    """A canvas whose strings fall back to other fonts for characters its font lacks
    (sheets/glyphs.py); ``missing_glyphs`` counts those printed as ``[?]``."""

    missing_glyphs = 0

    def stringWidth(  # ReportLab's argument names
        self,
        text: str,
        fontName: str | None = None,  # noqa: N803
        fontSize: float | None = None,  # noqa: N803
    ) -> float:
        from practice.sheets.glyphs import text_width

        size = self._fontsize if fontSize is None else fontSize
        return text_width(text, fontName or self._fontname, size)

    def drawString(self, x: float, y: float, text: str, *args: Any, **kw: Any) -> None:
        from practice.sheets.glyphs import covered, runs

        font, size = self._fontname, self._fontsize
        if covered(text, font):
            super().drawString(x, y, text, *args, **kw)
            return
        parts, missing = runs(text, font)
        self.missing_glyphs += missing
        note_missing(missing)
        for part in parts:
            self.setFont(part.font, size)
            super().drawString(x, y, part.text, *args, **kw)
            x += pdfmetrics.stringWidth(part.text, part.font, size)
        self.setFont(font, size)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kw: Any) -> None:
        self.drawString(x - self.stringWidth(text), y, text, *args, **kw)

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kw: Any) -> None:
        self.drawString(x - self.stringWidth(text) / 2, y, text, *args, **kw)


def font_canvas(buf: BinaryIO, pagesize: tuple[float, float]) -> Canvas:
    """A compressed canvas whose initial font is ours, so no base-14 font is referenced,
    and whose strings fall back to other embedded fonts (:class:`FallbackCanvas`)."""
    fonts = register_fonts()
    return FallbackCanvas(
        buf,
        pagesize=pagesize,
        pageCompression=1,
        initialFontName=fonts.regular,
        initialFontSize=12,
        initialLeading=14,
    )


def glyph_warning(c: Canvas, what: str) -> int:
    """Log (without the text) how many characters of a PDF were printed as ``[?]``."""
    missing = int(getattr(c, "missing_glyphs", 0))
    if missing:
        log.warning("%s: %d character(s) no font can draw were printed as [?].", what, missing)
    return missing
