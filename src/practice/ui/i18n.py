"""The GUI's language: English or Spanish, from the system locale or Preferences.

The GUI's own words go through Qt's translation functions (``self.tr`` in a class,
``QCoreApplication.translate(context, text, None, n)`` for a count); words that come
from the layers below are marked with ``practice.text.QT_TRANSLATE_NOOP`` and shown
through :func:`translated`. The translations live in
``resources/translations/practice_es.ts`` and ship compiled beside it as ``.qm``
(``tools/translations.py update`` makes both; a test fails on a missing one).

:func:`install` runs once at start, before the first window: it loads our
translation and Qt's own (standard buttons, dialogs) and makes the language's
``QLocale`` the default, so dates, times, numbers and the first day of the week
follow it (``practice.ui.dates``). A change in Preferences applies at the next start.
A translation that is missing or damaged in the install is not a reason not to start:
the GUI starts in English and the log says why.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from practice.paths import resource_dir
from practice.text import Joined, Marked, Numeric, Text

LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
LANGUAGES = ("en", "es")  # English is the source language: it needs no translation
QM_STEM = "practice_es"

log = logging.getLogger("practice.i18n")

# Translators stay referenced while installed (Qt does not own them).
_installed: list[QTranslator] = []
_installed_language = ["en"]


def translations_folder() -> Path:
    """The folder of the ``.ts`` sources and the compiled ``.qm`` files."""
    return Path(str(resource_dir("translations")))


def chosen_language() -> str:
    """What Preferences says: ``"system"`` (the default), ``"en"`` or ``"es"``."""
    value = QSettings().value(LANGUAGE_KEY, SYSTEM)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def choose_language(choice: str) -> None:
    """Remember ``choice`` (``"system"``, ``"en"`` or ``"es"``) for the next start."""
    if choice not in (SYSTEM, *LANGUAGES):
        raise ValueError(f"unknown language {choice!r}")
    QSettings().setValue(LANGUAGE_KEY, choice)


def system_language() -> str:
    """``"es"`` when the system's UI language is Spanish, else ``"en"``."""
    return _first_known(QLocale.system().uiLanguages())


def _first_known(ui_languages: list[str]) -> str:
    """The first of the user's languages the GUI speaks (``"en"`` if none)."""
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def resolved_language(choice: str | None = None) -> str:
    """The language the GUI uses for ``choice`` (default: the remembered one)."""
    choice = chosen_language() if choice is None else choice
    return system_language() if choice == SYSTEM else choice


def translate_without_application(context: str, text: str) -> str:
    """``text`` in the GUI's language where there is no application to install a
    translator in (Qt could not start): ``text`` itself in English or on any failure."""
    if resolved_language() == "en":
        return text
    translator = QTranslator()
    if not translator.load(QM_STEM, str(translations_folder())):
        return text
    return translator.translate(context, text) or text


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale of ``language``: US English, or Spanish (neutral, as in the sheets).

    Spanish follows the computer's own Spanish region when it has one (``system``,
    default the system's locale): numbers then read as the therapist writes them,
    "2,5" in Argentina or Spain, "2.5" in Mexico. Neutral Latin-American Spanish
    writes a point.
    """
    if language == "es":
        system = QLocale.system() if system is None else system
        if system.language() == QLocale.Language.Spanish:
            return QLocale(system.language(), system.territory())
        return QLocale(QLocale.Language.Spanish, QLocale.Country.LatinAmerica)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


class EnglishPlurals(QTranslator):
    """English counts: ``"%n client(s)"`` reads "1 client", "3 clients".

    English is the source language and has no ``.qm``; without this Qt would show the
    source's "(s)" as it is. Every other text is left to Qt (``None``: not translated).
    """

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if n < 0 or "(s)" not in source:
            return None
        return source.replace("(s)", "" if n == 1 else "s")


def install(language: str | None = None) -> str:
    """Translate the GUI into ``language`` (default: from Preferences or the system).

    Returns the language installed: English when the translation is missing or
    damaged (one warning in the log). Safe to call again: the previous translators
    are removed first (tests switch languages); the language already installed is
    left as it is (each change sends every widget a LanguageChange event).
    """
    app = QCoreApplication.instance()
    assert app is not None, "install() needs the QApplication"
    language = resolved_language() if language is None else language
    if _installed and language == _installed_language[0]:
        QLocale.setDefault(locale_for(language))
        return language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QTranslator()
    if language != "en" and (not ours.load(QM_STEM, str(translations_folder())) or ours.isEmpty()):
        log.warning(
            "The %s translation is missing or damaged in %s; starting in English",
            language,
            translations_folder(),
        )
        language = "en"
    QLocale.setDefault(locale_for(language))
    _installed_language[0] = language
    if language == "en":
        english = EnglishPlurals()
        app.installTranslator(english)
        _installed.append(english)
        return language
    qt_own = QTranslator()  # standard buttons and dialogs; missing in some Qt builds
    qt_own.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    )
    for translator in (qt_own, ours):
        if not translator.isEmpty():
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def current_language() -> str:
    """The language installed now (``"en"`` or ``"es"``)."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


def translated(value: Any) -> str:
    """``value`` in the GUI's language: marked text is translated and filled in.

    Unmarked text (a client's name, a note) is returned as it is; a date, and numbers
    marked with ``practice.text.numeric``, are written in the GUI's locale.
    """
    if isinstance(value, Text):
        template = QCoreApplication.translate(value.template.context, str(value.template))
        return template.format(**{name: translated(v) for name, v in value.values.items()})
    if isinstance(value, Marked):
        return QCoreApplication.translate(value.context, str(value))
    if isinstance(value, Joined):
        items = (translated(v) for v in value.items)
        return value.separator.join(i.lower() if value.lowered else i for i in items)
    if isinstance(value, Numeric):
        return str(value).replace(".", QLocale().decimalPoint())
    if isinstance(value, datetime | date):
        from practice.ui import dates  # deferred: without QtGui (platform_plugin)

        if isinstance(value, datetime):
            return dates.date_time_text(value)
        return dates.day_text(value, year=True)
    return str(value)
