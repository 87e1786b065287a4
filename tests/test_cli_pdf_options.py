"""Every command that writes a PDF takes the same ``-o/--out``, ``--force`` and
``--paper`` (cli/base.py: out_option, paper_option), said the same way in its help."""

from __future__ import annotations

import re

import pytest

from practice.cli import main

PDF_COMMANDS = (
    ["prep"],
    ["report", "what-works"],
    ["measure-sheet"],
    ["sheet"],
    ["week-sheets"],
)


def help_of(command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps by the terminal width


@pytest.mark.parametrize("command", PDF_COMMANDS, ids=" ".join)
def test_each_pdf_command_says_its_paper_and_output_options_the_same_way(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = help_of(command, capsys)
    assert (
        "--paper {a4,letter} paper size (default: from the system locale, Letter in the US" in text
    )
    assert re.search(r"-o FILE, --out FILE [A-Za-z .]*to write", text)
    assert "--force replace an existing file" in text
