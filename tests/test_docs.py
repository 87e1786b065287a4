"""The repository stands alone: nothing points outside it, and every pointer into
``docs/`` (a page, a section by its heading, a link's anchor) leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("src", "tests", "benchmarks", "migrations", "resources", "docs")
TOP_FILES = ("README.md", "pyproject.toml", "alembic.ini")
# Spelled in pieces so that this file does not name them itself.
OUTSIDE = ("DESIGN" + ".md", "STYLE" + ".md", ".." + "/shared")
# "docs/clinical.md" or "docs/clinical.md, Literacy levels": a page and maybe a heading.
CITATION = re.compile(r"docs/([\w-]+\.md)(?:,\s+(.{1,120}))?", re.DOTALL)
LINK = re.compile(r"\]\((?:docs/)?([\w-]+\.md)(?:#([\w-]+))?\)")


def repository_texts() -> dict[str, str]:
    """Every text file the repository ships or tests with, by its path."""
    paths = [ROOT / name for name in TOP_FILES]
    for folder in SCANNED:
        paths += [
            p
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and ".egg-info" not in str(p)
        ]
    texts = {}
    for path in paths:
        try:
            texts[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # fonts and other binary files
    return texts


def headings(page: str) -> list[str]:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return [m[1].strip() for m in re.finditer(r"^#{1,6}\s+(.+)$", text, re.MULTILINE)]


def anchor(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading (GitHub's rule)."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def cited_sections(texts: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """(file, page, the text after "page, " or None) for every "docs/<page>.md" cited."""
    found = []
    for name, text in texts.items():
        for m in CITATION.finditer(text):
            after = " ".join(m[2].split()) if m[2] else None
            if after is not None and not after[:1].isupper():
                after = None  # "docs/x.md, and ..." is prose, not a section
            found.append((name, m[1], after))
    return found


def test_nothing_points_outside_the_repository() -> None:
    # Given every text file of the repository
    texts = repository_texts()
    assert "README.md" in texts and "docs/architecture.md" in texts
    # When we look for the brief and the shared folder the team was given
    hits = [(name, word) for name, text in texts.items() for word in OUTSIDE if word in text]
    # Then none of them is named
    assert hits == []


def citation_problems(texts: dict[str, str]) -> list[tuple[str, str]]:
    """(file, what) for each cited page that does not exist or section it does not have."""
    problems = []
    for name, page, after in cited_sections(texts):
        if not (ROOT / "docs" / page).is_file():
            problems.append((name, page))
        elif after is not None and not any(
            after.startswith(h) and not after[len(h) : len(h) + 1].isalnum() for h in headings(page)
        ):
            problems.append((name, f"{page}, {after[:40]}"))
    return problems


def test_every_cited_docs_page_and_section_exists() -> None:
    # Given every "docs/<page>.md[, Section]" in code, tests and docs (but the
    # made-up examples below)
    texts = repository_texts()
    del texts["tests/test_docs.py"]
    assert len(cited_sections(texts)) >= 20
    # Then each page exists and each section is one of its headings
    assert citation_problems(texts) == []


def test_links_between_docs_pages_lead_to_a_heading() -> None:
    # Given the links in the docs pages and the README
    texts = repository_texts()
    links = [
        (name, m[1], m[2])
        for name, text in texts.items()
        if name.endswith(".md")
        for m in LINK.finditer(text)
    ]
    assert links
    broken = []
    for name, page, target in links:
        # Then each page exists, and each anchor is one of its headings
        if not (ROOT / "docs" / page).is_file():
            broken.append((name, page))
        elif target and target not in {anchor(h) for h in headings(page)}:
            broken.append((name, f"{page}#{target}"))
    assert broken == []


@pytest.mark.parametrize(
    ("cited", "ok"),
    [
        ("see docs/clinical.md, Literacy levels).", True),
        ("see docs/clinical.md,\n    Conditional sessions.", True),
        ("see docs/clinical.md (all of it).", True),
        ("see docs/clinical.md, Literacy tables).", False),
        ("see docs/clinical.md, Literacy levelsx.", False),
        ("see docs/nowhere.md.", False),
    ],
)
def test_the_citation_check_can_fail(cited: str, ok: bool) -> None:
    # Given one citation, When it is checked like the repository's
    problems = citation_problems({"x.py": cited})
    # Then only a real page and heading pass
    assert (problems == []) is ok
