"""Words the GUI must say the same way everywhere, kept in one place.

The GUI speaks US English (like its dates, ``ui/dates.py``): one spelling each, so
"Behavior" in the resistance groups as in a BIRP note's sections (``NOTE_SECTIONS``).
"""

from __future__ import annotations

from practice.domain.vocabulary import NOTE_SECTIONS, LiteracyLevel, NoteFormat

BEHAVIOR = NOTE_SECTIONS[NoteFormat.BIRP][0]

# The level list says which level is simpler (most reading first).
LEVEL_CHOICES: dict[LiteracyLevel, str] = {
    LiteracyLevel.STANDARD: "Standard",
    LiteracyLevel.PLAIN: "Plain — simpler words",
    LiteracyLevel.EASY: "Easy — short sentences, pictures",
    LiteracyLevel.PICTORIAL: "Pictorial — mostly pictures",
}

# The note's separate "plan" field: what to pick up next session. Not the Plan section
# that SOAP, DAP and BIRP notes have inside the note.
NEXT_SESSION_TITLE = "To pick up next session"
NEXT_SESSION_HINT = (
    "Shown at the start of the next session. The note's own Plan section stays in the note."
)
