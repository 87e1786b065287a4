"""Parse and check one template data file (TOML) into a :class:`Template`.

Every problem found is collected (not just the first), each naming the file, the
template and the field, so a therapist editing their own template can fix it in
one go. A file with any problem yields no template.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import FieldKind, Form, Layout, SheetField, SheetText, Template
from practice.sheets.pictogram_coverage import missing_pictograms
from practice.sheets.pictogram_vocabulary import PICTOGRAMS as CONCEPT_KEYS
from practice.sheets.scale_kinds import ScaleKind

# The pictograms the renderer can draw (vector art); template files may use no others.
PICTOGRAMS = CONCEPT_KEYS

# Answer kinds allowed on a pictorial sheet: tick boxes, the 3-face rating, and a
# clock face to draw the hands on (a time).
PICTORIAL_KINDS: frozenset[FieldKind] = frozenset(
    {FieldKind.TICK, FieldKind.CHECKBOXES, FieldKind.RATING, FieldKind.TIME}
)
# Levels whose instructions each come with a pictogram.
PICTURED_LEVELS: frozenset[LiteracyLevel] = frozenset({LiteracyLevel.EASY, LiteracyLevel.PICTORIAL})

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_ENTRIES = 14
MAX_LINES = 10
DEFAULT_ENTRIES = {Layout.DAILY: 7, Layout.ENTRIES: 3}

_META_KEYS = {"key", "names", "layout", "entries", "days"}
DAY_KINDS = ("days", "mornings")
_VARIANT_KEYS = {
    "title", "main_message", "instructions", "why_it_helps", "fields", "entries", "form",
    "note", "note_pictogram", "target_label",
}  # fmt: skip
_FIELD_KEYS = {"key", "label", "kind", "hint", "options", "lines", "pictogram", "scale", "beside"}


@dataclass(frozen=True)
class TemplateProblem:
    """Why (part of) a template file could not be used."""

    file: str  # path of the file
    template: str  # template key (the file name's stem if the key is unreadable)
    field: str  # field key, or the item at fault ("meta.layout", "es.easy"), or ""
    message: str  # full sentence naming file, template and field

    def __str__(self) -> str:
        return self.message


MAX_PROBLEMS_PER_FILE = 10
MAX_FILE_BYTES = 1_000_000  # the built-in templates are about 10 kB


class _Collector:
    """Gathers problems for one file: the first :data:`MAX_PROBLEMS_PER_FILE`, then a count."""

    def __init__(self, file: str, name: str, template: str) -> None:
        self.file, self.name, self.template = file, name, template
        self._kept: list[TemplateProblem] = []
        self._more = 0

    def add(self, where: str, message: str, field: str | None = None) -> None:
        """`where` is the variant or item ("es.easy", "meta.names"); `field` a field key."""
        if len(self._kept) >= MAX_PROBLEMS_PER_FILE:
            self._more += 1
            return
        place = f"{where} field '{field}'" if field else where
        text = f"{self.name}: template '{self.template}'"
        text += f", {place}: {message}" if place else f": {message}"
        self._kept.append(TemplateProblem(self.file, self.template, field or where, text))

    @property
    def problems(self) -> list[TemplateProblem]:
        if not self._more:
            return list(self._kept)
        text = f"{self.name}: template '{self.template}': {self._more} more problems not listed"
        return [*self._kept, TemplateProblem(self.file, self.template, "", text)]


def _type_name(value: object) -> str:
    return {str: "text", int: "a whole number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _text(
    col: _Collector,
    table: dict[str, Any],
    name: str,
    where: str,
    field: str | None = None,
    required: bool = True,
) -> str:
    """A text item: required ones must be present and non-empty."""
    place, what = (where, f"'{name}' ") if field else (f"{where}.{name}", "")
    value = table.get(name)
    if value is None:
        if required:
            col.add(place, f"{what}missing", field)
        return ""
    if not isinstance(value, str):
        col.add(place, f"{what}must be text, not {_type_name(value)}", field)
        return ""
    if required and not value.strip():
        col.add(place, f"{what}is empty", field)
    return value.strip()


def _unknown(
    col: _Collector, table: dict[str, Any], allowed: set[str], where: str, field: str | None = None
) -> None:
    for extra in sorted(set(table) - allowed):
        col.add(
            where, f"unknown item '{extra}' (expected one of: {', '.join(sorted(allowed))})", field
        )


def parse_template_file(
    data: bytes, file: str, name: str, *, builtin: bool
) -> tuple[Template | None, list[TemplateProblem]]:
    """Parse one TOML template file. `file` is its path, `name` its file name."""
    stem = name.rsplit(".", 1)[0]
    col = _Collector(file, name, stem)
    if len(data) > MAX_FILE_BYTES:
        col.add("", f"too large ({len(data) // 1000} kB; a template has at most 1,000 kB)")
        return None, col.problems
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        col.add("", f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return None, col.problems
    except tomllib.TOMLDecodeError as exc:
        col.add("", f"not valid TOML ({exc})")
        return None, col.problems
    except (RecursionError, ValueError) as exc:  # nesting too deep, a number too long
        col.add("", f"not a template Practice can read ({type(exc).__name__})")
        return None, col.problems

    meta = doc.get("meta")
    if not isinstance(meta, dict):
        col.add("meta", "missing [meta] table")
        return None, col.problems
    key = meta.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        col.add("meta.key", f"must be lowercase snake_case text, not {key!r}")
        return None, col.problems
    col.template = key
    _unknown(col, meta, _META_KEYS, "meta")

    layout = Layout.ENTRIES
    raw_layout = meta.get("layout", "entries")
    if raw_layout in {m.value for m in Layout}:
        layout = Layout(raw_layout)
    else:
        col.add("meta.layout", f"unknown layout {raw_layout!r} (expected daily or entries)")
    entries = _entries(col, meta, "meta.entries", DEFAULT_ENTRIES[layout])
    days = meta.get("days", "days")
    if days not in DAY_KINDS:
        col.add("meta.days", f"unknown days {days!r} (expected days or mornings)")

    languages = _languages(col, doc, builtin)
    names = _names(col, meta, languages)
    variants: dict[tuple[LiteracyLevel, Language], SheetText] = {}
    for language in languages:
        for level in LiteracyLevel:
            table = doc[language.value].get(level.value)
            if isinstance(table, dict):
                text = _variant(col, table, key, level, language, layout, entries)
                if text is not None:
                    variants[(level, language)] = text
    _check_languages_agree(col, variants)
    if col.problems:
        return None, col.problems
    return Template(key, names, file, variants, builtin, days=days), []


def _entries(col: _Collector, table: dict[str, Any], where: str, default: int) -> int:
    value = table.get("entries", default)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ENTRIES:
        col.add(where, f"must be a whole number from 1 to {MAX_ENTRIES}, not {value!r}")
        return default
    return value


def _languages(col: _Collector, doc: dict[str, Any], builtin: bool) -> list[Language]:
    """Languages present with all four levels; problems for unknown or incomplete ones."""
    known = {lang.value for lang in Language}
    found: list[Language] = []
    for name in doc:
        if name == "meta":
            continue
        if name not in known:
            col.add(
                name, f"unknown language '{name}' (expected one of: {', '.join(sorted(known))})"
            )
        elif not isinstance(doc[name], dict):
            col.add(name, f"must be a table of levels, not {_type_name(doc[name])}")
        else:
            found.append(Language(name))
    for language in Language:
        if language not in found:
            if builtin:
                col.add(language.value, "language missing (built-ins need every language)")
            continue
        table = doc[language.value]
        levels = {lvl.value for lvl in LiteracyLevel}
        for extra in sorted(set(table) - levels):
            col.add(
                f"{language.value}.{extra}",
                "unknown level (expected " + ", ".join(lvl.value for lvl in LiteracyLevel) + ")",
            )
        for level in LiteracyLevel:
            where = f"{language.value}.{level.value}"
            if level.value not in table:
                col.add(where, "level missing (each language needs all four levels)")
            elif not isinstance(table[level.value], dict):
                col.add(where, f"must be a table, not {_type_name(table[level.value])}")
    if not found:
        col.add("", "no language tables (expected e.g. [en.standard])")
    return [lang for lang in Language if lang in found]


def _names(col: _Collector, meta: dict[str, Any], languages: list[Language]) -> dict[Language, str]:
    raw = meta.get("names")
    if not isinstance(raw, dict):
        col.add("meta.names", 'missing table of names per language (e.g. en = "...")')
        return {}
    names: dict[Language, str] = {}
    for language in languages:
        value = raw.get(language.value)
        if not isinstance(value, str) or not value.strip():
            col.add("meta.names", f"missing name for language '{language.value}'")
        else:
            names[language] = value.strip()
    return names


def _variant(
    col: _Collector,
    table: dict[str, Any],
    key: str,
    level: LiteracyLevel,
    language: Language,
    layout: Layout,
    default_entries: int,
) -> SheetText | None:
    where = f"{language.value}.{level.value}"
    before = len(col.problems)
    _unknown(col, table, _VARIANT_KEYS, where)
    title = _text(col, table, "title", where)
    main_message = _text(col, table, "main_message", where)
    why = _text(col, table, "why_it_helps", where)
    entries = _entries(col, table, f"{where}.entries", default_entries)
    instructions, pictures = _instructions(col, table.get("instructions"), where, level)
    fields = _fields(col, table.get("fields"), where, level)
    form = Form.BLOCKS
    raw_form = table.get("form", Form.BLOCKS.value)
    if raw_form in {f.value for f in Form}:
        form = Form(raw_form)
    else:
        forms = ", ".join(f.value for f in Form)
        col.add(f"{where}.form", f"unknown form {raw_form!r} (expected one of: {forms})")
    note = _text(col, table, "note", where, required=False)
    target_label = _text(col, table, "target_label", where, required=False)
    note_pictogram = table.get("note_pictogram")
    if note_pictogram is not None and note_pictogram not in PICTOGRAMS:
        col.add(f"{where}.note_pictogram", f"unknown pictogram {note_pictogram!r}")
    if len(col.problems) > before:
        return None
    text = SheetText(
        template=key,
        level=level,
        language=language,
        title=title,
        main_message=main_message,
        instructions=instructions,
        why_it_helps=why,
        fields=fields,
        layout=layout,
        entries=entries,
        instruction_pictograms=pictures if any(pictures) else (),
        form=form,
        note=note,
        note_pictogram=note_pictogram if isinstance(note_pictogram, str) else None,
        target_label=target_label,
    )
    for gap in missing_pictograms(text):
        col.add(where, f"{gap} needs a pictogram at the {level.value} level")
    if len(col.problems) > before:
        return None
    return text


def _instructions(
    col: _Collector, raw: object, where: str, level: LiteracyLevel
) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """Instructions are strings or {text, pictogram} tables."""
    where = f"{where}.instructions"
    if not isinstance(raw, list) or not raw:
        col.add(where, "missing or empty (expected a list of short sentences)")
        return (), ()
    texts: list[str] = []
    pictures: list[str | None] = []
    for i, item in enumerate(raw, start=1):
        text: object = item
        picture: object = None
        if isinstance(item, dict):
            _unknown(col, item, {"text", "pictogram"}, f"{where}[{i}]")
            text, picture = item.get("text"), item.get("pictogram")
        if not isinstance(text, str) or not text.strip():
            col.add(f"{where}[{i}]", "must be non-empty text or {text = ..., pictogram = ...}")
            continue
        if picture is not None and picture not in PICTOGRAMS:
            col.add(f"{where}[{i}]", f"unknown pictogram {picture!r}")
            picture = None
        elif picture is None and level in PICTURED_LEVELS:
            col.add(f"{where}[{i}]", f"needs a pictogram at the {level.value} level")
        texts.append(text.strip())
        pictures.append(picture if isinstance(picture, str) else None)
    return tuple(texts), tuple(pictures)


def _fields(
    col: _Collector, raw: object, where: str, level: LiteracyLevel
) -> tuple[SheetField, ...]:
    if not isinstance(raw, list) or not raw:
        col.add(where, "missing or empty 'fields' (expected [[...fields]] tables)")
        return ()
    fields: list[SheetField] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            col.add(where, f"field {i} must be a table, not {_type_name(item)}")
            continue
        fkey = item.get("key")
        if not isinstance(fkey, str) or not KEY_PATTERN.match(fkey):
            col.add(where, f"field {i}: 'key' must be lowercase snake_case text, not {fkey!r}")
            continue
        if fkey in seen:
            col.add(where, "duplicate field key", fkey)
            continue
        seen.add(fkey)
        parsed = _field(col, item, fkey, where, level)
        if parsed is not None:
            fields.append(parsed)
    return tuple(fields)


def _field(
    col: _Collector, item: dict[str, Any], fkey: str, where: str, level: LiteracyLevel
) -> SheetField | None:
    before = len(col.problems)
    _unknown(col, item, _FIELD_KEYS, where, fkey)
    label = _text(col, item, "label", where, field=fkey)
    hint = _text(col, item, "hint", where, field=fkey, required=False)
    raw_kind = item.get("kind")
    kind: FieldKind | None = None
    if raw_kind in {k.value for k in FieldKind}:
        kind = FieldKind(raw_kind)
    else:
        allowed = ", ".join(k.value for k in FieldKind)
        col.add(where, f"unknown kind {raw_kind!r} (expected one of: {allowed})", fkey)
    options, option_pictograms = _options(col, item.get("options", []), where, fkey)
    if kind is FieldKind.CHECKBOXES and not options:
        col.add(where, "kind 'checkboxes' needs 'options'", fkey)
    elif kind is not None and kind is not FieldKind.CHECKBOXES and options:
        col.add(where, f"'options' only go with kind 'checkboxes', not '{kind.value}'", fkey)
    default_lines = 3 if kind is FieldKind.TEXT else 1
    lines = item.get("lines", default_lines)
    if isinstance(lines, bool) or not isinstance(lines, int) or not 1 <= lines <= MAX_LINES:
        col.add(where, f"'lines' must be a whole number from 1 to {MAX_LINES}, not {lines!r}", fkey)
        lines = default_lines
    pictogram = item.get("pictogram")
    if pictogram is not None and pictogram not in PICTOGRAMS:
        col.add(where, f"unknown pictogram {pictogram!r}", fkey)
    if level is LiteracyLevel.PICTORIAL:
        if pictogram is None:
            col.add(where, "needs a pictogram at the pictorial level", fkey)
        if kind is not None and kind not in PICTORIAL_KINDS:
            col.add(
                where,
                f"kind '{kind.value}' is not allowed at the pictorial level "
                "(tick, checkboxes, rating or time only)",
                fkey,
            )
    scale = item.get("scale")
    if scale is not None and scale not in {k.value for k in ScaleKind}:
        kinds = ", ".join(k.value for k in ScaleKind)
        col.add(where, f"unknown scale {scale!r} (expected one of: {kinds})", fkey)
    elif scale is not None and kind is not FieldKind.RATING:
        col.add(where, "'scale' only goes with kind 'rating'", fkey)
    beside = item.get("beside", False)
    if not isinstance(beside, bool):
        col.add(where, f"'beside' must be true or false, not {beside!r}", fkey)
    if len(col.problems) > before or kind is None:
        return None
    return SheetField(
        beside=beside,
        scale=scale,
        key=fkey,
        label=label,
        kind=kind,
        hint=hint,
        options=options,
        lines=lines,
        pictogram=pictogram,
        option_pictograms=option_pictograms if any(option_pictograms) else (),
    )


def _options(
    col: _Collector, raw: object, where: str, fkey: str
) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """Options are texts or ``{ text = "...", pictogram = "..." }`` tables."""
    if not isinstance(raw, list):
        col.add(where, "'options' must be a list of non-empty texts", fkey)
        return (), ()
    texts: list[str] = []
    pictures: list[str | None] = []
    for i, item in enumerate(raw, start=1):
        text: object = item
        picture: object = None
        if isinstance(item, dict):
            _unknown(col, item, {"text", "pictogram"}, f"{where}.options[{i}]", fkey)
            text, picture = item.get("text"), item.get("pictogram")
        if not isinstance(text, str) or not text.strip():
            col.add(
                where,
                f"option {i} must be non-empty text or {{text = ..., pictogram = ...}}",
                fkey,
            )
            continue
        if picture is not None and picture not in PICTOGRAMS:
            col.add(where, f"option {i}: unknown pictogram {picture!r}", fkey)
            picture = None
        texts.append(text.strip())
        pictures.append(picture if isinstance(picture, str) else None)
    return tuple(texts), tuple(pictures)


def _check_languages_agree(
    col: _Collector, variants: dict[tuple[LiteracyLevel, Language], SheetText]
) -> None:
    """At each level, every language asks the same fields, in the same order and kind."""
    for level in LiteracyLevel:
        texts = [variants[(level, lang)] for lang in Language if (level, lang) in variants]
        for first, other in zip(texts, texts[1:], strict=False):
            ref = f"{first.language.value}.{level.value}"
            where = f"{other.language.value}.{level.value}"
            keys, other_keys = [f.key for f in first.fields], [f.key for f in other.fields]
            if keys != other_keys:
                col.add(where, f"field keys {other_keys} differ from {ref} {keys}")
                continue
            for a, b in zip(first.fields, other.fields, strict=True):
                if a.kind is not b.kind:
                    col.add(where, f"kind '{b.kind.value}' but '{a.kind.value}' in {ref}", b.key)
                elif len(a.options) != len(b.options):
                    col.add(where, f"{len(b.options)} options but {len(a.options)} in {ref}", b.key)
                elif a.option_pictograms != b.option_pictograms:
                    col.add(where, f"option pictograms differ from {ref}", b.key)
