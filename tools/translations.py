"""The GUI's Spanish translation: find its words, fill them in, compile, check.

    python tools/translations.py update          # sources -> .ts -> .qm
    python tools/translations.py check           # fails on a missing or stale one
    python tools/translations.py todo [FILE...]  # untranslated words as JSON to fill
    python tools/translations.py fill FILE.json  # put translations in, then update

``update`` runs Qt's ``pyside6-lupdate`` over ``src/practice`` (every ``tr``,
``translate`` and ``QT_TRANSLATE_NOOP``) into ``resources/translations/practice_es.ts``,
keeping the translations already there and dropping words no longer in the code, then
compiles it with ``pyside6-lrelease`` into the ``.qm`` the app loads. ``todo`` writes
``{"context": {"source": ""}}`` (a list of two for a ``%n`` count: one, many); fill the
empty strings and give the file to ``fill``. ``check`` is what the tests run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "practice"
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "practice_es.ts"
QM = FOLDER / "practice_es.qm"
_PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}|%n|%L?[0-9]")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]  # one, or one per plural form
    finished: bool


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install the project (pip install -e .)")
    return found


def _python_files(paths: list[Path]) -> list[str]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [str(f) for f in files]


def lupdate(ts: Path, paths: list[Path] | None = None) -> None:
    """Bring ``ts`` up to date with the words in ``paths`` (default: all of the app)."""
    files = _python_files(paths or [SOURCES])
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(files))
    kept = _plural_forms(ts) if ts.exists() else {}
    try:
        subprocess.run(
            [_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
             "-source-language", "en", "-target-language", "es",
             f"@{listing.name}", "-ts", str(ts)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    finally:
        Path(listing.name).unlink()
    _mark_plurals(ts, kept)


def _plural_forms(ts: Path) -> dict[tuple[str, str], tuple[list[str], str | None]]:
    """The plural forms (and the translation's type) of every ``%n`` message in ``ts``."""
    found: dict[tuple[str, str], tuple[list[str], str | None]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") if translation is not None else []
            if translation is not None and forms:
                texts = [f.text or "" for f in forms]
                found[(name, message.findtext("source") or "")] = (texts, translation.get("type"))
    return found


def _mark_plurals(ts: Path, kept: dict[tuple[str, str], tuple[list[str], str | None]]) -> None:
    """Make every ``%n`` message a plural one (one, many), keeping its forms.

    ``pyside6-lupdate`` does not see the count in ``QCoreApplication.translate(context,
    text, None, n)``, so it writes a ``%n`` message as a plain one and drops the forms
    it had; without the plural forms Qt shows the same words for 1 and for 5.
    """
    tree = ET.parse(ts)
    changed = False
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if "%n" not in source or translation is None or translation.findall("numerusform"):
                continue
            message.set("numerus", "yes")
            forms, kind = kept.get((name, source), ([translation.text or "", ""], "unfinished"))
            translation.text = None
            translation.attrib.pop("type", None)
            if kind is not None or not all(forms):
                translation.set("type", kind or "unfinished")
            for text in forms:
                ET.SubElement(translation, "numerusform").text = text
            changed = True
    if changed:
        tree.write(ts, encoding="utf-8", xml_declaration=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip


def read(ts: Path) -> list[Message]:
    """The messages of a ``.ts`` file."""
    messages: list[Message] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    translations=texts,
                    finished=translation.get("type") not in ("unfinished", "vanished", "obsolete")
                    and all(texts),
                )
            )
    return messages


def problems(messages: list[Message]) -> list[str]:
    """What is wrong with the translations: unfinished, or placeholders that differ."""
    found: list[str] = []
    for m in messages:
        where = f"{m.context}: {m.source!r}"
        if not m.finished:
            found.append(f"not translated: {where}")
            continue
        wanted = sorted(set(_PLACEHOLDER.findall(m.source)))
        for text in m.translations:
            if sorted(set(_PLACEHOLDER.findall(text))) != wanted and not (
                m.numerus and sorted(set(_PLACEHOLDER.findall(text)) | {"%n"}) == wanted
            ):
                found.append(f"placeholders differ ({text!r}): {where}")
        if re.search(r"\busted\b", " ".join(m.translations), re.IGNORECASE):
            found.append(f"'usted' where the app says tú: {where}")
    return found


def check() -> list[str]:
    """Everything that keeps the shipped translation from matching the code."""
    found: list[str] = []
    if not TS.exists():
        return [f"{TS.relative_to(ROOT)} is missing: run tools/translations.py update"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS.name
        shutil.copy(TS, fresh)
        lupdate(fresh)
        if fresh.read_bytes() != TS.read_bytes():
            found.append(f"{TS.name} is not up to date with the code: run update")
        found += problems(read(fresh))
        qm = Path(tmp) / QM.name
        lrelease(TS, qm)
        if not QM.exists() or qm.read_bytes() != QM.read_bytes():
            found.append(f"{QM.name} is not compiled from {TS.name}: run update")
    return found


def todo(paths: list[Path]) -> dict[str, dict[str, str | list[str]]]:
    """The untranslated words of ``paths``, as the JSON ``fill`` takes."""
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / TS.name
        if TS.exists():
            shutil.copy(TS, subset)
        lupdate(subset, paths)
        wanted: dict[str, dict[str, str | list[str]]] = {}
        for m in read(subset):
            if not m.finished:
                wanted.setdefault(m.context, {})[m.source] = ["", ""] if m.numerus else ""
        return wanted


def fill(answers: dict[str, dict[str, str | list[str]]]) -> int:
    """Put the translations of ``answers`` into the ``.ts`` file; returns how many."""
    update()  # the .ts must hold the words first
    tree = ET.parse(TS)
    done = 0
    for context in tree.getroot().iter("context"):
        given = answers.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            answer = given.get(message.findtext("source") or "")
            if not answer:
                continue
            translation = message.find("translation")
            assert translation is not None
            for form in translation.findall("numerusform"):
                translation.remove(form)
            if isinstance(answer, list):
                translation.text = None
                for text in answer:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = answer
            translation.attrib.pop("type", None)
            done += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    update()
    return done


def update() -> None:
    """Sources -> ``.ts`` -> ``.qm``."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease(TS, QM)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update")
    commands.add_parser("check")
    todo_cmd = commands.add_parser("todo")
    todo_cmd.add_argument("paths", nargs="*", type=Path)
    fill_cmd = commands.add_parser("fill")
    fill_cmd.add_argument("answers", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "check":
        found = check()
        print("\n".join(found) or "translations: complete and up to date")
        return 1 if found else 0
    elif args.command == "todo":
        paths = [p.resolve() for p in args.paths] or [SOURCES]
        print(json.dumps(todo(paths), ensure_ascii=False, indent=1))
    else:
        print(f"filled {fill(json.loads(args.answers.read_text(encoding='utf-8')))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
