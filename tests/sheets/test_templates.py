"""The nine built-in self-record templates and the validating loader."""

from __future__ import annotations

import json
import os
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from practice.domain.vocabulary import Language, LiteracyLevel, TemplateKey
from practice.sheets.model import FieldKind, Form, Layout, SheetText
from practice.sheets.templates import (
    PICTOGRAMS,
    TemplateLibrary,
    builtin_template_dir,
    default_user_template_dir,
    load_templates,
)

LEVELS = list(LiteracyLevel)
LANGUAGES = list(Language)
DAILY = {"mood_log", "activity_schedule", "sleep_diary", "my_week"}
# Levels that ask in another way than the level above: the activity schedule's
# hourly grid (an activity with M and P each hour) becomes a tick list and a face.
NEW_FORM_BELOW = {("activity_schedule", LiteracyLevel.EASY)}


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


def builtin_doc(key: str) -> dict[str, Any]:
    return tomllib.loads(builtin_template_dir().joinpath(f"{key}.toml").read_text("utf-8"))


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def to_toml(doc: dict[str, Any], prefix: str = "") -> str:
    """A minimal TOML writer (tables as headers, everything else inline)."""
    scalars = {k: v for k, v in doc.items() if not isinstance(v, dict)}
    text = f"[{prefix}]\n" if prefix else ""
    text += "".join(f"{k} = {_toml_value(v)}\n" for k, v in scalars.items())
    for k, v in doc.items():
        if isinstance(v, dict):
            text += to_toml(v, f"{prefix}.{k}" if prefix else k)
    return text


def write(folder: Path, name: str, doc: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(to_toml(doc), encoding="utf-8")
    return path


def field(doc: dict[str, Any], variant: str, key: str) -> dict[str, Any]:
    lang, level = variant.split(".")
    return next(f for f in doc[lang][level]["fields"] if f["key"] == key)


# --------------------------------------------------------------- built-ins


def test_all_nine_builtins_load_without_problems(library: TemplateLibrary) -> None:
    assert library.problems == []
    assert library.keys() == [key.value for key in TemplateKey]
    assert [t.key for t in library] == library.keys()
    assert all(t.builtin for t in library)


@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_every_level_and_language_is_present(library: TemplateLibrary, key: str) -> None:
    template = library.get(key)
    assert set(template.variants) == {(lvl, lang) for lvl in LEVELS for lang in LANGUAGES}
    assert set(template.names) == set(LANGUAGES)
    assert Path(template.source).name == f"{key}.toml"
    for (level, language), text in template.variants.items():
        assert isinstance(text, SheetText)
        assert (text.template, text.level, text.language) == (key, level, language)
        assert text.title and text.main_message and text.why_it_helps
        assert text.instructions and text.fields


@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_layout_and_entries(library: TemplateLibrary, key: str) -> None:
    texts = [library.get(key).text(level, Language.EN) for level in LEVELS]
    if key in DAILY:
        assert all(t.layout is Layout.DAILY and t.entries == 7 for t in texts)
    else:
        assert all(t.layout is Layout.ENTRIES for t in texts)
        counts = [t.entries for t in texts]
        assert counts == sorted(counts, reverse=True), "fewer entries at lower levels"
        assert counts[0] >= 3


@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_fields_follow_the_level_rules(library: TemplateLibrary, key: str) -> None:
    template = library.get(key)
    for (level, language), text in template.variants.items():
        where = f"{key} {language}.{level}"
        keys = [f.key for f in text.fields]
        assert len(keys) == len(set(keys)), where
        for f in text.fields:
            assert f.pictogram is None or f.pictogram in PICTOGRAMS, where
            assert bool(f.options) == (f.kind is FieldKind.CHECKBOXES), where
        if level is LiteracyLevel.STANDARD:
            long = [f for f in text.fields if f.kind is FieldKind.TEXT]
            assert all(2 <= f.lines <= 4 for f in long), where
            assert any(f.kind is FieldKind.RATING for f in text.fields), where
        if level in (LiteracyLevel.EASY, LiteracyLevel.PICTORIAL):
            assert len(text.instruction_pictograms) == len(text.instructions), where
            assert all(p in PICTOGRAMS for p in text.instruction_pictograms), where
            writing = [f for f in text.fields if f.kind in (FieldKind.TEXT, FieldKind.SHORT_TEXT)]
            assert len(writing) <= 1, f"{where}: easy sheets are mostly checkboxes"
        if level is LiteracyLevel.PICTORIAL:
            assert {f.kind for f in text.fields} <= {
                FieldKind.TICK,
                FieldKind.CHECKBOXES,
                FieldKind.RATING,
                FieldKind.TIME,  # drawn as an empty clock face
            }, where
            assert all(f.pictogram for f in text.fields), where
            assert all(len(o.split()) <= 4 for f in text.fields for o in f.options), where


@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_languages_ask_the_same_fields(library: TemplateLibrary, key: str) -> None:
    template = library.get(key)
    for level in LEVELS:
        en, es = template.text(level, Language.EN), template.text(level, Language.ES)
        assert [(f.key, f.kind, len(f.options)) for f in en.fields] == [
            (f.key, f.kind, len(f.options)) for f in es.fields
        ]
        assert (en.layout, en.entries) == (es.layout, es.entries)


@pytest.mark.parametrize("key", [k.value for k in TemplateKey])
def test_field_keys_are_shared_across_levels(library: TemplateLibrary, key: str) -> None:
    """Each simpler level reuses keys of the level above where the meaning is the same."""
    template = library.get(key)
    for upper, lower in zip(LEVELS, LEVELS[1:], strict=False):
        if (key, lower) in NEW_FORM_BELOW:
            continue
        above = {f.key for f in template.text(upper, Language.EN).fields}
        keys = {f.key for f in template.text(lower, Language.EN).fields}
        assert len(keys & above) >= 2, f"{key} {lower}: {keys} vs {upper}: {above}"


def test_thought_record_standard_follows_beck(library: TemplateLibrary) -> None:
    text = library.get("thought_record").text(LiteracyLevel.STANDARD, Language.EN)
    kinds = {f.key: f.kind for f in text.fields}
    # Then: Beck's seven columns, in order, as a table
    assert list(kinds) == [
        "when",
        "situation",
        "feeling",
        "thought",
        "belief",
        "evidence_for",
        "evidence_against",
        "alternative_thought",
        "alternative_belief",
        "feeling_after",
    ]
    assert text.form is Form.COLUMNS
    beliefs = [f for f in text.fields if f.kind is FieldKind.RATING]
    assert [(f.key, f.scale) for f in beliefs] == [
        ("belief", "belief"),
        ("alternative_belief", "belief"),
    ]
    plain = library.get("thought_record").text(LiteracyLevel.PLAIN, Language.EN)
    assert [f.label for f in plain.fields][:4] == [
        "When?",
        "What happened?",
        "What did I feel?",
        "Strength",
    ]


def test_sleep_diary_standard_has_the_consensus_core_items(library: TemplateLibrary) -> None:
    # Given the sleep diary at standard and plain (Carney et al. 2012), in both languages
    for level in (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN):
        for language in Language:
            text = library.get("sleep_diary").text(level, language)
            kinds = {f.key: f.kind for f in text.fields}
            # Then the core items are there, with the keys sleep efficiency is computed from
            for key in ("bed_time", "try_sleep_time", "final_wake_time", "out_of_bed_time"):
                assert kinds[key] is FieldKind.TIME, (level, language, key)
            for key in ("minutes_to_sleep", "awakenings", "minutes_awake"):
                assert kinds[key] is FieldKind.NUMBER, (level, language, key)
            quality = next(f for f in text.fields if f.key == "quality")
            assert quality.kind is FieldKind.RATING and quality.scale == "quality"


def test_pictogram_vocabulary_is_drawable() -> None:
    pictograms = pytest.importorskip("practice.sheets.pictograms")
    assert set(PICTOGRAMS) <= set(pictograms.PICTOGRAMS)


def test_get_unknown_key_names_it(library: TemplateLibrary) -> None:
    with pytest.raises(KeyError, match="no template 'nope'.*thought_record"):
        library.get("nope")
    assert "nope" not in library and "mood_log" in library
    assert len(library) == 9


# ------------------------------------------------------------ broken files

Mutation = Callable[[dict[str, Any]], None]


def _drop_level(doc: dict[str, Any]) -> None:
    del doc["es"]["easy"]


def _unknown_kind(doc: dict[str, Any]) -> None:
    field(doc, "es.easy", "intensity")["kind"] = "slider"


def _unknown_pictogram(doc: dict[str, Any]) -> None:
    field(doc, "en.pictorial", "antecedent")["pictogram"] = "unicorn"


def _duplicate_key(doc: dict[str, Any]) -> None:
    field(doc, "en.plain", "behaviour")["key"] = "antecedent"


def _wrong_type(doc: dict[str, Any]) -> None:
    field(doc, "en.standard", "antecedent")["lines"] = "three"


def _title_not_text(doc: dict[str, Any]) -> None:
    doc["es"]["plain"]["title"] = 5


def _missing_label(doc: dict[str, Any]) -> None:
    del field(doc, "en.easy", "behaviour")["label"]


def _writing_on_pictorial(doc: dict[str, Any]) -> None:
    field(doc, "es.pictorial", "antecedent")["kind"] = "short_text"
    del field(doc, "es.pictorial", "antecedent")["options"]


def _unknown_scale(doc: dict[str, Any]) -> None:
    field(doc, "es.easy", "intensity")["scale"] = "happiness"


def _pictured_options(doc: dict[str, Any], variant: str) -> None:
    place = field(doc, variant, "antecedent")
    texts = [o["text"] if isinstance(o, dict) else o for o in place["options"]]
    place["options"] = [{"text": t, "pictogram": "house"} for t in texts]


def _option_pictures_disagree(doc: dict[str, Any]) -> None:
    _pictured_options(doc, "en.pictorial")


def _option_without_picture(doc: dict[str, Any]) -> None:
    ticks = next(f for f in doc["en"]["easy"]["fields"] if f["kind"] == "checkboxes")
    ticks["options"] = [o["text"] if isinstance(o, dict) else o for o in ticks["options"]]


def _unknown_form(doc: dict[str, Any]) -> None:
    doc["en"]["plain"]["form"] = "spiral"


def _beside_not_a_flag(doc: dict[str, Any]) -> None:
    field(doc, "en.plain", "behaviour")["beside"] = "yes"


def _languages_disagree(doc: dict[str, Any]) -> None:
    doc["es"]["standard"]["fields"].reverse()


BROKEN: list[tuple[str, Mutation, str, str]] = [
    # (case, mutation, expected problem.field, words in the message)
    ("missing level", _drop_level, "es.easy", "level missing"),
    (
        "unknown kind",
        _unknown_kind,
        "intensity",
        "es.easy field 'intensity': unknown kind 'slider'",
    ),
    ("unknown pictogram", _unknown_pictogram, "antecedent", "unknown pictogram 'unicorn'"),
    ("duplicate field key", _duplicate_key, "antecedent", "en.plain field 'antecedent': duplicate"),
    ("wrong type", _wrong_type, "antecedent", "'lines' must be a whole number"),
    ("title not text", _title_not_text, "es.plain.title", "es.plain.title: must be text"),
    ("missing label", _missing_label, "behaviour", "en.easy field 'behaviour': 'label' missing"),
    (
        "writing on pictorial",
        _writing_on_pictorial,
        "antecedent",
        "not allowed at the pictorial",
    ),
    ("languages disagree", _languages_disagree, "es.standard", "differ from en.standard"),
    (
        "option without a picture",
        _option_without_picture,
        "en.easy",
        "option 1 ('",  # "... option 1 ('At home') needs a pictogram at the easy level"
    ),
    ("unknown form", _unknown_form, "en.plain.form", "unknown form 'spiral'"),
    ("unknown scale", _unknown_scale, "intensity", "unknown scale 'happiness'"),
    ("beside not a flag", _beside_not_a_flag, "behaviour", "'beside' must be true or false"),
    (
        "option pictures disagree",
        _option_pictures_disagree,
        "antecedent",
        "option pictograms differ from en.pictorial",
    ),
]


def test_options_carry_their_own_pictograms(tmp_path: Path) -> None:
    # Given a user override whose pictorial 'place' options each name a pictogram
    doc = builtin_doc("abc_record")
    for variant in ("en.pictorial", "es.pictorial"):
        _pictured_options(doc, variant)
    write(tmp_path, "abc_record.toml", doc)

    # When the templates load
    library = load_templates([tmp_path])

    # Then each option keeps its pictogram, in both languages
    assert library.problems == []
    for language in Language:
        place = next(
            f
            for f in library.get("abc_record").text(LiteracyLevel.PICTORIAL, language).fields
            if f.key == "antecedent"
        )
        assert [place.option_pictogram(i) for i in range(len(place.options))] == ["house"] * len(
            place.options
        )


@pytest.mark.parametrize(("case", "mutate", "where", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_user_file_is_reported_and_others_still_load(
    tmp_path: Path, case: str, mutate: Mutation, where: str, words: str
) -> None:
    # Given a user folder with a broken override of abc_record and a good new template
    doc = builtin_doc("abc_record")
    mutate(doc)
    write(tmp_path, "abc_record.toml", doc)
    good = builtin_doc("my_week")
    good["meta"]["key"] = "my_days"
    write(tmp_path, "my_days.toml", good)

    # When the templates load
    library = load_templates([tmp_path])

    # Then the problem names the file, the template and the field
    assert len(library.problems) >= 1, case
    problem = library.problems[0]
    assert Path(problem.file) == tmp_path / "abc_record.toml"
    assert problem.template == "abc_record"
    assert problem.field == where
    assert problem.message.startswith("abc_record.toml: template 'abc_record', ")
    assert words in problem.message
    assert where in problem.message
    # and the rest still loads: the good user file, and the built-in abc_record stays
    assert library.get("my_days").builtin is False
    assert library.get("abc_record").builtin is True
    assert len(library) == 10


def test_invalid_toml_is_reported_and_others_still_load(tmp_path: Path) -> None:
    (tmp_path / "urge_log.toml").write_text("[meta\nkey = 'urge_log'\n", encoding="utf-8")
    (tmp_path / "broken_bytes.toml").write_bytes(b"[meta]\nkey = '\xff'\n")
    good = builtin_doc("mood_log")
    good["meta"]["key"] = "mood_short"
    write(tmp_path, "mood_short.toml", good)

    library = load_templates([tmp_path])

    messages = [p.message for p in library.problems]
    assert len(messages) == 2
    assert messages[0].startswith("broken_bytes.toml: template 'broken_bytes': not UTF-8")
    assert messages[1].startswith("urge_log.toml: template 'urge_log': not valid TOML")
    assert "line 1" in messages[1]
    assert library.get("urge_log").builtin is True
    assert library.get("mood_short").builtin is False


def test_all_problems_of_a_file_are_reported(tmp_path: Path) -> None:
    doc = builtin_doc("abc_record")
    _unknown_kind(doc)
    _unknown_pictogram(doc)
    doc["meta"]["layout"] = "weekly"
    write(tmp_path, "abc_record.toml", doc)

    problems = load_templates([tmp_path]).problems

    assert {p.field for p in problems} == {"intensity", "antecedent", "meta.layout"}


def test_user_template_overrides_a_builtin(tmp_path: Path) -> None:
    doc = builtin_doc("thought_record")
    doc["en"]["standard"]["title"] = "My own thought record"
    write(tmp_path, "thought_record.toml", doc)
    custom = builtin_doc("my_week")
    custom["meta"]["key"] = "aaa_custom"
    write(tmp_path, "aaa_custom.toml", custom)

    library = load_templates([tmp_path])

    assert library.problems == []
    template = library.get("thought_record")
    assert template.builtin is False
    assert Path(template.source) == tmp_path / "thought_record.toml"
    assert template.text(LiteracyLevel.STANDARD, Language.EN).title == "My own thought record"
    # built-ins keep their order (the override in its place); user ones come after
    assert library.keys() == [k.value for k in TemplateKey] + ["aaa_custom"]


def test_user_template_may_leave_out_a_language_but_not_a_level(tmp_path: Path) -> None:
    english_only = builtin_doc("mood_log")
    english_only["meta"]["key"] = "english_only"
    del english_only["es"]
    write(tmp_path, "english_only.toml", english_only)
    short = builtin_doc("mood_log")
    short["meta"]["key"] = "short"
    del short["en"]["pictorial"]
    write(tmp_path, "short.toml", short)

    library = load_templates([tmp_path])

    template = library.get("english_only")
    assert set(template.variants) == {(lvl, Language.EN) for lvl in LEVELS}
    assert "short" not in library
    assert [p.message for p in library.problems] == [
        "short.toml: template 'short', en.pictorial: level missing "
        "(each language needs all four levels)"
    ]


def test_second_user_file_with_the_same_key_is_ignored(tmp_path: Path) -> None:
    first, second = builtin_doc("my_week"), builtin_doc("my_week")
    first["meta"]["key"] = second["meta"]["key"] = "diary"
    second["en"]["standard"]["title"] = "Second"
    write(tmp_path / "a", "diary.toml", first)
    write(tmp_path / "b", "diary.toml", second)

    library = load_templates([tmp_path / "a", tmp_path / "b", tmp_path / "missing"])

    assert library.get("diary").text(LiteracyLevel.STANDARD, Language.EN).title == "My week"
    assert len(library.problems) == 1
    assert "already defined" in library.problems[0].message


def test_missing_builtin_language_is_a_problem() -> None:
    from practice.sheets.template_validation import parse_template_file

    doc = builtin_doc("mood_log")
    del doc["es"]
    template, problems = parse_template_file(
        to_toml(doc).encode(), "mood_log.toml", "mood_log.toml", builtin=True
    )
    assert template is None
    assert [p.field for p in problems] == ["es"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG paths are Linux-only")
def test_default_user_template_dir_is_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(tmp_path / "Practice"))
    folder = default_user_template_dir()
    assert folder == tmp_path / "Practice" / "templates"
    assert not folder.exists()
    assert load_templates([folder]).problems == []


def test_practice_templates_include_the_therapists_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from practice.sheets.templates import practice_templates

    monkeypatch.setenv("PRACTICE_DATA_DIR", str(tmp_path))
    own = tmp_path / "templates"
    own.mkdir()
    source = default_user_template_dir().parent  # the data folder
    assert source == tmp_path
    builtin = load_templates().get("mood_log").source
    text = Path(builtin).read_text(encoding="utf-8") if Path(builtin).exists() else None
    if text is None:
        pytest.skip("built-in templates are not plain files here")
    (own / "my_mood.toml").write_text(
        text.replace('key = "mood_log"', 'key = "my_mood"'), encoding="utf-8"
    )
    library = practice_templates()
    assert "my_mood" in list(library.keys())
    assert library.get("my_mood").builtin is False


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, "RecursionError"),  # nesting too deep
        ("a = " + "7" * 5000, "ValueError"),  # a number past Python's digit limit
    ],
)
def test_a_file_the_toml_reader_chokes_on_is_reported(
    tmp_path: Path, text: str, reason: str
) -> None:
    # Given a file that makes the TOML reader raise something other than a TOML error
    (tmp_path / "hostile.toml").write_text(text, encoding="utf-8")
    # When the library loads
    library = load_templates([tmp_path])
    # Then it is one problem, and every built-in is still there
    assert [p.message for p in library.problems] == [
        f"hostile.toml: template 'hostile': not a template Practice can read ({reason})"
    ]
    assert len(library) == len(TemplateKey)


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    doc = builtin_doc("mood_log")
    doc["meta"]["key"] = "mood_big"
    write(tmp_path, "mood_big.toml", doc)
    with (tmp_path / "mood_big.toml").open("a", encoding="utf-8") as fh:
        fh.write("# " + "x" * 1_100_000 + "\n")

    size = (tmp_path / "mood_big.toml").stat().st_size
    library = load_templates([tmp_path])

    assert [p.message for p in library.problems] == [
        f"mood_big.toml: template 'mood_big': too large ({size // 1000} kB; "
        "a template has at most 1,000 kB)"
    ]
    assert "mood_big" not in library


def test_a_file_with_thousands_of_problems_reports_ten_and_a_count(tmp_path: Path) -> None:
    # Given a template whose [meta] has 10,000 keys Practice does not know
    doc = builtin_doc("mood_log")
    doc["meta"]["key"] = "mood_noisy"
    doc["meta"].update({f"odd_{i}": i for i in range(10_000)})
    write(tmp_path, "mood_noisy.toml", doc)
    # When the library loads
    problems = load_templates([tmp_path]).problems
    # Then ten problems are listed and the rest are counted in one line
    assert len(problems) == 11
    assert problems[-1].message == (
        "mood_noisy.toml: template 'mood_noisy': 9990 more problems not listed"
    )


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(0)
    try:
        library = load_templates([folder])
    finally:
        folder.chmod(0o700)
    assert [p.message for p in library.problems] == [
        f"{folder}: cannot be read (Permission denied)"
    ]
    assert len(library) == len(TemplateKey)
