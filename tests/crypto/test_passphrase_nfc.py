"""An accented passphrase is the same however the keyboard composes its letters (NFC
before the key derivation), also for key files written before that rule."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, legacy_key_file

from practice.cli import main, passphrase
from practice.db import crypto, encryption, keyring

TYPED = "Crème brûlée à côté"
COMPOSED = unicodedata.normalize("NFC", TYPED)
DECOMPOSED = unicodedata.normalize("NFD", TYPED)


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passphrase, "interactive", lambda: False)


def _clients(path: Path, phrase: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("PRACTICE_PASSPHRASE", phrase)
    return main(["clients", "--db", str(path)])


def test_the_two_forms_really_differ() -> None:
    assert COMPOSED != DECOMPOSED and len(DECOMPOSED) > len(COMPOSED)


@pytest.mark.parametrize(("chosen", "typed"), [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED)])
def test_either_form_opens_a_practice_encrypted_with_the_other(
    plain_practice: Path, chosen: str, typed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a practice encrypted with the passphrase in one form
    result = encryption.encrypt(plain_practice, chosen, params=FAST)

    # Then the other form opens it, on the command line and in the app's unlock
    assert _clients(plain_practice, typed, monkeypatch) == 0
    assert keyring.unlock(plain_practice, typed) == result.key
    assert _clients(plain_practice, "Creme brulee a cote", monkeypatch) == 1


def test_key_file_from_before_normalisation_opens_and_is_wrapped_again(
    plain_practice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a practice whose key file (and its copy) was written before the rule,
    # from a passphrase typed decomposed
    result = encryption.encrypt(plain_practice, "placeholder passphrase", params=FAST)
    legacy = legacy_key_file(result.key, DECOMPOSED)
    copy = keyring.copy_path(plain_practice, tmp_path / "backups")
    copy.parent.mkdir(parents=True)
    for path in (crypto.key_file_path(plain_practice), copy):
        path.write_text(legacy)

    # When it is typed as before, Then it opens, and the key files are wrapped again
    assert _clients(plain_practice, DECOMPOSED, monkeypatch) == 0
    rewritten = json.loads(crypto.key_file_path(plain_practice).read_text())
    assert rewritten["passphrase"] == "nfc" and copy.read_text() != legacy
    assert json.loads(copy.read_text())["passphrase"] == "nfc"

    # so that the composed form opens it too, and a wrong one still does not
    assert _clients(plain_practice, COMPOSED, monkeypatch) == 0
    assert _clients(plain_practice, "Creme brulee a cote", monkeypatch) == 1


def test_legacy_key_file_typed_composed_needs_no_rewrap(plain_practice: Path) -> None:
    # Given a pre-rule key file made from the composed form (what most keyboards send)
    result = encryption.encrypt(plain_practice, "placeholder passphrase", params=FAST)
    legacy = legacy_key_file(result.key, COMPOSED)
    crypto.key_file_path(plain_practice).write_text(legacy)

    # Then both forms open it, and the file is left as it was
    assert keyring.unlock(plain_practice, DECOMPOSED) == result.key
    assert keyring.unlock(plain_practice, COMPOSED) == result.key
    assert crypto.key_file_path(plain_practice).read_text() == legacy
