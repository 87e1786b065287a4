"""The default paper size: US Letter where the locale's territory uses it, else A4.

The territories are CLDR's ``paperSize type="US-Letter"`` list (Unicode LDML,
Part 6: Supplemental, measurementData); every other territory uses A4. The
therapist can always choose the other size when printing or saving.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping
from typing import Literal

Paper = Literal["a4", "letter"]
LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"}
)
LOCALE_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")
_TERRITORY = re.compile(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})(?![A-Za-z])")


def paper_for_locale(name: str | None) -> Paper:
    """ "letter" for a locale like "en_US" or "es-MX", else "a4" ("C", unknown: A4)."""
    found = _TERRITORY.match(name or "")
    if found and found.group(1).upper() in LETTER_TERRITORIES:
        return "letter"
    return "a4"


def system_paper(environ: Mapping[str, str] | None = None) -> Paper:
    """The paper of the system locale: the first of LC_ALL, LC_PAPER, LANG that is
    set, else the process locale."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            return paper_for_locale(value)
    return paper_for_locale(locale.getlocale()[0])
