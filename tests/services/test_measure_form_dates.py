"""The date written on a returned form: day/month/year, or ISO; else none (today is used)."""

from __future__ import annotations

from datetime import date

import pytest

from practice.services.measure_forms import form_date

TODAY = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4/3/2025", date(2025, 3, 4)),  # day first, as the form asks
        ("04-03-2025", date(2025, 3, 4)),
        ("4.3.25", date(2025, 3, 4)),
        (" 2025-03-04 ", date(2025, 3, 4)),
        ("10/3/2025", TODAY),
        ("11/3/2025", None),  # after today
        ("31/2/2025", None),  # no such day
        ("March 4th", None),
        ("", None),
    ],
)
def test_form_dates(text: str, expected: date | None) -> None:
    assert form_date(text, TODAY) == expected
