"""The "cannot postpone treatment" override, as stored (docs/clinical.md, Conditional sessions).

Turning conditional sessions on for a client marked "cannot postpone treatment" needs a
written reason and the name or role of who was consulted. Both are kept in the period's
one override text, the consulted person on its own last line, so no schema change is
needed: ``"<reason>\\nConsulted: <who>"``. An override without that line (written
before it was asked for) is not an active override: a session of such a client is not
cancelled for a missing self-record under it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from practice.text import QT_TRANSLATE_NOOP

CONSULTED = "Consulted: "
CONSULTED_MIN = 3  # characters of a name or role, at least
# Answers that name nobody: "who was consulted" must be a person or a role.
# Compared by their letters only ("N / A", "no-one", "Nobody." are all here).
NOBODY = frozenset(
    {"none", "noone", "nobody", "na", "self", "me", "myself", "ok", "nil", "nada", "nadie"}
)


@dataclass(frozen=True)
class Override:
    reason: str
    consulted: str | None  # None: written before "who was consulted" was asked

    @property
    def active(self) -> bool:
        return bool(self.consulted)


def join_override(reason: str, consulted: str) -> str:
    """The stored text of an override: the reason, then who was consulted on its own line."""
    return f"{reason}\n{CONSULTED}{consulted}"


def split_override(text: str | None) -> Override | None:
    """The stored override text read back; None when there is none.

    The consulted line is checked again as it is read: a line that does not name anyone
    (stored by an older version, or typed into a reason) is no active override.
    """
    if not text:
        return None
    head, sep, tail = text.rpartition("\n" + CONSULTED)
    if sep and tail.strip() and consulted_problem(tail.strip()) is None:
        return Override(head.strip(), tail.strip())
    return Override(text.strip(), None)


def override_problem(reason: str) -> str | None:
    """Why an override reason cannot be stored as written, or None: who was consulted has
    its own field, so a reason never holds a line of its own that starts "Consulted:"."""
    if any(_letters(line).startswith("consulted") for line in reason.splitlines()[1:]):
        return QT_TRANSLATE_NOOP(
            "risk", "Write who was consulted in its own field, not in the reason."
        )
    return None


def _letters(text: str) -> str:
    """``text`` folded to its lower-case letters (NFKC, so full-width letters count)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalpha())


def consulted_problem(consulted: str | None) -> str | None:
    """Why ``consulted`` does not name who was consulted, or None when it does."""
    if not consulted:
        return QT_TRANSLATE_NOOP(
            "risk", "Say who was consulted (the name and role of a colleague or supervisor)."
        )
    if any(unicodedata.category(ch) == "Cf" for ch in consulted):
        return QT_TRANSLATE_NOOP(
            "risk", "Who was consulted holds invisible characters; type the name again."
        )
    letters = _letters(consulted)
    if letters in NOBODY or len(letters) < CONSULTED_MIN or not re.search(r"\w{2}", consulted):
        return QT_TRANSLATE_NOOP(
            "risk",
            "Name the colleague or supervisor who was consulted (for example “Dr A. "
            "Ruiz, clinical supervisor”).",
        )
    if "\n" in consulted:
        return QT_TRANSLATE_NOOP("risk", "Write who was consulted on one line.")
    return None
