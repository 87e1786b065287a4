"""What a rating measures, and so its range and which end is better.

A rating field names its kind (``scale = "mood"`` in the template); the same kind
reads the same way on every sheet (docs/clinical.md, Literacy levels). The range
depends on the kind and the level; fillable imports check values against it.
"""

from __future__ import annotations

from enum import StrEnum

from practice.domain.vocabulary import LiteracyLevel


class ScaleKind(StrEnum):
    """What a rating measures."""

    MOOD = "mood"  # how I feel overall: higher is better
    INTENSITY = "intensity"  # how strong an unpleasant feeling, fear or urge: lower is better
    BELIEF = "belief"  # how much I believe a thought: 0 not at all ... completely
    LIKELIHOOD = "likelihood"  # how likely a feared outcome seems: 0 ... certain
    QUALITY = "quality"  # how well something went (sleep): very poor ... very good
    MASTERY = "mastery"  # sense of achievement: higher is better
    PLEASURE = "pleasure"  # enjoyment: higher is better


# Points of the level's scale, lowest to highest value.
LEVEL_RANGES: dict[LiteracyLevel, tuple[int, int]] = {
    LiteracyLevel.STANDARD: (0, 100),
    LiteracyLevel.PLAIN: (0, 10),
    LiteracyLevel.EASY: (0, 4),
    LiteracyLevel.PICTORIAL: (0, 2),
}
# Kinds with their own range at the written levels (standard, plain).
KIND_RANGES: dict[ScaleKind, tuple[int, int]] = {
    ScaleKind.MASTERY: (0, 10),
    ScaleKind.PLEASURE: (0, 10),
    ScaleKind.QUALITY: (0, 4),
}


def scale_range(kind: ScaleKind | None, level: LiteracyLevel) -> tuple[int, int]:
    """The lowest and highest value a client can give on this scale at ``level``."""
    if kind in KIND_RANGES and level in (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN):
        return KIND_RANGES[kind]
    return LEVEL_RANGES[level]


__all__ = ["KIND_RANGES", "LEVEL_RANGES", "ScaleKind", "scale_range"]
