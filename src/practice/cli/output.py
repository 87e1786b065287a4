"""Text for the terminal: what a client's name or a note may hold never drives it.

A name with an escape sequence (``ESC [2J`` clears the screen), a bell, a
right-to-left override or a tab would otherwise act on the user's terminal or break
the one-record-a-line output. Each such character is shown as ``\\uXXXX``.
"""

from __future__ import annotations


def terminal_text(text: str, *, keep: frozenset[str] = frozenset()) -> str:
    """``text`` with every character that is not printable escaped (``keep`` aside)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in keep else f"\\u{ord(ch):04x}" for ch in text)
