"""Passphrases on the command line.

Every command that opens an encrypted practice gets its key through
:func:`key_for`: the passphrase comes from ``PRACTICE_PASSPHRASE`` (for scripts)
or is asked on the terminal (three tries). With neither, the command stops with a
clear message and exit status 1. A wrong passphrase is noted beside the database
(time only) and moved into the audit trail at the next unlock in the app. The key
file's copies in the backup folders are tried too (``practice.db.keyring``).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from practice.cli.errors import CliError
from practice.db import crypto, keyring

PASSPHRASE_ENV = "PRACTICE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PRACTICE_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "PRACTICE_RECOVERY_KEY"
TRIES = 3


def interactive() -> bool:
    """Whether we may ask on the terminal (tests replace this)."""
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass.getpass(prompt)


def key_for(path: Path, envs: tuple[str, ...] = (PASSPHRASE_ENV,)) -> bytes | None:
    """The key of the practice at ``path``, or None when it is not encrypted; the
    passphrase comes from the first of ``envs`` that is set, or the terminal."""
    if not keyring.needs_key(path):
        return None
    if keyring.key_file_lost(path):
        raise CliError(keyring.lost_message(path))
    given = next((os.environ[e] for e in envs if os.environ.get(e)), None)
    if given:
        return _unlock(path, given)
    if not interactive():
        raise CliError(
            f"{path} is encrypted; passphrase needed. Set {envs[0]}, or run the "
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
        return keyring.unlock(path, passphrase)
    except crypto.WrongPassphraseError as exc:
        crypto.note_unlock_failure(path, "wrong passphrase (command line)")
        raise CliError(str(exc)) from exc
    except crypto.CryptoError as exc:
        raise CliError(str(exc)) from exc


def given_or_asked(env: str, prompt: str) -> str:
    """The secret in the variable ``env``, or typed once on the terminal."""
    value = os.environ.get(env) or (_ask(prompt) if interactive() else "")
    if not value:
        raise CliError(f"Set {env}, or run the command in a terminal.")
    return value


def new_passphrase(*envs: str) -> str:
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
