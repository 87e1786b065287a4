"""The self-record sheet PDF, read back with pdfplumber and pypdf
(docs/clinical.md, Literacy levels)."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from datetime import date

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import FieldKind, Layout, SheetField, SheetText
from practice.sheets.sheet import SelfRecordSheet, SheetRequest, render_many
from practice.sheets.styles import LEVEL_SIZES, RULE

try:
    from ._samples import EASY, EN, ES, PICTORIAL, PLAIN, STANDARD, long_daily_log, thought_record
except ImportError:
    from _samples import EASY, EN, ES, PICTORIAL, PLAIN, STANDARD, long_daily_log, thought_record

LEVELS = [STANDARD, PLAIN, EASY, PICTORIAL]
WEEK, SESSION, CODE = date(2025, 3, 3), date(2025, 3, 11), "K7Q2-M9"


def make(
    level: LiteracyLevel = STANDARD, language: Language = EN, text: SheetText | None = None, **kw
) -> bytes:
    kw.setdefault("preferred_name", "Ana")
    kw.setdefault("week_start", WEEK)
    kw.setdefault("bring_on", SESSION)
    kw.setdefault("code", CODE)
    request = SheetRequest(text or thought_record(level, language), **kw)
    return SelfRecordSheet(request).generate()


def pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def all_text(data: bytes) -> str:
    with pdf(data) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def instruction_sizes(data: bytes, text: SheetText) -> set[float]:
    """The font sizes of the first instruction's characters, as drawn."""
    sentence = re.sub(r"^\[[a-z_]+\]\s*", "", text.instructions[0])
    probe = " ".join(sentence.split()[:3])
    with pdf(data) as doc:
        matches = doc.pages[0].search(probe, regex=False, return_chars=True)
        assert matches, f"instruction {probe!r} not found on page 1"
        return {round(ch["size"], 2) for ch in matches[0]["chars"] if ch["text"].strip()}


# -- type sizes and fonts ---------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
def test_instruction_text_is_at_the_levels_body_size(level: LiteracyLevel) -> None:
    # Given a thought record at one level; When rendered; Then its instructions are at
    # the body size of the levels table (12 / 14 / 16 / 18 pt).
    text = thought_record(level, EN)
    assert instruction_sizes(make(level, text=text), text) == {LEVEL_SIZES[level][0]}


@pytest.mark.parametrize("level", LEVELS)
def test_large_print_body_is_at_least_18_pt(level: LiteracyLevel) -> None:
    text = thought_record(level, ES)
    sizes = instruction_sizes(make(level, ES, text=text, large_print=True), text)
    assert min(sizes) >= 18


def test_main_message_is_the_biggest_text_and_bold() -> None:
    data = make(PLAIN)
    with pdf(data) as doc:
        chars = [c for c in doc.pages[0].chars if c["text"].strip()]
        biggest = max(c["size"] for c in chars)
        big_text = "".join(c["text"] for c in chars if c["size"] == biggest)
    assert big_text.replace(" ", "") == "Writedownonehardmomenteachday."
    assert all("Bold" in c["fontname"] for c in chars if c["size"] == biggest)


@pytest.mark.parametrize("level", LEVELS)
def test_only_embedded_atkinson_fonts_no_base14_no_italics(level: LiteracyLevel) -> None:
    data = make(level, ES)
    reader = PdfReader(io.BytesIO(data))
    base_fonts = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            base_fonts.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, "TrueType font must be embedded"
    assert base_fonts and all("AtkinsonHyperlegible" in name for name in base_fonts)
    assert not any("Italic" in name or "Oblique" in name for name in base_fonts)
    assert b"/Helvetica" not in data and b"/Times" not in data and b"/Courier" not in data
    with pdf(data) as doc:
        assert {c["fontname"].split("+")[-1] for c in doc.pages[0].chars} <= {
            "AtkinsonHyperlegible-Regular",
            "AtkinsonHyperlegible-Bold",
        }


# -- what the client reads ----------------------------------------------------------------


def test_spanish_characters_name_week_session_and_code_come_back() -> None:
    text = all_text(make(STANDARD, ES))
    for expected in (
        "¿Notas una emoción fuerte?",
        "¡Ánimo!",
        "acompañó",
        "Para Ana",
        "Semana del 3 al 9 de marzo",
        "Trae esta hoja a tu sesión del martes 11 de marzo.",
        "Por qué te ayuda",
        "Qué hacer",
        CODE,
        "Página 1 de",
    ):
        assert expected in text, expected


def test_english_header_and_footer() -> None:
    data = make(PLAIN)
    text = all_text(data)
    for expected in (
        "For Ana",
        "Week of 3–9 March",
        "Bring this to your session on Tuesday 11 March.",
        "Why this helps you",
        "It helps you spot the thoughts that make you feel bad.",
        "What to do",
        f"Code {CODE}",
    ):
        assert expected in text, expected
    with pdf(data) as doc:
        n = len(doc.pages)
        footers = [p.extract_text().splitlines()[-1] for p in doc.pages]
    assert n >= 2
    assert [f.split("Page ")[-1] for f in footers] == [f"{i} of {n}" for i in range(1, n + 1)]


def test_week_across_months_and_years_is_spelled_out() -> None:
    assert "Week of 28 February – 6 March" in all_text(make(week_start=date(2025, 2, 28)))
    es = all_text(make(language=ES, week_start=date(2025, 12, 29)))
    assert "Semana del 29 de diciembre de 2025 al 4 de enero de 2026" in es


def test_blank_sheet_has_no_code_and_no_qr_but_lines_for_name_and_week() -> None:
    blank = make(preferred_name=None, week_start=None, bring_on=None, code=None)
    coded = make()
    text = all_text(blank)
    assert "Name:" in text and "Week of:" in text
    assert "Bring this to your next session." in text
    assert "Code" not in text and CODE not in text
    with pdf(blank) as b, pdf(coded) as c:
        # the QR code is drawn as many small filled squares in the top right corner
        def qr_rects(page: pdfplumber.page.Page) -> int:
            return sum(1 for r in page.rects if r["fill"] and r["x0"] > page.width * 0.7)

        assert qr_rects(b.pages[0]) == 0
        assert qr_rects(c.pages[0]) > 20


def test_daily_blocks_name_each_day_in_the_language() -> None:
    text = all_text(make(text=long_daily_log(EASY, ES)))
    for day in ("Lunes 3 de marzo", "Miércoles 5 de marzo", "Domingo 9 de marzo"):
        assert day in text
    undated = all_text(make(text=long_daily_log(EASY, EN), week_start=None))
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert day in undated
    assert "Monday 3 March" not in undated


def test_week_chart_heads_the_day_columns_with_short_names_and_dates() -> None:
    with pdf(make(EASY, ES)) as doc:
        words = [w["text"] for w in doc.pages[0].extract_words()]
    days = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
    first = words.index("lun")
    assert words[first : first + 7] == days
    assert words[first + 7 : first + 14] == [str(d) for d in range(3, 10)]


def test_entries_layout_has_one_block_per_entry() -> None:
    text = all_text(make(STANDARD))
    assert [n for n in range(1, 6) if f"Entry {n}" in text] == [1, 2, 3]
    assert text.count("Automatic thought") == 3


# -- paper, pages, lines ---------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_paper_sizes(paper: str, size: tuple[float, float]) -> None:
    with pdf(make(paper=paper)) as doc:
        for page in doc.pages:
            assert (round(page.width, 2), round(page.height, 2)) == size


def test_large_print_runs_to_more_pages_and_nothing_is_clipped() -> None:
    text = long_daily_log(PLAIN, EN)
    normal, large = make(text=text), make(text=text, large_print=True)
    with pdf(normal) as n, pdf(large) as lp:
        assert len(lp.pages) > len(n.pages)
        for page in lp.pages:
            for ch in page.chars:
                assert ch["x0"] >= 0 and ch["x1"] <= page.width + 0.01
                assert ch["top"] >= 0 and ch["bottom"] <= page.height
        assert f"Page {len(lp.pages)} of {len(lp.pages)}" in lp.pages[-1].extract_text()


def write_in_gaps(data: bytes) -> list[float]:
    """Vertical distances between neighbouring write-in lines of the same column."""
    rule = tuple(round(v, 2) for v in RULE.rgb())
    gaps: list[float] = []
    with pdf(data) as doc:
        for page in doc.pages:
            columns: dict[float, list[float]] = defaultdict(list)
            for line in page.lines:
                colour = tuple(round(v, 2) for v in line["stroking_color"] or ())
                if line["height"] == 0 and line["width"] > 20 * mm and colour == rule:
                    columns[round(line["x0"])].append(line["top"])
            for tops in columns.values():
                tops = sorted(set(round(t, 2) for t in tops))
                gaps += [b - a for a, b in zip(tops, tops[1:], strict=False)]
    return gaps


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize(
    "text",
    [thought_record(STANDARD), thought_record(PLAIN, ES), long_daily_log(EASY), long_daily_log()],
    ids=["standard", "plain", "easy", "daily"],
)
def test_write_in_lines_are_at_least_9_mm_apart(text: SheetText, large_print: bool) -> None:
    gaps = write_in_gaps(make(text=text, large_print=large_print))
    assert gaps, "the sheet has several write-in lines"
    assert min(gaps) >= 9 * mm - 0.01


# -- scales and pictures ---------------------------------------------------------------


def test_standard_scale_is_0_to_100() -> None:
    with pdf(make(STANDARD)) as doc:
        words = [w["text"] for page in doc.pages for w in page.extract_words()]
        text = " ".join(page.extract_text() for page in doc.pages)
    assert {"0", "50", "100"} <= set(words)
    # a rating with no kind and no fear words: the neutral ends, both named
    assert "0 = not at all" in text and "100 = the most" in text


def test_plain_scale_is_0_to_10_boxes_with_word_anchors() -> None:
    data = make(PLAIN, ES)
    with pdf(data) as doc:
        words = [w["text"] for w in doc.pages[0].extract_words()]
        text = doc.pages[0].extract_text()
    assert all(str(n) in words for n in range(11))
    for anchor in ("0 = nada", "5 = a medias", "10 = lo más fuerte"):
        assert anchor in text


@pytest.mark.parametrize(
    ("level", "faces", "words"),
    [
        (EASY, {"very_sad", "sad", "ok", "happy", "very_happy"}, ["Very bad", "Very good"]),
        (PICTORIAL, {"sad", "ok", "happy"}, ["Bad", "OK", "Good"]),
    ],
)
def test_face_scales_draw_our_own_faces_with_words(
    level: LiteracyLevel, faces: set[str], words: list[str]
) -> None:
    data = make(level)
    page = PdfReader(io.BytesIO(data)).pages[0]
    forms = {str(k).rsplit("pict_", 1)[-1] for k in page["/Resources"]["/XObject"]}
    assert {f"face_{f}" for f in faces} <= forms
    text = all_text(data)
    assert all(w in text for w in words)


def test_standard_sheet_has_no_pictures_and_easy_has_one_per_instruction() -> None:
    standard = PdfReader(io.BytesIO(make(STANDARD))).pages[0]
    assert "/XObject" not in standard["/Resources"]
    easy = make(EASY)
    content = PdfReader(io.BytesIO(easy)).pages[0].get_contents().get_data()
    # every instruction line starts with a placed pictogram
    assert content.count(b"Do") >= len(thought_record(EASY).instructions)


def test_pictorial_sheet_is_pictures_and_tick_boxes_in_one_page() -> None:
    data = make(PICTORIAL, ES)
    with pdf(data) as doc:
        assert len(doc.pages) == 1
        page = doc.pages[0]
        text = page.extract_text()
        # a week chart: day columns, one row per face and per tick field
        for word in ("lun", "dom", "Bien", "Regular", "Mal", "molestó", "Salí a la calle"):
            assert word in text
        # no write-in lines: tick boxes only
        assert not write_in_gaps(data)
        boxes = [r for r in page.rects if not r["fill"] and abs(r["width"] - r["height"]) < 0.5]
        assert len(boxes) >= 7 * 5  # seven days × (3 faces + 2 ticks)
        # pictures sit left of their words
        label = page.search("Salí a la calle")[0]
    content = PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data()
    assert content.count(b"Do") >= 5
    assert label["x0"] > 15 * mm


def test_unknown_pictogram_draws_a_placeholder() -> None:
    text = SheetText(
        template="custom",
        level=EASY,
        language=EN,
        title="Custom",
        main_message="Try it.",
        instructions=("Do the thing.",),
        instruction_pictograms=("unicorn",),
        why_it_helps="Because.",
        fields=(SheetField("x", "Did it", FieldKind.TICK, pictogram="unicorn"),),
        layout=Layout.ENTRIES,
        entries=1,
    )
    page = PdfReader(io.BytesIO(make(text=text))).pages[0]
    drawn = re.findall(rb"/FormXob\.pict_(\w+) Do", page.get_contents().get_data())
    # the instruction's and the field's unknown picture both become the placeholder;
    # the easy level's own pictures (door, helps) are drawn as usual
    assert sorted(drawn) == [b"door", b"helps", b"placeholder", b"placeholder"]


# -- metadata and batches ------------------------------------------------------------


def test_metadata_marks_the_sheet_as_ours() -> None:
    meta = PdfReader(io.BytesIO(make(STANDARD, ES))).metadata
    assert meta is not None
    assert meta.title == "Registro de pensamientos"
    assert meta.subject == "Practice self-record"
    assert CODE in (meta.get("/Keywords") or "")


def test_render_many_puts_every_sheet_in_one_pdf() -> None:
    requests = [
        SheetRequest(thought_record(level, lang), f"Client {i}", WEEK, SESSION, f"C{i:03d}")
        for i, (level, lang) in enumerate((lv, lg) for lv in LEVELS for lg in (EN, ES))
    ]
    single = [SelfRecordSheet(r).generate() for r in requests]
    batch = render_many(requests)
    with pdf(batch) as doc:
        singles = [len(PdfReader(io.BytesIO(s)).pages) for s in single]
        # duplex-safe: a sheet with an odd number of pages gets a blank back, but the last
        backs = [n % 2 for n in singles[:-1]]
        assert len(doc.pages) == sum(singles) + sum(backs)
        texts = [p.extract_text() or "" for p in doc.pages]
        text = "\n".join(texts)
    firsts = [sum(singles[:i]) + sum(backs[:i]) for i in range(len(requests))]
    assert all(i % 2 == 0 for i in firsts)  # every sheet starts on a front page
    assert [f"C{i:03d}" in texts[first] for i, first in enumerate(firsts)] == [True] * len(firsts)
    blank = {"This page is left blank.", "Página en blanco a propósito."}
    assert sum(t.strip() in blank for t in texts) == sum(backs) > 0
    assert all(f"C{i:03d}" in text for i in range(len(requests)))
    assert len(batch) < sum(len(s) for s in single) / 2  # fonts and pictures embedded once
    assert not PdfReader(io.BytesIO(batch)).get_fields()  # batches are for paper


def test_render_many_refuses_an_empty_batch() -> None:
    with pytest.raises(ValueError):
        render_many([])
