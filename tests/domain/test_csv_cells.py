"""The OWASP rule for CSV cells: escape what a spreadsheet would run, and undo it exactly."""

from __future__ import annotations

import pytest

from practice.domain.csv_cells import escape_formula, unescape_formula

RUNNABLE = ["=1+1", "+1 555", "-2+3", "@SUM(A1)", "\tx", "\r=1", "=", "-", "'=x", "''@y"]
HARMLESS = ["", "Amara", "O'Brien", "'quoted'", "a=b", "1-2", "-3", "+1.5", "-.5", "2e-3"]


@pytest.mark.parametrize("text", RUNNABLE)
def test_a_cell_a_spreadsheet_would_run_gets_one_quote(text: str) -> None:
    # Given a value that starts (after any quotes) with = + - @ tab or CR
    # When it is escaped, Then it has one quote more, and unescaping gives it back
    assert escape_formula(text) == "'" + text
    assert unescape_formula(escape_formula(text)) == text


@pytest.mark.parametrize("text", HARMLESS)
def test_other_cells_and_plain_numbers_are_left_alone(text: str) -> None:
    # Given text that cannot run, or a plain number, Then neither step changes it
    assert escape_formula(text) == text
    assert unescape_formula(text) == text


def test_a_quote_a_spreadsheet_user_typed_before_a_formula_is_removed_on_reading() -> None:
    # Given a cell saved by a spreadsheet where the user typed '+44 to keep it as text
    # Then reading it gives the text without that quote; other quotes stay
    assert unescape_formula("'+44 20 7946 0000") == "+44 20 7946 0000"
    assert unescape_formula("'Brien") == "'Brien"
