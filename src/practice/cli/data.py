"""``practice export`` and ``practice import-clients``: data in and out from the shell.

Both write (the export adds an audit event), so both take the database's one-writer
lock; ``import-clients --dry-run`` only reads and does not. Problems go to stderr as
``line N: field: message`` and the exit status is 1; nothing is written then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from practice import work_folders
from practice.cli.base import (
    Subcommands,
    add_command,
    db_place,
    existing_place,
    open_practice,
    refuse_protected,
)
from practice.cli.errors import EXIT_OK, CliError
from practice.cli.output import terminal_text
from practice.db.location import Location
from practice.services.export import export_all, export_file_names, export_tables
from practice.services.import_clients import ImportPreview, apply_import, preview_import


def register(sub: Subcommands) -> None:
    cmd = add_command(
        sub,
        "export",
        cmd_export,
        "write every table as CSV and JSON, with a README of the fields",
        writes=True,
    )
    cmd.add_argument(
        "-o", "--out", type=Path, required=True, metavar="DIR", help="a new or empty folder"
    )
    cmd.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that holds files, replacing those with the export's names "
        "(never the practice, its own files or its backups)",
    )
    cmd.add_argument(
        "--include-psychotherapy-notes",
        action="store_true",
        help="also export the therapist's private process notes (left out by default)",
    )

    cmd = add_command(
        sub,
        "import-clients",
        cmd_import_clients,
        "add clients from a CSV file (all rows or none)",
        writes=True,
    )
    cmd.add_argument("file", type=Path, metavar="FILE.csv", help="UTF-8 CSV with a header row")
    cmd.add_argument(
        "--dry-run", action="store_true", help="check the file and show what would be imported"
    )
    cmd.add_argument(
        "--skip-duplicates",
        action="store_true",
        help="leave out rows with the same name and birth date as a client (or an earlier "
        "row) instead of refusing the file",
    )


def cmd_export(args: argparse.Namespace) -> int:
    path = existing_place(args)
    work_folders.remove_stale()  # what an export killed earlier left behind
    into_existing = _check_export_folder(args, Path(args.out))
    with open_practice(path, writer="practice export", take_over=args.break_lock) as db:
        result = export_all(
            db,
            args.out,
            include_psychotherapy_notes=args.include_psychotherapy_notes,
            replace=into_existing,
        )
    for table, count in result.row_counts.items():
        print(f"{table}: {count}")
    print(result.out_dir.resolve())
    return EXIT_OK


def _check_export_folder(args: argparse.Namespace, out: Path) -> bool:
    """Refuse a folder of the practice; True when ``out`` holds files (only with --force)."""
    refuse_protected(args, out)
    if not out.is_dir() or not any(out.iterdir()):
        return False
    if not args.force:
        raise CliError(
            f"{out} is not empty; choose a new or empty folder, or use --force to write "
            "the export's files into it (files with the same names are replaced)."
        )
    tables = export_tables(include_psychotherapy_notes=args.include_psychotherapy_notes)
    for name in export_file_names(tables):
        refuse_protected(args, out / name)
    return True


def cmd_import_clients(args: argparse.Namespace) -> int:
    source: Path = args.file
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {source}: {exc.strerror or exc}") from exc
    path = db_place(args)
    if args.dry_run:
        return _dry_run(path, data, skip_duplicates=args.skip_duplicates)
    with open_practice(path, writer="practice import-clients", take_over=args.break_lock) as db:
        preview = preview_import(db, data)
        _refuse_unless_clean(preview, skip_duplicates=args.skip_duplicates)
        created = apply_import(db, preview, skip_duplicates=args.skip_duplicates)
    skipped = [str(r.line_no) for r in preview.duplicates]
    if skipped:
        lines = "line" + "s" * (len(skipped) != 1)
        print(f"skipped {_count(len(skipped), 'duplicate')}: {lines} {', '.join(skipped)}")
    ids = ""
    if created:
        ids = f" (id {created[0]})" if len(created) == 1 else f" (ids {created[0]}–{created[-1]})"
    print(f"imported {_count(len(created), 'client')}{ids}")
    return EXIT_OK


def _refuse_unless_clean(preview: ImportPreview, *, skip_duplicates: bool) -> None:
    """Print the problems and raise CliError unless the import may go ahead."""
    if not preview.ok:
        for problem in preview.problems(include_duplicates=False):
            print(problem, file=sys.stderr)
        bad = len(preview.error_rows)
        what = f"{_count(bad, 'row')} with errors" if bad else "the file cannot be read"
        raise CliError(f"nothing imported: {what}.")
    if preview.duplicates and not skip_duplicates:
        for row in preview.duplicates:
            for problem in row.problems():
                print(problem, file=sys.stderr)
        raise CliError(
            f"nothing imported: {_count(len(preview.duplicates), 'duplicate row')}; "
            "use --skip-duplicates to import the other rows."
        )


def _dry_run(path: Path | Location, data: bytes, *, skip_duplicates: bool) -> int:
    with open_practice(path) as db:  # a missing file is refused, as by the import
        preview = preview_import(db, data)
        db.rollback()
    _refuse_unless_clean(preview, skip_duplicates=skip_duplicates)
    for row in preview.rows:
        assert row.data is not None  # a clean preview has every row's data
        name = f"{row.data.last_name.strip()}, {row.data.first_name.strip()}"
        if row.is_duplicate:
            print(f"line {row.line_no}: would skip (duplicate): {terminal_text(name)}")
        else:
            print(f"line {row.line_no}: would import: {terminal_text(name)}")
    n, d = len(preview.importable(skip_duplicates=True)), len(preview.duplicates)
    skipped = f", {_count(d, 'duplicate')} skipped" if d else ""
    print(f"dry run: {_count(n, 'client')} would be imported{skipped}; nothing written")
    return EXIT_OK


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"
