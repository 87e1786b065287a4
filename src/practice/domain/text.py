"""Text checks shared by every form: shapes, lengths, unicode that the driver refuses."""

from __future__ import annotations

import re
import unicodedata

from practice.text import QT_TRANSLATE_NOOP

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9 ()./-]{6,30}$")
# The explicit direction codes (embeddings, overrides, isolates and their end): typed by
# no one on purpose, and one left open turns the text after it around (U+202E shows
# "Ana (abc)" as "Ana )cba(" in a window title). The direction marks (LRM, RLM) stay:
# they turn nothing around and right-to-left writers do type them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean(value: str | None) -> str | None:
    """Strip, NFC-normalise; empty becomes None."""
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value.strip())
    return value or None


def text_problem(value: str | None, max_length: int) -> str | None:
    """A message if ``value`` cannot be stored as text, else None."""
    if value is None:
        return None
    if "\x00" in value:
        return QT_TRANSLATE_NOOP("text", "contains a NUL character")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        return QT_TRANSLATE_NOOP("text", "contains an invalid character (a lone surrogate)")
    if len(value) > max_length:
        return QT_TRANSLATE_NOOP(
            "text", "is too long ({count} characters; at most {max_length})"
        ).format(count=len(value), max_length=max_length)
    return None


def has_control(value: str | None) -> bool:
    """Whether ``value`` holds a control character (a tab, a newline, an escape, DEL)
    or an explicit direction code: text typed on one line never means one."""
    return bool(value) and any(
        unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS for ch in value or ""
    )


def without_bidi_controls(value: str) -> str:
    """``value`` with the explicit direction codes left out (see :data:`BIDI_CONTROLS`)."""
    return "".join(ch for ch in value if ch not in BIDI_CONTROLS)


def fold(value: str) -> str:
    """Case-folded, NFC-normalised, single-spaced: for search and duplicate keys."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def search_key(value: str) -> str:
    """Like :func:`fold`, and without accents: "Núñez" and "nunez" match."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
