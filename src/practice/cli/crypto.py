"""``practice encrypt`` and ``practice change-passphrase`` (passphrases: ``passphrase``).

Both write, so they hold the one-writer lock. The new passphrase comes from
``PRACTICE_NEW_PASSPHRASE`` (or ``PRACTICE_PASSPHRASE`` for ``encrypt``) or is typed
twice on the terminal.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from practice.cli.base import (
    Subcommands,
    add_command,
    db_path,
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
    new_passphrase,
)
from practice.db import crypto, encryption, migrate
from practice.services.backup import default_backup_dir


def _backup_dirs(args: argparse.Namespace) -> list[Path]:
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
    if args.recovery_pdf:
        output_file(args, Path(args.recovery_pdf))  # refused before anything is encrypted
    passphrase = new_passphrase(NEW_PASSPHRASE_ENV, PASSPHRASE_ENV)
    with writing(path, "practice encrypt", take_over=args.break_lock):
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
    # deferred: start-up speed (25 ms: ReportLab)
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
        old = given_or_asked(RECOVERY_KEY_ENV, "Recovery key: ")
    else:
        old = given_or_asked(PASSPHRASE_ENV, "Current passphrase: ")
    new = new_passphrase(NEW_PASSPHRASE_ENV)
    with writing(path, "practice change-passphrase", take_over=args.break_lock):
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
