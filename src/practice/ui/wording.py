"""Words the GUI must say the same way everywhere, kept in one place.

The GUI's source language is US English (like its dates, ``ui/dates.py``): one
spelling each, so "Behavior" in the resistance groups as in a BIRP note's sections
(``NOTE_SECTIONS``). The words are marked for translation here and shown with
``i18n.translated`` (Spanish: ``resources/translations``).
"""

from __future__ import annotations

from practice.domain.vocabulary import NOTE_SECTIONS, LiteracyLevel, NoteFormat
from practice.text import QT_TRANSLATE_NOOP, Marked
from practice.ui import i18n

BEHAVIOR = NOTE_SECTIONS[NoteFormat.BIRP][0]

# The level list says which level is simpler (most reading first).
LEVEL_CHOICES: dict[LiteracyLevel, str] = {
    LiteracyLevel.STANDARD: QT_TRANSLATE_NOOP("wording", "Standard"),
    LiteracyLevel.PLAIN: QT_TRANSLATE_NOOP("wording", "Plain — simpler words"),
    LiteracyLevel.EASY: QT_TRANSLATE_NOOP("wording", "Easy — short sentences, pictures"),
    LiteracyLevel.PICTORIAL: QT_TRANSLATE_NOOP("wording", "Pictorial — mostly pictures"),
}

# The note's separate "plan" field: what to pick up next session. Not the Plan section
# that SOAP, DAP and BIRP notes have inside the note.
NEXT_SESSION_TITLE = QT_TRANSLATE_NOOP("wording", "To pick up next session")
NEXT_SESSION_HINT = QT_TRANSLATE_NOOP(
    "wording",
    "Shown at the start of the next session. The note's own Plan section stays in the note.",
)

# The sections of the note formats, as stored (English) -> as shown. A stored name
# not listed here is shown as it is.
_SECTION_WORDS: tuple[Marked, ...] = (
    QT_TRANSLATE_NOOP("wording", "Note"),
    QT_TRANSLATE_NOOP("wording", "Subjective"),
    QT_TRANSLATE_NOOP("wording", "Objective"),
    QT_TRANSLATE_NOOP("wording", "Assessment"),
    QT_TRANSLATE_NOOP("wording", "Plan"),
    QT_TRANSLATE_NOOP("wording", "Data"),
    QT_TRANSLATE_NOOP("wording", "Behavior"),
    QT_TRANSLATE_NOOP("wording", "Intervention"),
    QT_TRANSLATE_NOOP("wording", "Response"),
)
SECTION_WORDS: dict[str, Marked] = {str(word): word for word in _SECTION_WORDS}


def section_name(name: str) -> str:
    """A note section's name (stored in English) in the GUI's language."""
    return i18n.translated(SECTION_WORDS.get(name, name))
