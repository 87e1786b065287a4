"""Fillable sheets: the marker written into them and reading a returned one back.

A fillable sheet carries two hidden, read-only fields besides the answers:
``practice_code`` (the marker) and ``practice_fields`` = ``key:kind[:scale];…``
(how to read each answer). Every Practice sheet also has the PDF Subject
``Practice self-record``. Answer fields are named ``<block>.<field_key>``
(``d1.mood``, ``e2.situation``; a grid adds the hour: ``d3.h07.activity``);
checkbox options add ``.<index>`` and carry the option's words as their tooltip.

The marker of an assignment's sheet is sealed (:class:`SheetSeal`):
``P3|code|assignment|appointment|printed|template|level|language|blocks|fields|mac``,
where ``printed`` is the print date (ISO), ``blocks`` is ``d7`` or ``e3`` (the day
or entry blocks printed), ``fields`` is ``count-digest`` of the names of every form
field printed (:func:`names_digest`), and ``mac`` a truncated HMAC-SHA256, keyed
with the practice's own secret, over everything before it and the kinds field. A
field added to the file after printing changes the names and is refused on import.
A blank sheet has the unsealed marker ``code|template|level|language``.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import FieldKind

SUBJECT_MARKER = "Practice self-record"
CODE_FIELD = "practice_code"
KINDS_FIELD = "practice_fields"
DAY_PARTS = ("morning", "afternoon", "evening")  # a part-of-day grid's rows, in order
SEALED = "P3"
OLD_SEALS = ("P2",)  # sealed by an earlier version: no print date, no field names
MAC_HEX = 20  # 80 bits of the HMAC are printed into the marker
# d3.h07.activity (an hour of a grid), d1.morning2.activity (a part of the day)
_ANSWER_NAME = re.compile(
    r"^([de])(\d{1,6})\.(?:(h\d{1,2}|[a-z]+\d{1,2})\.)?([A-Za-z][A-Za-z0-9_\-]*)(?:\.(\d{1,4}))?$"
)
_SEAL_TAG = b"practice sheet seal v2\0"


class SheetImportError(Exception):
    """A returned PDF cannot be imported into a homework review."""


class ForeignPdfError(SheetImportError):
    """The PDF is readable but was not made by Practice."""


class DamagedPdfError(SheetImportError):
    """The file is not a PDF, or it is damaged beyond reading."""


class NotFillableError(SheetImportError):
    """A Practice sheet, but the printable one: it has no answers to read."""


class ForgedSheetError(SheetImportError):
    """The sheet's code or its blocks were changed after it was printed."""


class ProtectedPdfError(SheetImportError):
    """The PDF is encrypted with a password."""


OLD_SEAL = (
    "This sheet was printed by an earlier version of Practice, whose code cannot be "
    "checked as fully as now. Print the sheet again and send the new one, or enter its "
    "answers by hand in the review."
)


@dataclass(frozen=True)
class SheetSeal:
    """What an assignment's fillable sheet is sealed with at print time."""

    assignment_id: int
    appointment_id: int | None  # the session the sheet is due back at (None: unknown)
    key: bytes  # the practice's secret (services.sheet_seal)
    printed_on: date | None = None  # the day it was printed


@dataclass(frozen=True)
class SealInfo:
    """The sealed part of a returned sheet's marker (checked with :func:`seal_matches`)."""

    assignment_id: int
    appointment_id: int | None
    block_kind: str  # "d" (days) or "e" (entries)
    blocks: int
    mac: str
    payload: str  # what the mac covers
    printed_on: date | None = None
    field_count: int = 0  # form fields printed (the marker's own two not counted)
    field_digest: str = ""  # names_digest of their names

    def printed_blocks(self) -> tuple[str, ...]:
        """The block ids printed, exactly as named on the sheet: d1 … d7."""
        return tuple(f"{self.block_kind}{i}" for i in range(1, self.blocks + 1))


@dataclass(frozen=True)
class RawAnswer:
    """One answered field as found in the PDF: nothing judged yet."""

    name: str  # the field's full name: d2.h07.activity, e1.symptoms.3
    block: str  # d2, e1
    slot: str | None  # h07 on an hourly grid, morning2 on a part-of-day grid
    key: str  # the template field's key
    option: int | None  # the option's index for a checkbox group
    raw: str  # what was typed, or the chosen value of a box ("" when only ticked)
    ticked: bool  # a check box or radio button that is on
    tooltip: str  # the option's words on the sheet (its language)


@dataclass(frozen=True)
class FilledSheet:
    code: str | None
    template: str
    level: LiteracyLevel
    language: Language
    seal: SealInfo | None = None
    kinds: dict[str, tuple[FieldKind, str | None]] = field(default_factory=dict)
    raw: tuple[RawAnswer, ...] = ()
    blocks_found: tuple[str, ...] = ()  # every block that has fields in the PDF (d1, d2 …)
    kinds_field: str = ""  # the kinds field as found (the seal covers it)
    field_names: tuple[str, ...] = ()  # every form field in the file but the marker's two


def acro_form(canvas: Any) -> Any:
    """The canvas's AcroForm, with tick-box appearances built once per document
    and the sheet's font, embedded, for every field (sheets/form_font.py).

    ReportLab recomputes the same check-mark appearance streams for every box
    (six per box) before noticing they are duplicates; remembering them by their
    arguments makes a week of tick boxes several times faster. The names of the
    fields placed are kept (:func:`field_names`), so the marker can count the
    blocks every layout really printed.
    """
    form = canvas.acroForm
    if not getattr(form, "_practice_memo", False):
        # deferred: reading a returned sheet needs no fonts
        from practice.sheets.form_font import embed_form_font

        embed_form_font(form)
        original = form.checkboxAP
        cache: dict[tuple[Any, ...], Any] = {}
        names: set[str] = set()

        def checkbox_ap(key: str, value: str, **kw: Any) -> Any:
            memo = (key, value, *sorted((k, repr(v)) for k, v in kw.items()))
            if memo not in cache:
                cache[memo] = original(key, value, **kw)
            return cache[memo]

        def named(method: Any) -> Any:
            def place(*args: Any, **kw: Any) -> Any:
                if kw.get("name"):
                    names.add(str(kw["name"]))
                return method(*args, **kw)

            return place

        form.checkboxAP = checkbox_ap
        for method in ("textfield", "checkbox", "radio"):
            setattr(form, method, named(getattr(form, method)))
        form._practice_names = names
        form._practice_memo = True
    return form


def field_names(canvas: Any) -> set[str]:
    """The names of the form fields placed on ``canvas`` so far (through :func:`acro_form`)."""
    return set(getattr(acro_form(canvas), "_practice_names", set()))


def names_digest(names: Iterable[str]) -> tuple[int, str]:
    """(how many, a SHA-256 digest) of form field names, the marker's two left out."""
    kept = sorted({n for n in names if n not in (CODE_FIELD, KINDS_FIELD)})
    digest = hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:16]
    return len(kept), digest


def seal_mac(key: bytes, payload: str, kinds: str) -> str:
    """The truncated HMAC-SHA256 of a marker's ``payload`` and the sheet's kinds field."""
    message = _SEAL_TAG + payload.encode("utf-8") + b"\0" + kinds.encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:MAC_HEX]


def seal_matches(key: bytes, seal: SealInfo, kinds: str) -> bool:
    """Was this marker sealed with ``key`` and left as printed?"""
    return hmac.compare_digest(seal_mac(key, seal.payload, kinds), seal.mac)


def encode_marker(
    code: str | None,
    template: str,
    level: LiteracyLevel,
    language: Language,
    *,
    seal: SheetSeal | None = None,
    blocks: tuple[str, int] = ("d", 0),
    kinds: str = "",
    names: Iterable[str] = (),
) -> str:
    """The hidden marker; sealed (see the module's docstring) when ``seal`` is given,
    over the ``names`` of the form fields printed."""
    if seal is None or not code:
        return "|".join((code or "", template, level.value, language.value))
    appointment = "" if seal.appointment_id is None else str(seal.appointment_id)
    printed = seal.printed_on.isoformat() if seal.printed_on else ""
    count, digest = names_digest(names)
    payload = "|".join(
        (SEALED, code, str(seal.assignment_id), appointment, printed, template, level.value,
         language.value, f"{blocks[0]}{blocks[1]}", f"{count}-{digest}")
    )  # fmt: skip
    return f"{payload}|{seal_mac(seal.key, payload, kinds)}"


def encode_kinds(kinds: dict[str, FieldKind], scales: dict[str, str] | None = None) -> str:
    """``key:kind`` for every field, ``key:kind:scale`` for a rating that names its scale."""
    scales = scales or {}
    return ";".join(
        f"{key}:{kind.value}" + (f":{scales[key]}" if scales.get(key) else "")
        for key, kind in kinds.items()
    )


def block_count(names: set[str] | list[str]) -> tuple[str, int]:
    """("d", 7): the kind of block and the highest block number among field names."""
    found = [m for m in map(_ANSWER_NAME.match, names) if m]
    if not found:
        return ("d", 0)
    kind = "e" if any(m.group(1) == "e" for m in found) else "d"
    return kind, max(int(m.group(2)) for m in found if m.group(1) == kind)


def _unreadable(value: str) -> ForeignPdfError:
    return ForeignPdfError(
        "This PDF has a Practice marker that cannot be read "
        f"({value[:60]!r}); it may have been edited by another program."
    )


def _decode_marker(
    value: str,
) -> tuple[str | None, str, LiteracyLevel, Language, SealInfo | None]:
    parts = value.split("|")
    if parts[0] in OLD_SEALS:
        raise ForgedSheetError(OLD_SEAL)
    try:
        if parts[0] == SEALED:
            (_, code, assignment, appointment, printed, template, level, language, blocks,
             fields, mac) = parts  # fmt: skip
            match = re.fullmatch(r"([de])([1-9]\d{0,3}|0)", blocks)
            names = re.fullmatch(r"(\d{1,6})-([0-9a-f]{16})", fields)
            if match is None or names is None or not re.fullmatch(f"[0-9a-f]{{{MAC_HEX}}}", mac):
                raise ValueError(blocks)
            seal = SealInfo(
                assignment_id=int(assignment),
                appointment_id=int(appointment) if appointment else None,
                block_kind=match.group(1),
                blocks=int(match.group(2)),
                mac=mac,
                payload=value.rsplit("|", 1)[0],
                printed_on=date.fromisoformat(printed) if printed else None,
                field_count=int(names.group(1)),
                field_digest=names.group(2),
            )
            return code or None, template, LiteracyLevel(level), Language(language), seal
        code, template, level, language = parts
        return code or None, template, LiteracyLevel(level), Language(language), None
    except ValueError:
        raise _unreadable(value) from None


def _decode_kinds(value: str) -> dict[str, tuple[FieldKind, str | None]]:
    kinds: dict[str, tuple[FieldKind, str | None]] = {}
    for item in filter(None, value.split(";")):
        key, _, rest = item.partition(":")
        kind, _, scale = rest.partition(":")
        try:
            kinds[key] = (FieldKind(kind), scale or None)
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
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ProtectedPdfError(
                "This PDF is protected by a password, so its answers cannot be read. Ask "
                "the client to save it again without a password (or print it)."
            )
        fields = reader.get_fields() or {}
        metadata = dict(reader.metadata or {})
        _ = len(reader.pages)
    except ProtectedPdfError:
        raise
    except Exception as exc:  # pypdf raises many types on broken files
        raise DamagedPdfError(
            f"This PDF is damaged and cannot be read ({type(exc).__name__}: {exc})."
        ) from exc
    return fields, metadata


def _opens_without_password(reader: Any) -> bool:
    """An encrypted PDF with an empty user password (only its permissions set)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unsupported cipher is as good as a password here
        return False


def _on_value(value: Any) -> str:
    """The chosen value of a box ("/3" -> "3"), "" when it is off."""
    text = _text(value).lstrip("/")
    return "" if not text or text.lower() in ("off", "false", "no") else text


def _block_order(block: str) -> tuple[str, int, str]:
    return block[0], int(block[1:]), block


def slot_order(slot: str | None) -> tuple[int, int, int]:
    """Where a grid row was printed: hours in order, then morning, afternoon, evening
    (each by its line), so answers read in the sheet's order."""
    if not slot:
        return (0, 0, 0)
    found = re.fullmatch(r"([a-z]+?)(\d+)", slot)
    if found is None:
        return (3, 0, 0)
    head, number = found.group(1), int(found.group(2))
    if head == "h":
        return (1, number, 0)
    part = DAY_PARTS.index(head) if head in DAY_PARTS else len(DAY_PARTS)
    return (2, part, number)


def slot_text(slot: str | None) -> str:
    """'07:00' for h07, 'morning (line 1)' for morning1, as on the printed grid."""
    if not slot:
        return ""
    found = re.fullmatch(r"([a-z]+?)(\d+)", slot)
    if found is None:
        return slot
    head, number = found.group(1), int(found.group(2))
    return f"{number:02d}:00" if head == "h" else f"{head} (line {number})"


def read_filled_sheet(pdf_bytes: bytes) -> FilledSheet:
    """Read what a returned fillable sheet holds, unjudged (see ``sheets.answers``).

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
    code, template, level, language, seal = _decode_marker(_text(marker_field.get("/V")))
    kinds_field = _text(fields.get(KINDS_FIELD, {}).get("/V"))
    kinds = _decode_kinds(kinds_field)
    position = {key: i for i, key in enumerate(kinds)}

    def order(m: re.Match[str]) -> tuple[str, int, tuple[int, int, int], int, int, str]:
        option = int(m.group(5)) if m.group(5) is not None else -1
        key_at = position.get(m.group(4), len(position))
        return (m.group(1), int(m.group(2)), slot_order(m.group(3)), key_at, option, m[0])

    matches = sorted(filter(None, map(_ANSWER_NAME.match, fields)), key=order)
    raw: list[RawAnswer] = []
    for m in matches:
        data = fields[m.group(0)]
        value = data.get("/V")
        if _text(data.get("/FT")) == "/Btn":
            chosen = _on_value(value)
            if not chosen:
                continue
            text, ticked = ("" if chosen.lower() in ("yes", "on", "true") else chosen), True
        else:
            text, ticked = _text(value), False
            if not text:
                continue
        raw.append(
            RawAnswer(
                name=m.group(0),
                block=f"{m.group(1)}{m.group(2)}",
                slot=m.group(3),
                key=m.group(4),
                option=int(m.group(5)) if m.group(5) is not None else None,
                raw=text,
                ticked=ticked,
                tooltip=_text(data.get("/TU")),
            )
        )
    blocks = sorted({f"{m.group(1)}{m.group(2)}" for m in matches}, key=_block_order)
    return FilledSheet(
        code=code,
        template=template,
        level=level,
        language=language,
        seal=seal,
        kinds=kinds,
        raw=tuple(raw),
        blocks_found=tuple(blocks),
        kinds_field=kinds_field,
        field_names=tuple(sorted(n for n in fields if n not in (CODE_FIELD, KINDS_FIELD))),
    )
