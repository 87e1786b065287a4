"""Which parts of a sheet lack the pictogram the easy and pictorial levels need.

At easy and pictorial every instruction, every field and every checkbox option
carries a concept pictogram (a picture beside every idea, Easy Read); so does the
note box when the sheet has one. Keys that are not in the vocabulary count as
missing too.
"""

from __future__ import annotations

from practice.domain.vocabulary import LiteracyLevel
from practice.sheets.model import FieldKind, SheetText
from practice.sheets.pictogram_vocabulary import CONCEPTS

PICTURED_LEVELS = (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL)


def _known(key: str | None) -> bool:
    return key is not None and key in CONCEPTS


def missing_pictograms(text: SheetText) -> list[str]:
    """Each instruction, field, option (and note) of ``text`` without a pictogram.

    Empty at standard and plain, which have no pictures.
    """
    if text.level not in PICTURED_LEVELS:
        return []
    missing: list[str] = []
    pictures = text.instruction_pictograms
    for i, instruction in enumerate(text.instructions):
        if not _known(pictures[i] if i < len(pictures) else None):
            missing.append(f"instruction {i + 1} ({instruction!r})")
    for f in text.fields:
        if not _known(f.pictogram):
            missing.append(f"field {f.key!r} ({f.label!r})")
        if f.kind is FieldKind.CHECKBOXES:
            for i, option in enumerate(f.options):
                if not _known(f.option_pictogram(i)):
                    missing.append(f"field {f.key!r} option {i + 1} ({option!r})")
    if text.note and not _known(text.note_pictogram):
        missing.append(f"note ({text.note!r})")
    return missing


__all__ = ["PICTURED_LEVELS", "missing_pictograms"]
