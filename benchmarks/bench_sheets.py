"""Time the sheet renderer (README.md, Performance: one sheet < 25 ms,
60 sheets < 2 s).

Run: PYTHONPATH=src python benchmarks/bench_sheets.py [--repeat N]
Prints medians; not a pass/fail test.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Callable
from datetime import date

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.fonts import register_fonts
from practice.sheets.model import SheetText
from practice.sheets.sheet import SelfRecordSheet, SheetRequest, render_many
from practice.sheets.templates import load_templates

WEEK, SESSION = date(2025, 3, 3), date(2025, 3, 11)


def texts() -> list[SheetText]:
    library = load_templates()
    return [
        library.get(key).text(level, language)
        for key in library.keys()  # noqa: SIM118 (a library, not a dict)
        for level in LiteracyLevel
        for language in Language
    ]


def requests(all_texts: list[SheetText], n: int, **kw: object) -> list[SheetRequest]:
    cycle = itertools.cycle(all_texts)
    return [
        SheetRequest(next(cycle), f"Client {i}", WEEK, SESSION, f"K{i:04d}", **kw)  # type: ignore[arg-type]
        for i in range(n)
    ]


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args()

    start = time.perf_counter()
    register_fonts()
    all_texts = texts()
    print(f"setup (fonts + {len(all_texts)} template variants): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")  # fmt: skip
    SelfRecordSheet(requests(all_texts, 1)[0]).generate()  # warm caches

    singles = requests(all_texts, len(all_texts))
    per_sheet = [median_ms(SelfRecordSheet(r).generate, args.repeat) for r in singles]
    print(f"one sheet, median over {len(singles)} variants: {statistics.median(per_sheet):.1f} ms "
          f"(slowest {max(per_sheet):.1f} ms)")  # fmt: skip
    for label, kw in (("large print", {"large_print": True}), ("fillable", {"fillable": True})):
        some = requests(all_texts, len(all_texts), **kw)
        ms = [median_ms(SelfRecordSheet(r).generate, args.repeat) for r in some]
        print(f"one sheet, {label}: {statistics.median(ms):.1f} ms (slowest {max(ms):.1f} ms)")

    batch = requests(all_texts, 60)
    together = median_ms(lambda: render_many(batch), args.repeat)
    print(f"batch of 60 in one PDF (render_many): {together:.0f} ms")
    separate = median_ms(lambda: [SelfRecordSheet(r).generate() for r in batch], args.repeat)
    print(f"60 separate PDFs: {separate:.0f} ms")


if __name__ == "__main__":
    main()
