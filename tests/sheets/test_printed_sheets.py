"""Every built-in sheet as printed: read back from the PDF, not from the template.

For each template x level x language the sheet is rendered as the app prints it for
a client's week (benchmarks/sheet_pages.py) and read back with ``pdftotext
-bbox-layout``:

- readability of the printed text, each printed line counted as a sentence, against
  the targets of docs/clinical.md (Readability targets); the client's name, the
  code, the practice task and every word with a digit (dates, scale numbers, step
  numbers) are left out, and so is the footer;
- length: at most 2 pages at standard and plain, 3 at easy and pictorial, on A4 and
  on Letter, with 3 and with 7 entries for event records (docs/clinical.md);
- no page but the last less than a third full, measured from the lowest printed
  line above the footer;
- the instructions share page 1 with the first entries: printed fillable, page 1
  holds an answer field of day 1 or entry 1.
"""

from __future__ import annotations

import io
import re
import sys
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from practice.domain.vocabulary import Language, LiteracyLevel, TemplateKey

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from sheet_pages import (  # noqa: E402
    CODE,
    DAYS,
    MAX_PAGES,
    MIN_FULL,
    NAME,
    SESSION,
    TARGETS,
    Page,
    entry_counts,
    library,
    read_pages,
    render,
)

try:
    from .test_readability import MAX_GRADE_EN, MIN_INFLESZ_ES, fk_grade, inflesz
except ImportError:
    from test_readability import MAX_GRADE_EN, MIN_INFLESZ_ES, fk_grade, inflesz

CASES = [(k.value, lvl, lang) for k in TemplateKey for lvl in LiteracyLevel for lang in Language]
PAPERS = ("a4", "letter")
LENGTH_CASES = [
    (key, level, language, paper, entries)
    for key, level, language in CASES
    for paper in PAPERS
    for entries in entry_counts(library().get(key).text(level, language))
]


def case_id(value: object) -> str:
    return getattr(value, "value", str(value))


@cache
def pages_of(
    key: str, level: LiteracyLevel, language: Language, paper: str, entries: int | None
) -> list[Page]:
    return read_pages(render(key, level, language, paper=paper, entries=entries))


def printed_sentences(pages: list[Page], language: Language) -> list[str]:
    """The printed lines a client reads, each as one sentence."""
    leave_out = {NAME, CODE}
    sentences = []
    for page in pages:
        for line in page.body:
            words = [
                w
                for w in line.text.replace(TARGETS[language], "").split()
                if not re.search(r"\d", w) and w.strip(".,;:·–—()") not in leave_out
            ]
            words = [w for w in words if re.search(r"\w", w)]
            if words:
                sentences.append(" ".join(words).rstrip(".:;,!?") + ".")
    return sentences


def test_the_printed_text_is_read_line_by_line() -> None:
    # Given an English standard thought record, printed
    pages = pages_of("thought_record", LiteracyLevel.STANDARD, Language.EN, "a4", None)
    # When its sentences are taken from the printed lines
    sentences = printed_sentences(pages, Language.EN)
    # Then the instructions are there (each step's opening words start a printed
    # line), and the name, code and dates are not
    assert "What to do." in sentences
    steps = library().get("thought_record").text(LiteracyLevel.STANDARD, Language.EN)
    for step in steps.instructions:
        opening = " ".join(step.split()[:4])
        assert any(s.startswith(opening) for s in sentences), opening
    joined = " ".join(sentences)
    assert NAME not in joined.split() and CODE not in joined and "2025" not in joined
    assert all(s.endswith(".") for s in sentences)


@pytest.mark.parametrize(("key", "level", "language"), CASES, ids=case_id)
def test_printed_text_readability(key: str, level: LiteracyLevel, language: Language) -> None:
    # Given the sheet as printed on A4 for a client's week
    sentences = printed_sentences(pages_of(key, level, language, "a4", None), language)
    text = " ".join(sentences)
    assert len(text.split()) >= 20, "too little printed text to measure"
    # When its printed lines are measured as sentences
    # Then the score meets the level's target
    if language is Language.EN:
        grade = fk_grade(text)
        hardest = sorted(sentences, key=fk_grade, reverse=True)[:3]
        assert grade <= MAX_GRADE_EN[level], f"grade {grade:.1f}; hardest lines: {hardest}"
    else:
        score = inflesz(text)
        hardest = sorted(sentences, key=inflesz)[:3]
        assert score >= MIN_INFLESZ_ES[level], f"INFLESZ {score:.1f}; hardest lines: {hardest}"


@pytest.mark.parametrize(
    ("key", "level", "language", "paper", "entries"), LENGTH_CASES, ids=case_id
)
def test_page_count(
    key: str, level: LiteracyLevel, language: Language, paper: str, entries: int | None
) -> None:
    # Given the sheet printed for a week (event records: 3 or 7 entries)
    pages = pages_of(key, level, language, paper, entries)
    # Then it fits the level's page limit
    assert len(pages) <= MAX_PAGES[level], f"{len(pages)} pages (limit {MAX_PAGES[level]})"


@pytest.mark.parametrize(
    ("key", "level", "language", "paper", "entries"), LENGTH_CASES, ids=case_id
)
def test_no_page_but_the_last_is_less_than_a_third_full(
    key: str, level: LiteracyLevel, language: Language, paper: str, entries: int | None
) -> None:
    # Given the sheet printed for a week
    pages = pages_of(key, level, language, paper, entries)
    # When each page's fullness is measured from its lowest printed line
    fullness = [round(p.fullness, 2) for p in pages]
    # Then only the last page may be less than a third full
    assert all(f >= MIN_FULL for f in fullness[:-1]), f"page fullness {fullness}"


def test_the_readability_measure_can_fail_on_a_printed_sheet() -> None:
    # Given a standard sheet whose instructions were written in clinical jargon
    from dataclasses import replace

    from practice.sheets.sheet import SelfRecordSheet, SheetRequest

    jargon = (
        "Systematically identify maladaptive automatic cognitions and evaluate their "
        "evidential foundation before generating alternative interpretations.",
    ) * 4
    text = replace(
        library().get("thought_record").text(LiteracyLevel.STANDARD, Language.EN),
        instructions=jargon,
        instruction_pictograms=(),
    )
    data = SelfRecordSheet(SheetRequest(text, preferred_name=NAME, code=CODE)).generate()
    # When its printed instruction lines are measured as sentences
    lines = [s for s in printed_sentences(read_pages(data), Language.EN) if "cognit" in s]
    # Then they are over the standard target
    assert fk_grade(" ".join(lines)) > MAX_GRADE_EN[LiteracyLevel.STANDARD]


def test_the_fullness_measure_can_fail() -> None:
    # Given a page whose only text is a line near the top of the content area
    from practice.sheets.sheet import MARGIN_TOP
    from sheet_pages import Line

    page = Page(842.0, (Line("Entry 3", MARGIN_TOP, MARGIN_TOP + 40),))
    # Then it counts as less than a third full
    assert page.fullness < MIN_FULL


def fillable(
    key: str, level: LiteracyLevel, language: Language, paper: str, entries: int | None
) -> bytes:
    """The sheet as the app prints it for a client's week, with its form fields."""
    from practice.sheets.sheet import SelfRecordSheet, SheetRequest

    request = SheetRequest(
        library().get(key).text(level, language), preferred_name=NAME, week_start=DAYS[0],
        bring_on=SESSION, code=CODE, paper=paper, days=DAYS, entries=entries,
        target=TARGETS[language], fillable=True,
    )  # fmt: skip
    return SelfRecordSheet(request).generate()


def first_answers_on_page_one(data: bytes) -> list[str]:
    """Names of the answer fields of day 1 or entry 1 with a widget on page 1."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    names = []
    for annot in page.get("/Annots") or []:
        widget = annot.get_object()
        field = widget["/Parent"].get_object() if "/Parent" in widget else widget  # radio kids
        names.append(str(field.get("/T", "")))
    return [n for n in names if n.startswith(("d1.", "e1."))]


# The week on ONE page is the instrument (Beck's hourly activity schedule; the
# Consensus Sleep Diary at plain): when it cannot fit under the steps, it takes page 2
# whole rather than splitting the week (docs/clinical.md, Self-record templates).
WHOLE_PAGE_INSTRUMENTS = {
    ("activity_schedule", LiteracyLevel.STANDARD),
    ("sleep_diary", LiteracyLevel.PLAIN),
}


def pages_with_answers(data: bytes) -> set[int]:
    """The (0-based) pages that carry an answer field of any day or entry."""
    found = set()
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            field = widget["/Parent"].get_object() if "/Parent" in widget else widget
            if re.match(r"^[de]\d+\.", str(field.get("/T", ""))):
                found.add(number)
    return found


@pytest.mark.parametrize(
    ("key", "level", "language", "paper", "entries"), LENGTH_CASES, ids=case_id
)
def test_the_instructions_share_page_1_with_the_first_entries(
    key: str, level: LiteracyLevel, language: Language, paper: str, entries: int | None
) -> None:
    # Given the sheet printed fillable for a week (event records: 3 or 7 entries)
    data = fillable(key, level, language, paper, entries)
    # When the answer fields of page 1 are read back
    first = first_answers_on_page_one(data)
    if (key, level) in WHOLE_PAGE_INSTRUMENTS and not first:
        # Then an instrument the issue prints whole on one page (Beck's hourly grid, the
        # sleep week) may start on page 2, but only whole: every answer on that one page
        assert pages_with_answers(data) == {1}
        return
    # Then page 1 holds at least one answer of the first day or entry
    assert first, "page 1 holds no answer of the first day or entry"
