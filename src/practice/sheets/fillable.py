"""Fillable sheets: the marker written into them and reading a returned one back.

A fillable sheet carries two hidden, read-only fields besides the answers:
``practice_code`` = ``code|template|level|language`` and ``practice_fields`` =
``key:kind;…`` (how to read each answer). Every Practice sheet also has the
PDF Subject ``Practice self-record``. Answer fields are named
``<entry_or_day>.<field_key>`` (``d1.mood``, ``e2.situation``); checkbox options
add ``.<index>`` and carry the option's words as their tooltip.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import FieldKind

SUBJECT_MARKER = "Practice self-record"
CODE_FIELD = "practice_code"
KINDS_FIELD = "practice_fields"
_ANSWER_NAME = re.compile(r"^([de])(\d+)\.([A-Za-z0-9_\-]+)(?:\.(\d+))?$")

Answer = str | bool | int


class SheetImportError(Exception):
    """A returned PDF cannot be imported into a homework review."""


class ForeignPdfError(SheetImportError):
    """The PDF is readable but was not made by Practice."""


class DamagedPdfError(SheetImportError):
    """The file is not a PDF, or it is damaged beyond reading."""


class NotFillableError(SheetImportError):
    """A Practice sheet, but the printable one: it has no answers to read."""


@dataclass(frozen=True)
class FilledSheet:
    code: str | None
    template: str
    level: LiteracyLevel
    language: Language
    answers: dict[str, Answer] = field(default_factory=dict)
    days_recorded: int = 0
    ratings: list[int] = field(default_factory=list)


def acro_form(canvas: Any) -> Any:
    """The canvas's AcroForm, with tick-box appearances built once per document
    and the sheet's font, embedded, for every field (sheets/form_font.py).

    ReportLab recomputes the same check-mark appearance streams for every box
    (six per box) before noticing they are duplicates; remembering them by their
    arguments makes a week of tick boxes several times faster.
    """
    form = canvas.acroForm
    if not getattr(form, "_practice_memo", False):
        # deferred: reading a returned sheet needs no fonts
        from practice.sheets.form_font import embed_form_font

        embed_form_font(form)
        original = form.checkboxAP
        cache: dict[tuple[Any, ...], Any] = {}

        def checkbox_ap(key: str, value: str, **kw: Any) -> Any:
            memo = (key, value, *sorted((k, repr(v)) for k, v in kw.items()))
            if memo not in cache:
                cache[memo] = original(key, value, **kw)
            return cache[memo]

        form.checkboxAP = checkbox_ap
        form._practice_memo = True
    return form


def encode_marker(code: str | None, template: str, level: LiteracyLevel, language: Language) -> str:
    return "|".join((code or "", template, level.value, language.value))


def encode_kinds(kinds: dict[str, FieldKind]) -> str:
    return ";".join(f"{key}:{kind.value}" for key, kind in kinds.items())


def _decode_marker(value: str) -> tuple[str | None, str, LiteracyLevel, Language]:
    parts = value.split("|")
    try:
        code, template, level, language = parts
        return code or None, template, LiteracyLevel(level), Language(language)
    except ValueError:
        raise ForeignPdfError(
            "This PDF has a Practice marker that cannot be read "
            f"({value[:60]!r}); it may have been edited by another program."
        ) from None


def _decode_kinds(value: str) -> dict[str, FieldKind]:
    kinds: dict[str, FieldKind] = {}
    for item in filter(None, value.split(";")):
        key, _, kind = item.partition(":")
        try:
            kinds[key] = FieldKind(kind)
        except ValueError:
            continue
    return kinds


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _is_on(value: Any) -> bool:
    text = _text(value).lstrip("/")
    return bool(text) and text.lower() not in ("off", "false", "0", "no")


def _open(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """(fields, metadata) of the PDF, or DamagedPdfError."""
    from pypdf import PdfReader  # deferred: pypdf (0.1 s) only when reading a returned sheet

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DamagedPdfError("This file is not a PDF (it does not start with %PDF).")
    if b"%%EOF" not in data[-2048:]:
        raise DamagedPdfError(
            "This PDF is incomplete: it ends early, as if the download or copy was cut off."
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        fields = reader.get_fields() or {}
        metadata = dict(reader.metadata or {})
        _ = len(reader.pages)
    except Exception as exc:  # pypdf raises many types on broken files
        raise DamagedPdfError(
            f"This PDF is damaged and cannot be read ({type(exc).__name__}: {exc})."
        ) from exc
    return fields, metadata


def _rating(raw: Any) -> int | None:
    text = _text(raw).lstrip("/")
    if not text or text.lower() == "off":
        return None
    match = re.fullmatch(r"\d{1,3}", text)
    return int(text) if match and int(text) <= 100 else None


def read_filled_sheet(pdf_bytes: bytes) -> FilledSheet:
    """Read the answers of a returned fillable sheet.

    Raises :class:`DamagedPdfError` (unreadable), :class:`ForeignPdfError` (not
    ours) or :class:`NotFillableError` (our printable sheet, no fields).
    """
    fields, metadata = _open(pdf_bytes)
    marker_field = fields.get(CODE_FIELD)
    if marker_field is None:
        if _text(metadata.get("/Subject")).startswith(SUBJECT_MARKER):
            raise NotFillableError(
                "This is a printable Practice sheet without form fields, so there "
                "are no typed answers to read. Enter the paper sheet's answers by hand."
            )
        raise ForeignPdfError(
            "This PDF was not made by Practice: it has no Practice sheet marker. "
            "Import only the fillable sheet the client was sent."
        )
    code, template, level, language = _decode_marker(_text(marker_field.get("/V")))
    kinds = _decode_kinds(_text(fields.get(KINDS_FIELD, {}).get("/V")))

    answers: dict[str, Answer] = {}
    ratings: list[int] = []
    recorded: set[str] = set()
    chosen: dict[str, list[str]] = {}
    position = {key: i for i, key in enumerate(kinds)}

    def order(name: str) -> tuple[str, int, int, int]:
        m = _ANSWER_NAME.match(name)
        if not m:
            return ("~", 0, 0, 0)
        option = int(m.group(4)) if m.group(4) is not None else -1
        return (m.group(1), int(m.group(2)), position.get(m.group(3), len(position)), option)

    for name in sorted(fields, key=order):
        match = _ANSWER_NAME.match(name)
        if not match:
            continue
        block = f"{match.group(1)}{match.group(2)}"
        key = f"{block}.{match.group(3)}"
        kind = kinds.get(match.group(3), FieldKind.TEXT)
        value = fields[name].get("/V")
        if match.group(4) is not None:  # one option of a checkbox group
            if _is_on(value):
                option = _text(fields[name].get("/TU")) or match.group(4)
                chosen.setdefault(key, []).append(option)
                recorded.add(block)
            continue
        if kind is FieldKind.TICK:
            if _is_on(value):
                answers[key] = True
                recorded.add(block)
        elif kind is FieldKind.RATING:
            rating = _rating(value)
            if rating is not None:
                answers[key] = rating
                ratings.append(rating)
                recorded.add(block)
            elif _text(value).lstrip("/") not in ("", "Off"):
                answers[key] = _text(value)  # an unreadable rating: keep what was typed
                recorded.add(block)
        elif _text(value):
            answers[key] = _text(value)
            recorded.add(block)
    for key, options in chosen.items():
        answers[key] = "; ".join(options)
    return FilledSheet(
        code=code,
        template=template,
        level=level,
        language=language,
        answers=dict(sorted(answers.items(), key=lambda kv: order(kv[0]))),
        days_recorded=len(recorded),
        ratings=ratings,
    )
