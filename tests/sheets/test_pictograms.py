"""The pictogram vocabulary: each concept drawn, each drawing unlike the others,
and pictures placed only where a template names them."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.fonts import font_canvas
from practice.sheets.model import FieldKind, Layout, SheetField, SheetText
from practice.sheets.pictogram_vocabulary import CONCEPTS
from practice.sheets.pictograms import MARGIN, PICTOGRAMS, UNIT, PictogramPainter, paint
from practice.sheets.sheet import SelfRecordSheet, SheetRequest

try:
    from ._samples import thought_record
except ImportError:
    from _samples import thought_record

PAGE = 144.0  # points: 60 pixels at 30 dpi
# Two pictograms are "nearly identical" when fewer than this share of the pixels
# inked in either of them differ (inked in one, blank in the other).
MIN_DIFFERENCE = 0.12
PLACED = re.compile(rb"([\d.]+) 0 0 [\d.]+ ([\d.]+) ([\d.]+) cm\s+/FormXob\.pict_(\w+) Do")


def ink_masks(tmp_path: Path) -> dict[str, int]:
    """Each pictogram drawn alone on a page, rasterised at 30 dpi: its inked pixels as bits."""
    keys = sorted(PICTOGRAMS)
    buf = io.BytesIO()
    c = font_canvas(buf, (PAGE, PAGE))
    painter = PictogramPainter(c)
    for key in keys:
        painter.draw(key, 12, 12, PAGE - 24)
        c.showPage()
    c.save()
    pdf = tmp_path / "all.pdf"
    pdf.write_bytes(buf.getvalue())
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    masks = {}
    for key, image in zip(keys, sorted(tmp_path.glob("p-*.pgm")), strict=True):
        _, width, height, _, pixels = image.read_bytes().split(maxsplit=4)
        size = int(width) * int(height)
        masks[key] = int("".join("1" if b < 160 else "0" for b in pixels[:size]), 2)
    return masks


def test_every_concept_has_its_own_drawing_and_no_drawing_lacks_a_concept() -> None:
    assert set(PICTOGRAMS) == set(CONCEPTS)


def test_no_two_pictograms_look_nearly_the_same(tmp_path: Path) -> None:
    # Given every pictogram rasterised on its own
    masks = ink_masks(tmp_path)
    # Then each one draws something
    assert all(mask.bit_count() > 20 for mask in masks.values())
    # And every pair differs in a good share of its inked pixels
    alike = []
    for a, b in itertools.combinations(masks, 2):
        union = (masks[a] | masks[b]).bit_count()
        difference = (masks[a] ^ masks[b]).bit_count() / union
        if difference < MIN_DIFFERENCE:
            alike.append(f"{a} ~ {b} ({difference:.2f})")
    assert alike == []


def test_the_check_catches_two_copies_of_one_drawing(tmp_path: Path) -> None:
    # Given the same drawing twice: the measure must call them alike
    masks = ink_masks(tmp_path)
    assert (masks["face_ok"] ^ masks["face_ok"]).bit_count() == 0
    union = (masks["face_ok"] | masks["face_sad"]).bit_count()
    assert (masks["face_ok"] ^ masks["face_sad"]).bit_count() / union > MIN_DIFFERENCE


def test_no_drawing_is_cut_off_at_the_edge_of_its_box(tmp_path: Path) -> None:
    # Given each drawing painted unclipped, its box in the middle of a 300-unit page
    keys = sorted(PICTOGRAMS)
    buf = io.BytesIO()
    c = font_canvas(buf, (300, 300))
    for key in keys:
        c.translate(100, 100)
        paint(c, key)
        c.showPage()
    c.save()
    pdf = tmp_path / "unclipped.pdf"
    pdf.write_bytes(buf.getvalue())
    subprocess.run(["pdftoppm", "-r", "24", "-gray", str(pdf), str(tmp_path / "u")], check=True)
    # Then no ink lies beyond the margin the painter's form keeps round the box
    scale = 24 / 72
    low, high = (100 - MARGIN) * scale - 1, (100 + UNIT + MARGIN) * scale + 1
    outside = []
    for key, image in zip(keys, sorted(tmp_path.glob("u-*.pgm")), strict=True):
        _, width, height, _, pixels = image.read_bytes().split(maxsplit=4)
        w, h = int(width), int(height)
        for i, value in enumerate(pixels[: w * h]):
            x, y = i % w, h - 1 - i // w
            if value < 160 and not (low <= x <= high and low <= y <= high):
                outside.append(key)
                break
    assert outside == []


def _placed(data: bytes) -> list[tuple[float, float, float, str]]:
    """(x, y, size, name) of every pictogram placed on page 1."""
    from pypdf import PdfReader

    content = PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data()
    return [
        (float(x), float(y), float(s) * 100, name.decode())
        for s, x, y, name in PLACED.findall(content)
    ]


def _places_sheet(level: LiteracyLevel) -> SheetText:
    place = SheetField(
        "place", "Where were you?", FieldKind.CHECKBOXES,
        options=("At home", "At work", "Outside"),
        option_pictograms=("house", "work", "outside"),
    )  # fmt: skip
    sleep = SheetField("slept", "How did you sleep at night?", FieldKind.TICK)
    return replace(
        thought_record(level, Language.EN),
        fields=(place, sleep),
        layout=Layout.ENTRIES,
        entries=1,
        instructions=("Tick where you were.",),
        instruction_pictograms=("check",),
    )


@pytest.mark.parametrize("level", [LiteracyLevel.EASY, LiteracyLevel.PICTORIAL])
def test_each_option_has_its_picture_between_its_tick_box_and_its_words(
    level: LiteracyLevel,
) -> None:
    # Given a pictured sheet whose options each name a pictogram
    data = SelfRecordSheet(SheetRequest(_places_sheet(level))).generate()
    placed = _placed(data)
    # Then each option's own picture is drawn
    by_name = {name: (x, y, size) for x, y, size, name in placed}
    assert {"house", "work", "outside"} <= set(by_name)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        page = doc.pages[0]
        height = float(page.height)
        boxes = [r for r in page.rects if abs(r["width"] - r["height"]) < 0.5 and r["width"] < 40]
        for word, name in (("At home", "house"), ("At work", "work"), ("Outside", "outside")):
            x, y, size = by_name[name]
            label = page.search(word)[0]
            # right of a tick box on the same line, left of the option's words
            assert label["x0"] >= x + size
            box = [b for b in boxes if abs((height - b["top"]) - (y + size / 2)) < size]
            assert any(b["x1"] <= x + 0.5 for b in box), word


def test_words_never_bring_a_picture() -> None:
    # Given an easy sheet with a field whose words name sleep and night but no pictogram
    data = SelfRecordSheet(SheetRequest(_places_sheet(LiteracyLevel.EASY))).generate()
    names = [name for *_, name in _placed(data)]
    # Then only the template's keys and the page's own pictures (bring, why) are drawn
    assert set(names) == {"door", "helps", "check", "house", "work", "outside"}
    assert "bed" not in names and "moon" not in names


def test_standard_options_have_no_pictures() -> None:
    data = SelfRecordSheet(SheetRequest(_places_sheet(LiteracyLevel.STANDARD))).generate()
    assert _placed(data) == []


def test_week_chart_options_carry_their_pictures_at_easy() -> None:
    # Given an easy daily sheet (a week chart) whose options name pictograms
    place = SheetField(
        "place", "Where?", FieldKind.CHECKBOXES, options=("Home", "Work"), pictogram="calendar",
        option_pictograms=("house", "work"),
    )  # fmt: skip
    text = replace(thought_record(LiteracyLevel.EASY, Language.EN), fields=(place,))
    assert text.layout is Layout.DAILY
    # When it is drawn
    names = [name for *_, name in _placed(SelfRecordSheet(SheetRequest(text)).generate())]
    # Then each option's picture is on its row, and the field's own picture on its heading
    assert {"house", "work", "calendar"} <= set(names)


def test_an_instruction_without_a_pictogram_gets_its_number_not_a_guess() -> None:
    # Given an easy sheet whose instructions name no pictogram (a key not filled in yet)
    text = replace(
        thought_record(LiteracyLevel.EASY, Language.EN),
        instructions=("Write one word each night.", "Bring this page."),
        instruction_pictograms=(),
        fields=(SheetField("talked", "I talked to someone", FieldKind.TICK, pictogram="speech"),),
    )
    data = SelfRecordSheet(SheetRequest(text)).generate()
    # Then the instructions are numbered and no picture is guessed from their words
    with pdfplumber.open(io.BytesIO(data)) as doc:
        words = doc.pages[0].extract_text()
    assert "1. Write one word each night." in words.replace("1.\nWrite", "1. Write")
    names = [name for *_, name in _placed(data)]
    assert "pen" not in names and "moon" not in names
    assert {"door", "helps", "speech"} <= set(names)
