"""``practice move --to URL_OR_PATH``: the practice copied from a file to a PostgreSQL
server or back, then verified there (``practice.services.move``).

The source (``--db``) is only read. A source file is held under its one-writer lock
for the whole copy, so that nothing writes to it meanwhile; an encrypted one is
unlocked with its passphrase as for every command. The target must be new: an empty
server database, or a file that does not exist yet. A file made by ``move`` is not
encrypted (encrypt it afterwards with ``practice encrypt``).
"""

from __future__ import annotations

import argparse
from contextlib import ExitStack

from practice.cli.base import Subcommands, add_command, db_place, practice_place, settle, writing
from practice.cli.errors import EXIT_OK, CliError
from practice.cli.passphrase import key_for
from practice.db import file_access
from practice.db.location import Location
from practice.services.move import MoveError, MoveReport, move


def register(sub: Subcommands) -> None:
    cmd = add_command(
        sub,
        "move",
        cmd_move,
        "copy the practice from its file to a PostgreSQL server, or back, and verify it",
        "Copy the practice (--db) to a new place (--to): from a file into an empty "
        "PostgreSQL database, or from a server database into a new file. The source is "
        "left as it is; the copy is verified (rows of every table, audit chain) before "
        "it can be opened. A file made this way is not encrypted: run `practice "
        "encrypt` on it afterwards if you want it encrypted.",
        writes=True,
    )
    cmd.add_argument(
        "--to",
        type=practice_place,
        required=True,
        metavar="URL_OR_PATH",
        help="where the practice goes: postgresql://user@host:port/name (an empty "
        "database) or the path of a new file",
    )


def cmd_move(args: argparse.Namespace) -> int:
    source = db_place(args)
    target = args.to if isinstance(args.to, Location) else Location(path=args.to)
    with ExitStack() as stack:
        key = None
        if isinstance(source, Location):
            place = source
        else:
            stack.enter_context(writing(source, "practice move", take_over=args.break_lock))
            key = key_for(source)
            settle(source, key, locked=True)
            place = Location(path=source)
        if target.path is not None:
            try:
                file_access.check(target.path, write=True)
            except file_access.AccessError as exc:
                raise CliError(f"{exc} Nothing was written.") from exc
        try:
            report = move(place, target, key=key)
        except MoveError as exc:
            raise CliError(str(exc)) from exc
    _print(report)
    return EXIT_OK


def _print(report: MoveReport) -> None:
    print(f"moved {report.source.display} to {report.target.display}")
    width = max(len(name) for name in report.counts) + 2
    print(f"{'table':<{width}} {'rows':>8}")
    for name, rows in report.counts.items():
        print(f"{name:<{width}} {rows:>8,}")
    print(f"{'audit keys':<{width}} {report.keys:>8,}")
    print(f"audit chain verified: {report.events} events")
