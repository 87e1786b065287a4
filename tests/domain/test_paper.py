"""The default paper from the locale: US Letter in CLDR's Letter territories, else A4."""

from __future__ import annotations

import pytest

from practice.domain.paper import LETTER_TERRITORIES, paper_for_locale, system_paper


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US.UTF-8", "letter"),
        ("es_MX", "letter"),
        ("fr-CA", "letter"),
        ("fil_PH.UTF-8", "letter"),
        ("es_CL", "letter"),
        ("en_GB.UTF-8", "a4"),
        ("es_ES.UTF-8", "a4"),
        ("es_AR", "a4"),
        ("de_DE@euro", "a4"),
        ("C.UTF-8", "a4"),
        ("POSIX", "a4"),
        ("", "a4"),
        (None, "a4"),
    ],
)
def test_paper_for_locale(name: str | None, paper: str) -> None:
    assert paper_for_locale(name) == paper


def test_the_letter_territories_are_cldrs() -> None:
    # CLDR measurementData: paperSize type="US-Letter"
    cldr = "BZ CA CL CO CR GT MX NI PA PH PR SV US VE"
    assert sorted(LETTER_TERRITORIES) == cldr.split()


def test_system_paper_reads_lc_all_then_lc_paper_then_lang() -> None:
    assert system_paper({"LC_ALL": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}) == "letter"
    assert system_paper({"LC_PAPER": "en_GB.UTF-8", "LANG": "en_US.UTF-8"}) == "a4"
    assert system_paper({"LC_ALL": "", "LANG": "es_MX.UTF-8"}) == "letter"
