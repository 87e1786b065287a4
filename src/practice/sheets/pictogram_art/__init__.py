"""Our own vector pictograms, one drawing per vocabulary concept, by theme.

Each module maps concept keys (:mod:`practice.sheets.pictogram_vocabulary`) to a
function that draws the picture in a 100 × 100 unit box with ink strokes
(:data:`STROKE` wide, round caps, set by the painter).
"""

from __future__ import annotations

from practice.sheets.pictogram_art import (
    actions,
    body,
    day,
    feelings,
    messages,
    places,
    sleep,
    thoughts,
)
from practice.sheets.pictogram_art._base import STROKE, UNIT, Draw

DRAWINGS: dict[str, Draw] = {}
for _module in (day, feelings, thoughts, places, sleep, body, actions, messages):
    _overlap = DRAWINGS.keys() & _module.DRAWINGS.keys()
    if _overlap:
        raise RuntimeError(f"pictograms drawn twice: {sorted(_overlap)}")
    DRAWINGS.update(_module.DRAWINGS)

__all__ = ["DRAWINGS", "STROKE", "UNIT", "Draw"]
