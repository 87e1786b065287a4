"""Text the therapist typed (a client's names, a homework title, a reason) put on
screen exactly as typed.

- ``isolated``: wrapped in Unicode directional isolates (FSI … PDI), so an Arabic or
  Hebrew name does not reorder the words around it on the same line; led by the GUI's
  own direction mark, because Qt takes a paragraph's direction from its first strong
  letter even inside an isolate (a line that starts with the name stays left-to-right).
  Text with no right-to-left letter is left as it is (nothing to keep in order).
- ``rich``: isolated and HTML-escaped, for a label that shows rich text (``<b>`` in a
  name is shown, never applied; ``&amp;`` stays ``&amp;``).
- ``for_title``: for a window title. Window managers draw titles their own way and
  many ignore isolates, so an explicit direction code in the text (a right-to-left
  override U+202E in a client's name) would turn the rest of the title around: the
  codes are left out, then the text is isolated as above.
- ``plain_label``: a label that holds no markup of ours shows its text as plain text
  (QLabel's automatic mode would read ``<b>Ana</b>`` as bold).
"""

from __future__ import annotations

import html
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from practice.domain.text import without_bidi_controls

FSI = "\u2068"  # FIRST STRONG ISOLATE: the text's own first letter sets its direction
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
LRM, RLM = "\u200e", "\u200f"  # LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK
# bidirectional classes that turn text around: Hebrew, Arabic, and the explicit codes
RIGHT_TO_LEFT = frozenset({"R", "AL", "RLE", "RLO", "RLI", "FSI"})


def isolated(text: str) -> str:
    """``text`` in directional isolates (as it is when it holds no right-to-left letter)."""
    if not any(unicodedata.bidirectional(char) in RIGHT_TO_LEFT for char in text):
        return text
    right_to_left = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return f"{RLM if right_to_left else LRM}{FSI}{text}{PDI}"


def for_title(text: str) -> str:
    """``text`` for a window title: explicit direction codes left out, then isolated."""
    return isolated(without_bidi_controls(text))


def rich(text: str) -> str:
    """``text`` for rich text: isolated and escaped."""
    return html.escape(isolated(text), quote=False)


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as plain text (returned, for chaining)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
