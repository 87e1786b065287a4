"""Key derivation, wrapping, the key file and the recovery key."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE

from practice.db import crypto


def test_derivation_is_deterministic_with_the_salt_and_differs_without_it() -> None:
    salt = bytes(range(16))

    first = crypto.derive_key(PASSPHRASE, salt, FAST)

    assert len(first) == 32
    assert crypto.derive_key(PASSPHRASE, salt, FAST) == first
    assert crypto.derive_key(PASSPHRASE, bytes(16), FAST) != first
    assert crypto.derive_key(PASSPHRASE + "!", salt, FAST) != first
    assert crypto.derive_key(PASSPHRASE, salt, crypto.KdfParams(2, 8 * 1024, 1)) != first


def test_default_argon2id_cost_is_felt_once_per_unlock() -> None:
    # Given the real parameters (64 MiB, 3 passes, 4 lanes)
    start = time.perf_counter()
    crypto.derive_key(PASSPHRASE, bytes(16))
    elapsed = time.perf_counter() - start
    # Then one derivation is slow enough to hurt guessing, quick enough for a person
    assert 0.02 < elapsed < 3.0


def test_wrapped_key_unwraps_only_with_its_passphrase() -> None:
    key = crypto.new_database_key()
    wrapped = crypto.wrap_key(key, PASSPHRASE, FAST)

    restored = crypto.KeyFile.from_json(wrapped.to_json())

    assert crypto.unwrap_key(restored, PASSPHRASE) == key
    with pytest.raises(crypto.WrongPassphraseError, match="wrong passphrase"):
        crypto.unwrap_key(restored, "correct horse battery!")
    assert restored.key_id == crypto.key_id(key)
    assert key.hex() not in wrapped.to_json()


def test_key_file_names_its_kdf_and_parameters(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    crypto.write_private(path, crypto.wrap_key(bytes(32), PASSPHRASE, FAST).to_json().encode())

    data = json.loads(path.read_text())

    assert data["kdf"] == "argon2id" and data["version"] == 1
    assert (data["time_cost"], data["memory_cost"], data["parallelism"]) == (1, 8192, 1)
    assert len(crypto.KeyFile.from_json(path.read_text()).salt) == 16
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_damaged_key_file_is_a_clear_error() -> None:
    with pytest.raises(crypto.CryptoError, match="key file is damaged"):
        crypto.KeyFile.from_json('{"format": "practice-database-key", "version": 1}')


def test_recovery_key_round_trips_and_forgives_how_it_is_typed() -> None:
    key = crypto.new_database_key()

    text = crypto.format_recovery_key(key)

    groups = text.split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups)
    assert crypto.parse_recovery_key(text) == key
    sloppy = " ".join(groups).lower().replace("o", "0").replace("i", "1")
    assert crypto.parse_recovery_key(sloppy) == key


def test_mistyped_recovery_key_is_caught_by_its_check_group() -> None:
    text = crypto.format_recovery_key(bytes(range(32)))
    swapped = ("B" if text[0] != "B" else "C") + text[1:]

    with pytest.raises(crypto.WrongPassphraseError, match="mistyped"):
        crypto.parse_recovery_key(swapped)
    with pytest.raises(crypto.WrongPassphraseError, match="56 letters"):
        crypto.parse_recovery_key(text[:-5])


@pytest.mark.parametrize(
    ("passphrase", "ok"), [("short", False), (" padded passphrase", False), ("long enough", True)]
)
def test_passphrase_rules(passphrase: str, ok: bool) -> None:
    assert (crypto.check_passphrase(passphrase) is None) is ok
