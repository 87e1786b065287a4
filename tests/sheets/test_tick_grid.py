"""The tick grid (easy and pictorial event records): one row per entry, one column per answer."""

from __future__ import annotations

import io
from collections import defaultdict

import pytest
from pypdf import PdfReader

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import FieldKind, Form
from practice.sheets.sheet import SelfRecordSheet, SheetRequest
from practice.sheets.templates import TemplateLibrary, load_templates

TICK_GRIDS = [
    ("thought_record", LiteracyLevel.PICTORIAL),
    ("thought_record", LiteracyLevel.EASY),
    ("urge_log", LiteracyLevel.EASY),
    ("exposure_record", LiteracyLevel.EASY),
    ("panic_diary", LiteracyLevel.PICTORIAL),
]


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


def widgets(data: bytes) -> list[tuple[int, str, str, float, float]]:
    """(page, field name, radio value or "", bottom, top) of every answer widget."""
    out = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            field = widget["/Parent"].get_object() if "/Parent" in widget else widget
            name = str(field.get("/T", ""))
            if not name.startswith("e"):
                continue
            states = [str(k) for k in widget.get("/AP", {}).get("/N", {}) if str(k) != "/Off"]
            value = states[0].lstrip("/") if "/Parent" in widget and states else ""
            _, bottom, _, top = (float(v) for v in widget["/Rect"])
            out.append((number, name, value, bottom, top))
    return out


@pytest.mark.parametrize(("key", "level"), TICK_GRIDS)
def test_each_entry_is_one_row_of_boxes_with_todays_field_names(
    library: TemplateLibrary, key: str, level: LiteracyLevel
) -> None:
    # Given an easy or pictorial event record drawn as a tick grid, 7 entries, fillable
    text = library.get(key).text(level, Language.EN)
    assert text.form is Form.TICK_GRID
    request = SheetRequest(text, paper="letter", entries=7, fillable=True)
    # When its answer widgets are read back
    found = widgets(SelfRecordSheet(request).generate())
    rows: dict[int, list[tuple[int, float, float]]] = defaultdict(list)
    for page, name, _, bottom, top in found:
        rows[int(name.split(".")[0][1:])].append((page, bottom, top))
    # Then every entry is one row: all its widgets on one page, side by side ...
    assert sorted(rows) == list(range(1, 8))
    spans = []
    for n in range(1, 8):
        pages = {page for page, _, _ in rows[n]}
        low, high = max(b for _, b, _ in rows[n]), min(t for _, _, t in rows[n])
        assert len(pages) == 1 and low < high, (n, rows[n])
        spans.append((pages.pop(), low, high))
    # ... entry 1 shares page 1 with the instructions, and each entry is below the last
    assert spans[0][0] == 1
    for (page, low, _), (nxt, _, top) in zip(spans, spans[1:], strict=False):
        assert nxt > page or top < low
    # ... with the field names the import reads: one box per option, radio values 0, 1, ...
    names = {(name, value) for _, name, value, _, _ in found if name.startswith("e3.")}
    expected: set[tuple[str, str]] = set()
    for f in text.fields:
        if f.kind is FieldKind.CHECKBOXES:
            expected |= {(f"e3.{f.key}.{i}", "") for i in range(len(f.options))}
        elif f.kind is FieldKind.RATING:
            faces = 5 if level is LiteracyLevel.EASY else 3
            expected |= {(f"e3.{f.key}", str(i)) for i in range(faces)}
        else:
            expected.add((f"e3.{f.key}", ""))
    assert names == expected
