"""Words of Qt's own dialogs that Qt's Spanish (``qtbase_es``) leaves in English.

Practice's users meet Qt's file dialog (choosing a CSV or a filled sheet, saving a
sheet, a backup folder) and its print dialog. Qt's Spanish lacks some of their words
("Look in:", "Files of type:", the type "Folder"…). They are listed here with Qt's own
context and source text, so that ``lupdate`` puts them in Practice's ``.ts``; its
translator is installed after Qt's (``ui.i18n.install``) and so answers first.

The contexts and sources are Qt's exactly (from Qt's translations: a ``translate``
of Qt's Spanish that returns nothing for them). Nothing here is shown directly.
"""

from __future__ import annotations

from practice.text import QT_TRANSLATE_NOOP

FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),  # Qt says "fichero"; ours: "archivo"
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)

PRINT_DIALOG = (
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Double Sided Printing"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages"),
    QT_TRANSLATE_NOOP(
        "QPrintSettingsOutput",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
    ),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Invalid Pages Definition"),
    QT_TRANSLATE_NOOP(
        "QPrintDialog",
        "%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, "
        "'-' to define ranges and make sure ranges do not intersect with each other.",
    ),
    QT_TRANSLATE_NOOP("QPrintDialog", "Duplex Settings Conflicts"),
    QT_TRANSLATE_NOOP(
        "QPrintDialog", "There are conflicts in duplex settings. Do you want to fix them?"
    ),
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Advanced Option Conflicts"),
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Page Setup Conflicts"),
    QT_TRANSLATE_NOOP(
        "QPrintPropertiesDialog",
        "There are conflicts in page setup options. Do you want to fix them?",
    ),
    QT_TRANSLATE_NOOP(
        "QPrintPropertiesDialog",
        "There are conflicts in some advanced options. Do you want to fix them?",
    ),
    QT_TRANSLATE_NOOP("QPrintPropertiesWidget", "Advanced"),
    QT_TRANSLATE_NOOP(
        "QPrintPropertiesWidget", "There are conflicts in some options. Please fix them."
    ),
)
