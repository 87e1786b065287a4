"""``practice encrypt``, ``practice change-passphrase`` and ``practice recovery-key``
(passphrases: ``passphrase``).

They write, so they hold the one-writer lock. The new passphrase comes from
``PRACTICE_NEW_PASSPHRASE`` (or ``PRACTICE_PASSPHRASE`` for ``encrypt``) or is typed
twice on the terminal. ``encrypt`` run again on an encrypted practice finishes what an
interrupted run left (plain copies, the recovery key not yet confirmed as kept).
A practice on a server is refused: its encryption at rest is the server's job.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from practice.cli.base import (
    ENCRYPTION_ON_A_SERVER,
    Subcommands,
    add_command,
    db_path,
    file_only,
    force_option,
    output_file,
    writing,
)
from practice.cli.errors import EXIT_OK, CliError
from practice.cli.passphrase import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    RECOVERY_KEY_ENV,
    given_or_asked,
    key_for,
    new_passphrase,
)
from practice.db import crypto, encryption, keyring, migrate
from practice.db.engine import Database
from practice.services import audit
from practice.services.backup import default_backup_dir


def _backup_dirs(args: argparse.Namespace) -> list[Path]:
    return [default_backup_dir(db_path(args)), *(getattr(args, "backups", None) or [])]


def cmd_encrypt(args: argparse.Namespace) -> int:
    file_only(args, ENCRYPTION_ON_A_SERVER)
    path = db_path(args)
    if not path.is_file():
        raise CliError(f"{path} does not exist.")
    dirs = _backup_dirs(args)
    if keyring.needs_key(path):
        return _finish_encrypt(args, path, dirs)
    try:
        migrate.inspect(path)
    except migrate.DatabaseError as exc:
        raise CliError(str(exc)) from exc
    if args.recovery_pdf:
        output_file(args, Path(args.recovery_pdf))  # refused before anything is encrypted
    passphrase = new_passphrase(NEW_PASSPHRASE_ENV, PASSPHRASE_ENV)
    with writing(path, "practice encrypt", take_over=args.break_lock):
        try:
            result = encryption.encrypt(path, passphrase, backup_dirs=dirs)
        except (crypto.CryptoError, OSError) as exc:
            raise CliError(str(exc)) from exc
        _audit_encryption(path, result.key)
    print(f"encrypted {path}")
    _report(result.copies)
    _show_recovery_key(args, result.recovery_key, path)
    return EXIT_OK


def _finish_encrypt(args: argparse.Namespace, path: Path, dirs: list[Path]) -> int:
    """An encrypted practice: finish an interrupted encryption, or say it is done."""
    todo = encryption.pending(path, dirs)
    if not todo and not keyring.key_file_lost(path):
        raise CliError(f"{path} is already encrypted; use `practice change-passphrase`.")
    key = key_for(path, (NEW_PASSPHRASE_ENV, PASSPHRASE_ENV))
    assert key is not None
    with writing(path, "practice encrypt"):
        copies = encryption.finish(path, key, dirs)
        _audit_encryption(path, key)  # when the run that encrypted was stopped before it
    if todo.plain:
        print(f"{path} is encrypted; finished what an interrupted encryption left")
    else:
        print(f"{path} is already encrypted; its recovery key is not yet confirmed as kept")
    _report(copies)
    if todo.recovery_unconfirmed:
        _show_recovery_key(args, crypto.format_recovery_key(key), path)
    return EXIT_OK


def _audit_encryption(path: Path, key: bytes) -> None:
    database = Database(path, key=key)
    try:
        with database.session() as db:
            audit.encryption_turned_on(db)
    finally:
        database.dispose()


def _report(copies: encryption.CopiesResult) -> None:
    for copy in copies.encrypted:
        print(f"encrypted the older copy {copy}")
    for copy in copies.removed:
        print(f"deleted the unfinished plain backup {copy}")
    for copy, why in copies.left_plain:
        print(f"warning: {copy} could not be encrypted and is still readable: {why}")
    for folder in copies.unreachable:
        print(
            f"warning: the backup folder {folder} was not found; plain backups in it stay "
            "readable. Run `practice encrypt` again when it is back."
        )


def _show_recovery_key(args: argparse.Namespace, recovery_key: str, path: Path) -> None:
    if args.recovery_pdf:
        _write_pdf(args.recovery_pdf, recovery_key, path)
        print(f"recovery key page written to {args.recovery_pdf}")
    print(
        "\nRecovery key: it opens the practice if the passphrase is forgotten or the key "
        "file is lost. Write it down or print it and keep it away from this computer. "
        "`practice recovery-key` shows it again until you confirm with "
        "`practice recovery-key --kept` that it is kept.\n"
    )
    print(recovery_key)


def _write_pdf(target: Path, recovery_key: str, path: Path) -> None:
    # deferred: start-up speed (25 ms: ReportLab)
    from practice.sheets.recovery_sheet import recovery_key_pdf

    data = recovery_key_pdf(recovery_key, practice=str(path.resolve()), created=datetime.now())
    try:
        crypto.write_private(target, data)
    except OSError as exc:
        print(f"warning: could not write {target}: {exc.strerror}", file=sys.stderr)


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    file_only(args, ENCRYPTION_ON_A_SERVER)
    path = db_path(args)
    if not keyring.needs_key(path):
        raise CliError(f"{path} is not encrypted; use `practice encrypt` to set a passphrase.")
    if args.recovery_key:
        old = given_or_asked(RECOVERY_KEY_ENV, "Recovery key: ")
    elif keyring.key_file_lost(path):
        raise CliError(keyring.lost_message(path))
    else:
        old = given_or_asked(PASSPHRASE_ENV, "Current passphrase: ")
    new = new_passphrase(NEW_PASSPHRASE_ENV)
    rebuilt = keyring.key_file_lost(path)
    with writing(path, "practice change-passphrase", take_over=args.break_lock):
        try:
            if args.recovery_key:
                encryption.reset_passphrase(path, old, new, backup_dirs=_backup_dirs(args))
            else:
                encryption.change_passphrase(path, old, new, backup_dirs=_backup_dirs(args))
        except crypto.WrongPassphraseError as exc:
            what = "wrong recovery key" if args.recovery_key else "wrong passphrase"
            crypto.note_unlock_failure(path, f"{what} (change passphrase)")
            raise CliError(f"{exc}; nothing was changed.") from exc
        except (crypto.CryptoError, OSError) as exc:
            raise CliError(str(exc)) from exc
    if rebuilt:
        print(f"key file {crypto.key_file_path(path)} written again")
    print(f"passphrase changed for {path}; the recovery key is unchanged")
    return EXIT_OK


def cmd_recovery_key(args: argparse.Namespace) -> int:
    file_only(args, ENCRYPTION_ON_A_SERVER)
    path = db_path(args)
    if not keyring.needs_key(path):
        raise CliError(f"{path} is not encrypted: it has no recovery key.")
    key = key_for(path)
    assert key is not None
    if args.kept:
        with writing(path, "practice recovery-key"):
            keyring.mark_recovery_kept(path, _backup_dirs(args))
        print("noted: the recovery key is kept; it is not shown again")
        return EXIT_OK
    if keyring.current(path).recovery_kept:
        raise CliError(
            f"The recovery key of {path.name} was confirmed as kept and is not shown again."
        )
    _show_recovery_key(args, crypto.format_recovery_key(key), path)
    return EXIT_OK


def register(sub: Subcommands) -> None:
    help_text = "encrypt the practice (database, WAL and backups) with a passphrase"
    cmd = add_command(
        sub,
        "encrypt",
        cmd_encrypt,
        help_text,
        help_text + f". The passphrase comes from {NEW_PASSPHRASE_ENV} or "
        f"{PASSPHRASE_ENV}, or is asked twice. Prints the recovery key last.",
        writes=True,
    )
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
    force_option(cmd)

    help_text = "change the passphrase of an encrypted practice"
    cmd = add_command(
        sub,
        "change-passphrase",
        cmd_change_passphrase,
        help_text,
        help_text + f". The current one comes from {PASSPHRASE_ENV} (or "
        f"{RECOVERY_KEY_ENV} with --recovery-key), the new one from {NEW_PASSPHRASE_ENV}; "
        "either is asked on a terminal.",
        writes=True,
    )
    cmd.add_argument(
        "--recovery-key", action="store_true", help="prove it with the recovery key instead"
    )
    cmd.add_argument("--backups", type=Path, action="append", metavar="DIR", help=argparse.SUPPRESS)

    help_text = "show the recovery key again, until you confirm it is kept (--kept)"
    cmd = add_command(
        sub,
        "recovery-key",
        cmd_recovery_key,
        help_text,
        help_text + f". The passphrase comes from {PASSPHRASE_ENV} or is asked.",
    )
    cmd.add_argument(
        "--kept", action="store_true", help="the recovery key is written down: stop showing it"
    )
    cmd.add_argument(
        "--recovery-pdf", type=Path, metavar="FILE", help="also write the recovery key page (PDF)"
    )
