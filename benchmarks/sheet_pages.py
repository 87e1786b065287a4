"""Pages of every built-in sheet, as printed: template x level x paper (x large print).

Run: PYTHONPATH=src python benchmarks/sheet_pages.py [--language en|es]
Prints a table of page counts (event records with 3 and with 7 entries, day records
for a week) and marks a count over the length rule (docs/clinical.md: standard and
plain at most 2 pages, easy and pictorial at most 3; large print may add pages) with
"!" and a page other than the last that is less than a third full with "*".
tests/sheets/test_printed_sheets.py renders and reads the sheets the same way.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from practice.domain.vocabulary import Language, LiteracyLevel, TemplateKey
from practice.sheets.model import Layout, SheetText
from practice.sheets.sheet import MARGIN_BOTTOM, MARGIN_TOP, SelfRecordSheet, SheetRequest
from practice.sheets.templates import TemplateLibrary, load_templates

WEEK = date(2025, 3, 3)  # a Monday
DAYS = tuple(WEEK + timedelta(days=i) for i in range(7))
SESSION = WEEK + timedelta(days=7)
NAME, CODE = "Ana", "K7Q2"
TARGETS = {Language.EN: "Walk to the corner shop", Language.ES: "Caminar a la tienda"}
MAX_PAGES = {
    LiteracyLevel.STANDARD: 2,
    LiteracyLevel.PLAIN: 2,
    LiteracyLevel.EASY: 3,
    LiteracyLevel.PICTORIAL: 3,
}
MIN_FULL = 1 / 3
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    text: str
    top: float  # from the top of the page, in points
    bottom: float


@dataclass(frozen=True)
class Page:
    height: float
    lines: tuple[Line, ...]

    @property
    def body(self) -> tuple[Line, ...]:
        """The lines above the footer band (page furniture left out)."""
        return tuple(line for line in self.lines if line.bottom <= self.height - MARGIN_BOTTOM)

    @property
    def fullness(self) -> float:
        """How far down the content area the lowest line of text reaches (0 to 1)."""
        body = self.body
        if not body:
            return 0.0
        area = self.height - MARGIN_TOP - MARGIN_BOTTOM
        return (max(line.bottom for line in body) - MARGIN_TOP) / area


@cache
def library() -> TemplateLibrary:
    return load_templates()


def is_event_record(text: SheetText) -> bool:
    return text.layout is Layout.ENTRIES


def render(
    key: str,
    level: LiteracyLevel,
    language: Language,
    *,
    paper: str = "a4",
    large_print: bool = False,
    entries: int | None = None,
) -> bytes:
    """The sheet as the app prints it for a client, for the week of ``WEEK``."""
    text = library().get(key).text(level, language)
    request = SheetRequest(
        text,
        preferred_name=NAME,
        week_start=WEEK,
        bring_on=SESSION,
        code=CODE,
        paper=paper,  # type: ignore[arg-type]
        large_print=large_print,
        days=DAYS,
        entries=entries,
        target=TARGETS[language],
    )
    return SelfRecordSheet(request).generate()


def read_pages(data: bytes) -> list[Page]:
    """Each page's printed lines with their positions (``pdftotext -bbox-layout``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.pdf"
        path.write_bytes(data)
        xml = subprocess.run(
            ["pdftotext", "-bbox-layout", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    pages = []
    for page in root.iter(f"{_XHTML}page"):
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{_XHTML}word")]
            top, bottom = float(line.get("yMin", 0)), float(line.get("yMax", 0))
            lines.append(Line(" ".join(words), top, bottom))
        lines.sort(key=lambda ln: (round(ln.top), 0))
        pages.append(Page(float(page.get("height", 0)), tuple(lines)))
    return pages


def entry_counts(text: SheetText) -> tuple[int | None, ...]:
    """The entry counts a sheet is checked with: 3 and 7 for event records."""
    return (3, 7) if is_event_record(text) else (None,)


def cell(pages: list[Page], level: LiteracyLevel, large_print: bool) -> str:
    mark = ""
    if not large_print and len(pages) > MAX_PAGES[level]:
        mark += "!"
    if any(p.fullness < MIN_FULL for p in pages[:-1]):
        mark += "*"
    return f"{len(pages)}{mark}"


def table(language: Language) -> list[str]:
    columns = [(paper, large) for large in (False, True) for paper in ("a4", "letter")]
    head = ["template", "entries", "level"] + [
        f"{paper}{' LP' if large else ''}" for paper, large in columns
    ]
    rows = [head]
    for key in TemplateKey:
        for level in LiteracyLevel:
            text = library().get(key.value).text(level, language)
            for entries in entry_counts(text):
                row = [key.value, "-" if entries is None else str(entries), level.value]
                for paper, large in columns:
                    data = render(
                        key.value, level, language, paper=paper, large_print=large,
                        entries=entries,
                    )  # fmt: skip
                    row.append(cell(read_pages(data), level, large))
                rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=[lang.value for lang in Language], default="en")
    args = parser.parse_args()
    print("\n".join(table(Language(args.language))))
    print('"!" over the page limit; "*" a page before the last less than a third full')


if __name__ == "__main__":
    main()
