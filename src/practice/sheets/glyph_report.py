"""Counting the characters no font could draw while PDFs are made, for the therapist.

Every canvas of ``sheets.fonts`` reports the characters it printed as ``[?]``
(:func:`note_missing`); a caller that wants to tell the therapist wraps the making
of a PDF in :func:`counting_missing_glyphs` and reads ``missing`` afterwards. Only
a count is kept, never the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class GlyphReport:
    missing: int = 0  # characters printed as [?]


_active: ContextVar[tuple[GlyphReport, ...]] = ContextVar("glyph_reports", default=())


@contextmanager
def counting_missing_glyphs() -> Iterator[GlyphReport]:
    """Count the characters printed as ``[?]`` by every PDF made inside the block."""
    report = GlyphReport()
    token = _active.set((*_active.get(), report))
    try:
        yield report
    finally:
        _active.reset(token)


def note_missing(count: int) -> None:
    """Called by the canvas: ``count`` more characters were printed as ``[?]``."""
    for report in _active.get():
        report.missing += count


def glyph_message(missing: int) -> str:
    """One line for the therapist, or "" when nothing is missing."""
    if not missing:
        return ""
    times = "once" if missing == 1 else f"{missing} times"
    return (
        f"[?] is printed {times} on this PDF in place of characters no font can draw "
        "(in a name or your own text): check them before printing."
    )
