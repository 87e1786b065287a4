"""Every font embedded in every PDF the app writes, and text no font has as a visible [?].

Each kind of PDF is made through the app's own code path (services over a demo
practice built by migrations) and read back with poppler's ``pdffonts``.
"""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from sqlalchemy import select

from practice.db import crypto, migrate
from practice.db.engine import Database
from practice.db.models import HomeworkAssignment
from practice.domain.record_model import ClientRecord
from practice.domain.vocabulary import Language, LiteracyLevel, TemplateKey
from practice.services import demo, prep, printing
from practice.services.export import export_client
from practice.sheets import glyphs
from practice.sheets.card import ReminderCard, ReminderCardRequest
from practice.sheets.client_record import ClientRecordPdf
from practice.sheets.fonts import register_fonts
from practice.sheets.prep_summary import PrepSummaryPdf
from practice.sheets.recovery_sheet import recovery_key_pdf
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import TemplateLibrary, load_templates

TODAY = date(2025, 3, 12)
MIXED_NAME = "Zoë 李 مريم 😀 שרה Ξένια"


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


@pytest.fixture(scope="module")
def exported(pdfs: dict[str, bytes]) -> ClientRecord:
    return _EXPORTED[0]


_EXPORTED: list[ClientRecord] = []


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, library: TemplateLibrary) -> dict[str, bytes]:
    """One PDF of each kind, made as the app makes it for a demo practice."""
    path = tmp_path_factory.mktemp("fonts") / "practice.sqlite3"
    migrate.upgrade(path)
    db = Database(path)
    with db.session() as s:
        summary = demo.seed_demo(s, today=TODAY)
    with db.session() as s:
        client = summary.improver_id
        assignment = s.scalars(
            select(HomeworkAssignment.id).where(HomeworkAssignment.client_id == client)
        ).first()
        assert assignment is not None
        out = {
            "sheet": printing.sheet_for_assignment(
                s, assignment, templates=library, fillable=False, today=TODAY
            ),
            "fillable sheet": printing.sheet_for_assignment(
                s, assignment, templates=library, fillable=True, today=TODAY
            ),
            "week batch": printing.week_sheets(
                s, TODAY, TODAY + date.resolution * 6, templates=library
            )[0],
            "reminder card": printing.card_for_assignment(
                s, assignment, templates=library, today=TODAY
            ),
            "prep summary": PrepSummaryPdf(prep.build_prep(s, client, today=TODAY)).generate(),
        }
        _EXPORTED[:] = [export_client(s, client)]
        out["client record"] = ClientRecordPdf(_EXPORTED[0]).generate()
    db.dispose()
    out["recovery sheet"] = recovery_key_pdf(
        crypto.format_recovery_key(bytes(range(32))),
        practice="/home/t/practice.sqlite3",
        created=datetime(2026, 11, 26, 9, 30),
    )
    return out


def font_rows(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(font name, emb) of every row ``pdffonts`` prints for ``data``."""
    file = tmp_path / "probe.pdf"
    file.write_bytes(data)
    report = subprocess.run(["pdffonts", str(file)], capture_output=True, text=True, check=True)
    rows = []
    for line in report.stdout.splitlines()[2:]:
        # name, type (may hold a space), encoding, emb, sub, uni, object id, generation
        match = re.match(r"^(\S+)\s+.*?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert match, f"unreadable pdffonts row: {line!r}"
        rows.append((match.group(1), match.group(2)))
    return rows


KINDS = [
    "sheet",
    "fillable sheet",
    "week batch",
    "reminder card",
    "prep summary",
    "client record",
    "recovery sheet",
]


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_of_every_pdf_kind_is_embedded(
    pdfs: dict[str, bytes], kind: str, tmp_path: Path
) -> None:
    # Given a PDF of this kind, made through the app's code path
    # When pdffonts lists its fonts
    rows = font_rows(pdfs[kind], tmp_path)
    # Then there are fonts, and every one of them is embedded (no Helvetica, no Times)
    assert rows, f"{kind}: no fonts listed"
    assert [name for name, emb in rows if emb != "yes"] == [], kind
    assert all("Atkinson" in name for name, _ in rows), rows


@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
@pytest.mark.parametrize("level", [LiteracyLevel.STANDARD, LiteracyLevel.PICTORIAL])
def test_fillable_sheets_of_every_template_embed_the_field_font(
    library: TemplateLibrary, key: str, level: LiteracyLevel, tmp_path: Path
) -> None:
    # Given a fillable sheet of the template (text fields, tick boxes, rating scales)
    text = library.get(key).text(level, Language.ES)
    data = SelfRecordSheet(SheetRequest(text, code="K7Q2", fillable=True)).generate()
    # When pdffonts lists its fonts
    rows = font_rows(data, tmp_path)
    # Then all are embedded, the fields' whole font among them
    assert [name for name, emb in rows if emb != "yes"] == []
    assert "AtkinsonHyperlegible-Regular" in [name for name, _ in rows]  # whole, no subset tag


def test_what_the_client_types_shows_in_the_embedded_field_font(
    library: TemplateLibrary, tmp_path: Path
) -> None:
    # Given a fillable Spanish thought record, filled in by a PDF program
    text = library.get("thought_record").text(LiteracyLevel.STANDARD, Language.ES)
    data = SelfRecordSheet(SheetRequest(text, code="K7Q2", fillable=True)).generate()
    reader = PdfReader(io.BytesIO(data))
    name = next(n for n in reader.get_fields() or {} if n.startswith("e1."))
    writer = PdfWriter(clone_from=reader)
    typed = "Me sentí triste, ¿por qué? Año nuevo"
    writer.update_page_form_field_values(writer.pages[0], {name: typed}, auto_regenerate=False)
    buf = io.BytesIO()
    writer.write(buf)
    filled = tmp_path / "filled.pdf"
    filled.write_bytes(buf.getvalue())
    # When the filled page is read back as printed text
    shown = subprocess.run(
        ["pdftotext", "-l", "1", str(filled), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Then the answer is printed, accents and all, with an embedded font only
    assert typed in shown
    assert [n for n, emb in font_rows(buf.getvalue(), tmp_path) if emb != "yes"] == []


def chars_and_fonts(data: bytes) -> list[tuple[str, str]]:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return [
            (str(ch["text"]), str(ch["fontname"]).split("+")[-1])
            for page in doc.pages
            for ch in page.chars
        ]


@pytest.fixture()
def registered_faces() -> dict[str, object]:
    """Each registered TrueType face by its PostScript name."""
    register_fonts()
    glyphs.fallback_fonts()
    faces = {}
    for name in pdfmetrics.getRegisteredFontNames():
        face = getattr(pdfmetrics.getFont(name), "face", None)
        if face is not None and hasattr(face, "charToGlyph"):
            raw = face.name
            faces[raw.decode() if isinstance(raw, bytes) else raw] = face
    return faces


def assert_no_notdef(data: bytes, faces: dict[str, object]) -> None:
    """Every character printed in a font that maps it. Emoji are astral characters,
    whose text ReportLab's ToUnicode map writes cut to four hex digits: they are
    checked through the runs instead."""
    for char, font in chars_and_fonts(data):
        if font != "NotoEmoji-Regular" and not char.isspace():
            assert ord(char) in faces[font].charToGlyph, (char, font)  # type: ignore[attr-defined]


def test_a_name_in_several_scripts_prints_every_glyph_or_a_visible_marker(
    library: TemplateLibrary, registered_faces: dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    # Given a client whose preferred name mixes Latin, Chinese, Arabic, emoji, Hebrew, Greek
    text = library.get("mood_log").text(LiteracyLevel.EASY, Language.EN)
    sheet = SelfRecordSheet(SheetRequest(text, preferred_name=MIXED_NAME, code="K7Q2"))
    # When the sheet is printed
    data = sheet.generate()
    printed = "".join(ch for ch, _ in chars_and_fonts(data))
    fonts = {font for _, font in chars_and_fonts(data)}
    # Then what the fonts have is drawn in the font that has it: Arabic joined and in
    # visual order, Hebrew reversed, emoji in Noto Emoji, Greek in Noto Sans
    assert "Zoë" in printed and "Ξένια" in printed
    assert glyphs.visual("مريم") in printed and "הרש" in printed
    assert {"NotoSansArabic-Regular", "NotoEmoji-Regular", "NotoSans-Regular"} <= fonts
    assert_no_notdef(data, registered_faces)
    # and the Chinese character, which no embedded font has, is a visible [?], counted
    # and logged without the name
    assert "Zoë [?]" in printed and "李" not in printed
    assert sheet.missing_glyphs >= 2  # header and footer
    assert "character(s) no font can draw" in caplog.text and "Zo" not in caplog.text
    runs, missing = glyphs.runs(MIXED_NAME, register_fonts().regular)
    assert missing == 1
    for run in runs:
        face = pdfmetrics.getFont(run.font).face
        assert all(ord(ch) in face.charToGlyph for ch in run.text.replace(glyphs.MARKER, "")), run


def test_card_and_client_record_fall_back_too(
    library: TemplateLibrary, registered_faces: dict[str, object], exported: ClientRecord
) -> None:
    # Given a reminder card and a client record for a client named in several scripts
    text = library.get("mood_log").text(LiteracyLevel.PLAIN, Language.ES)
    card = ReminderCard(ReminderCardRequest(text, preferred_name=MIXED_NAME)).generate()
    client = replace(exported.client, first_name=MIXED_NAME, preferred_name=MIXED_NAME)
    record = ClientRecordPdf(replace(exported, client=client)).generate()
    for data in (card, record):
        # When each is printed
        printed = "".join(ch for ch, _ in chars_and_fonts(data))
        # Then the Arabic and Greek are drawn, the Chinese is a [?], no .notdef anywhere
        assert glyphs.visual("مريم") in printed and "Ξένια" in printed and "[?]" in printed
        assert_no_notdef(data, registered_faces)
