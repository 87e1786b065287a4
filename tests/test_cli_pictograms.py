"""``practice sheet --pictograms``: the vocabulary for teach-back, read back from the PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest

from practice.cli import main
from practice.sheets.pictogram_sheet import TITLE, USE
from practice.sheets.pictogram_vocabulary import CONCEPTS


def _squash(text: str) -> str:
    return " ".join(text.split())


def cell_texts(pdf: Path) -> list[str]:
    """The words inside each framed cell of the grid, in reading order."""
    cells = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            frames = [r for r in page.rects if r["width"] > 100 and r["height"] > 100]
            for r in sorted(frames, key=lambda r: (round(r["top"]), r["x0"])):
                cropped = page.crop((r["x0"], r["top"], r["x1"], r["bottom"]))
                cells.append(_squash(cropped.extract_text() or ""))
    return cells


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pictograms_sheet_gives_every_meaning_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], paper: str
) -> None:
    # Given no file yet
    out = tmp_path / "vocabulary.pdf"
    # When the vocabulary is printed
    assert main(["sheet", "--pictograms", "--paper", paper, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    # Then each concept has a cell with its English meaning, its Spanish one and the
    # key templates name it by, wholly inside the cell
    cells = cell_texts(out)
    assert len(cells) == len(CONCEPTS)
    for concept in CONCEPTS.values():
        meaning = f"{_squash(concept.en)} {_squash(concept.es)} {concept.key}"
        assert meaning in cells, concept.key
    # And the title and the line on its use, in both languages, head the first page
    with pdfplumber.open(out) as doc:
        first = _squash(doc.pages[0].extract_text() or "")
        pictures = [len(page.images) + len(page.rects) for page in doc.pages]
    assert first.startswith(f"{TITLE} {_squash(USE[0])} {_squash(USE[1])}")
    assert all(pictures)


def test_pictograms_sheet_embeds_every_font(tmp_path: Path) -> None:
    out = tmp_path / "vocabulary.pdf"
    assert main(["sheet", "--pictograms", "--paper", "letter", "-o", str(out)]) == 0
    rows = subprocess.run(
        ["pdffonts", str(out)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert rows, "the sheet has text"
    # name, type, encoding, emb, sub, uni, object, generation: "emb" is fifth from the end
    assert [row.split()[-5] for row in rows] == ["yes"] * len(rows)


def test_pictograms_sheet_never_replaces_a_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a file that is already there
    out = tmp_path / "vocabulary.pdf"
    out.write_bytes(b"keep me")
    # When the vocabulary is printed to it without --force
    assert main(["sheet", "--pictograms", "-o", str(out)]) == 1
    # Then it is refused and the file is untouched
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    # And with --force it is replaced by the vocabulary
    assert main(["sheet", "--pictograms", "--force", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_pictograms_with_sheet_options_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "vocabulary.pdf"
    assert main(["sheet", "--pictograms", "--template", "mood_log", "-o", str(out)]) == 1
    assert "--pictograms prints the whole vocabulary" in capsys.readouterr().err
    assert not out.exists()
