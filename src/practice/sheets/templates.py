"""Load the self-record templates: the built-in ones and the therapist's own.

Templates are TOML data files (one per template, see ``resources/templates``):

``[meta]``
    ``key`` (snake_case), ``names`` (``en = "..."``, ``es = "..."``),
    ``layout`` (``"daily"``: one block per day; ``"entries"``: one block per event)
    and ``entries`` (blocks on a sheet; default 7 for daily, 3 for entries).
    Optionally ``days = "mornings"``: each day column is the morning it is filled
    in, for the night just ended (from the day after the start to the session day).
``[<language>.<level>]``, e.g. ``[en.standard]``, ``[es.pictorial]``
    ``title``, ``main_message``, ``instructions`` (a list of short sentences, each
    a string or ``{ text = "...", pictogram = "pen" }``), ``why_it_helps`` and
    optionally ``entries`` (overrides ``meta.entries`` for this level).
``[[<language>.<level>.fields]]``
    ``key``, ``label``, ``kind`` (see :class:`~practice.sheets.model.FieldKind`),
    optional ``hint``, ``options`` (checkboxes only), ``lines`` and ``pictogram``.

Rules checked on load (a file breaking any of them is skipped and reported):

- built-in templates have every language at every level; a user template may
  leave out languages, but each language it has must have all four levels;
- easy and pictorial instructions each carry a pictogram; pictorial fields carry
  a pictogram and are tick boxes (``tick``, ``checkboxes``) or the face ``rating``;
- pictograms come from :data:`PICTOGRAMS`; field keys are unique in a variant and
  the same (same order, kind and number of options) across languages of a level.

A user template with a built-in's key replaces the built-in (``builtin=False``);
if it is broken, the built-in stays and the problem is reported.

The application makes one library (:func:`practice_templates`) and passes it to what
needs templates; :meth:`TemplateLibrary.reload` reads the folders again, in place,
so a template added while the app runs shows everywhere at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

from practice.domain.vocabulary import TemplateKey
from practice.paths import data_dir, resource_dir
from practice.sheets.model import Template
from practice.sheets.template_validation import (
    PICTOGRAMS,
    TemplateProblem,
    parse_template_file,
)

__all__ = [
    "PICTOGRAMS",
    "TemplateLibrary",
    "TemplateProblem",
    "builtin_template_dir",
    "default_user_template_dir",
    "load_templates",
    "practice_templates",
]

SUFFIX = ".toml"


class TemplateLibrary:
    """The loaded templates, in a stable order, plus what could not be loaded.

    ``folders``: the therapist's folders it was loaded from (read again by ``reload``).
    """

    def __init__(
        self,
        templates: Sequence[Template],
        problems: Sequence[TemplateProblem],
        *,
        folders: Sequence[Path] = (),
    ) -> None:
        self.folders = tuple(Path(f) for f in folders)
        self._set(templates, problems)

    def _set(self, templates: Sequence[Template], problems: Sequence[TemplateProblem]) -> None:
        builtin_order = {key.value: i for i, key in enumerate(TemplateKey)}
        ordered = sorted(
            templates,
            key=lambda t: (t.key not in builtin_order, builtin_order.get(t.key, 0), t.key),
        )
        self._templates: dict[str, Template] = {t.key: t for t in ordered}
        self.problems: list[TemplateProblem] = list(problems)

    def reload(self) -> None:
        """Read the built-ins and the folders again: files added, changed or removed
        since show at once to everyone who holds this library."""
        fresh = load_templates(self.folders)
        self._set(list(fresh), fresh.problems)

    def get(self, key: str) -> Template:
        try:
            return self._templates[key]
        except KeyError:
            known = ", ".join(self._templates) or "none"
            raise KeyError(f"no template '{key}' (known templates: {known})") from None

    def keys(self) -> list[str]:
        return list(self._templates)

    def __iter__(self) -> Iterator[Template]:
        return iter(self._templates.values())

    def __len__(self) -> int:
        return len(self._templates)

    def __contains__(self, key: object) -> bool:
        return key in self._templates


def builtin_template_dir() -> Traversable:
    """The shipped templates folder (``resources/templates`` in the repository)."""
    return resource_dir("templates")


def default_user_template_dir() -> Path:
    """Where the therapist's own templates live: ``templates`` in the data folder
    (``PRACTICE_DATA_DIR`` or the platform's; not created here)."""

    return data_dir() / "templates"


def practice_templates() -> TemplateLibrary:
    """The built-ins plus the therapist's own templates: what the app offers and prints.

    Made once by the application (and by each command that needs templates), then
    passed to what uses it.
    """
    return load_templates([default_user_template_dir()])


def load_templates(extra_dirs: Sequence[Path] = ()) -> TemplateLibrary:
    """Load the built-ins, then each of `extra_dirs` (missing folders are skipped).

    Within the extra folders, files load in folder order, then by file name; when two
    user files share a key, the first wins and the second is reported.
    """
    problems: list[TemplateProblem] = []
    loaded: dict[str, Template] = {}
    for entry in _toml_files(builtin_template_dir()):
        template, found = _load_one(entry, builtin=True)
        problems += found
        if template is not None:
            loaded[template.key] = template
    for key in TemplateKey:
        if key.value not in loaded and not any(p.template == key.value for p in problems):
            name = key.value + SUFFIX
            problems.append(
                TemplateProblem(
                    name, key.value, "", f"{name}: template '{key.value}': built-in file missing"
                )
            )

    user_keys: dict[str, str] = {}
    for folder in extra_dirs:
        folder = Path(folder)
        if not folder.exists():
            continue
        if not folder.is_dir():
            problems.append(
                TemplateProblem(str(folder), "", "", f"{folder}: not a folder of templates")
            )
            continue
        try:
            paths = _toml_files(folder)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            problems.append(
                TemplateProblem(str(folder), "", "", f"{folder}: cannot be read ({reason})")
            )
            continue
        for path in paths:
            template, found = _load_one(path, builtin=False)
            problems += found
            if template is None:
                continue
            if template.key in user_keys:
                problems.append(
                    TemplateProblem(
                        str(path),
                        template.key,
                        "meta.key",
                        f"{path.name}: template '{template.key}', meta.key: already defined "
                        f"in {user_keys[template.key]}; this file is ignored",
                    )
                )
                continue
            user_keys[template.key] = str(path)
            loaded[template.key] = template
    return TemplateLibrary(list(loaded.values()), problems, folders=extra_dirs)


def _toml_files(folder: Traversable) -> list[Traversable]:
    """The ``.toml`` files of ``folder`` by name; OSError when it cannot be listed."""
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(
        (e for e in entries if e.name.endswith(SUFFIX) and e.is_file()), key=lambda e: e.name
    )


def _load_one(
    entry: Traversable, *, builtin: bool
) -> tuple[Template | None, list[TemplateProblem]]:
    try:
        data = entry.read_bytes()
    except OSError as exc:
        stem = entry.name.removesuffix(SUFFIX)
        message = f"{entry.name}: template '{stem}': cannot be read ({exc.strerror or exc})"
        return None, [TemplateProblem(str(entry), stem, "", message)]
    return parse_template_file(data, str(entry), entry.name, builtin=builtin)
