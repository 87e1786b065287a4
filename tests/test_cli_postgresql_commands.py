"""Every command on a practice on a PostgreSQL server (``--db postgresql://…``), on the
real test server of tests/conftest.py: what reads says the same as on a file, what
writes is recorded on the server, and what works on the file itself refuses plainly."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from sqlalchemy import text

from _pdf_forms import fill
from _postgres import Databases
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.db.location import parse
from practice.domain.inputs import AssignmentInput
from practice.domain.measures import MeasureSource
from practice.domain.vocabulary import (
    AppointmentStatus,
    Language,
    LiteracyLevel,
    Modality,
)
from practice.services import (
    appointments,
    clients,
    demo,
    homework,
    measures,
    printing,
    server_backup,
)
from practice.services.clients import ClientInput
from practice.sheets.fillable import CODE_FIELD
from practice.sheets.templates import load_templates

DAY = date(2025, 3, 12)  # a Wednesday


@dataclass
class Twins:
    """The same demo practice in a file and on the server (seeded as of DAY)."""

    path: Path
    url: str
    summary: demo.DemoSummary

    def places(self) -> tuple[str, str]:
        return str(self.path), self.url


def _seeded(place: Path | str) -> demo.DemoSummary:
    location = parse(place)
    migrate.upgrade(location)
    database = Database(location)
    try:
        with database.session() as s:
            return demo.seed_demo(s, today=DAY)
    finally:
        database.dispose()


@pytest.fixture
def server_url(postgres_databases: Databases) -> Iterator[str]:
    """An empty database on the server, as the user types it (``postgresql://``)."""
    name = postgres_databases.create()
    yield postgres_databases.url(name).replace("postgresql+psycopg://", "postgresql://")
    postgres_databases.drop(name)


@pytest.fixture
def twins(tmp_path: Path, server_url: str) -> Twins:
    path = tmp_path / "demo.sqlite3"
    summary = _seeded(path)
    assert _seeded(server_url) == summary  # the same ids on both
    return Twins(path, server_url, summary)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def _on_server(url: str):  # type: ignore[no-untyped-def]
    return Database(parse(url))


# ---- what reads: the same on the server as on a file ---------------------------------


def test_today_on_the_server_prints_what_it_prints_for_the_file(twins, capsys):
    said = []
    for place in twins.places():
        status, out, err = _run(capsys, "today", "--db", place, "--date", DAY.isoformat())
        assert (status, err) == (0, "")
        said.append(out)
    on_file, on_server = said
    assert on_server.splitlines()[0] == "Today — Wednesday 12 March 2025"
    assert "Today: 2 appointments" in on_server.splitlines()
    assert on_server == on_file


def test_prep_on_the_server_writes_the_clients_page(twins, tmp_path, capsys):
    client = twins.summary.improver_id
    texts = []
    for n, place in enumerate(twins.places()):
        out = tmp_path / f"prep{n}.pdf"
        argv = ["prep", "--db", place, "--client", str(client), "-o", str(out)]
        status, said, _ = _run(capsys, *argv, "--date", DAY.isoformat(), "--paper", "a4")
        assert (status, said.strip()) == (0, str(out))
        texts.append(_pdf_text(out))
    database = _on_server(twins.url)
    try:
        with database.session() as s:
            name = clients.get(s, client).display_name
    finally:
        database.dispose()
    on_file, on_server = texts
    assert name.split(",")[0] in on_server
    assert on_server == on_file


def test_what_works_report_on_the_server_reads_as_for_the_file(twins, tmp_path, capsys):
    texts = []
    for n, place in enumerate(twins.places()):
        out = tmp_path / f"what-works{n}.pdf"
        argv = ["report", "what-works", "--db", place, "-o", str(out), "--date", "2025-03-12"]
        assert _run(capsys, *argv)[0] == 0
        texts.append(_pdf_text(out))
    on_file, on_server = texts
    assert "What works in my practice\nPrepared 12 Mar 2025" in on_server
    assert "Read from: homework reviews" in on_server and on_server == on_file


def test_sheets_week_sheets_and_alarm_on_the_server_match_the_file(twins, tmp_path, capsys):
    database = _on_server(twins.url)
    try:
        with database.session() as s:
            a = homework.active_for_client(s, twins.summary.roles["improver"])[0]
    finally:
        database.dispose()
    monday = DAY - timedelta(days=DAY.weekday())
    made: list[dict[str, str]] = []
    for n, place in enumerate(twins.places()):
        sheet, week, alarm = (tmp_path / f"{w}{n}" for w in ("sheet.pdf", "week.pdf", "a.ics"))
        for argv in (
            ["sheet", "--assignment", str(a.id), "-o", str(sheet)],
            ["week-sheets", "--from", str(monday), "--to", str(monday + timedelta(days=6)),
             "-o", str(week)],
            ["alarm", "--assignment", str(a.id), "-o", str(alarm)],
        ):  # fmt: skip
            status, _, err = _run(capsys, *argv, "--db", place)
            assert status == 0, err
        stamp = re.compile(r"^(DTSTAMP|UID|CREATED|LAST-MODIFIED)[:;].*$", re.M)
        made.append(
            {
                "sheet": _pdf_text(sheet),
                "week": _pdf_text(week),
                "alarm": stamp.sub("", alarm.read_text()),
            }
        )
    on_file, on_server = made
    assert a.code in on_server["sheet"] and a.code in on_server["week"]
    assert "BEGIN:VEVENT" in on_server["alarm"]
    assert on_server == on_file


def test_export_on_the_server_writes_the_same_tables(twins, tmp_path, capsys):
    said, names = [], []
    for n, place in enumerate(twins.places()):
        folder = tmp_path / f"export{n}"
        status, out, err = _run(capsys, "export", "--db", place, "-o", str(folder))
        assert status == 0, err
        lines = out.splitlines()
        assert lines[-1] == str(folder.resolve())
        said.append(lines[:-1])
        with (folder / "clients.csv").open(encoding="utf-8", newline="") as f:
            names.append(sorted((r["last_name"], r["first_name"]) for r in csv.DictReader(f)))
    on_file, on_server = said
    assert "clients: 14" in on_server and on_server == on_file
    assert len(names[1]) == 14 and names[1] == names[0]


# ---- what writes: recorded on the server ---------------------------------------------


def test_import_clients_from_a_csv_into_the_server(server_url, tmp_path, capsys):
    assert main(["--db", server_url, "migrate"]) == 0
    source = tmp_path / "clients.csv"
    source.write_text(
        "first_name,last_name,birth_date\nLía,Ficticia,1990-04-02\nBruno,Inventado,\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    status, out, _ = _run(capsys, "import-clients", "--db", server_url, str(source), "--dry-run")
    assert status == 0
    assert "line 2: would import: Ficticia, Lía" in out and "nothing written" in out
    status, out, _ = _run(capsys, "import-clients", "--db", server_url, str(source))
    assert (status, out.strip()) == (0, "imported 2 clients (ids 1–2)")
    status, out, _ = _run(capsys, "clients", "--db", server_url)
    names = [line.split("\t")[1] for line in out.splitlines()]
    assert names == ["Ficticia, Lía", "Inventado, Bruno"]
    # the same file again: both rows are duplicates, nothing imported
    status, _, err = _run(capsys, "import-clients", "--db", server_url, str(source))
    assert status == 1 and "2 duplicate rows" in err


def test_a_measure_form_printed_from_the_server_is_entered_back_on_it(twins, tmp_path, capsys):
    client = twins.summary.roles["drifter"]
    out = tmp_path / "phq9.pdf"
    argv = ["measure-sheet", "--db", twins.url, "--client", str(client), "--measure", "phq9"]
    status, said, err = _run(capsys, *argv, "-o", str(out))
    assert status == 0, err
    code = re.fullmatch(rf"{re.escape(str(out))} \(code (\w+)\)", said.strip())
    assert code is not None and code[1] in _pdf_text(out)
    # an existing file is replaced only with --force, on a server as on a file
    status, _, err = _run(capsys, *argv, "-o", str(out))
    assert status == 1 and "already exists; use --force" in err
    # When the returned paper form is entered by its code
    status, said, err = _run(
        capsys, "enter-form", code[1], "--db", twins.url, "--answers=1,1,2,0,1,1,0,1,0"
    )
    assert status == 0, err
    recorded = re.search(rf"Recorded PHQ-9 \(code {code[1]}\) as measure (\d+) ", said)
    assert recorded is not None and "total 7 (mild)" in said
    # Then it is on the server
    database = _on_server(twins.url)
    try:
        with database.session() as s:
            entered = [m for m in measures.measures_for(s, client) if m.id == int(recorded[1])]
    finally:
        database.dispose()
    assert [(m.total, m.answers, m.source) for m in entered] == [
        (7, (1, 1, 2, 0, 1, 1, 0, 1, 0), MeasureSource.PAPER)
    ]


def test_a_filled_fillable_form_is_imported_into_the_server(twins, tmp_path, capsys):
    client = twins.summary.roles["drifter"]
    blank = tmp_path / "gad7.pdf"
    argv = ["measure-sheet", "--db", twins.url, "--client", str(client), "--measure", "gad7"]
    assert _run(capsys, *argv, "--fillable", "-o", str(blank))[0] == 0
    code = str((PdfReader(blank).get_fields() or {})[CODE_FIELD]["/V"]).split("|")[1]
    back = tmp_path / "back.pdf"
    back.write_bytes(fill(blank.read_bytes(), {f"q{n}": "/2" for n in range(1, 8)}))
    status, said, err = _run(capsys, "import-sheet", str(back), "--db", twins.url)
    assert status == 0, err
    recorded = re.search(rf"\(code {code}\) as measure (\d+) ", said)
    assert recorded is not None and "total 14" in said
    database = _on_server(twins.url)
    try:
        with database.session() as s:
            found = [m for m in measures.measures_for(s, client) if m.id == int(recorded[1])]
    finally:
        database.dispose()
    assert [(m.total, m.source) for m in found] == [(14, MeasureSource.FILLABLE)]


def test_a_homework_sheet_printed_from_the_server_comes_back_into_its_review(
    server_url, tmp_path, capsys
):
    # Given a mood log set at an attended session, due at the next (attended too)
    assert main(["--db", server_url, "migrate"]) == 0
    first_day = date(2025, 3, 3)
    database = _on_server(server_url)
    try:
        with database.session() as s:
            client = clients.create(s, ClientInput(first_name="Lía", last_name="Ficticia")).id
            first = appointments.schedule(s, client, _at(first_day)).appointment.id
            appointments.mark(s, first, AppointmentStatus.ATTENDED)
            due = appointments.schedule(s, client, _at(first_day + timedelta(days=7)))
            assignment = homework.assign(
                s, client,
                AssignmentInput(
                    template_key="mood_log", title="Mood log", level=LiteracyLevel.STANDARD,
                    language=Language.EN, modality=Modality.FILLABLE_PDF, start_date=first_day,
                    due_date=first_day + timedelta(days=7),
                ),
                appointment_id=first,
            ).id  # fmt: skip
            blank = printing.sheet_for_assignment(
                s, assignment, templates=load_templates(), today=first_day
            )  # printed that day, for the next session (the command prints today)
            appointments.mark(s, due.appointment.id, AppointmentStatus.ATTENDED)
    finally:
        database.dispose()
    # When it comes back filled in and is imported from the shell
    back = tmp_path / "back.pdf"
    back.write_bytes(fill(blank, {"d1.mood": "40", "d2.mood": "150"}))
    status, said, err = _run(capsys, "import-sheet", str(back), "--db", server_url)
    # Then the review is on the server, with every answer
    assert status == 0, err
    assert "Imported 2 answers (1 flagged) of “Mood log”" in said
    assert f"session {due.appointment.id} of 2025-03-10: 2 days recorded" in said
    database = _on_server(server_url)
    try:
        with database.session() as s:
            rows = s.execute(
                text("SELECT appointment_id, days_recorded FROM homework_reviews")
            ).all()
            answers = s.execute(text("SELECT name, value FROM sheet_answers ORDER BY id")).all()
    finally:
        database.dispose()
    assert [tuple(r) for r in rows] == [(due.appointment.id, 2)]
    assert [tuple(r) for r in answers] == [("d1.mood", "40 / 100"), ("d2.mood", "150")]


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10)).astimezone()


def test_a_reminder_card_from_the_server_is_marked_printed_there(twins, tmp_path, capsys):
    database = _on_server(twins.url)
    try:
        with database.session() as s:
            a = homework.active_for_client(s, twins.summary.roles["drifter"])[0]
    finally:
        database.dispose()
    out = tmp_path / "card.pdf"
    argv = ["reminder-card", "--db", twins.url, "--assignment", str(a.id), "-o", str(out)]
    assert _run(capsys, *argv)[0] == 0
    assert a.code in _pdf_text(out)
    database = _on_server(twins.url)
    try:
        with database.session() as s:
            again = homework.active_for_client(s, twins.summary.roles["drifter"])[0]
    finally:
        database.dispose()
    assert again.reminder_card_printed is True


def test_check_on_the_server_says_how_the_connection_travels_and_its_latest_backup(
    twins, tmp_path, capsys
):
    # Given the server's practice after a command that writes the audit trail
    assert _run(capsys, "export", "--db", twins.url, "-o", str(tmp_path / "export"))[0] == 0
    # When it is checked
    status, out, err = _run(capsys, "check", "--db", twins.url)
    # Then the report names the server, the connection, the schema and an intact chain
    head = migrate.known_revisions()[1]
    dumps = server_backup.backup_folder(parse(twins.url))
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [
        out.splitlines()[1],  # server: PostgreSQL <its version>
        "connection: not encrypted (the server is on this computer)",
        f"schema: {head} (this version: {head})",
        out.splitlines()[4],
        f"backups: none in {dumps}",
        "result: ok",
    ]
    assert out.splitlines()[1].startswith("server: PostgreSQL 1")
    assert re.fullmatch(
        r"audit trail: ok \(\d+ events, keyed hash chain intact\)", out.splitlines()[4]
    )
    # After a backup, the check names it
    status, out, err = _run(capsys, "backup", "--db", twins.url)
    assert status == 0, err
    made = Path(out.splitlines()[-1])
    status, out, _ = _run(capsys, "check", "--db", twins.url)
    assert status == 0 and f"backups: latest {made.name}" in out.splitlines()
    # or the newest in the folder given with --backups
    status, out, _ = _run(capsys, "check", "--db", twins.url, "--backups", str(tmp_path))
    assert status == 0 and f"backups: none in {tmp_path}" in out.splitlines()


def test_output_files_on_a_server_are_checked_as_for_a_file(twins, tmp_path, capsys):
    argv = ["prep", "--db", twins.url, "--client", str(twins.summary.improver_id), "-o"]
    # the audit key file this computer kept for the server's practice is never written over
    key_file = parse(twins.url).local_path.with_name(
        parse(twins.url).local_path.name + ".audit-key"
    )
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_bytes(b"kept")
    status, out, err = _run(capsys, *argv, str(key_file), "--force")
    assert (status, out) == (1, "")
    assert "or one of its own files; nothing was written." in err
    assert key_file.read_bytes() == b"kept"
    # nor anything in the folder of the server's backups (pg_dump files)
    dumps = server_backup.backup_folder(parse(twins.url))
    status, _, err = _run(capsys, *argv, str(dumps / "prep.pdf"), "--force")
    assert status == 1 and f"is in the backups folder {dumps}" in err
    assert not (dumps / "prep.pdf").exists()
    # an existing file only with --force
    out_file = tmp_path / "prep.pdf"
    out_file.write_bytes(b"keep me")
    status, _, err = _run(capsys, *argv, str(out_file))
    assert status == 1 and f"{out_file} already exists; use --force to replace it." in err
    assert out_file.read_bytes() == b"keep me"
    assert _run(capsys, *argv, str(out_file), "--force")[0] == 0
    assert out_file.read_bytes().startswith(b"%PDF")


# ---- what works on the file itself: refused on a server ------------------------------


@pytest.mark.parametrize(
    "argv",
    [["encrypt"], ["change-passphrase"], ["recovery-key"], ["recovery-key", "--kept"]],
)
def test_encryption_commands_say_it_is_the_servers_job(server_url, argv, capsys, monkeypatch):
    monkeypatch.setenv("PRACTICE_NEW_PASSPHRASE", "a long passphrase for the test")
    monkeypatch.setenv("PRACTICE_PASSPHRASE", "a long passphrase for the test")
    url = server_url.replace("postgres@", "postgres:Pw-Never-Shown@")
    status, out, err = _run(capsys, "--db", url, *argv)
    assert (status, out) == (1, "")
    assert "on a server, encryption at rest is the server's job" in err
    assert "see docs/architecture.md, Encryption at rest on a server. Nothing was changed." in err
    assert "Pw-Never-Shown" not in err and "postgres:***@" in err
    # nothing was made on the server
    assert not migrate.inspect(parse(server_url)).exists


def test_break_lock_is_refused_on_a_server_and_nothing_is_written(twins, tmp_path, capsys):
    folder = tmp_path / "export"
    status, out, err = _run(capsys, "export", "--db", twins.url, "-o", str(folder), "--break-lock")
    assert (status, out) == (1, "")
    assert "--break-lock is for a practice file: on a server there is no lock file" in err
    assert not folder.exists()


def test_help_names_what_a_server_does_not_take_instead_of_a_list_so_far(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    db_help = help_text[help_text.index("--db PATH") :]
    assert "so far" not in db_help
    assert (
        "not for the commands that work on the file itself: encrypt, change-passphrase, "
        "recovery-key" in db_help
    )
