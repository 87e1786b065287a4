"""The sheet font: Atkinson Hyperlegible, found through fontpkg's public API, embedded."""

from __future__ import annotations

import io

import fontpkg
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from practice.sheets.fonts import ATKINSON, register_fonts
from practice.sheets.sheet import SelfRecordSheet, SheetRequest

try:
    from ._samples import ES, STANDARD, thought_record
except ImportError:
    from _samples import ES, STANDARD, thought_record

TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")


def test_the_sheet_font_is_read_from_the_files_fontpkg_names() -> None:
    # Given the files fontpkg names for Atkinson Hyperlegible, regular and bold
    regular = fontpkg.path(ATKINSON, weight=400)
    bold = fontpkg.path(ATKINSON, weight=700)
    # When the sheet fonts are registered
    fonts = register_fonts()
    # Then ReportLab reads Atkinson, not the DejaVu fallback, from exactly those files
    assert fonts.family == "AtkinsonHyperlegible"
    assert pdfmetrics.getFont(fonts.regular).face.filename == str(regular)
    assert pdfmetrics.getFont(fonts.bold).face.filename == str(bold)


def test_a_sheet_embeds_both_atkinson_faces_as_truetype_programs() -> None:
    # Given a Spanish sheet rendered to PDF
    data = SelfRecordSheet(SheetRequest(thought_record(STANDARD, ES))).generate()
    # When we collect the font programs embedded in it, by face
    embedded: dict[str, bytes] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            embedded[str(font["/BaseFont"]).split("+")[-1]] = program.get_data()
    # Then both Atkinson faces are there, each as an embedded TrueType program
    assert set(embedded) == {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}
    assert all(program[:4] in TRUETYPE_TAGS for program in embedded.values())
