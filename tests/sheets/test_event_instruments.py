"""The thought record and the exposure record as printed instruments (docs/clinical.md).

Each test renders the built-in template through ``SelfRecordSheet`` and reads the
PDF back: its words (pdftotext), its pages and its form fields (pypdf).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import SheetText
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import TemplateLibrary, load_templates

EN, ES = Language.EN, Language.ES
STANDARD, PLAIN = LiteracyLevel.STANDARD, LiteracyLevel.PLAIN
WEEK, SESSION = date(2026, 12, 7), date(2026, 12, 14)
TASK = "Ride the bus for two stops"

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


def render(text: SheetText, **kw: object) -> bytes:
    request = SheetRequest(text, "Ana", WEEK, SESSION, "K7Q2", **kw)  # type: ignore[arg-type]
    return SelfRecordSheet(request).generate()


def words(pdf: bytes, page: int | None = None) -> str:
    """The printed text, one line per printed line (pdftotext -layout off)."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def entry_blocks(page: object) -> set[str]:
    """The entry prefixes (e1, e2, ...) of the answer fields placed on one page."""
    names = set()
    for annot in page.get("/Annots") or []:  # type: ignore[attr-defined]
        obj = annot.get_object()
        name = str(obj.get("/T") or obj.get("/Parent", {}).get("/T", ""))
        if name.startswith("e") and "." in name:
            names.add(name.split(".")[0])
    return names


def test_standard_thought_record_is_becks_seven_column_table(library: TemplateLibrary) -> None:
    # Given the standard thought record for three entries
    text = library.get("thought_record").text(STANDARD, EN)
    # When it is printed as a fillable sheet
    pdf = render(text, entries=3, fillable=True)
    reader = PdfReader(io.BytesIO(pdf))
    first = reader.pages[0]
    # Then page 1 is landscape and heads the seven columns
    assert float(first.mediabox.width) > float(first.mediabox.height)
    printed = words(pdf, 1)
    for column in (
        "Date, time",
        "Situation",
        "Emotions",
        "Automatic thought",
        "Belief",
        "Facts for it",
        "Facts against it",
        "Balanced thought",
        "Emotions now",
    ):
        assert column in printed, column
    assert printed.count("0-100") >= 2  # both beliefs name their scale
    # And all three entries sit on page 1
    assert entry_blocks(first) == {"e1", "e2", "e3"}


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", [EN, ES])
def test_standard_thought_record_holds_three_entries_on_page_one(
    library: TemplateLibrary, paper: str, language: Language
) -> None:
    # Given a daily thought record (seven entries)
    text = library.get("thought_record").text(STANDARD, language)
    # When it is printed
    reader = PdfReader(io.BytesIO(render(text, entries=7, fillable=True, paper=paper)))
    # Then page 1 holds at least three rows and the whole week fits on two pages
    assert len(entry_blocks(reader.pages[0])) >= 3
    assert len(reader.pages) <= 2


def test_fillable_thought_record_names_every_answer_e_n_key(library: TemplateLibrary) -> None:
    # Given the standard thought record with four entries
    text = library.get("thought_record").text(STANDARD, EN)
    # When the fillable sheet is read back
    fields = PdfReader(io.BytesIO(render(text, entries=4, fillable=True))).get_fields() or {}
    # Then every field of every entry is an AcroForm field e<n>.<key>, and no more entries
    expected = {f"e{n}.{f.key}" for n in range(1, 5) for f in text.fields}
    answers = {name for name in fields if name.startswith("e")}
    assert answers == expected


def test_plain_thought_record_ticks_each_feeling_per_entry(library: TemplateLibrary) -> None:
    # Given the plain thought record with two entries
    text = library.get("thought_record").text(PLAIN, ES)
    feeling = next(f for f in text.fields if f.key == "feeling")
    # When it is printed as a fillable sheet
    fields = PdfReader(io.BytesIO(render(text, entries=2, fillable=True))).get_fields() or {}
    # Then each feeling is its own tick box in each entry, and both ratings are there
    for n in (1, 2):
        for i in range(len(feeling.options)):
            assert f"e{n}.feeling.{i}" in fields
        assert {f"e{n}.feeling_strength", f"e{n}.belief", f"e{n}.feeling_after"} <= set(fields)
    printed = words(render(text, entries=2))
    assert "Tristeza" in printed and "0-10" in printed


@pytest.mark.parametrize("language", [EN, ES])
def test_standard_exposure_record_asks_prediction_likelihood_and_fear(
    library: TemplateLibrary, language: Language
) -> None:
    # Given the standard exposure record
    text = library.get("exposure_record").text(STANDARD, language)
    # When it is printed
    pdf = render(text, entries=3, target=TASK)
    printed = words(pdf)
    # Then it asks the prediction, its likelihood before and after, and fear three times
    expected = {
        EN: [
            "What I fear will happen",
            "How likely",
            "Fear before",
            "Highest fear",
            "Fear at the end",
            "What really happened",
            "How likely now",
        ],
        ES: [
            "Lo que temo que pase",
            "Qué tan probable",
            "Miedo antes",
            "Miedo más alto",
            "Miedo al final",
            "Qué pasó de verdad",
            "Qué tan probable ahora",
        ],
    }[language]
    for label in expected:
        assert label in printed, label
    assert printed.count("0-100") >= 5


def test_exposure_record_prints_the_planned_task(library: TemplateLibrary) -> None:
    # Given an exposure record for a planned task
    text = library.get("exposure_record").text(STANDARD, EN)
    # When it is printed
    printed = words(render(text, entries=3, target=TASK))
    # Then the task is printed with its label
    assert "Your practice:" in printed and TASK in printed


@pytest.mark.parametrize("level", list(LiteracyLevel))
@pytest.mark.parametrize("language", [EN, ES])
def test_exposure_record_never_waits_for_the_fear_to_go_down(
    library: TemplateLibrary, level: LiteracyLevel, language: Language
) -> None:
    # Given the exposure record at any level
    text = library.get("exposure_record").text(level, language)
    # When it is printed
    printed = words(render(text, entries=1)).lower()
    # Then it frames staying as finding out, never as waiting for the fear to drop
    for phrase in ("goes down", "go down", "went down", "comes down", "baje", "bajó", "baja"):
        assert phrase not in printed, phrase
    assert ("really happen" in printed) if language is EN else ("de verdad" in printed)


@pytest.mark.parametrize("key", ["thought_record", "exposure_record"])
@pytest.mark.parametrize("level", list(LiteracyLevel))
@pytest.mark.parametrize("count", [1, 3, 7])
def test_entries_follow_the_request(
    library: TemplateLibrary, key: str, level: LiteracyLevel, count: int
) -> None:
    # Given an event record asked for ``count`` entries
    text = library.get(key).text(level, EN)
    # When it is printed as a fillable sheet
    fields = PdfReader(io.BytesIO(render(text, entries=count, fillable=True))).get_fields() or {}
    # Then it has exactly that many entry blocks
    blocks = {name.split(".")[0] for name in fields if name.startswith("e")}
    assert blocks == {f"e{n}" for n in range(1, count + 1)}


@pytest.mark.parametrize("key", ["thought_record", "exposure_record"])
@pytest.mark.parametrize("level", [STANDARD, PLAIN])
@pytest.mark.parametrize("language", [EN, ES])
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("count", [1, 3, 7])
def test_written_levels_fit_two_pages_and_no_page_is_nearly_empty(
    library: TemplateLibrary, key: str, level: LiteracyLevel, language: Language,
    paper: str, count: int,
) -> None:  # fmt: skip
    # Given a standard or plain event record with up to a week of entries
    text = library.get(key).text(level, language)
    # When it is printed
    reader = PdfReader(io.BytesIO(render(text, entries=count, fillable=True, paper=paper)))
    # Then it takes at most two pages, and every page but the last is filled past its top third
    assert len(reader.pages) <= 2
    for page in reader.pages[:-1]:
        height = float(page.mediabox.height)
        answers = [a.get_object() for a in page.get("/Annots") or []]
        lowest = min(float(a["/Rect"][1]) for a in answers if str(a.get("/T", "")).startswith("e"))
        assert lowest < height * 2 / 3


def _pages_of_entries(reader: PdfReader) -> dict[str, set[int]]:
    """Entry prefix -> the pages its answer fields are on."""
    found: dict[str, set[int]] = {}
    for number, page in enumerate(reader.pages, start=1):
        for block in entry_blocks(page):
            found.setdefault(block, set()).add(number)
    return found


@pytest.mark.parametrize("key", ["thought_record", "exposure_record"])
@pytest.mark.parametrize("level", list(LiteracyLevel))
@pytest.mark.parametrize("language", [EN, ES])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_week_of_entries_fits_its_pages_whole(
    library: TemplateLibrary, key: str, level: LiteracyLevel, language: Language, paper: str
) -> None:
    # Given a daily event record (seven entries) at any level
    text = library.get(key).text(level, language)
    # When it is printed as a fillable sheet
    reader = PdfReader(io.BytesIO(render(text, entries=7, fillable=True, paper=paper)))
    # Then it keeps to the page limit of its level
    limit = 2 if level in (STANDARD, PLAIN) else 3
    assert len(reader.pages) <= limit
    # And no entry is split over two pages
    pages = _pages_of_entries(reader)
    assert sorted(pages) == sorted(f"e{n}" for n in range(1, 8))
    assert all(len(on) == 1 for on in pages.values()), pages
    # And no answer box runs into the footer
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            field = annot.get_object()
            if str(field.get("/T", field.get("/Parent", {}).get("/T", ""))).startswith("e"):
                assert float(field["/Rect"][1]) >= 40  # the footer sits below 16 mm


def test_easy_thought_record_lists_each_answer_once_with_a_box_per_entry(
    library: TemplateLibrary,
) -> None:
    # Given the easy thought record for three entries
    text = library.get("thought_record").text(LiteracyLevel.EASY, EN)
    pdf = render(text, entries=3, fillable=True)
    # When it is read back
    printed = words(pdf, 2)
    fields = PdfReader(io.BytesIO(pdf)).get_fields() or {}
    # Then each feeling and each thought is printed once, not once per entry
    assert printed.count("Worried") == 1 and printed.count("It will go wrong") == 1
    # And each entry has its own tick box for every feeling and its own faces before and after
    feeling = next(f for f in text.fields if f.key == "feeling")
    for n in (1, 2, 3):
        assert all(f"e{n}.feeling.{i}" in fields for i in range(len(feeling.options)))
        assert {f"e{n}.feeling_strength", f"e{n}.feeling_after", f"e{n}.kind_thought"} <= set(
            fields
        )


@pytest.mark.parametrize("key", ["abc_record", "urge_log", "panic_diary"])
def test_the_last_pages_entries_are_no_taller_than_the_first(
    library: TemplateLibrary, key: str
) -> None:
    # Given a standard event table with the fewest entries that take a second page
    text = library.get(key).text(STANDARD, EN)
    sheets = (render(text, entries=n, fillable=True, paper="a4") for n in range(2, 15))
    reader = next(r for r in map(PdfReader, map(io.BytesIO, sheets)) if len(r.pages) == 2)
    # When the rows are measured by their write-in fields
    heights: dict[str, float] = {}
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            name = str(a.get("/T", ""))
            if name.startswith("e") and a.get("/FT") == "/Tx":
                rect = [float(v) for v in a["/Rect"]]
                heights[name] = rect[3] - rect[1]
    # Then an entry on the last page is as tall as the first, not stretched to a page
    last = max(int(k.split(".")[0][1:]) for k in heights)
    tallest = {
        n: max(h for k, h in heights.items() if k.split(".")[0] == n) for n in ("e1", f"e{last}")
    }
    assert tallest[f"e{last}"] <= tallest["e1"] * 1.05
