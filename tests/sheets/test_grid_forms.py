"""The activity schedule's hourly grid and the sleep diary's week table, rendered
and read back (Beck's activity schedule; the Consensus Sleep Diary, Carney et al. 2012)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets import wording
from practice.sheets.fillable import KINDS_FIELD
from practice.sheets.hourly_form import HOURS
from practice.sheets.model import SheetText
from practice.sheets.scale_kinds import ScaleKind
from practice.sheets.scale_words import scale_words
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import TemplateLibrary, load_templates
from practice.sheets.week_table import word_legend

STANDARD, PLAIN = LiteracyLevel.STANDARD, LiteracyLevel.PLAIN
EASY, PICTORIAL = LiteracyLevel.EASY, LiteracyLevel.PICTORIAL
EN, ES = Language.EN, Language.ES
START = date(2026, 12, 10)  # a Thursday
WEEK = tuple(START + timedelta(days=i) for i in range(7))
SLEEP_KEYS = (
    "bed_time", "try_sleep_time", "minutes_to_sleep", "awakenings", "minutes_awake",
    "final_wake_time", "out_of_bed_time", "quality",
)  # fmt: skip
THIRD = 1 / 3
DPI = 100


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


def text_of(library: TemplateLibrary, key: str, level: LiteracyLevel, lang: Language) -> SheetText:
    return library.get(key).text(level, lang)


def render(text: SheetText, days: tuple[date, ...] = WEEK, **kw: object) -> bytes:
    kw.setdefault("code", "K7Q2-M9")
    kw.setdefault("preferred_name", "Ana")
    request = SheetRequest(text, week_start=days[0], bring_on=days[-1], days=days, **kw)  # type: ignore[arg-type]
    return SelfRecordSheet(request).generate()


def pages_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def page_fill(data: bytes) -> list[float]:
    """How far down each page its lowest mark (text, line, box) reaches, above the footer."""
    shares = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            marks = page.chars + page.lines + page.rects + page.curves
            content_bottom = page.height - 16 * mm
            lowest = max(m["bottom"] for m in marks if m["bottom"] < content_bottom)
            shares.append((lowest - 13 * mm) / (content_bottom - 13 * mm))
    return shares


def field_names(data: bytes) -> dict[str, object]:
    return PdfReader(io.BytesIO(data)).get_fields() or {}


# -- the activity schedule ------------------------------------------------------------


@pytest.mark.parametrize("lang", [EN, ES])
def test_activity_standard_is_one_landscape_grid_of_hours_and_dated_days(
    library: TemplateLibrary, lang: Language
) -> None:
    # Given the standard activity schedule for a week from Thursday 10 December
    data = render(text_of(library, "activity_schedule", STANDARD, lang))
    texts = pages_text(data)
    # Then it has at most two pages, the grid on one landscape page
    assert len(texts) <= 2
    hours = [wording.hour_label(h, lang) for h in HOURS]
    grid = [i for i, t in enumerate(texts) if all(h in t.split() or h in t for h in hours)]
    assert len(grid) == 1, "every hour from 6 to 23 on one page"
    page = PdfReader(io.BytesIO(data)).pages[grid[0]]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    # And the page names every hour 6..23 and the seven real dates
    assert [h for h in range(6, 24)] == list(HOURS)
    for day in WEEK:
        assert wording.short_day(day.weekday(), day, lang) in texts[grid[0]]
    first = "Thu 10 Dec" if lang is EN else "jue 10 dic"
    assert first in texts[grid[0]]
    # And the legend says what M and P are, with both ends
    legend = "M = how much you achieved" if lang is EN else "L = cuánto lograste"
    assert legend in texts[grid[0]]
    assert ("P = how much you enjoyed it" if lang is EN else "D = cuánto lo disfrutaste") in (
        texts[grid[0]]
    )
    assert "10 = a lot" in texts[grid[0]] or "10 = mucho" in texts[grid[0]]


def test_activity_fillable_rates_every_hour_of_every_day(library: TemplateLibrary) -> None:
    # Given a fillable standard activity schedule
    data = render(text_of(library, "activity_schedule", STANDARD, EN), fillable=True)
    fields = field_names(data)
    # Then each hour of each day has its activity, mastery and pleasure fields
    expected = {
        f"d{d}.h{h:02d}.{key}"
        for d in range(1, 8)
        for h in HOURS
        for key in ("activity", "mastery", "pleasure")
    }
    assert expected <= set(fields)
    assert not [n for n in fields if n.startswith("d8.")]
    # And the kinds are listed for the import
    kinds = fields[KINDS_FIELD]["/V"]  # type: ignore[index]
    assert kinds == "activity:short_text;mastery:rating:mastery;pleasure:rating:pleasure"


def test_activity_plain_rates_each_line_of_each_part_of_the_day(library: TemplateLibrary) -> None:
    # Given the plain activity schedule, fillable
    text = text_of(library, "activity_schedule", PLAIN, EN)
    data = render(text, fillable=True)
    fields = set(field_names(data))
    printed = "\n".join(pages_text(data))
    # Then morning, afternoon and evening are printed, each line rated M and P
    for part in ("Morning", "Afternoon", "Evening"):
        assert part in printed
    lines = next(f for f in text.fields if f.key == "activity").lines
    for part in ("morning", "afternoon", "evening"):
        for n in range(1, lines + 1):
            for key in ("activity", "mastery", "pleasure"):
                assert f"d7.{part}{n}.{key}" in fields
    assert "M = how much you got done" in printed


@pytest.mark.parametrize("level", [EASY, PICTORIAL])
def test_activity_lower_levels_tick_pictured_activities_and_one_face(
    library: TemplateLibrary, level: LiteracyLevel
) -> None:
    # Given the easy or pictorial activity schedule, fillable
    text = text_of(library, "activity_schedule", level, EN)
    data = render(text, fillable=True)
    fields = set(field_names(data))
    activities = next(f for f in text.fields if f.key == "activities")
    # Then every activity has its own concept pictogram and a tick box on each day
    assert all(activities.option_pictograms) and len(activities.option_pictograms) >= 6
    for i in range(len(activities.options)):
        assert {f"d{d}.activities.{i}" for d in range(1, 8)} <= fields
    # And one face a day for how the day was
    mood = next(f for f in text.fields if f.key == "mood")
    assert mood.scale == "mood"
    assert {f"d{d}.mood" for d in range(1, 8)} <= fields


# -- the sleep diary ----------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("lang", [EN, ES])
def test_sleep_diary_standard_fits_its_week_and_core_items_on_one_page(
    library: TemplateLibrary, paper: str, lang: Language
) -> None:
    # Given the standard sleep diary for a week
    text = text_of(library, "sleep_diary", STANDARD, lang)
    data = render(text, paper=paper)
    texts = pages_text(data)
    # Then the whole sheet is one page with every core item and the seven dates
    assert len(texts) == 1
    keys = [f.key for f in text.fields]
    assert keys == list(SLEEP_KEYS)
    for f in text.fields:
        assert f.label in texts[0].replace("\n", " "), f.key
    for day in WEEK:
        assert wording.short_day(day.weekday(), day, lang).split(" ")[0] in texts[0]
    # And quality runs from very poor to very good in words, 0 to 4 (not 0-100)
    assert word_legend(scale_words(ScaleKind.QUALITY, lang).five) in texts[0].replace("\n", " ")
    assert "100" not in texts[0]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("lang", [EN, ES])
def test_sleep_diary_plain_has_the_core_items_in_one_week_table(
    library: TemplateLibrary, paper: str, lang: Language
) -> None:
    # Given the plain sleep diary for a week
    text = text_of(library, "sleep_diary", PLAIN, lang)
    data = render(text, paper=paper)
    texts = pages_text(data)
    # Then the week table is whole on one page: every core item and quality word on it
    assert [f.key for f in text.fields][: len(SLEEP_KEYS)] == list(SLEEP_KEYS)
    table = [t.replace("\n", " ") for t in texts if all(f.label in t.replace("\n", " ")
                                                        for f in text.fields)]  # fmt: skip
    assert len(table) == 1
    for word in scale_words(ScaleKind.QUALITY, lang).five:
        assert word.split()[-1] in table[0]
    # And the sheet keeps to two pages, none but the last under a third full
    assert len(texts) <= 2
    assert all(share >= THIRD for share in page_fill(data)[:-1])


@pytest.mark.parametrize("level", [STANDARD, PLAIN])
def test_sleep_diary_fillable_has_every_core_item_for_every_day(
    library: TemplateLibrary, level: LiteracyLevel
) -> None:
    # Given a fillable sleep diary
    data = render(text_of(library, "sleep_diary", level, EN), fillable=True)
    fields = field_names(data)
    # Then each day has a field for each core item, under the keys sleep efficiency uses
    assert {f"d{d}.{key}" for d in range(1, 8) for key in SLEEP_KEYS} <= set(fields)
    kinds = str(fields[KINDS_FIELD]["/V"])  # type: ignore[index]
    assert kinds.startswith("bed_time:time;try_sleep_time:time;minutes_to_sleep:number;")


def test_sleep_diary_cells_are_wide_enough_for_clock_times(library: TemplateLibrary) -> None:
    # Given the standard sleep diary on A4 portrait
    data = render(text_of(library, "sleep_diary", STANDARD, EN))
    with pdfplumber.open(io.BytesIO(data)) as doc:
        page = doc.pages[0]
        assert page.width < page.height
        edges = sorted({round(e["x0"], 1) for e in page.lines if e["x0"] == e["x1"]})
        rules = [e for e in page.lines if e["top"] == e["bottom"]]
    # Then the seven day columns are each at least 22 mm wide
    days = [b - a for a, b in zip(edges, edges[1:], strict=False)][-7:]
    assert len(days) == 7 and min(days) >= 22 * mm - 0.5
    # And every row rule shows in every day column, none painted over by a column's tint
    with pdfplumber.open(io.BytesIO(data)) as doc:
        picture = doc.pages[0].to_image(resolution=DPI).original.convert("L")
    scale = DPI / 72
    full = [r for r in rules if r["x0"] <= edges[-8] + 1 and r["x1"] >= edges[-1] - 1]
    assert len(full) >= len(SLEEP_KEYS) + 1
    for rule in full:
        y = round(rule["top"] * scale)
        for a, b in zip(edges[-8:-1], edges[-7:], strict=True):
            x = round((a + b) / 2 * scale)
            darkest = min(picture.getpixel((x, y + dy)) for dy in (-1, 0, 1))
            assert darkest < 215, (rule["top"], a)


def test_sleep_diary_pictorial_draws_clock_faces_and_pictures(library: TemplateLibrary) -> None:
    # Given the pictorial sleep diary
    text = text_of(library, "sleep_diary", PICTORIAL, EN)
    data = render(text, fillable=True)
    printed = "\n".join(pages_text(data))
    # Then the two times are empty clock faces (12, 3, 6 and 9 on each, a day each)
    times = [f for f in text.fields if f.kind.value == "time"]
    assert len(times) == 2
    for numeral in ("12", "3", "6", "9"):
        assert printed.split().count(numeral) >= 2 * len(WEEK)
    # And awakenings are pictured options, quality faces, with a pictogram on every field
    awakenings = next(f for f in text.fields if f.key == "awakenings")
    assert awakenings.option_pictograms[1:] == ("few_times", "many_times")
    assert all(f.pictogram for f in text.fields)
    assert next(f for f in text.fields if f.key == "quality").scale == "quality"
    assert {f"d{d}.bed_time" for d in range(1, 8)} <= set(field_names(data))


# -- the days of the sheet and the page rules --------------------------------------------


@pytest.mark.parametrize(
    ("key", "level"),
    [("sleep_diary", STANDARD), ("activity_schedule", STANDARD), ("activity_schedule", EASY)],
)
def test_the_days_follow_the_request(
    library: TemplateLibrary, key: str, level: LiteracyLevel
) -> None:
    # Given a span of five days (the assignment is due after five)
    five = WEEK[:5]
    data = render(text_of(library, key, level, EN), days=five, fillable=True)
    printed = "\n".join(pages_text(data))
    names = set(field_names(data))
    # Then five day columns are printed and filled in, no sixth
    for day in five:
        assert wording.short_day(day.weekday(), day, EN).split(" ")[0] in printed
    assert "Tue" not in printed.split() and "Wed" not in printed.split()
    assert any(n.startswith("d5.") for n in names)
    assert not any(n.startswith("d6.") for n in names)


@pytest.mark.parametrize("key", ["activity_schedule", "sleep_diary"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_length_rules(library: TemplateLibrary, key: str, paper: str) -> None:
    # Given every level and language of the sheet, a week on the chosen paper
    for level in LiteracyLevel:
        for lang in Language:
            data = render(text_of(library, key, level, lang), paper=paper)
            fill = page_fill(data)
            # Then standard and plain fit two pages, easy and pictorial three
            most = 2 if level in (STANDARD, PLAIN) else 3
            assert len(fill) <= most, (level, lang, len(fill))
            # And no page but the last is under a third full
            assert all(share >= THIRD for share in fill[:-1]), (level, lang, fill)


def test_easy_week_table_shares_page_one_with_the_instructions(library: TemplateLibrary) -> None:
    # Given the easy activity schedule on A4
    text = text_of(library, "activity_schedule", EASY, EN)
    texts = pages_text(render(text))
    # Then page 1 holds the instructions and the first field's whole week of tick boxes
    assert text.instructions[0] in texts[0]
    options = next(f for f in text.fields if f.key == "activities").options
    assert all(option in texts[0] for option in options)
    # And the face rows stay together under the day header again
    assert "How was my day?" in texts[-1] and "Very good" in texts[-1] and "Thu" in texts[-1]
