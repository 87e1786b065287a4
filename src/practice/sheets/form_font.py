"""The font of fillable fields: the sheet's own TrueType font, embedded whole.

ReportLab's AcroForm knows only the 14 standard PDF fonts, which it references
without embedding (Helvetica by default). A PDF viewer draws what the client
types with the form's default font, so that font must hold every glyph the client
may type: the sheet's regular face is embedded whole (not as a subset) as a simple
TrueType font in WinAnsi encoding (Latin, with ñ, ¿, ¡ and accents), and every
field, its appearance and the form's /DA and /DR use it. Text outside WinAnsi
typed by the client is drawn by the viewer with a font of its own choosing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFZCompress

from practice.sheets.fonts import register_fonts

FORM_FONT = "PrRg"  # the resource name of the field font in /DA and /DR
_FIRST, _LAST = 32, 255


def _winansi(code: int) -> str | None:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return None


def _font_dict(form: Any) -> PDFDictionary:
    """The /Font dictionary of the sheet's regular face, with its whole file."""
    font = pdfmetrics.getFont(register_fonts().regular)
    face = font.face
    name = PDFName(face.name.decode("latin-1") if isinstance(face.name, bytes) else face.name)
    data = Path(face.filename).read_bytes()
    program = PDFStream(PDFDictionary({"Length1": len(data)}), data, [PDFZCompress])
    descriptor = PDFDictionary(
        {
            "Type": PDFName("FontDescriptor"),
            "FontName": name,
            "Flags": 32,  # nonsymbolic
            "FontBBox": PDFArray(list(face.bbox)),
            "ItalicAngle": face.italicAngle,
            "Ascent": face.ascent,
            "Descent": face.descent,
            "CapHeight": face.capHeight,
            "StemV": face.stemV,
            "FontFile2": form.getRef(program),
        }
    )
    widths = []
    for code in range(_FIRST, _LAST + 1):
        char = _winansi(code)
        widths.append(round(face.getCharWidth(ord(char))) if char else face.defaultWidth)
    return PDFDictionary(
        {
            "Type": PDFName("Font"),
            "Subtype": PDFName("TrueType"),
            "BaseFont": name,
            "Name": PDFName(FORM_FONT),
            "FirstChar": _FIRST,
            "LastChar": _LAST,
            "Widths": PDFArray(widths),
            "Encoding": PDFName("WinAnsiEncoding"),
            "FontDescriptor": form.getRef(descriptor),
        }
    )


def embed_form_font(form: Any) -> None:
    """Make every field of ``form`` use the embedded sheet font instead of Helvetica."""
    reference: list[str] = []

    def make_font(font_name: str | None) -> tuple[str, str]:
        if not reference:
            reference.append(form.getRefStr(_font_dict(form)))
            form.fonts[FORM_FONT] = reference[0]
        return reference[0], FORM_FONT

    form.makeFont = make_font


__all__ = ["FORM_FONT", "embed_form_font"]
