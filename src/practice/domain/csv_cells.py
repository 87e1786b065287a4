"""CSV cells a spreadsheet will not run as formulas (the OWASP rule on CSV injection).

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula: a client named ``=HYPERLINK(...)`` would run when
the export is opened. Every CSV Practice writes passes its cells through
:func:`escape_formula`, which puts a single quote in front of such a cell; a
spreadsheet shows the text as it was. A plain number (``-3``, ``+1.5``) is left as
it is: it cannot run anything.

Reading a CSV back (the clients import) undoes it with :func:`unescape_formula`. So
that the round trip is exact, a cell that already starts with quotes followed by
such a character gets one quote more, and reading removes exactly one.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"'*[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def escape_formula(text: str) -> str:
    """``text`` with a leading single quote when a spreadsheet would run it."""
    if _ESCAPED.match(text) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """The value :func:`escape_formula` was given (one leading quote removed, if added)."""
    if text.startswith("'") and _ESCAPED.match(text, 1):
        return text[1:]
    return text
