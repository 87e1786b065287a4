"""Address, emergency contact and presenting problem: stored, checked, exported, imported."""

from __future__ import annotations

import csv
import logging
from datetime import date
from pathlib import Path

import pytest

from practice.services import clients, export
from practice.services.clients import ClientInput
from practice.services.errors import ValidationError
from practice.services.import_clients import apply_import, preview_import

PROBLEM = "Fictional: panic attacks on buses since spring"
ADDRESS = "12 Imaginary Lane\nFlat 3\nNowhere Town"
CONTACT = "Robin Quill (sister), +44 7700 900123"


def _profile(**kw: object) -> ClientInput:
    values: dict[str, object] = {
        "first_name": "Philippa",
        "last_name": "Arrowsmith-Blackwood",
        "email": "philippa.arrowsmith-blackwood@example.org",
        "address": ADDRESS,
        "emergency_contact": CONTACT,
        "presenting_problem": PROBLEM,
    }
    values.update(kw)
    return ClientInput(**values)  # type: ignore[arg-type]


def test_the_new_fields_are_saved_and_read_back_and_cleared(db):
    with db.session() as s:
        view = clients.create(s, _profile())
    with db.session() as s:
        got = clients.get(s, view.id)
    assert (got.address, got.emergency_contact, got.presenting_problem) == (
        ADDRESS,
        CONTACT,
        PROBLEM,
    )
    with db.session() as s:
        clients.update(s, view.id, _profile(address=" ", presenting_problem=None))
    with db.session() as s:
        got = clients.get(s, view.id)
    assert got.address is None and got.presenting_problem is None
    assert got.emergency_contact == CONTACT


@pytest.mark.parametrize(
    ("field", "limit", "label"),
    [
        ("address", clients.ADDRESS_MAX, "Address"),
        ("emergency_contact", clients.EMERGENCY_CONTACT_MAX, "Emergency contact"),
        ("presenting_problem", clients.PRESENTING_PROBLEM_MAX, "Diagnosis or presenting problem"),
    ],
)
def test_too_long_values_are_refused_with_a_plain_message(db, field, limit, label):
    data = _profile(**{field: "x" * (limit + 1)})
    errors = clients.validate(data)
    assert errors[field].startswith(f"{label} is too long")
    with db.session() as s, pytest.raises(ValidationError):
        clients.create(s, data)


def test_the_full_export_carries_the_new_fields(db, tmp_path: Path):
    with db.session() as s:
        view = clients.create(s, _profile())
    out = tmp_path / "export"
    with db.session() as s:
        export.export_all(s, out)
    with (out / "clients.csv").open(encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["address"] == ADDRESS and row["emergency_contact"] == CONTACT
    assert row["presenting_problem"] == PROBLEM
    with db.session() as s:
        record = export.export_client(s, view.id)
    assert record.client.presenting_problem == PROBLEM and record.client.address == ADDRESS


def test_import_reads_the_new_columns_when_present_and_does_without_them(db):
    source = (
        "first_name,last_name,address,emergency contact,Presenting problem\n"
        f'Philippa,Arrowsmith-Blackwood,"{ADDRESS}","{CONTACT}","{PROBLEM}"\n'
    )
    with db.session() as s:
        preview = preview_import(s, source, today=date(2025, 1, 1))
    assert preview.ok, preview.problems()
    with db.session() as s:
        (new_id,) = apply_import(s, preview)
    with db.session() as s:
        got = clients.get(s, new_id)
    assert (got.address, got.emergency_contact, got.presenting_problem) == (
        ADDRESS,
        CONTACT,
        PROBLEM,
    )
    with db.session() as s:  # older files without the columns still import
        plain = preview_import(s, "first_name,last_name\nTamsin,Okafor\n")
    assert plain.ok and plain.rows[0].data is not None
    assert plain.rows[0].data.presenting_problem is None


def test_the_presenting_problem_is_never_logged(db, tmp_path: Path, caplog):
    caplog.set_level(logging.DEBUG)
    with db.session() as s:
        view = clients.create(s, _profile())
    with db.session() as s:
        clients.update(s, view.id, _profile(presenting_problem=PROBLEM + " and trains"))
    with db.session() as s:
        export.export_all(s, tmp_path / "export")
    assert "panic" not in caplog.text


@pytest.mark.parametrize("field", ["first_name", "last_name", "emergency_contact"])
def test_a_control_character_in_a_one_line_field_is_refused(db, field):
    # Given a name or contact carrying a bell or an escape (pasted, or from a CSV file)
    with db.session() as s, pytest.raises(ValidationError) as refused:
        clients.create(s, _profile(**{field: "Ro\x07bin\x1b[31m"}))
    assert "control character" in refused.value.errors[field]
    # and the same in a CSV file is refused on its line, not imported
    source = "first_name,last_name\nTamsin,Oka\x07for\n"
    with db.session() as s:
        preview = preview_import(s, source)
    assert not preview.ok and "control character" in " ".join(preview.problems())
