"""The GUI's colours: light, dark or high contrast, following the system by default.

(Being built for issue 13: named colour roles, one stylesheet, WCAG AA contrast.)
The settings contract others code against: ``THEME_KEY``, ``THEMES``,
:func:`chosen_theme`, :func:`choose_theme`, :func:`apply`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

THEME_KEY = "ui/theme"
SYSTEM = "system"
THEMES = (SYSTEM, "light", "dark", "high-contrast")


def chosen_theme() -> str:
    """What Preferences says: ``"system"`` (the default), light, dark or high contrast."""
    value = QSettings().value(THEME_KEY, SYSTEM)
    return value if value in THEMES else SYSTEM


def choose_theme(choice: str) -> None:
    """Remember ``choice`` and apply it now."""
    if choice not in THEMES:
        raise ValueError(f"unknown theme {choice!r}")
    QSettings().setValue(THEME_KEY, choice)
    apply(choice)


def apply(choice: str | None = None) -> str:
    """Colour the running app with ``choice`` (default: the remembered one); returns the
    theme applied (``"light"``, ``"dark"`` or ``"high-contrast"``)."""
    choice = chosen_theme() if choice is None else choice
    return "light" if choice == SYSTEM else choice
