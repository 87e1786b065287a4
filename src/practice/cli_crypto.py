"""Passphrases on the command line, ``practice encrypt`` and ``practice change-passphrase``.

Every command that opens an encrypted practice gets its key through
:func:`key_for`: the passphrase comes from ``PRACTICE_PASSPHRASE`` (for scripts)
or is asked on the terminal (three tries). With neither, the command stops with a
clear message and exit status 1. A wrong passphrase is noted beside the database
(time only) and moved into the audit trail at the next unlock in the app.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from practice.cli import EXIT_OK, CliError, db_path, writing
from practice.db import crypto, encryption, migrate

PASSPHRASE_ENV = "PRACTICE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PRACTICE_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "PRACTICE_RECOVERY_KEY"
TRIES = 3


def interactive() -> bool:
    """Whether we may ask on the terminal (tests replace this)."""
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass.getpass(prompt)


def key_for(path: Path) -> bytes | None:
    """The key of the practice at ``path``, or None when it is not encrypted."""
    if not crypto.is_encrypted(path):
        return None
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return _unlock(path, given)
    if not interactive():
        raise CliError(
            f"{path} is encrypted; passphrase needed. Set {PASSPHRASE_ENV}, or run the "
            "command in a terminal to type it."
        )
    for attempt in range(1, TRIES + 1):
        try:
            return _unlock(path, _ask(f"Passphrase for {path.name}: "))
        except CliError:
            if attempt == TRIES:
                raise
            print("wrong passphrase, try again", file=sys.stderr)
    raise AssertionError("unreachable")


def key_for_backup(path: Path, backup_file: Path) -> bytes | None:
    """The key to restore ``backup_file`` into ``path``: the practice's own, or — for an
    encrypted backup restored where no encrypted practice is — the key of the backup
    folder's key file copy that the passphrase unlocks."""
    key = key_for(path)
    if key is not None or crypto.has_plain_header(backup_file):
        return key
    key_files = sorted(backup_file.parent.glob("*" + crypto.KEY_FILE_SUFFIX))
    if not key_files:
        raise CliError(
            f"{backup_file.name} is encrypted and there is no key file beside it; "
            "set a passphrase with the recovery key first (practice change-passphrase "
            "--recovery-key) or copy the practice's .key.json next to the backup."
        )
    given = os.environ.get(PASSPHRASE_ENV)
    if not given and not interactive():
        raise CliError(f"{backup_file.name} is encrypted; passphrase needed. Set {PASSPHRASE_ENV}.")
    passphrase = given or _ask(f"Passphrase for {backup_file.name}: ")
    for key_file in key_files:
        try:
            return crypto.unlock(path, passphrase, key_file=key_file)
        except crypto.CryptoError:
            continue
    raise CliError("wrong passphrase")


def _unlock(path: Path, passphrase: str) -> bytes:
    try:
        return crypto.unlock(path, passphrase)
    except crypto.WrongPassphraseError as exc:
        crypto.note_unlock_failure(path, "wrong passphrase (command line)")
        raise CliError(str(exc)) from exc
    except crypto.CryptoError as exc:
        raise CliError(str(exc)) from exc


def _new_passphrase(*envs: str) -> str:
    """A new passphrase from the first of ``envs`` that is set, or typed twice."""
    given = next((os.environ[e] for e in envs if os.environ.get(e)), None)
    if given is None and not interactive():
        raise CliError(f"Set {envs[0]}, or run the command in a terminal to type it.")
    passphrase = given if given is not None else _ask("New passphrase: ")
    problem = crypto.check_passphrase(passphrase)
    if problem:
        raise CliError(problem)
    if given is None and _ask("New passphrase again: ") != passphrase:
        raise CliError("The two passphrases differ; nothing was changed.")
    return passphrase


def _backup_dirs(args: argparse.Namespace) -> list[Path]:
    from practice.services.backup import default_backup_dir

    return [default_backup_dir(), *(args.backups or [])]


def cmd_encrypt(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.is_file():
        raise CliError(f"{path} does not exist.")
    if crypto.is_encrypted(path):
        raise CliError(f"{path} is already encrypted; use `practice change-passphrase`.")
    try:
        migrate.inspect(path)
    except migrate.DatabaseError as exc:
        raise CliError(str(exc)) from exc
    passphrase = _new_passphrase(NEW_PASSPHRASE_ENV, PASSPHRASE_ENV)
    with writing(path, "practice encrypt"):
        try:
            result = encryption.encrypt(path, passphrase, backup_dirs=_backup_dirs(args))
        except crypto.CryptoError as exc:
            raise CliError(str(exc)) from exc
    print(f"encrypted {path}")
    for copy in result.encrypted_copies:
        print(f"encrypted the older copy {copy}")
    for copy, why in result.left_plain:
        print(f"warning: {copy} could not be encrypted and is still readable: {why}")
    if args.recovery_pdf:
        _write_pdf(args.recovery_pdf, result.recovery_key, path)
        print(f"recovery key page written to {args.recovery_pdf}")
    print(
        "\nRecovery key: it opens the practice if the passphrase is forgotten. Write it down "
        "or print it and keep it away from this computer. It is shown only now.\n"
    )
    print(result.recovery_key)
    return EXIT_OK


def _write_pdf(target: Path, recovery_key: str, path: Path) -> None:
    from practice.sheets.recovery_sheet import recovery_key_pdf

    data = recovery_key_pdf(recovery_key, practice=str(path.resolve()), created=datetime.now())
    try:
        crypto.write_private(target, data)
    except OSError as exc:
        print(f"warning: could not write {target}: {exc.strerror}", file=sys.stderr)


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not crypto.is_encrypted(path):
        raise CliError(f"{path} is not encrypted; use `practice encrypt` to set a passphrase.")
    if args.recovery_key:
        old = os.environ.get(RECOVERY_KEY_ENV) or (_ask("Recovery key: ") if interactive() else "")
        if not old:
            raise CliError(f"Set {RECOVERY_KEY_ENV}, or run the command in a terminal.")
    else:
        old = os.environ.get(PASSPHRASE_ENV) or (
            _ask("Current passphrase: ") if interactive() else ""
        )
        if not old:
            raise CliError(f"Set {PASSPHRASE_ENV}, or run the command in a terminal.")
    new = _new_passphrase(NEW_PASSPHRASE_ENV)
    with writing(path, "practice change-passphrase"):
        try:
            if args.recovery_key:
                encryption.reset_passphrase(path, old, new, backup_dirs=_backup_dirs(args))
            else:
                encryption.change_passphrase(path, old, new, backup_dirs=_backup_dirs(args))
        except crypto.WrongPassphraseError as exc:
            crypto.note_unlock_failure(path, "wrong passphrase (change passphrase)")
            raise CliError(f"{exc}; nothing was changed.") from exc
        except crypto.CryptoError as exc:
            raise CliError(str(exc)) from exc
    print(f"passphrase changed for {path}; the recovery key is unchanged")
    return EXIT_OK


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], db_option: Callable[..., None]
) -> None:
    help_text = "encrypt the practice (database, WAL and backups) with a passphrase"
    cmd = sub.add_parser(
        "encrypt",
        help=help_text,
        description=help_text + f". The passphrase comes from {NEW_PASSPHRASE_ENV} or "
        f"{PASSPHRASE_ENV}, or is asked twice. Prints the recovery key last.",
    )
    db_option(cmd)
    cmd.add_argument(
        "--backups",
        type=Path,
        action="append",
        metavar="DIR",
        help="another backup folder whose plain backups are encrypted too (repeatable)",
    )
    cmd.add_argument(
        "--recovery-pdf", type=Path, metavar="FILE", help="also write the recovery key page (PDF)"
    )
    cmd.set_defaults(handler=cmd_encrypt)

    help_text = "change the passphrase of an encrypted practice"
    cmd = sub.add_parser(
        "change-passphrase",
        help=help_text,
        description=help_text + f". The current one comes from {PASSPHRASE_ENV} (or "
        f"{RECOVERY_KEY_ENV} with --recovery-key), the new one from {NEW_PASSPHRASE_ENV}; "
        "either is asked on a terminal.",
    )
    db_option(cmd)
    cmd.add_argument(
        "--recovery-key", action="store_true", help="prove it with the recovery key instead"
    )
    cmd.add_argument("--backups", type=Path, action="append", metavar="DIR", help=argparse.SUPPRESS)
    cmd.set_defaults(handler=cmd_change_passphrase)
