"""Text the therapist typed (a client's names, a homework title, a reason) put on
screen exactly as typed.

- ``isolated``: wrapped in Unicode directional isolates (FSI … PDI), so an Arabic or
  Hebrew name does not reorder the words around it on the same line.
- ``rich``: isolated and HTML-escaped, for a label that shows rich text (``<b>`` in a
  name is shown, never applied; ``&amp;`` stays ``&amp;``).
- ``plain_label``: a label that holds no markup of ours shows its text as plain text
  (QLabel's automatic mode would read ``<b>Ana</b>`` as bold).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

FSI = "\u2068"  # FIRST STRONG ISOLATE: the text's own first letter sets its direction
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def isolated(text: str) -> str:
    """``text`` in directional isolates (empty stays empty)."""
    return f"{FSI}{text}{PDI}" if text else text


def rich(text: str) -> str:
    """``text`` for rich text: isolated and escaped."""
    return html.escape(isolated(text), quote=False)


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as plain text (returned, for chaining)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
