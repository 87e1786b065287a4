"""Printed outcome-measure forms: the validated wording exactly, options, code, print size."""

from __future__ import annotations

import io
import re
from collections import Counter

import pdfplumber
import pytest
from pypdf import PdfReader

from practice.domain.measures import GAD7, PHQ9, MeasureKind, Questionnaire
from practice.domain.vocabulary import Language
from practice.sheets.measure_form import (
    GoalLine,
    MeasureFormRequest,
    read_measure_form,
    render_measure_form,
    word,
)

GOALS = (
    GoalLine(11, "Go to the shop on my own", True),
    GoalLine(12, "How much the worry keeps me awake", False),
)


def pdf(kind: MeasureKind, language: Language, **kw: object) -> bytes:
    values: dict[str, object] = {"name": "Lía", "goals": GOALS, **kw}
    return render_measure_form(
        MeasureFormRequest(code="K7Q2MB", kind=kind, language=language, **values)  # type: ignore[arg-type]
    )


def flat(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in doc.pages))


def column_headers(data: bytes) -> list[str]:
    """The words of each answer column's header, read by where they stand on page 1."""
    with pdfplumber.open(io.BytesIO(data)) as doc:
        words = doc.pages[0].extract_words()
    digits = [w for w in words if w["text"] in ("0", "1", "2", "3")]
    lines: dict[int, list[dict]] = {}
    for w in digits:
        lines.setdefault(round(w["top"]), []).append(w)
    row = sorted(next(line for line in lines.values() if len(line) == 4), key=lambda w: w["x0"])
    assert [w["text"] for w in row] == ["0", "1", "2", "3"]
    centres = [(w["x0"] + w["x1"]) / 2 for w in row]
    half = (centres[1] - centres[0]) / 2
    tick_line = next(w["bottom"] for w in words if w["text"].endswith("?"))  # the stem's end
    heads: list[str] = []
    for centre in centres:
        inside = [
            w for w in words
            if tick_line < w["top"] < row[0]["top"] and abs((w["x0"] + w["x1"]) / 2 - centre) < half
        ]  # fmt: skip
        heads.append(" ".join(w["text"] for w in sorted(inside, key=lambda w: (w["top"], w["x0"]))))
    return heads


@pytest.mark.parametrize("form", [PHQ9, GAD7], ids=["phq9", "gad7"])
@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large"])
def test_every_validated_word_is_printed_exactly(
    form: Questionnaire, language: Language, large_print: bool
) -> None:
    kind = MeasureKind(form.instrument.value)
    data = pdf(kind, language, large_print=large_print)
    text = flat(data)
    wording = form.wording[language]
    for expected in (wording.stem, *wording.items, wording.difficulty, *wording.difficulty_options):
        assert re.sub(r"\s+", " ", expected) in text
    assert column_headers(data) == list(wording.options)
    assert "K7Q2MB" in text  # the code under the QR and in the footer
    assert word("therapist_total", language) in text
    assert "Lía" in text and word("date", language) in text
    assert PdfReader(io.BytesIO(data)).metadata["/Keywords"] == "code=K7Q2MB"


def _body_size(data: bytes) -> float:
    with pdfplumber.open(io.BytesIO(data)) as doc:
        sizes = Counter(
            round(c["size"], 1) for p in doc.pages for c in p.chars if c["text"].strip()
        )
    return sizes.most_common(1)[0][0]


@pytest.mark.parametrize("kind", list(MeasureKind))
def test_large_print_is_bigger_type_with_the_same_words(kind: MeasureKind) -> None:
    standard = pdf(kind, Language.ES)
    large = pdf(kind, Language.ES, large_print=True)
    assert _body_size(standard) == 12
    assert _body_size(large) >= 18
    with pdfplumber.open(io.BytesIO(large)) as doc:
        # nothing runs off the page
        for page in doc.pages:
            assert all(c["x0"] >= 0 and c["x1"] <= page.width for c in page.chars)
            assert all(c["top"] >= 0 and c["bottom"] <= page.height for c in page.chars)
    if kind is not MeasureKind.GOALS:
        words = QUESTIONNAIRES_WORDS[kind]
        assert all(re.sub(r"\s+", " ", item) in flat(large) for item in words)


QUESTIONNAIRES_WORDS = {
    MeasureKind.PHQ9: PHQ9.wording[Language.ES].items,
    MeasureKind.GAD7: GAD7.wording[Language.ES].items,
}


@pytest.mark.parametrize("language", list(Language))
def test_the_goals_form_prints_each_goal_with_its_better_end(language: Language) -> None:
    text = flat(pdf(MeasureKind.GOALS, language))
    assert word("goal", language, n=1) + ": Go to the shop on my own" in text
    assert word("goal", language, n=2) + ": How much the worry keeps me awake" in text
    # higher is better for the first, lower for the second: said at the ends and under
    for key in ("high_low", "high_high", "high_better", "low_low", "low_high", "low_better"):
        assert word(key, language) in text
    assert " ".join(str(n) for n in range(11)) in text
    assert "K7Q2MB" in text


def test_spanish_goal_words_speak_to_the_client_with_tu() -> None:
    text = flat(pdf(MeasureKind.GOALS, Language.ES))
    assert "para ti" in text and "Marca un número" in text
    assert "usted" not in text


def test_a_page_count_is_in_every_footer_of_a_long_form() -> None:
    data = pdf(MeasureKind.PHQ9, Language.ES, large_print=True)
    with pdfplumber.open(io.BytesIO(data)) as doc:
        pages = [p.extract_text() or "" for p in doc.pages]
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Página {number} de {len(pages)}" in page


def test_a_printable_form_has_no_fields_and_a_fillable_one_reads_back_empty() -> None:
    assert read_measure_form(pdf(MeasureKind.PHQ9, Language.EN)) is None
    filled = read_measure_form(pdf(MeasureKind.PHQ9, Language.EN, fillable=True))
    assert filled is not None
    assert (filled.code, filled.kind, filled.language) == ("K7Q2MB", MeasureKind.PHQ9, Language.EN)
    assert filled.answers == (None,) * 9 and filled.difficulty is None
    goals = read_measure_form(pdf(MeasureKind.GOALS, Language.ES, fillable=True))
    assert goals is not None and goals.goal_ids == (11, 12) and goals.ratings == (None, None)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", [MeasureKind.PHQ9, MeasureKind.GAD7, MeasureKind.GOALS])
def test_a_standard_form_is_one_page_on_either_paper(
    kind: MeasureKind, language: Language, paper: str
) -> None:
    longest = tuple(GoalLine(n, "palabras " * 22, n % 2 == 0) for n in range(1, 4))
    data = pdf(kind, language, paper=paper, goals=longest)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
