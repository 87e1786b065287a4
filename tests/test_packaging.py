"""The package layout: code in src/practice, migrations/ and resources/ mapped into it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from practice.db.migrate import known_revisions
from practice.paths import migrations_dir, resource_dir

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_package_is_listed_for_the_wheel() -> None:
    # Given the packages pyproject.toml hands to setuptools
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    # When we list every folder of src/practice that holds Python code
    src = ROOT / "src"
    found = {".".join(init.parent.relative_to(src).parts) for init in src.rglob("__init__.py")}
    # Then each is shipped (a forgotten one would be missing from the wheel)
    assert found <= listed, sorted(found - listed)
    assert {"practice.migrations", "practice.resources"} <= listed


def test_resources_and_migrations_are_found_through_the_package() -> None:
    templates = resource_dir("templates")
    names = sorted(entry.name for entry in templates.iterdir() if entry.name.endswith(".toml"))
    assert names == sorted(path.name for path in (ROOT / "resources" / "templates").glob("*.toml"))
    assert migrations_dir().joinpath("env.py").is_file()
    assert "0001_initial" in known_revisions()[0]


def _package_data() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["package-data"]["practice.resources"]


def test_icons_help_and_the_desktop_file_are_shipped() -> None:
    # Given the resources the app reads at run time besides templates and translations
    resources = ROOT / "resources"
    wanted = [
        *(resources / "icons").iterdir(),
        *(resources / "help").rglob("*.html"),
        resources / "practice.desktop",
    ]
    assert len(wanted) > 10
    # Then each matches a package-data pattern (else the wheel would lack it)
    patterns = _package_data()
    for path in wanted:
        relative = path.relative_to(resources)
        assert any(relative.match(pattern) for pattern in patterns), relative
    # and the installed package finds them
    assert resource_dir("icons").joinpath("practice-16.png").is_file()
    assert resource_dir("help").joinpath("es", "index.html").is_file()


# the freedesktop menu specification's main categories
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
    "Network", "Office", "Science", "Settings", "System", "Utility",
}  # fmt: skip


def test_the_desktop_file_starts_practice_with_its_icon() -> None:
    lines = (ROOT / "resources" / "practice.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    entry = dict(line.split("=", 1) for line in lines[1:] if "=" in line)
    assert entry["Type"] == "Application" and entry["Exec"] == "practice-gui"
    assert entry["Icon"] == "practice" and entry["Terminal"] == "false"
    # one main category (two put the app twice in some menus), with the medical one
    categories = entry["Categories"].rstrip(";").split(";")
    assert [c for c in categories if c in MAIN_CATEGORIES] == ["Office"]
    assert "MedicalSoftware" in categories
    # no console window: the gui-scripts entry point pyproject.toml installs
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert entry["Exec"] in config["project"]["gui-scripts"]


def test_the_gui_script_runs_with_no_console_to_write_to(monkeypatch) -> None:
    # Given the gui-scripts entry point, started as pythonw starts it: no stdout or stderr
    import importlib
    import sys

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, _, name = config["project"]["gui-scripts"]["practice-gui"].partition(":")
    run = getattr(importlib.import_module(module), name)
    monkeypatch.setattr(sys, "argv", ["practice-gui", "--version"])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    # When it runs (--version: it writes, then ends)
    with pytest.raises(SystemExit) as ended:
        run()
    # Then it ends normally instead of failing on the missing console
    assert ended.value.code == 0


def test_only_paths_py_says_where_the_shipped_files_are() -> None:
    # Given every module of the app
    src = ROOT / "src" / "practice"
    # When we look for code that finds package files by itself
    finders = re.compile(r"resources\.files\(|importlib\.resources import files|sys\._MEIPASS")
    found = [
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if finders.search(path.read_text(encoding="utf-8"))
    ]
    # Then only practice.paths does it: installed, editable and frozen alike
    assert found == ["paths.py"]
