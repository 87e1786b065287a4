"""The package layout: code in src/practice, migrations/ and resources/ mapped into it."""

from __future__ import annotations

import tomllib
from pathlib import Path

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
